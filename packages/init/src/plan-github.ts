// The CI workflow and the ruleset that requires its check.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RepoFacts } from './repo-facts.js';
import { commandLine } from './package-manager-commands.js';
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
