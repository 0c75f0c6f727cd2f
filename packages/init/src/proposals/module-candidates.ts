// Sibling folders as modules: ordered by their import DAG (src/vs/base → platform → editor →
// workbench), or, where the siblings share layer-named sub-folders, as domains that may not reach
// into each other. A folder every domain imports is shared code, not a domain.
import type { WorkspacePackage } from '../repo-facts.js';
import { canonicalLayerOf } from '../layer-names.js';
import type { Candidate, GraphView } from './candidate.js';
import { describeLeft } from './describe.js';
import type { FolderTree } from './folder-tree.js';
import { countGroupEdges, edgeCount, joinFolder, subfolderNames } from './folder-tree.js';
import type { EdgeCounts } from './learn-order.js';
import { orderByImports } from './learn-order.js';

/** A folder's sub-folders are a model only when the folder holds this share of all files. */
const minShareOfFiles = 0.25;
/** …and at least two of them each hold this share of its files. */
const minShareOfParent = 0.05;
/** More sibling folders than this are features side by side, not an order of modules. */
const maxModules = 12;

const structuralNames = new Set(['src', 'lib', 'source', 'sources']);
const entryFile = /^index\.[cm]?[jt]sx?$/;

interface Siblings {
  parent: string;
  names: string[];
  counts: EdgeCounts;
}

/** Folders whose sub-folders could be modules, biggest first. */
export function findSiblingModules(
  graph: GraphView,
  tree: FolderTree,
  segmentNames: ReadonlySet<string>,
  workspaces: readonly WorkspacePackage[],
): Siblings[] {
  const total = tree.fileCount.get('') ?? 0;
  const packageDirs = workspaces.map((w) => w.dir).filter((d) => d !== '' && d !== '.');
  const found: Siblings[] = [];
  for (const parent of tree.children.keys()) {
    const size = tree.fileCount.get(parent) ?? 0;
    if (size < minShareOfFiles * total) continue;
    const names = subfolderNames(tree, parent).filter((n) => !segmentNames.has(n) && !structuralNames.has(n));
    const holdsPackage = (n: string) =>
      packageDirs.some((d) => d === joinFolder(parent, n) || d.startsWith(`${joinFolder(parent, n)}/`));
    if (names.some(holdsPackage)) continue;
    const big = names.filter((n) => (tree.fileCount.get(joinFolder(parent, n)) ?? 0) >= minShareOfParent * size);
    if (big.length < 2) continue;
    const counts = countGroupEdges(graph.edges, moduleFinder(parent, names));
    if (counts.size === 0) continue;
    found.push({ parent, names, counts });
  }
  return found.sort((a, b) => (tree.fileCount.get(b.parent) ?? 0) - (tree.fileCount.get(a.parent) ?? 0));
}

function moduleFinder(parent: string, names: readonly string[]): (path: string) => string | undefined {
  const prefix = parent === '' ? '' : `${parent}/`;
  const known = new Set(names);
  return (path) => {
    if (!path.startsWith(prefix)) return undefined;
    const rest = path.slice(prefix.length);
    const slash = rest.indexOf('/');
    return slash === -1 || !known.has(rest.slice(0, slash)) ? undefined : rest.slice(0, slash);
  };
}

/** Undefined for more than twelve folders: features side by side, not layers. */
export function orderedModuleCandidate({ parent, names, counts }: Siblings): Candidate | undefined {
  if (names.length > maxModules) return undefined;
  const { order, against } = orderByImports(names, counts);
  const where = parent === '' ? 'the root' : `${parent}/`;
  return {
    kind: 'ordered-modules',
    axis: `modules:${parent}`,
    contract: {
      name: 'modules',
      type: 'layers',
      layers: Object.fromEntries(order.map((n) => [n, [`${joinFolder(parent, n)}/**`]])),
    },
    explanation: [
      `The folders of ${where} in the order of their imports: ${order.join(' → ')}; each may import the ones before it.`,
      ...(against.length > 0
        ? ['No order fits every import; this one goes against the fewest.', ...describeLeft(against)]
        : ['Every import between them already points this way.']),
    ],
  };
}

/** Domains under the same parent: siblings with at least two layer-named sub-folders each. */
export function domainCandidate(
  { parent, names, counts }: Siblings,
  tree: FolderTree,
  files: readonly string[],
): Candidate | undefined {
  const layered = names.filter(
    (n) => subfolderNames(tree, joinFolder(parent, n)).filter((k) => canonicalLayerOf(k) !== undefined).length >= 2,
  );
  if (layered.length < 2 || layered.length * 2 < names.length) return undefined;
  const shared =
    layered.length < 3
      ? []
      : layered.filter((d) => layered.every((other) => other === d || edgeCount(counts, other, d) > 0));
  const domains = layered.filter((d) => !shared.includes(d));
  if (domains.length < 2) return undefined;
  const isEntry = (file: string, dir: string) =>
    file.startsWith(`${dir}/`) && entryFile.test(file.slice(dir.length + 1));
  const entries = domains.some((d) => files.some((f) => isEntry(f, joinFolder(parent, d))));
  const all = domains.length === subfolderNames(tree, parent).length;
  return {
    kind: 'domains',
    axis: `modules:${parent}`,
    contract: {
      name: 'domains',
      type: 'independent',
      modules: all ? [`${joinFolder(parent, '*')}`] : domains.map((d) => joinFolder(parent, d)),
      ...(entries ? { except: [{ to: [`${joinFolder(parent, '*')}/index.*`] }] } : {}),
    },
    explanation: [
      `Domains: ${domains.map((d) => joinFolder(parent, d)).join(', ')} each hold layer-named folders; no domain may import another${entries ? ' except through its index file' : ''}.`,
      ...(shared.length > 0
        ? [
            `${shared.map((d) => joinFolder(parent, d)).join(', ')}: imported by every domain, so shared code, not a domain.`,
          ]
        : []),
    ],
  };
}
