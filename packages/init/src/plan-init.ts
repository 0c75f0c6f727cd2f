// Phase two of init: what would be written where, and what is kept and why.
// Nothing is written here; applyInit does that.
import { registeredChecks } from 'agent-harness-check';
import type { HarnessConfig } from 'agent-harness-config';
import { configFileName, sectionDefaults } from 'agent-harness-config';
import type { InitFacts, InitPlan, PlannedFile, PlannedMigration } from './init-plan.js';
import type { ConfigChoices, ConfigProposal } from './propose-config.js';
import { proposeConfig } from './propose-config.js';
import type { InitInspection } from './prepare-init.js';
import { commandLine } from './package-manager-commands.js';
import type { GuardrailOwner } from './plan-github.js';
import {
  planGuardrailOwners,
  renderFactoryTurnWorkflow,
  renderRuleset,
  renderWorkflow,
  rulesetPath,
  workflowPath,
} from './plan-github.js';
import { planHooks } from './plan-hooks.js';
import type { Desired } from './plan-file-action.js';
import { planManifest, resolveAction } from './plan-file-action.js';
import { planMap, planMapSplit } from './plan-map.js';
import type { MapContext } from './render-docs.js';
import { listedDocs } from './render-docs.js';
import { planDocsPages } from './plan-docs-pages.js';
import { planLayout } from './propose-docs-config.js';
import { renderTemplate } from './render-template.js';
import { describeWriteProblems, findWriteProblems } from './check-writes.js';

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
  /** Who owns the guardrail files in CODEOWNERS (--owner, or the token's user); a placeholder when absent. */
  owner?: GuardrailOwner | undefined;
}

export async function planInit(inspection: InitInspection, options: PlanOptions): Promise<InitPlan> {
  const { facts } = inspection;
  const choices = { ...defaultChoices, ...options.choices };
  const github = await planGithubFiles(facts, choices, inspection.existingConfig?.config);
  const proposal = proposeConfig(facts, inspection.layers, { ...choices, rulesets: github.ruleset });
  const config: HarnessConfig = inspection.existingConfig?.config ?? { version: 1, docs: sectionDefaults('docs') };
  const maxLines = (config.docs ?? sectionDefaults('docs')).maxLines;
  const mapSplit = await planMapSplit(inspection, options, maxLines);
  const { split } = mapSplit;
  const layout = planLayout(inspection, options.force === true);
  const extraDocs = [...listedDocs(layout), ...(split?.docs ?? [])].sort();
  const context: MapContext = { facts, layers: inspection.layers, workflow: github.workflow, extraDocs, layout };
  const { desired, files } = planConfigFile(inspection, options, proposal);
  if (choices.docs) {
    const map = await planMap(context, inspection, options, maxLines, mapSplit);
    files.push(...map.files, ...(await planDocsPages(context, inspection, map, options)));
    desired.push(...map.desired);
  }
  if (choices.claude) desired.push(await claudeFile());
  desired.push(...github.desired);
  files.push(...github.files);
  const codeowners = await planGuardrailOwners(facts.root, choices.rulesets, options);
  desired.push(...codeowners.desired);
  files.push(...codeowners.files);

  for (const want of desired) files.push(await resolveAction(facts.root, want, options.force === true));
  const installCommand = commandLine(facts.packageManager.agent, 'install');
  files.push(await planManifest(facts, options.harnessVersion, options.force === true, installCommand));
  const hookNotes = await planHooks(facts, files);

  const effective = inspection.existingConfig?.config ?? (await parseProposal(proposal.text));
  // A write that cannot be made stops applyInit; the plan says so already, so --dry-run shows it.
  const blocked = await findWriteProblems(facts.root, files.filter(isWrite));
  return {
    root: facts.root,
    facts: summarizeFacts(inspection),
    layers: { ...planLayers(inspection, options), ...plannedMigrations(inspection) },
    files: orderForDisplay(files),
    baselineChecks: choices.baselines ? baselineChecks(effective) : [],
    confirm: choices.baselines,
    installCommand,
    notes: [...(split?.notes ?? []), ...hookNotes, ...codeowners.notes, ...describeWriteProblems(blocked)],
    importCache: inspection.importCache,
  };
}

interface PlannedSoFar {
  desired: Desired[];
  files: PlannedFile[];
}

/** The proposal is written when there is no config, or with --force; otherwise the config is kept. */
function planConfigFile(inspection: InitInspection, options: PlanOptions, proposal: ConfigProposal): PlannedSoFar {
  if (inspection.existingConfig === undefined || options.force === true) {
    const purpose = `sections: ${proposal.sections.join(', ')}`;
    return { desired: [{ path: configFileName, content: proposal.text, purpose }], files: [] };
  }
  const reason = 'exists; it is used as it is (--force replaces it with the proposal)';
  return { desired: [], files: [{ path: configFileName, action: 'keep', reason }] };
}

async function claudeFile(): Promise<Desired> {
  return {
    path: 'CLAUDE.md',
    content: await renderTemplate('CLAUDE.md', {}),
    purpose: '`@AGENTS.md`: Claude Code loads the map',
    precious: true,
  };
}

interface GithubFiles extends PlannedSoFar {
  /** init writes its workflow (chosen, and no other workflow runs harness check). */
  workflow: boolean;
  /** A ruleset is written (chosen, and this build ships the template). */
  ruleset: boolean;
}

async function planGithubFiles(
  facts: InitInspection['facts'],
  choices: InitChoices,
  existing: HarnessConfig | undefined,
): Promise<GithubFiles> {
  const planned: GithubFiles = { desired: [], files: [], workflow: false, ruleset: false };
  // Dispatch mode runs each agent turn in a workflow of the repository: init writes it when asked for.
  if (choices.workflow && existing?.factory?.mode === 'dispatch')
    planned.desired.push({
      path: `.github/workflows/${existing.factory.dispatch.workflow}`,
      content: await renderFactoryTurnWorkflow(facts),
      purpose: 'one agent turn of harness factory in dispatch mode (factory.mode: dispatch)',
    });
  const ruleset = choices.rulesets ? await renderRuleset(facts) : undefined;
  const workflowOwner = facts.workflows.find((w) => w.runsHarness && w.path !== workflowPath);
  planned.workflow = choices.workflow && workflowOwner === undefined;
  planned.ruleset = ruleset !== undefined;
  if (planned.workflow)
    planned.desired.push({
      path: workflowPath,
      content: await renderWorkflow(facts),
      purpose: 'harness check with annotations, SARIF and the step summary',
    });
  else if (workflowOwner !== undefined)
    planned.files.push({
      path: workflowPath,
      action: 'skip',
      reason: `${workflowOwner.path} already runs harness check`,
    });
  if (ruleset !== undefined)
    planned.desired.push({
      path: rulesetPath,
      content: ruleset,
      purpose: 'requires the harness check on the default branch',
    });
  else if (choices.rulesets)
    planned.files.push({
      path: rulesetPath,
      action: 'skip',
      reason: 'this build of harness ships no rulesets template',
    });
  return planned;
}

function isWrite(f: PlannedFile): boolean {
  return f.content !== undefined && f.action !== 'keep' && f.action !== 'unchanged' && f.action !== 'skip';
}

function planLayers(inspection: InitInspection, options: PlanOptions): Omit<InitPlan['layers'], 'migrations'> {
  if (inspection.existingConfig?.config === undefined || options.force === true)
    return {
      mode: inspection.layers.mode,
      explanation: inspection.layers.explanation,
      ...(inspection.layers.fit === undefined ? {} : { fit: inspection.layers.fit }),
    };
  return {
    mode: 'existing',
    explanation: [
      'harness.config.yaml exists: its layers section is used as it is.',
      ...keptContractsLines(inspection),
    ],
  };
}

function baselineChecks(effective: HarnessConfig): string[] {
  return registeredChecks
    .filter((c) => c.section !== undefined && effective[c.section] !== undefined && keepsBaseline(c.section))
    .map((c) => c.name);
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

/** Checks whose config section has a `baseline` file (layers, docs): the ones init records. */
function keepsBaseline(section: string): boolean {
  const sections: readonly string[] = ['layers', 'docs', 'compose', 'rulesets', 'factory'];
  return sections.includes(section) && 'baseline' in sectionDefaults(section as 'layers');
}

async function parseProposal(text: string): Promise<HarnessConfig> {
  const { validateConfig } = await import('agent-harness-config');
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
