import type { GraphEdge, ImportGraph } from 'agent-harness-layers';
import { describe, expect, it } from 'vitest';
import { reduceGraph } from './read-graph-view.js';

const edge = (specifier: string, target: GraphEdge['target'], typeOnly = false): GraphEdge => ({
  specifier,
  target,
  typeOnly,
  kind: 'import',
  line: 1,
  column: 1,
});

const graph = (imports: GraphEdge[]): ImportGraph => ({
  files: [
    { path: 'packages/web/src/app.ts', imports, suppressions: [], hasUnresolved: false },
    { path: 'packages/core/src/index.ts', imports: [], suppressions: [], hasUnresolved: false },
  ],
  stats: { files: 2, lexedFromCache: 0, resolvedFromCache: 0, findingsFromCache: 0 },
});

describe('reduceGraph', () => {
  it('keeps every import of a repository file as the check judges it, declaration files included', () => {
    const read = reduceGraph(
      graph([
        edge('@acme/core', { kind: 'file', path: 'packages/core/src/index.ts' }),
        edge('./vscode', { kind: 'file', path: 'packages/web/src/vscode.d.ts' }, true),
        edge('react', { kind: 'package', name: 'react' }),
        edge('node:fs', { kind: 'builtin', name: 'node:fs' }),
      ]),
    );
    expect(read.view.files).toEqual(['packages/web/src/app.ts', 'packages/core/src/index.ts']);
    expect(read.view.edges).toEqual([
      { from: 'packages/web/src/app.ts', to: 'packages/core/src/index.ts', typeOnly: false },
      { from: 'packages/web/src/app.ts', to: 'packages/web/src/vscode.d.ts', typeOnly: true },
    ]);
    expect(read).toMatchObject({ unresolved: 0, unbuilt: 0 });
  });

  it('counts an unbuilt workspace package at the package it lands in; other unresolved imports are counted, not edges', () => {
    const read = reduceGraph(
      graph([
        edge('@acme/ui', { kind: 'unresolved', reason: 'workspace', candidate: 'packages/ui/dist/index.js' }),
        edge('./gone', { kind: 'unresolved', reason: 'relative', candidate: 'packages/web/src/gone' }),
        edge('virtual:pwa', { kind: 'unresolved', reason: 'unknown' }),
      ]),
    );
    expect(read.view.edges).toEqual([
      { from: 'packages/web/src/app.ts', to: 'packages/ui/dist/index.js', typeOnly: false },
    ]);
    expect(read).toMatchObject({ unresolved: 1, unbuilt: 1 });
  });
});
