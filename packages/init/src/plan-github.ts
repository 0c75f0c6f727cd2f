// The CI workflow, the ruleset that requires its check and code owner review, and the CODEOWNERS
// entries that name who may approve a change to the guardrail files (docs/guard.md).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError } from 'agent-harness-diagnostics';
import { createGithubClient, getAuthenticatedLogin, resolveRepository } from 'agent-harness-github';
import type { Env } from 'agent-harness-system';
import type { PlannedFile } from './init-plan.js';
import type { Desired } from './plan-file-action.js';
import { entryOf, readInside } from './repo-entry.js';
import type { RepoFacts } from './repo-facts.js';
import { commandLine, harnessCommand } from './package-manager-commands.js';
import { packagesNeedingBuild } from './workspace-build.js';
import { readTemplate, renderTemplate } from './render-template.js';
import { templatesDir } from './templates-dir.js';

export const workflowPath = '.github/workflows/harness.yml';
export const rulesetPath = '.github/rulesets/main.json';
const rulesetTemplate = 'github/rulesets/main.json';

function defaultBranch(facts: RepoFacts): string {
  return facts.workflows.flatMap((w) => w.branches)[0] ?? facts.branch ?? 'main';
}

export async function renderWorkflow(facts: RepoFacts): Promise<string> {
  return renderTemplate('github/workflows/harness.yml', {
    branch: defaultBranch(facts),
    setup: setupSteps(facts),
    prepare: prepareSteps(facts),
  });
}

/** The workflow one dispatched agent turn runs in (factory.mode: dispatch; docs/factory.md "Dispatch mode"). */
export async function renderFactoryTurnWorkflow(facts: RepoFacts): Promise<string> {
  return renderTemplate('github/workflows/harness-factory-turn.yml', {
    setup: setupSteps(facts),
    prepare: prepareSteps(facts),
    harness: harnessCommand(facts.packageManager.agent),
  });
}

/** Install, then build when workspace packages resolve only to build output (issue #19). */
function prepareSteps(facts: RepoFacts): string {
  const agent = facts.packageManager.agent;
  const install = `- run: ${commandLine(agent, 'frozen')}`;
  const needBuild = packagesNeedingBuild(facts);
  if (needBuild.length === 0) return install;
  const names =
    needBuild.length > 3
      ? `${needBuild.slice(0, 3).join(', ')} and ${needBuild.length - 3} more`
      : needBuild.join(', ');
  return [
    install,
    `# ${names} resolve only to build output, which a fresh clone lacks: the layers check judges`,
    '# imports of them after a build.',
    `- name: build the workspace packages`,
    `  run: ${buildCommand(facts)}`,
  ].join('\n');
}

function buildCommand(facts: RepoFacts): string {
  const agent = facts.packageManager.agent;
  if (facts.scripts.build !== undefined) return commandLine(agent, 'run', ['build']);
  if (facts.packageManager.name === 'pnpm') return 'pnpm -r --if-present run build';
  if (facts.packageManager.name === 'npm') return 'npm run build --workspaces --if-present';
  if (agent === 'yarn@berry') return 'yarn workspaces foreach -A run build';
  return commandLine(agent, 'run', ['build']);
}

function setupSteps(facts: RepoFacts): string {
  const pm = facts.packageManager.name;
  const node =
    facts.nodeVersionFile === undefined
      ? `node-version: ${facts.workflows.find((w) => w.nodeVersion !== undefined)?.nodeVersion ?? '22'}`
      : `node-version-file: ${facts.nodeVersionFile}`;
  const cache = pm === 'bun' ? '' : `\n    cache: ${pm}`;
  const steps = [
    ...(pm === 'pnpm' ? ['- uses: pnpm/action-setup@v4'] : []),
    ...(pm === 'bun' ? ['- uses: oven-sh/setup-bun@v2'] : []),
    `- uses: actions/setup-node@v4\n  with:\n    ${node}${cache}`,
  ];
  return steps.join('\n');
}

/** The ruleset template that agent-harness-rulesets ships, or undefined when this build has none. */
export async function renderRuleset(facts: RepoFacts): Promise<string | undefined> {
  if (!existsSync(join(templatesDir(), rulesetTemplate))) return undefined;
  const text = await readTemplate(rulesetTemplate);
  return text.replace(/\{\{branch\}\}/g, defaultBranch(facts));
}

/** Where GitHub looks for CODEOWNERS, in its order; init writes the first when there is none. */
const codeownersLocations = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;
const codeownersMarker = '# Written by `harness init`: the owners of the guardrail files.';
/** Stands for the owner when none was given or found; the note says how to put a real one. */
const ownerPlaceholder = '@OWNER';

/** Who owns the guardrail files, and where that came from (for the plan's note). */
export interface GuardrailOwner {
  owner: string;
  source: 'option' | 'github' | 'placeholder';
  /** Why no owner was found, when source is `placeholder`. */
  why?: string;
}

export interface CodeownersPlan {
  /** A new file, compared with the disk like every other desired file. */
  desired: Desired[];
  /** An existing CODEOWNERS, appended to or kept. */
  files: PlannedFile[];
  notes: string[];
}

/**
 * CODEOWNERS entries for the guardrail files (issue #21). A CODEOWNERS that exists is appended to, its
 * own entries kept; one that already holds init's entries is kept, and --force replaces just those.
 */
export async function planCodeowners(root: string, owner: GuardrailOwner, force: boolean): Promise<CodeownersPlan> {
  const existing = await existingCodeowners(root);
  const path = existing?.path ?? codeownersLocations[0];
  const notes = owner.source === 'placeholder' ? [placeholderNote(owner, path)] : [];
  const entries = await renderTemplate('github/CODEOWNERS', { owner: owner.owner, self: path });
  const purpose = `owners of the guardrail files (${owner.owner}); the ruleset requires their review`;
  if (existing === undefined) return { desired: [{ path, content: entries, purpose }], files: [], notes };
  const at = existing.text.indexOf(codeownersMarker);
  if (at === -1) {
    const separator =
      existing.text === '' || existing.text.endsWith('\n\n') ? '' : existing.text.endsWith('\n') ? '\n' : '\n\n';
    const content = `${existing.text}${separator}${entries}`;
    return {
      desired: [],
      files: [{ path, action: 'update', reason: `appends the ${purpose}; your entries are kept`, content }],
      notes,
    };
  }
  const content = `${existing.text.slice(0, at)}${entries}`;
  if (content === existing.text)
    return { desired: [], files: [{ path, action: 'unchanged', reason: 'already as init writes it' }], notes };
  // A placeholder init wrote is replaced once an owner is known; other owners only with --force.
  const placeholder = existing.text.slice(at).includes(` ${ownerPlaceholder}`) && owner.source !== 'placeholder';
  if (!force && !placeholder)
    return {
      desired: [],
      files: [
        { path, action: 'keep', reason: 'already names owners of the guardrail files (--force replaces those lines)' },
      ],
      notes,
    };
  return {
    desired: [],
    files: [
      {
        path,
        action: 'update',
        reason: `${force ? '--force: ' : ''}replaces init's lines with the ${purpose}`,
        content,
      },
    ],
    notes,
  };
}

/** The CODEOWNERS entries when a ruleset is chosen (it requires their review); nothing otherwise. */
export async function planGuardrailOwners(
  root: string,
  chosen: boolean,
  options: { owner?: GuardrailOwner | undefined; force?: boolean | undefined },
): Promise<CodeownersPlan> {
  if (!chosen) return { desired: [], files: [], notes: [] };
  return planCodeowners(
    root,
    options.owner ?? { owner: ownerPlaceholder, source: 'placeholder' },
    options.force === true,
  );
}

function placeholderNote(owner: GuardrailOwner, path: string): string {
  return (
    `CODEOWNERS names ${ownerPlaceholder} as the owner of the guardrail files${owner.why === undefined ? '' : ` (${owner.why})`}: ` +
    `replace it with a user or team (\`@name\`, \`@org/team\`) in ${path}, or run init again with --owner @name. ` +
    'Until then no review can accept a change that loosens a guardrail.'
  );
}

async function existingCodeowners(root: string): Promise<{ path: string; text: string } | undefined> {
  for (const path of codeownersLocations) {
    const entry = await entryOf(root, path);
    if (entry.kind !== 'file') continue;
    return { path, text: (await readInside(root, path)) ?? '' };
  }
  return undefined;
}

const ownerName = /^(@[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)?|[^@\s]+@[^@\s]+\.[^@\s]+)$/;

/**
 * The owner of the guardrail files: `--owner`, else (when asked to, under --yes) the user of
 * GITHUB_TOKEN from the GitHub API, else the placeholder. An organization itself cannot own files
 * in CODEOWNERS (only its teams can), so the repository's owner is not guessed.
 */
export async function findGuardrailOwner(options: {
  option: string | undefined;
  lookup: boolean;
  env: Env;
  root: string;
}): Promise<GuardrailOwner> {
  if (options.option !== undefined) {
    const owner = options.option.includes('@') ? options.option : `@${options.option}`;
    if (!ownerName.test(owner))
      throw new HarnessError('USAGE', `--owner takes a GitHub user, a team or an email, not "${options.option}"`, {
        fix: 'For example --owner @octocat, --owner @octo-org/platform or --owner lead@example.com.',
      });
    return { owner, source: 'option' };
  }
  if (!options.lookup) return { owner: ownerPlaceholder, source: 'placeholder', why: 'no --owner given' };
  if ((options.env.GITHUB_TOKEN ?? '').trim() === '')
    return { owner: ownerPlaceholder, source: 'placeholder', why: 'no --owner given and GITHUB_TOKEN is not set' };
  try {
    const repository = await resolveRepository({ env: options.env, cwd: options.root });
    const login = await getAuthenticatedLogin(createGithubClient({ env: options.env, repository }));
    return { owner: `@${login}`, source: 'github' };
  } catch (error) {
    if (!(error instanceof HarnessError)) throw error;
    return {
      owner: ownerPlaceholder,
      source: 'placeholder',
      why: `the GitHub API did not name the token's user: ${error.message}`,
    };
  }
}
