// The folders of the graph's files, for the proposers' layout questions: which folders a folder
// holds, how many files lie below each, and which folders are scaffolding (templates, examples,
// fixtures, tests, generated or vendored code, build output) that no proposal is drawn from.

const scaffoldingNames = new Set([
  'templates',
  'template',
  'scaffold',
  'scaffolds',
  'scaffolding',
  'examples',
  'example',
  'fixtures',
  'fixture',
  'e2e',
  'test',
  'tests',
  '__tests__',
  '__mocks__',
  'generated',
  '__generated__',
  'vendor',
  'vendors',
  'third_party',
  'dist',
  'build',
  'out',
  'node_modules',
]);

/** A path with a scaffolding folder in it (`examples/app/src/x.ts`, `src/__tests__/x.ts`). */
export function isScaffolding(path: string): boolean {
  const folders = path.split('/');
  folders.pop();
  return folders.some((name) => scaffoldingNames.has(name.toLowerCase()));
}

export interface FolderTree {
  /** Folder ('' is the root) → names of its sub-folders holding files somewhere below. */
  children: ReadonlyMap<string, ReadonlySet<string>>;
  /** Folder → number of files below it, at any depth. */
  fileCount: ReadonlyMap<string, number>;
}

/** The tree of the files given, scaffolding left out. */
export function buildFolderTree(files: readonly string[]): FolderTree {
  const children = new Map<string, Set<string>>();
  const fileCount = new Map<string, number>();
  for (const file of files) {
    if (isScaffolding(file)) continue;
    const parts = file.split('/');
    fileCount.set('', (fileCount.get('') ?? 0) + 1);
    for (let i = 0; i < parts.length - 1; i++) {
      const parent = parts.slice(0, i).join('/');
      const folder = parts.slice(0, i + 1).join('/');
      let kids = children.get(parent);
      if (kids === undefined) children.set(parent, (kids = new Set()));
      kids.add(parts[i] ?? '');
      fileCount.set(folder, (fileCount.get(folder) ?? 0) + 1);
    }
  }
  return { children, fileCount };
}

export function subfolderNames(tree: FolderTree, folder: string): string[] {
  return [...(tree.children.get(folder) ?? [])].sort();
}

export function joinFolder(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}

/** Counts of imports between groups (a file's group from `groupOf`), same-group imports left out. */
export function countGroupEdges(
  edges: readonly { from: string; to: string }[],
  groupOf: (path: string) => string | undefined,
): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const edge of edges) {
    const from = groupOf(edge.from);
    const to = from === undefined ? undefined : groupOf(edge.to);
    if (from === undefined || to === undefined || from === to) continue;
    let row = counts.get(from);
    if (row === undefined) counts.set(from, (row = new Map<string, number>()));
    row.set(to, (row.get(to) ?? 0) + 1);
  }
  return counts;
}

export function edgeCount(counts: ReadonlyMap<string, ReadonlyMap<string, number>>, from: string, to: string): number {
  return counts.get(from)?.get(to) ?? 0;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
