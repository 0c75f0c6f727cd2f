// No import cycle anywhere in this repository's packages, judged on the import graph that
// `harness check layers` builds (type-only imports included: they tie modules together too).
// A cycle makes load order matter and a module impossible to take in alone; break it by moving
// what both sides need into a module of its own (docs/architecture.md, "Contracts of this repository").
import { fileURLToPath } from 'node:url';
import type { GraphFile } from 'agent-harness-layers';
import { buildImportGraph } from 'agent-harness-layers';
import { describe, expect, it } from 'vitest';

const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** Each import cycle among the files, as a path from a file back to itself (one per strongly connected group). */
function findImportCycles(files: readonly Pick<GraphFile, 'path' | 'imports'>[]): string[][] {
  const next = new Map<string, string[]>();
  for (const file of files) {
    const targets = file.imports.flatMap((edge) => (edge.target.kind === 'file' ? [edge.target.path] : []));
    next.set(file.path, [...new Set(targets)]);
  }
  return stronglyConnected(next)
    .filter((group) => group.length > 1 || (next.get(group[0] ?? '') ?? []).includes(group[0] ?? ''))
    .map((group) => cycleThrough(group, next));
}

/** Tarjan's strongly connected components, iterative so that a deep graph cannot overflow the stack. */
function stronglyConnected(next: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  for (const start of next.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; edge: number }[] = [{ node: start, edge: 0 }];
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; edge: number };
      const { node } = frame;
      if (frame.edge === 0 && !index.has(node)) {
        index.set(node, index.size);
        low.set(node, index.get(node) as number);
        stack.push(node);
        onStack.add(node);
      }
      const targets = next.get(node) ?? [];
      const target = targets[frame.edge];
      if (target !== undefined) {
        frame.edge += 1;
        if (!index.has(target)) work.push({ node: target, edge: 0 });
        else if (onStack.has(target)) low.set(node, Math.min(low.get(node) as number, index.get(target) as number));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(node) as number));
      if (low.get(node) === index.get(node)) {
        const group: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          group.push(member);
        } while (member !== node);
        groups.push(group);
      }
    }
  }
  return groups;
}

/** One concrete cycle inside a strongly connected group: a breadth-first path from its first file back to it. */
function cycleThrough(group: readonly string[], next: ReadonlyMap<string, readonly string[]>): string[] {
  const members = new Set(group);
  const start = [...group].sort()[0] as string;
  const came = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i] as string;
    for (const target of next.get(node) ?? []) {
      if (target === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(came.get(path[0] as string) as string);
        return [...path, start];
      }
      if (!members.has(target) || came.has(target)) continue;
      came.set(target, node);
      queue.push(target);
    }
  }
  return [start, start];
}

const file = (path: string, ...imports: string[]) => ({
  path,
  imports: imports.map((target) => ({
    specifier: target,
    kind: 'import' as const,
    typeOnly: false,
    line: 1,
    column: 1,
    target: { kind: 'file' as const, path: target },
  })),
});

describe('import cycles', () => {
  it('are found in a graph, type-only or not, with the path that closes them', () => {
    const cycles = findImportCycles([
      file('a.ts', 'b.ts'),
      file('b.ts', 'c.ts'),
      file('c.ts', 'a.ts'),
      file('d.ts', 'a.ts'),
      file('e.ts', 'e.ts'),
    ]);
    expect(cycles).toEqual([
      ['a.ts', 'b.ts', 'c.ts', 'a.ts'],
      ['e.ts', 'e.ts'],
    ]);
    expect(findImportCycles([file('a.ts', 'b.ts'), file('b.ts'), file('c.ts', 'a.ts', 'b.ts')])).toEqual([]);
  });

  it('there is none in the packages of this repository', async () => {
    const graph = await buildImportGraph({ root: repositoryRoot, ignore: [] });
    const files = graph.files.filter((f) => f.path.startsWith('packages/'));
    // The graph is the real one: the CLI's command table and the layers check are in it.
    expect(files.map((f) => f.path)).toEqual(
      expect.arrayContaining(['packages/harness/src/commands.ts', 'packages/layers/src/check-layers.ts']),
    );
    expect(findImportCycles(files).map((cycle) => cycle.join(' → '))).toEqual([]);
  });
});
