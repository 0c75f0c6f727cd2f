// The folder tree of a repository's source files, built from the file list
// git gave, so layout questions never touch the disk again.
import { posix } from 'node:path';

const sourceFile = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const skipped = /(^|\/)(?:node_modules|dist|build|out|coverage|\.[^/]+|__tests__|__mocks__|fixtures?|tests?|e2e)(\/|$)/;
const testFile = /\.(?:test|spec|stories)\.[^/]+$|\.d\.[cm]?ts$/;

export interface SourceTree {
  /** Source files (no tests, fixtures, declarations or build output). */
  files: string[];
  /** Folder → names of its sub-folders that contain source files somewhere below. */
  children: Map<string, Set<string>>;
}

function isSourceFile(file: string): boolean {
  return sourceFile.test(file) && !testFile.test(file) && !skipped.test(posix.dirname(file));
}

export function buildSourceTree(files: readonly string[]): SourceTree {
  const sources = files.filter(isSourceFile);
  const children = new Map<string, Set<string>>();
  for (const file of sources) {
    const parts = file.split('/');
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i - 1).join('/');
      const child = parts[i - 1] ?? '';
      let set = children.get(parent);
      if (set === undefined) children.set(parent, (set = new Set()));
      set.add(child);
    }
  }
  return { files: sources, children };
}

export function subfolders(tree: SourceTree, dir: string): string[] {
  return [...(tree.children.get(dir) ?? [])].sort();
}

export function joinPath(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}
