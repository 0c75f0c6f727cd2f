// The AGENTS.md map and the knowledge base's pages, rendered from templates/ with
// what init found. Every path named in them exists once init has run, so a
// fresh map passes `harness check docs`.
import { posix } from 'node:path';
import type { DocsLayout } from './propose-docs-config.js';
import { describeSite, rootPages } from './propose-docs-config.js';
import type { LayersProposal } from './propose-layers.js';
import type { ContractProposal } from './migrate/migration.js';
import type { RepoFacts } from './repo-facts.js';
import { commandLine, harnessCommand } from './package-manager-commands.js';

const mapCommands = ['build', 'test', 'lint', 'typecheck', 'format', 'dev', 'start'];
const listLimit = 12;

export interface MapContext {
  facts: RepoFacts;
  layers: LayersProposal;
  /** Whether .github/workflows/harness.yml exists after init. */
  workflow: boolean;
  /** Documents outside the skeleton to link (existing docs, sections split out of AGENTS.md). */
  extraDocs: readonly string[];
  /** Where the knowledge base is, and the folders the repository already has for its parts. */
  layout: DocsLayout;
}

/**
 * The project's name as the map's title: a scoped name (`@scope/name`) in a code span, since Claude
 * Code reads `@path` in prose as an import (and the docs check reports one that resolves nowhere).
 */
export function mapTitleName(name: string): string {
  return name.includes('@') ? `\`${name.replaceAll('`', '')}\`` : name;
}

export function repositoryLines({ facts, workflow }: MapContext): string {
  const pm = facts.packageManager;
  const lines = [
    `- Package manager: ${pm.name}${pm.source === undefined ? '' : ` (\`${pm.source}\`)`}; install with \`${commandLine(pm.agent, 'install')}\`.`,
  ];
  if (facts.workspaces.length > 0) {
    const listed = facts.workspaces.slice(0, listLimit).map((w) => `\`${w.dir}\``);
    const more = facts.workspaces.length > listLimit ? `, and ${facts.workspaces.length - listLimit} more` : '';
    lines.push(`- Workspace packages (${facts.workspaces.length}): ${listed.join(', ')}${more}.`);
  }
  if (facts.sourceRoots.length > 0) {
    const listed = facts.sourceRoots.slice(0, listLimit).map((r) => `\`${r}/\``);
    lines.push(`- Source: ${listed.join(', ')}${facts.sourceRoots.length > listLimit ? ', …' : ''}.`);
  }
  if (facts.tsconfigs.length > 0) {
    const more = facts.tsconfigs.length > 1 ? ` (and ${facts.tsconfigs.length - 1} more)` : '';
    lines.push(`- TypeScript: \`${facts.tsconfigs[0] ?? ''}\`${more}.`);
  }
  if (facts.composeFiles.length > 0) {
    lines.push(
      `- Services: ${facts.composeFiles.map((f) => `\`${f}\``).join(', ')}; \`harness up\` starts this worktree's own stack.`,
    );
  }
  const ci = [...facts.workflows.map((w) => w.path), ...(workflow ? ['.github/workflows/harness.yml'] : [])];
  const unique = [...new Set(ci)];
  if (unique.length > 0) lines.push(`- CI: ${unique.map((p) => `\`${p}\``).join(', ')}.`);
  return lines.join('\n');
}

export function commandLines({ facts }: MapContext): string {
  const agent = facts.packageManager.agent;
  const lines = mapCommands
    .filter((name) => facts.scripts[name] !== undefined)
    .map((name) => `- \`${commandLine(agent, 'run', [name])}\`: ${name}.`);
  lines.push(
    `- \`${harnessCommand(agent)} check\`: the guardrails CI runs (layers, docs, and the rest of \`harness.config.yaml\`).`,
  );
  return lines.join('\n');
}

export function architectureLines({ layers, layout }: MapContext): string {
  const page = `${layout.root}/architecture.md`;
  if (layers.mode === 'contracts') {
    const files = [...new Set((layers.migrations ?? []).map((m) => m.file))].join(', ');
    const what = files === '' ? 'The rules the imports already follow' : `The architecture rules of ${files}`;
    return `${what} are layer contracts in \`harness.config.yaml\` (\`layers.contracts\`); [${page}](${page}) lists them.`;
  }
  if (layers.mode === 'none' || layers.section === undefined) {
    return `No layers are configured yet; [${page}](${page}) says how to add them.`;
  }
  const order = layers.section.order.join(' → ');
  const where =
    layers.mode === 'domains'
      ? `Code is split into domains (${(layers.section.domains ?? []).map((d) => `\`${d}\``).join(', ')}), each with layers`
      : 'Code is laid out by layer';
  return `${where} that depend forward only: ${order}. The map of domains and layers, and the rules, are in [${page}](${page}).`;
}

export function knowledgeBaseLines(context: MapContext): string {
  const { layout, facts } = context;
  const lines = [`- [${layout.root}/index.md](${layout.root}/index.md): the index of everything below.`];
  for (const role of layout.roles) {
    const index = roleIndex(role.dir, facts.files);
    lines.push(`- [${role.dir}/](${index}): ${roleSummaries[role.key]}.`);
  }
  for (const site of layout.sites) {
    const pages = site.content.map((c) => `\`${c.dir === '' ? '.' : c.dir}/\``).join(', ');
    lines.push(`- The documentation site, ${describeSite(site)}: its pages are in ${pages}.`);
  }
  if (facts.readme !== undefined) lines.push(`- [${facts.readme}](${facts.readme}): the project's README.`);
  const extra = context.extraDocs;
  for (const doc of extra.slice(0, listLimit)) lines.push(`- [${doc}](${doc})`);
  if (extra.length > listLimit)
    lines.push(
      `- ${extra.length - listLimit} more documents are listed in [${layout.root}/index.md](${layout.root}/index.md).`,
    );
  return lines.join('\n');
}

const roleSummaries: Record<DocsLayout['roles'][number]['key'], string> = {
  design: 'decisions and the beliefs behind them',
  plans: 'plans in progress and done',
  specs: 'what the product must do',
  references: 'outside material agents need',
  generated: 'documents produced by tools; regenerate, do not edit',
};

/** The rows of the knowledge base index's table: the architecture page and each part's folder. */
export function sectionRows(layout: DocsLayout, files: readonly string[]): string {
  const rows = ['| [architecture.md](architecture.md) | domains, layers and the rules between them |'];
  for (const role of layout.roles) {
    const target = posix.relative(layout.root, roleIndex(role.dir, files));
    const name = posix.relative(layout.root, role.dir);
    rows.push(`| [${name}/](${target}) | ${roleSummaries[role.key]} |`);
  }
  return rows.join('\n');
}

/** A folder's index: its own (index.md, README.md) when it has one, else the index.md init writes. */
function roleIndex(dir: string, files: readonly string[]): string {
  return (
    ['index.md', 'README.md', 'readme.md'].map((n) => `${dir}/${n}`).find((p) => files.includes(p)) ?? `${dir}/index.md`
  );
}

/** Where a new plan goes: the plans folder's active/ folder when it has one (or init writes it). */
export function plansDirOf(layout: DocsLayout, files: readonly string[]): string {
  const plans = layout.roles.find((r) => r.key === 'plans');
  if (plans === undefined) return `${layout.root}/exec-plans/active`;
  if (!plans.existing || files.some((f) => f.startsWith(`${plans.dir}/active/`))) return `${plans.dir}/active`;
  return plans.dir;
}

/** Links from the knowledge base index to documents that are not part of the skeleton. */
export function existingDocsLines(extraDocs: readonly string[], root: string): string {
  if (extraDocs.length === 0) return 'None yet.';
  return extraDocs.map((doc) => `- [${posix.relative(root, doc)}](${posix.relative(root, doc)})`).join('\n');
}

/** Existing documents the knowledge base index lists: not its own pages, not inside a part's folder. */
export function listedDocs(layout: DocsLayout): string[] {
  const own = new Set(rootPages.map((p) => `${layout.root}/${p}`));
  return layout.existingDocs.filter((d) => !own.has(d) && !layout.roles.some((r) => d.startsWith(`${r.dir}/`)));
}

export function layerMapText(layers: LayersProposal): string {
  const section = layers.section;
  if (layers.mode === 'contracts') return contractsTable(layers);
  if (layers.mode === 'none' || section === undefined) {
    return [
      'No layers are configured yet. When the code has them, add a `layers` section to',
      '`harness.config.yaml`: `domains` with the folders that hold one folder per domain, and `order`',
      'with the layer folder names, earliest first.',
    ].join('\n');
  }
  if (layers.mode === 'domains') {
    const header = `| domain | ${section.order.join(' | ')} |`;
    const rule = `| --- |${section.order.map(() => ' :-: |').join('')}`;
    const rows = layers.domains.map(
      (d) => `| \`${d.path}/\` | ${section.order.map((l) => (d.layers.includes(l) ? '✓' : '')).join(' | ')} |`,
    );
    return [`Layer order: ${section.order.join(' → ')}.`, '', header, rule, ...rows, ...sharedLines(layers)].join('\n');
  }
  const rows = section.order.map((l) => `| ${l} | ${(section.paths?.[l] ?? []).map((g) => `\`${g}\``).join(', ')} |`);
  return [
    `Layer order: ${section.order.join(' → ')}.`,
    '',
    '| layer | paths |',
    '| --- | --- |',
    ...rows,
    ...sharedLines(layers),
  ].join('\n');
}

export function layerRulesText(layers: LayersProposal): string {
  if (layers.mode === 'contracts') {
    return [
      '- Each contract in the table above holds for every import between the files it names; an `except` edge',
      '  in `harness.config.yaml` is the only exception.',
      '- A `type: layers` contract: a layer imports itself and what its `allow` entry lists, nothing else.',
    ].join('\n');
  }
  return [
    '- A layer may import its own layer and the layers before it in the order above, never a later one.',
    '- A domain uses another domain only through its public entry (its index file).',
    '- Cross-cutting concerns (logging, telemetry, auth clients) enter a domain through a provider.',
    '- Shared code may be imported from anywhere and imports no domain.',
  ].join('\n');
}

function contractsTable(layers: LayersProposal): string {
  const rows = (layers.contracts ?? []).map((c) => {
    const rule =
      c.type === 'forbidden'
        ? `${code(c.from)} may not import ${code(c.to)}`
        : c.type === 'layers'
          ? layerContractRule(c)
          : `${code(c.modules)} may not import each other`;
    return `| ${c.name} | ${c.type} | ${rule.replaceAll('|', '\\|')} |`;
  });
  return [
    'Layer contracts (`layers.contracts` in `harness.config.yaml`):',
    '',
    '| contract | type | rule |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** Each layer and what it may import: its `allow` entry, or without `allow` the layers written before it. */
function layerContractRule(c: ContractProposal): string {
  const names = c.segments ?? Object.keys(c.layers ?? {});
  const where = (name: string) =>
    c.segments === undefined ? `${name} (${code(c.layers?.[name])})` : `\`${name}/\` folders`;
  const allowed = (name: string, index: number) =>
    c.allow === undefined ? names.slice(0, index) : (c.allow[name] ?? []);
  return names.map((name, i) => `${where(name)} may import ${allowed(name, i).join(', ') || 'only itself'}`).join('; ');
}

function code(globs: readonly string[] | undefined): string {
  return (globs ?? []).map((g) => `\`${g}\``).join(', ');
}

function sharedLines(layers: LayersProposal): string[] {
  const lines: string[] = [];
  if (layers.section?.shared !== undefined)
    lines.push('', `Shared (importable from anywhere): ${layers.section.shared.map((s) => `\`${s}/\``).join(', ')}.`);
  if (layers.section?.providers !== undefined)
    lines.push('', `Providers: ${layers.section.providers.map((s) => `\`${s}/\``).join(', ')}.`);
  return lines;
}

/** The map that replaces an over-long AGENTS.md after --split. */
export function renderSplitMap(
  title: string | undefined,
  sections: readonly { path: string; title: string }[],
  context: MapContext,
): string {
  return [
    title ?? `# ${mapTitleName(context.facts.name)}`,
    '',
    'This file is the map for coding agents. `harness init --split` moved each section of the former',
    `AGENTS.md, unchanged, into its own file under \`${posix.dirname(sections[0]?.path ?? 'docs/agents/x')}/\`: open the ones your task needs.`,
    '',
    '## Sections',
    '',
    ...sections.map((s) => `- [${s.title.replace(/[[\]]/g, '')}](${s.path})`),
    '',
    '## Commands',
    '',
    commandLines(context),
    '',
    '## Knowledge base',
    '',
    knowledgeBaseLines({ ...context, extraDocs: context.extraDocs.filter((d) => !sections.some((s) => s.path === d)) }),
    '',
  ].join('\n');
}
