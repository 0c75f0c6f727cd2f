// The `layers` section init proposes, and why (docs/layers.md, "Configuration").
// Domain mode when folders hold one sub-folder per domain whose own
// sub-folders are named like layers; path mode for a repo laid out by layer,
// or for a monorepo whose packages form tiers; nothing when neither fits.
import { posix } from 'node:path';
import { canonicalLayerOf, canonicalRank, domainContainerNames, providerNames, sharedNames } from './layer-names.js';
import type { LayerEdgeCount } from './order-layers.js';
import { orderLayers } from './order-layers.js';
import type { RepoFacts } from './repo-facts.js';
import type { SourceTree } from './source-tree.js';
import { buildSourceTree, joinPath, subfolders } from './source-tree.js';
import { proposePackageTiers } from './propose-package-tiers.js';
import type { ContractProposal, Migration } from './migrate/migration.js';

export interface LayersSection {
  domains?: string[];
  order: string[];
  paths?: Record<string, string[]>;
  providers?: string[];
  shared?: string[];
  ignore: string[];
}

export interface DomainEntry {
  path: string;
  layers: string[];
}

export interface LayersProposal {
  /** contracts: carried over from another tool's config (dependency-cruiser, ESLint), instead of a guess. */
  mode: 'domains' | 'paths' | 'contracts' | 'none';
  section: LayersSection | undefined;
  explanation: string[];
  /** Domain mode: every domain with the layer folders it has (the architecture map). */
  domains: DomainEntry[];
  /** `layers.contracts`, carried over from another tool. */
  contracts?: ContractProposal[];
  /** What each tool's config gave, and what it could not. */
  migrations?: Migration[];
}

/** Counts imports between layers; given the files of each layer, returns edge counts. */
export type LayerImportCounter = (
  layerOfFile: (file: string) => { group: string; layer: string } | undefined,
) => Promise<LayerEdgeCount[]>;

const testIgnores = ['**/*.test.*', '**/*.spec.*', '**/__tests__/**', '**/fixtures/**'];

export async function proposeLayers(facts: RepoFacts, countImports: LayerImportCounter): Promise<LayersProposal> {
  const tree = buildSourceTree(facts.files);
  const containers = findDomainContainers(tree);
  if (containers.length > 0) return proposeDomains(tree, containers, facts, countImports);
  const byPath = await proposePaths(tree, facts, countImports);
  if (byPath !== undefined) return byPath;
  const tiers = proposePackageTiers(facts.workspaces);
  if (tiers !== undefined)
    return {
      mode: 'paths',
      section: { ...tiers.section, ignore: testIgnores },
      explanation: tiers.explanation,
      domains: [],
    };
  return {
    mode: 'none',
    section: undefined,
    domains: [],
    explanation: [
      'No layering found: no domain folders with layer sub-folders, no source folders named like layers, no workspace tiers.',
      'The layers section is left out; add one when the code grows layers (see docs/architecture.md).',
    ],
  };
}

function layerFolders(tree: SourceTree, dir: string): string[] {
  return subfolders(tree, dir).filter((name) => canonicalLayerOf(name) !== undefined);
}

/** Folders whose sub-folders are domains: each has at least two layer-named sub-folders. */
export function findDomainContainers(tree: SourceTree): string[] {
  const found: string[] = [];
  const dirs = [...tree.children.keys()].sort(
    (a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b),
  );
  for (const dir of dirs) {
    if (found.some((f) => dir === f || dir.startsWith(`${f}/`))) continue;
    const name = posix.basename(dir);
    const named = domainContainerNames.includes(name.toLowerCase());
    if (!named && (canonicalLayerOf(name) !== undefined || sharedNames.includes(name))) continue;
    const kids = subfolders(tree, dir).filter((k) => canonicalLayerOf(k) === undefined);
    const layered = kids.filter((k) => layerFolders(tree, joinPath(dir, k)).length >= 2);
    if (layered.length >= (named ? 1 : 2) && layered.length * 2 >= kids.length) found.push(dir);
  }
  return found;
}

async function proposeDomains(
  tree: SourceTree,
  containers: string[],
  facts: RepoFacts,
  countImports: LayerImportCounter,
): Promise<LayersProposal> {
  // A folder named like a container (features/, domains/…) matches with a glob, so new domains
  // are covered; elsewhere only the folders that have layers are listed.
  const named = (c: string) => domainContainerNames.includes(posix.basename(c).toLowerCase());
  const members = (c: string) =>
    subfolders(tree, c).filter((d) => named(c) || layerFolders(tree, joinPath(c, d)).length >= 2);
  const domains = containers.flatMap((c) =>
    members(c).map((d) => ({ path: joinPath(c, d), layers: layerFolders(tree, joinPath(c, d)) })),
  );
  const domainGlobs = containers.flatMap((c) => (named(c) ? [`${c}/*`] : members(c).map((d) => joinPath(c, d))));
  const names = [...new Set(domains.flatMap((d) => d.layers))];
  const edges = await countImports((file) => {
    const domain = domains.find((d) => file.startsWith(`${d.path}/`));
    const layer = domain === undefined ? undefined : file.slice(domain.path.length + 1).split('/')[0];
    return domain === undefined || layer === undefined || !domain.layers.includes(layer)
      ? undefined
      : { group: domain.path, layer };
  });
  const { order, reasons } = orderLayers(names, edges);
  const extras = findExtras(
    tree,
    containers.map((c) => posix.dirname(c)),
  );
  const section: LayersSection = { domains: domainGlobs, order, ...extras.section, ignore: testIgnores };
  const list = (c: string) => members(c).join(', ');
  return {
    mode: 'domains',
    section,
    domains,
    explanation: [
      ...containers.map(
        (c) =>
          `Domain mode: ${c}/ holds one folder per domain (${list(c)}), and their sub-folders are named like layers.`,
      ),
      `Layer order ${order.join(' → ')}: your folder names in the usual order types → config → repo → service → runtime → ui.`,
      ...(reasons.length > 0 ? reasons : [importSummary(edges)]),
      ...extras.explanation,
      `Domains use each other only through their index file (crossDomain: public-api). Tests and fixtures are ignored.`,
      ...(facts.workspaces.length > 1 ? ['Workspace packages outside these folders are not layered.'] : []),
    ],
  };
}

async function proposePaths(
  tree: SourceTree,
  facts: RepoFacts,
  countImports: LayerImportCounter,
): Promise<LayersProposal | undefined> {
  const roots = facts.sourceRoots.length > 0 ? facts.sourceRoots : [''];
  const paths = new Map<string, string[]>();
  for (const root of roots) {
    for (const name of subfolders(tree, root)) {
      const layer = canonicalLayerOf(name);
      if (layer !== undefined) paths.set(layer, [...(paths.get(layer) ?? []), `${joinPath(root, name)}/**`]);
    }
  }
  if (paths.size < 2) return undefined;
  const prefixes = [...paths.entries()].flatMap(([layer, globs]) =>
    globs.map((g) => ({ layer, prefix: g.slice(0, -2) })),
  );
  const edges = await countImports((file) => {
    const hit = prefixes.find((p) => file.startsWith(p.prefix));
    return hit === undefined ? undefined : { group: '', layer: hit.layer };
  });
  const { order, reasons } = orderLayers([...paths.keys()], edges);
  const extras = findExtras(tree, roots);
  const described = order.map((l) => `${l} = ${(paths.get(l) ?? []).map((g) => g.slice(0, -3)).join(', ')}`).join('; ');
  return {
    mode: 'paths',
    section: {
      order,
      paths: Object.fromEntries(order.map((l) => [l, paths.get(l) ?? []])),
      ...extras.section,
      ignore: testIgnores,
    },
    domains: [],
    explanation: [
      `Path mode: the code is laid out by layer, not by domain (${described}).`,
      `Layer order ${order.join(' → ')}.`,
      ...(reasons.length > 0 ? reasons : [importSummary(edges)]),
      ...extras.explanation,
    ],
  };
}

function findExtras(
  tree: SourceTree,
  bases: readonly string[],
): { section: Pick<LayersSection, 'providers' | 'shared'>; explanation: string[] } {
  const near = (names: readonly string[]) =>
    [...new Set(bases)].flatMap((b) =>
      subfolders(tree, b)
        .filter((n) => names.includes(n.toLowerCase()))
        .map((n) => joinPath(b, n)),
    );
  const shared = near(sharedNames);
  const providers = near(providerNames);
  return {
    section: { ...(providers.length > 0 ? { providers } : {}), ...(shared.length > 0 ? { shared } : {}) },
    explanation: [
      ...(shared.length > 0 ? [`Shared code importable from anywhere: ${shared.join(', ')}.`] : []),
      ...(providers.length > 0 ? [`Providers of cross-cutting concerns: ${providers.join(', ')}.`] : []),
    ],
  };
}

function importSummary(edges: readonly LayerEdgeCount[]): string {
  const total = edges.reduce((sum, e) => sum + e.count, 0);
  const backward = edges
    .filter((e) => canonicalRank(e.from) < canonicalRank(e.to))
    .reduce((sum, e) => sum + e.count, 0);
  if (total === 0) return 'The code has no imports between layers yet, so the usual order stands.';
  return backward === 0
    ? `The code agrees: all ${total} imports between layers point forward.`
    : `${backward} of ${total} imports between layers ${backward === 1 ? 'points backward; it is' : 'point backward; they are'} recorded in the baseline for you to fix.`;
}
