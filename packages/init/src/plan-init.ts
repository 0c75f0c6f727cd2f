// Phase two of init: what would be written where, and what is kept and why.
// Nothing is written here; applyInit does that.
import { readdir } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { registeredChecks } from '@harness/check';
import type { HarnessConfig } from '@harness/config';
import { configFileName, sectionDefaults } from '@harness/config';
import type { FileAction, InitFacts, InitPlan, PlannedFile, PlannedMigration } from './init-plan.js';
import type { ConfigChoices } from './propose-config.js';
import { proposeConfig } from './propose-config.js';
import type { InitInspection } from './prepare-init.js';
import { countLines } from './prepare-init.js';
import { commandLine } from './package-manager-commands.js';
import { planPackageJson } from './plan-package-json.js';
import { renderRuleset, renderWorkflow, rulesetPath, workflowPath } from './plan-github.js';
import type { MapContext } from './render-docs.js';
import {
  architectureLines,
  commandLines,
  existingDocsLines,
  knowledgeBaseLines,
  layerMapText,
  layerRulesText,
  renderSplitMap,
  repositoryLines,
} from './render-docs.js';
import { renderTemplate } from './render-template.js';
import { planSplit } from './plan-split.js';
import type { RepoEntry } from './repo-entry.js';
import { entryOf, escapingFolder, readInside } from './repo-entry.js';
import { describeWriteProblems, findWriteProblems } from './check-writes.js';
import { templatesDir } from './templates-dir.js';

export interface InitChoices extends ConfigChoices {
  /** The AGENTS.md map (when none exists) and the docs/ skeleton. */
  docs: boolean;
  claude: boolean;
  workflow: boolean;
  /** Record today's findings as baselines after writing. */
  baselines: boolean;
}

export const defaultChoices: InitChoices = {
  layers: true,
  budgets: true,
  compose: true,
  rulesets: true,
  docs: true,
  claude: true,
  workflow: true,
  baselines: true,
};

export interface PlanOptions {
  /** The version of the running harness, written to devDependencies. */
  harnessVersion: string;
  /** Today as YYYY-MM-DD, for front matter (the clock stays outside the library). */
  today: string;
  force?: boolean;
  split?: boolean;
  choices?: Partial<InitChoices>;
}

interface Desired {
  path: string;
  content: string;
  purpose: string;
  /** Files that hold the user's own words: kept even with --force. */
  precious?: boolean;
}

export async function planInit(inspection: InitInspection, options: PlanOptions): Promise<InitPlan> {
  const { facts } = inspection;
  const choices = { ...defaultChoices, ...options.choices };
  const ruleset = choices.rulesets ? await renderRuleset(facts) : undefined;
  const workflowOwner = facts.workflows.find((w) => w.runsHarness && w.path !== workflowPath);
  const writeWorkflow = choices.workflow && workflowOwner === undefined;
  const proposal = proposeConfig(facts, inspection.layers, { ...choices, rulesets: ruleset !== undefined });
  const config: HarnessConfig = inspection.existingConfig?.config ?? { version: 1, docs: sectionDefaults('docs') };
  const docs = config.docs ?? sectionDefaults('docs');
  const mapEntry = await entryOf(facts.root, 'AGENTS.md');
  const mapLink = mapEntry.kind === 'link' ? mapEntry : undefined;
  // A linked map is split only with --force, and only when the link points at a file in the repository.
  const splitLink = mapLink !== undefined && (options.force !== true || mapLink.resolves !== 'file');
  const split =
    options.split === true && facts.agentsMd !== undefined && !splitLink
      ? await planSplit(facts.root, docs.maxLines, inspection.mapLines ?? 0)
      : undefined;
  const extraDocs = [...facts.docsFiles.filter((f) => !isSkeletonPath(f)), ...(split?.docs ?? [])].sort();
  const context: MapContext = { facts, layers: inspection.layers, workflow: writeWorkflow, extraDocs };
  const desired: Desired[] = [];
  const files: PlannedFile[] = [];

  if (inspection.existingConfig === undefined || options.force === true) {
    desired.push({
      path: configFileName,
      content: proposal.text,
      purpose: `sections: ${proposal.sections.join(', ')}`,
    });
  } else {
    files.push({
      path: configFileName,
      action: 'keep',
      reason: 'exists; it is used as it is (--force replaces it with the proposal)',
    });
  }
  if (choices.docs) {
    files.push(...(split?.planned ?? []));
    if (facts.agentsMd === undefined) {
      desired.push({
        path: 'AGENTS.md',
        content: await renderMap(context),
        purpose: 'the map: links to docs/ and the commands',
      });
    } else if (split?.sections !== undefined) {
      const content = renderSplitMap(split.title, split.sections, context);
      files.push({
        path: 'AGENTS.md',
        action: 'update',
        reason: `--split: a ${countLines(content)}-line map linking ${split.sections.length} section files${mapLink === undefined ? '' : `; --force: replaces the symbolic link to ${mapLink.to}, which is not touched`}`,
        content,
        ...(mapLink === undefined ? {} : { replacesLink: true }),
      });
    } else if (mapLink !== undefined && split === undefined) {
      files.push({ path: 'AGENTS.md', action: 'keep', reason: linkedMapReason(mapLink, options) });
    } else if (split === undefined) {
      const same = (await readInside(facts.root, 'AGENTS.md')) === (await renderMap(context));
      files.push(
        same
          ? { path: 'AGENTS.md', action: 'unchanged', reason: 'already as init writes it' }
          : { path: 'AGENTS.md', action: 'keep', reason: keepMapReason(inspection.mapLines ?? 0, docs.maxLines) },
      );
    }
    desired.push(...(await skeleton(context, options.today)));
  }
  if (choices.claude) {
    desired.push({
      path: 'CLAUDE.md',
      content: await renderTemplate('CLAUDE.md', {}),
      purpose: '`@AGENTS.md`: Claude Code loads the map',
      precious: true,
    });
  }
  if (writeWorkflow)
    desired.push({
      path: workflowPath,
      content: await renderWorkflow(facts),
      purpose: 'harness check with annotations, SARIF and the step summary',
    });
  else if (workflowOwner !== undefined)
    files.push({ path: workflowPath, action: 'skip', reason: `${workflowOwner.path} already runs harness check` });
  if (ruleset !== undefined)
    desired.push({ path: rulesetPath, content: ruleset, purpose: 'requires the harness check on the default branch' });
  else if (choices.rulesets)
    files.push({ path: rulesetPath, action: 'skip', reason: 'this build of harness ships no rulesets template' });

  for (const want of desired) files.push(await resolveAction(facts.root, want, options.force === true));
  const installCommand = commandLine(facts.packageManager.agent, 'install');
  files.push(await planManifest(facts, options, installCommand));

  const effective = inspection.existingConfig?.config ?? (await parseProposal(proposal.text));
  // A write that cannot be made stops applyInit; the plan says so already, so --dry-run shows it.
  const blocked = await findWriteProblems(
    facts.root,
    files.filter(
      (f) => f.content !== undefined && f.action !== 'keep' && f.action !== 'unchanged' && f.action !== 'skip',
    ),
  );
  return {
    root: facts.root,
    facts: summarizeFacts(inspection),
    layers: {
      ...(inspection.existingConfig?.config === undefined || options.force === true
        ? { mode: inspection.layers.mode, explanation: inspection.layers.explanation }
        : {
            mode: 'existing' as const,
            explanation: [
              'harness.config.yaml exists: its layers section is used as it is.',
              ...keptContractsLines(inspection),
            ],
          }),
      ...plannedMigrations(inspection),
    },
    files: orderForDisplay(files),
    baselineChecks: choices.baselines
      ? registeredChecks
          .filter((c) => effective[c.section] !== undefined && keepsBaseline(c.section))
          .map((c) => c.name)
      : [],
    confirm: choices.baselines,
    installCommand,
    notes: [...(split?.notes ?? []), ...describeWriteProblems(blocked)],
  };
}

/** With a config kept, what a migration found is shown but not written. */
function keptContractsLines({ layers }: InitInspection): string[] {
  const count = layers.contracts?.length ?? 0;
  return layers.migrations === undefined
    ? []
    : [
        `${count} ${count === 1 ? 'contract' : 'contracts'} from ${[...new Set(layers.migrations.map((m) => m.file))].join(', ')} not written (--force replaces the config with the proposal; --dry-run --force shows it):`,
        ...layers.explanation,
      ];
}

function plannedMigrations({ layers }: InitInspection): { migrations?: PlannedMigration[] } {
  if (layers.migrations === undefined) return {};
  return {
    migrations: layers.migrations.map((m) => ({
      source: m.source,
      file: m.file,
      contracts: m.contracts.map((c) => c.name),
      unmapped: m.unmapped,
      notes: m.notes,
    })),
  };
}

async function renderMap(context: MapContext): Promise<string> {
  return renderTemplate('AGENTS.md', {
    name: context.facts.name,
    repository: repositoryLines(context),
    commands: commandLines(context),
    architecture: architectureLines(context),
    knowledgeBase: knowledgeBaseLines(context),
  });
}

async function skeleton(context: MapContext, today: string): Promise<Desired[]> {
  const base = join(templatesDir(), 'docs');
  const entries = await readdir(base, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((e) => e.isFile())
    .map((e) =>
      posix.join('docs', posix.relative(base.split('\\').join('/'), join(e.parentPath, e.name).split('\\').join('/'))),
    );
  const values = {
    name: context.facts.name,
    today,
    owner: context.facts.owner ?? 'unassigned',
    layerMap: layerMapText(context.layers),
    layerRules: layerRulesText(context.layers),
    existingDocs: existingDocsLines(context.extraDocs),
  };
  return Promise.all(
    paths.sort().map(async (path) => ({
      path,
      content: await renderTemplate(path, values),
      purpose: 'docs/ knowledge base skeleton',
    })),
  );
}

async function resolveAction(root: string, want: Desired, force: boolean): Promise<PlannedFile> {
  const escape = await escapingFolder(root, want.path);
  if (escape !== undefined)
    return {
      path: want.path,
      action: 'skip',
      reason: `${escape} is a symbolic link that leaves the repository; init writes nothing through it`,
    };
  const entry = await entryOf(root, want.path);
  if (entry.kind === 'link') return resolveLink(want, entry, force);
  const current = entry.kind === 'file' ? await readInside(root, want.path) : undefined;
  // A folder or a special file is planned as a write: checking the plan's writes reports it with a fix.
  if (current === undefined) return { path: want.path, action: 'create', reason: want.purpose, content: want.content };
  if (current === want.content) return { path: want.path, action: 'unchanged', reason: 'already as init writes it' };
  if (force && want.precious !== true)
    return { path: want.path, action: 'overwrite', reason: `--force: ${want.purpose}`, content: want.content };
  const why =
    want.precious === true ? 'exists and holds your own text (kept even with --force)' : 'exists (--force replaces it)';
  return {
    path: want.path,
    action: 'keep',
    reason:
      want.path === 'CLAUDE.md' && !current.includes('@AGENTS.md')
        ? `${why}; add a line \`@AGENTS.md\` so Claude Code loads the map`
        : why,
  };
}

/** package.json, unless it is a link: that one is replaced only with --force, and never written through. */
async function planManifest(
  facts: InitInspection['facts'],
  options: PlanOptions,
  installCommand: string,
): Promise<PlannedFile> {
  const entry = await entryOf(facts.root, 'package.json');
  const planned = planPackageJson(
    entry.kind === 'link' && entry.resolves !== 'file' ? undefined : facts.packageJsonText,
    options.harnessVersion,
    installCommand,
  );
  if (entry.kind !== 'link' || planned.action !== 'update') return planned;
  if (options.force === true)
    return {
      ...planned,
      reason: `--force: replaces the symbolic link to ${entry.to} with a file (what it points to is not touched); ${planned.reason}`,
      replacesLink: true,
    };
  return {
    path: 'package.json',
    action: 'keep',
    reason: `a symbolic link to ${entry.to}; kept (--force replaces the link with a file); add harness with your package manager`,
  };
}

/** A symbolic link is the user's file: kept, or with --force replaced (the link, never what it points to). */
function resolveLink(want: Desired, link: Extract<RepoEntry, { kind: 'link' }>, force: boolean): PlannedFile {
  const what = `a symbolic link to ${link.to}${link.resolves === 'missing' ? (link.inside ? ' (it points nowhere)' : ' outside the repository') : ''}`;
  if (want.precious === true) return { path: want.path, action: 'keep', reason: `${what}; kept even with --force` };
  if (force)
    return {
      path: want.path,
      action: 'overwrite',
      reason: `--force: replaces ${what} with a file (what it points to is not touched): ${want.purpose}`,
      content: want.content,
      replacesLink: true,
    };
  return {
    path: want.path,
    action: 'keep',
    reason: `${what}; kept (--force replaces the link, never what it points to)`,
  };
}

function linkedMapReason(link: Extract<RepoEntry, { kind: 'link' }>, options: PlanOptions): string {
  const what = `a symbolic link to ${link.to}`;
  if (options.split !== true) return `${what}; it stays the map (init never replaces a link to your map)`;
  if (options.force !== true)
    return `${what}; --split replaces the link with the short map only with --force (what it points to is never written)`;
  return `${what} ${link.inside ? 'that points nowhere' : 'outside the repository'}; --split reads only files inside the repository`;
}

/** Checks whose config section has a `baseline` file (layers, docs): the ones init records. */
function keepsBaseline(section: string): boolean {
  const sections: readonly string[] = ['layers', 'docs', 'compose', 'rulesets', 'factory'];
  return sections.includes(section) && 'baseline' in sectionDefaults(section as 'layers');
}

function keepMapReason(lines: number, maxLines: number): string {
  return lines > maxLines
    ? `exists, ${lines} lines (over the limit of ${maxLines}); --split moves its sections into docs/agents/`
    : `exists (${lines} lines); it stays the map`;
}

function isSkeletonPath(path: string): boolean {
  return (
    /^docs\/(index|architecture)\.md$|^docs\/(design-docs|exec-plans|product-specs|references|generated)\//.test(
      path,
    ) && !path.startsWith('docs/agents/')
  );
}

async function parseProposal(text: string): Promise<HarnessConfig> {
  const { validateConfig } = await import('@harness/config');
  const result = validateConfig(text, configFileName);
  return result.ok ? result.config : { version: 1 };
}

function summarizeFacts({ facts, mapLines }: InitInspection): InitFacts {
  const found = [
    ...(facts.readme === undefined ? [] : [facts.readme]),
    ...(facts.agentsMd === undefined ? [] : [`AGENTS.md (${mapLines ?? 0} lines)`]),
    ...(facts.claudeMd ? ['CLAUDE.md'] : []),
    ...(facts.docsFiles.length > 0 ? [`docs/ (${facts.docsFiles.length} markdown files)`] : []),
    ...facts.workflows.map((w) => w.path),
    ...facts.composeFiles,
  ];
  return {
    packageManager: facts.packageManager.name,
    packageManagerSource: facts.packageManager.source,
    workspaces: facts.workspaces.map((w) => w.dir),
    tsconfigs: facts.tsconfigs,
    sourceRoots: facts.sourceRoots,
    found,
    scripts: Object.keys(facts.scripts).filter((s) => ['build', 'test'].includes(s)),
  };
}

const displayOrder = [configFileName, 'AGENTS.md', 'CLAUDE.md'];

function orderForDisplay(files: PlannedFile[]): PlannedFile[] {
  const rank = (p: string) => {
    const i = displayOrder.indexOf(p);
    return i === -1 ? (p === 'package.json' ? 99 : 10) : i;
  };
  return [...files].sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path));
}

export type { FileAction };
