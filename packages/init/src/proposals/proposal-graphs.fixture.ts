// GraphViews cut from the shapes of real repositories, for the proposal tests: a VS Code-style app,
// a theia-style extension monorepo, a pnpm monorepo with a documented package graph, a layered
// domain service, and a tangle nothing fits. Files are generated per folder; imports are listed.
import type { WorkspacePackage } from '../repo-facts.js';
import type { GraphView, GraphViewEdge } from './candidate.js';

export class GraphBuilder {
  readonly files: string[] = [];
  readonly edges: GraphViewEdge[] = [];

  folder(path: string, n = 8): string[] {
    const made = Array.from({ length: n }, (_, i) => `${path}/f${i}.ts`);
    this.files.push(...made);
    return made;
  }

  /** Every file of folder `from` imports a file of folder `to` (both made with `folder`). */
  link(from: string, to: string, typeOnly = false): void {
    for (const f of this.files.filter((x) => x.startsWith(`${from}/`) && !x.slice(from.length + 1).includes('/')))
      this.edges.push({ from: f, to: `${to}/f0.ts`, ...(typeOnly ? { typeOnly } : {}) });
  }

  /** One import, from one file. */
  stray(from: string, to: string): void {
    this.edges.push({ from, to });
  }

  graph(): GraphView {
    return { files: [...this.files], edges: [...this.edges] };
  }
}

/** src/vs/{base,platform,editor,workbench}, environments common/browser/node under every area. */
export function vscodeShape(): GraphBuilder {
  const b = new GraphBuilder();
  const areas: [string, string[]][] = [
    ['src/vs/base', ['common', 'browser', 'node']],
    ['src/vs/platform/files', ['common', 'browser', 'node']],
    ['src/vs/platform/log', ['common', 'browser', 'node']],
    ['src/vs/editor', ['common', 'browser']],
    ['src/vs/workbench/services/search', ['common', 'browser', 'node']],
    ['src/vs/workbench/contrib/chat', ['common', 'browser']],
  ];
  for (const [area, envs] of areas) for (const env of envs) b.folder(`${area}/${env}`, 10);
  for (const [area, envs] of areas)
    for (const env of envs.filter((e) => e !== 'common')) b.link(`${area}/${env}`, `${area}/common`);
  // Each area imports the two areas below it: the same environment where that area has it, else common.
  areas.forEach(([area, envs], i) => {
    for (const [below, belowEnvs] of areas.slice(Math.max(0, i - 2), i))
      for (const env of envs) b.link(`${area}/${env}`, `${below}/${belowEnvs.includes(env) ? env : 'common'}`);
  });
  return b;
}

export const theiaPackages: WorkspacePackage[] = [
  { dir: 'packages/core', name: '@theia/core', internalDeps: [] },
  { dir: 'packages/filesystem', name: '@theia/filesystem', internalDeps: ['@theia/core'] },
  { dir: 'packages/editor', name: '@theia/editor', internalDeps: ['@theia/core'] },
  { dir: 'packages/workspace', name: '@theia/workspace', internalDeps: ['@theia/core', '@theia/filesystem'] },
  { dir: 'packages/monaco', name: '@theia/monaco', internalDeps: ['@theia/core', '@theia/editor', '@theia/filesystem'] },
];

/** packages/*\/src/{common,browser,node,electron-browser}, imports along the manifests. */
export function theiaShape(): GraphBuilder {
  const b = new GraphBuilder();
  const envs = ['common', 'browser', 'node', 'electron-browser'];
  for (const p of theiaPackages) for (const env of envs) b.folder(`${p.dir}/src/${env}`, 8);
  b.folder('examples/browser/src/frontend', 4); // scaffolding: no proposal is drawn from it
  for (const p of theiaPackages) {
    const src = `${p.dir}/src`;
    b.link(`${src}/browser`, `${src}/common`);
    b.link(`${src}/node`, `${src}/common`);
    b.link(`${src}/electron-browser`, `${src}/browser`);
    b.link(`${src}/electron-browser`, `${src}/common`);
    for (const dep of p.internalDeps) {
      const dir = theiaPackages.find((q) => q.name === dep)?.dir ?? '';
      for (const env of envs) b.link(`${src}/${env}`, `${dir}/src/${env === 'electron-browser' ? 'browser' : env}`);
    }
  }
  return b;
}

export const acmePackages: WorkspacePackage[] = [
  { dir: 'packages/config', name: '@acme/config', internalDeps: [] },
  { dir: 'packages/core', name: '@acme/core', internalDeps: ['@acme/config'] },
  { dir: 'packages/api', name: '@acme/api', internalDeps: ['@acme/core', '@acme/config'] },
  { dir: 'packages/web', name: '@acme/web', internalDeps: ['@acme/core', '@acme/api'] },
  { dir: 'apps/cli', name: '@acme/cli', internalDeps: ['@acme/api', '@acme/core', '@acme/config'] },
];

/** The graph docs/architecture.md draws for acme: web is meant to reach the api over HTTP only. */
export const acmeArchitecture = `# Architecture

\`\`\`mermaid
flowchart TD
  cli[@acme/cli] --> api[@acme/api]
  cli --> core[@acme/core]
  api --> core
  web[@acme/web] --> core
  core --> config[@acme/config]
  api --> config
  cli --> config
\`\`\`
`;

/** A pnpm monorepo: every package imports what its package.json declares; `webFilesOnApi` web files import the api. */
export function acmeShape(webFilesOnApi: number): GraphBuilder {
  const b = new GraphBuilder();
  for (const p of acmePackages) b.folder(`${p.dir}/src`, 30);
  for (const p of acmePackages)
    for (const dep of p.internalDeps.filter((d) => d !== '@acme/api' || p.name !== '@acme/web'))
      b.link(`${p.dir}/src`, `${acmePackages.find((q) => q.name === dep)?.dir}/src`);
  for (let i = 0; i < webFilesOnApi; i++) b.stray(`packages/web/src/f${i}.ts`, 'packages/api/src/f0.ts');
  return b;
}

const serviceLayers = ['types', 'config', 'repo', 'service', 'runtime'];

/**
 * A layered domain service: src/domains/<d>/{types,config,repo,service,runtime} with an index file
 * each, a kernel every domain imports, and providers.
 */
export function layeredServiceShape(): GraphBuilder {
  const b = new GraphBuilder();
  const domains = ['users', 'billing', 'orders'];
  for (const d of domains) {
    const at = `src/domains/${d}`;
    for (const layer of serviceLayers) b.folder(`${at}/${layer}`, 6);
    b.files.push(`${at}/index.ts`);
    b.stray(`${at}/index.ts`, `${at}/service/f0.ts`);
    serviceLayers.forEach((layer, i) => {
      if (i > 0) b.link(`${at}/${layer}`, `${at}/${serviceLayers[i - 1]}`);
      if (i > 1) b.link(`${at}/${layer}`, `${at}/types`);
    });
    b.link(`${at}/service`, 'src/domains/kernel/types');
    b.link(`${at}/repo`, 'src/providers/db');
    b.link(`${at}/service`, 'src/providers/log');
  }
  for (const layer of ['types', 'config']) b.folder(`src/domains/kernel/${layer}`, 6);
  b.link('src/domains/kernel/config', 'src/domains/kernel/types');
  for (const p of ['db', 'log']) b.folder(`src/providers/${p}`, 6);
  b.link('src/providers/db', 'src/providers/log');
  // Domains meet through their index files.
  for (const from of b.files.filter((f) => f.startsWith('src/domains/orders/service/')))
    b.stray(from, 'src/domains/users/index.ts');
  return b;
}

/** src/{a,b,c}: every folder imports every other one as much: no order, no layers. */
export function tangleShape(): GraphBuilder {
  const b = new GraphBuilder();
  const folders = ['src/alpha', 'src/beta', 'src/gamma'];
  for (const f of folders) b.folder(f, 10);
  for (const from of folders) for (const to of folders) if (from !== to) b.link(from, to);
  return b;
}
