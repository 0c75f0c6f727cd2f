import { describe, expect, it } from 'vitest';
import type { WorkspacePackage } from '../repo-facts.js';
import { readPackageGraph } from './read-package-graph.js';

const packages: WorkspacePackage[] = [
  { dir: 'packages/config', name: '@acme/config', internalDeps: [] },
  { dir: 'packages/core', name: '@acme/core', internalDeps: ['@acme/config'] },
  { dir: 'packages/api', name: '@acme/api', internalDeps: ['@acme/core'] },
  { dir: 'apps/web', name: 'acme-web', internalDeps: ['@acme/core', '@acme/api'] },
];

function graphOf(text: string, workspaces = packages): Record<string, string[]> | undefined {
  const read = readPackageGraph(text, workspaces);
  return read === undefined
    ? undefined
    : Object.fromEntries([...read.dependsOn].map(([name, deps]) => [name, [...deps].sort()]));
}

describe('readPackageGraph', () => {
  it('reads arrow chains and lists, by full name, name without scope or folder', () => {
    expect(graphOf('`acme-web` -> `api` -> core\nweb → core, config\n')).toEqual({
      'acme-web': ['@acme/api', '@acme/config', '@acme/core'],
      '@acme/api': ['@acme/core'],
      '@acme/core': [],
      '@acme/config': [],
    });
  });

  it('reads a mermaid flowchart whose nodes are labelled', () => {
    const text = [
      '```mermaid',
      'graph TD',
      '  W["acme-web"] --> A(api)',
      '  A --> C[@acme/core]',
      '  C -.-> X[config]',
      '```',
    ];
    expect(graphOf(text.join('\n'))).toEqual({
      'acme-web': ['@acme/api'],
      '@acme/api': ['@acme/core'],
      '@acme/core': ['@acme/config'],
      '@acme/config': [],
    });
  });

  it('reads arrows drawn from a dependency to its dependents when the manifests say so', () => {
    const read = readPackageGraph('config --> core --> api --> web', packages);
    expect(read?.reversed).toBe(true);
    expect([...(read?.dependsOn.get('@acme/api') ?? [])]).toEqual(['@acme/core']);
  });

  it('follows the document when it says its arrows read "is imported by" and no manifest decides', () => {
    const bare = packages.map((p) => ({ ...p, internalDeps: [] }));
    const read = readPackageGraph('Arrows read "is imported by".\n\nconfig --> core', bare);
    expect(read?.reversed).toBe(true);
    expect(readPackageGraph('config --> core', bare)?.reversed).toBe(false);
  });

  it('reads bullet lists of packages with what they depend on, and "none"', () => {
    const text = [
      '- `@acme/core`: depends on `@acme/config`',
      '- **api** may import core and config.',
      '- config: no dependencies',
      '- core is used by `acme-web`',
    ].join('\n');
    expect(graphOf(text)).toEqual({
      '@acme/core': ['@acme/config'],
      '@acme/api': ['@acme/config', '@acme/core'],
      '@acme/config': [],
      'acme-web': ['@acme/core'],
    });
  });

  it('ignores prose, other names and arrows between things that are not workspace packages', () => {
    const text =
      'The request -> response cycle.\n- browser: may use code from `common`.\n- Run `pnpm build` first: it uses turbo.';
    expect(graphOf(text)).toBeUndefined();
    // vitest's AGENTS.md: a sentence after a colon is prose, not a list of dependencies.
    const prose = '- `@acme/api` is the exception: it is a runtime dependency of `acme-web` and is never inlined.';
    expect(graphOf(prose)).toBeUndefined();
    expect(graphOf('- `@acme/api`: `@acme/core`, `config`')).toEqual({ '@acme/api': ['@acme/config', '@acme/core'] });
  });
});
