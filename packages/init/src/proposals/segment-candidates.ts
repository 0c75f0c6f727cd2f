// Repeating folder layers: folder names that recur side by side under many parents
// (common/browser/node under every module, api/service/repo under every feature) become a
// `segments` contract, with `allow` learned from the imports between them (docs/layers.md, "Contracts").
import type { Candidate, GraphView } from './candidate.js';
import type { FolderTree } from './folder-tree.js';
import { countGroupEdges, subfolderNames } from './folder-tree.js';
import { learnAllow } from './learn-order.js';
import { describeAllow } from './describe.js';
import { groupFinder } from './measure-fit.js';

/** Folder names that say where code sits in a project, not what layer it is. */
const structuralNames = new Set([
  'src',
  'lib',
  'source',
  'sources',
  'bin',
  'scripts',
  'packages',
  'apps',
  'libs',
  'esm',
  'cjs',
  'umd',
]);

/** A name must sit beside another of the set under at least this many parents. */
const minParents = 3;

const environmentName =
  /^(common|browser|node|electron|electron-.+|vscode|vscode-.+|worker|.+-worker|main|renderer|web|native|server|client|isomorphic|browser-only|sandbox)$/;

/** Sets of folder names that recur together under at least three parents. */
function findSegmentSets(tree: FolderTree): { names: string[]; parents: string[] }[] {
  const siblings = new Map<string, string[]>();
  for (const parent of tree.children.keys()) {
    const kids = subfolderNames(tree, parent).filter((k) => !structuralNames.has(k.toLowerCase()));
    if (kids.length >= 2) siblings.set(parent, kids);
  }
  const pairs = new Map<string, number>();
  for (const kids of siblings.values())
    for (const a of kids) for (const b of kids) if (a < b) pairs.set(`${a}\0${b}`, (pairs.get(`${a}\0${b}`) ?? 0) + 1);
  const linked = new Map<string, Set<string>>();
  for (const [pair, count] of pairs) {
    if (count < minParents) continue;
    const [a = '', b = ''] = pair.split('\0');
    linked.set(a, (linked.get(a) ?? new Set()).add(b));
    linked.set(b, (linked.get(b) ?? new Set()).add(a));
  }
  return components(linked).map((names) => ({
    names,
    parents: [...siblings].filter(([, kids]) => kids.filter((k) => names.includes(k)).length >= 2).map(([p]) => p),
  }));
}

function components(linked: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const seen = new Set<string>();
  const found: string[][] = [];
  for (const start of [...linked.keys()].sort()) {
    if (seen.has(start)) continue;
    const group: string[] = [];
    const stack = [start];
    while (stack.length > 0) {
      const name = stack.pop() ?? '';
      if (seen.has(name)) continue;
      seen.add(name);
      group.push(name);
      stack.push(...(linked.get(name) ?? []));
    }
    found.push(group.sort());
  }
  return found;
}

/** Per set of names: the strict reading of the imports, then the lenient one (stray directions allowed). */
export function segmentCandidates(graph: GraphView, tree: FolderTree): Candidate[] {
  return findSegmentSets(tree).flatMap(({ names, parents }) => {
    const layerOf = groupFinder({ name: 'probe', type: 'layers', segments: names });
    const counts = countGroupEdges(graph.edges, layerOf);
    const strict = learnAllow(names, counts, true);
    const lenient = learnAllow(names, counts, false);
    const environments = names.filter((n) => environmentName.test(n)).length * 2 > names.length;
    const examples = parents.slice(0, 3).map((p) => `${p || '.'}/`);
    const seen = `Folders named ${names.join(', ')} recur side by side under ${parents.length} folders (${examples.join(', ')}…): a file's layer is the last of these folders in its path.`;
    const same = JSON.stringify(strict.allow) === JSON.stringify(lenient.allow);
    return (same ? [strict] : [strict, lenient]).map((learned) => ({
      kind: 'segments' as const,
      axis: `segments:${names.join(',')}`,
      contract: {
        name: environments ? 'environments' : 'folder-layers',
        type: 'layers',
        segments: learned.order,
        allow: learned.allow,
      },
      explanation: [seen, ...describeAllow(learned)],
    }));
  });
}
