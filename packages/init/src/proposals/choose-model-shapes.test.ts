import { describe, expect, it } from 'vitest';
import type { Candidate, CandidateKind, ChosenModel } from './candidate.js';
import { chooseModel, proposeCandidates, whyNotOffered } from './choose-model.js';
import { measureFit } from './measure-fit.js';
import {
  GraphBuilder,
  acmeArchitecture,
  acmePackages,
  acmeShape,
  layeredServiceShape,
  tangleShape,
} from './proposal-graphs.fixture.js';

function chosenOf(model: ChosenModel, kind: CandidateKind): Candidate[] {
  return model.chosen.filter((c) => c.candidate.kind === kind).map((c) => c.candidate);
}

const architectureDoc = { path: 'docs/architecture.md', text: acmeArchitecture };

describe('chooseModel on a pnpm monorepo with a documented package graph', () => {
  it('takes the graph the document draws over package.json and reports the import that breaks it', () => {
    const graph = acmeShape(1).graph();
    const model = chooseModel({ graph, workspaces: acmePackages, architectureDoc });
    expect(model.chosen).toHaveLength(1);
    const [{ candidate, fit } = { candidate: undefined, fit: undefined }] = model.chosen;
    expect(candidate?.contract.allow).toEqual({
      '@acme/core': ['@acme/config'],
      '@acme/api': ['@acme/config', '@acme/core'],
      '@acme/web': ['@acme/core'],
      '@acme/cli': ['@acme/config', '@acme/core', '@acme/api'],
    });
    expect(candidate?.contract.layers).toMatchObject({ '@acme/cli': ['apps/cli/**'] });
    expect(candidate?.explanation.join('\n')).toContain('docs/architecture.md describes the package graph');
    expect(candidate?.explanation.join('\n')).toContain('the document wins): @acme/web → @acme/api.');
    expect(fit).toMatchObject({ filesAgainst: 1, edgesAgainst: 1, filesAssigned: 150 });
  });

  it('falls back to package.json when the code breaks the document in more than 1% of files', () => {
    const graph = acmeShape(10).graph();
    const model = chooseModel({ graph, workspaces: acmePackages, architectureDoc });
    const [packages] = chosenOf(model, 'package-tiers');
    expect(packages?.explanation[0]).toMatch(/^5 workspace packages; each may import/);
    expect(packages?.contract.allow).toMatchObject({ '@acme/web': ['@acme/core', '@acme/api'] });
    const [rejected] = model.rejected;
    expect(rejected?.candidate.explanation[0]).toContain('docs/architecture.md');
    expect(rejected?.why).toBe('contradicted in 6.67% of its files (10 of 150; at most 1.00%)');
  });

  it('without a document, the manifests alone', () => {
    const model = chooseModel({ graph: acmeShape(10).graph(), workspaces: acmePackages });
    expect(model.chosen.map((c) => c.fit.filesAgainst)).toEqual([0]);
    expect(model.rejected).toEqual([]);
  });
});

describe('chooseModel on a layered domain service', () => {
  const graph = layeredServiceShape().graph();
  const model = chooseModel({ graph, workspaces: [] });

  it('proposes the layers inside the domains, the domains and the providers under them', () => {
    const [layers] = chosenOf(model, 'segments');
    expect(layers?.contract).toMatchObject({
      name: 'folder-layers',
      segments: ['types', 'config', 'repo', 'service', 'runtime'],
      allow: {
        config: ['types'],
        repo: ['types', 'config'],
        service: ['types', 'repo'],
        runtime: ['types', 'service'],
      },
    });
    const [domains] = chosenOf(model, 'domains');
    expect(domains?.contract).toEqual({
      name: 'domains',
      type: 'independent',
      modules: ['src/domains/users', 'src/domains/billing', 'src/domains/orders'].sort(),
      except: [{ to: ['src/domains/*/index.*'] }],
    });
    expect(domains?.explanation.join('\n')).toContain('src/domains/kernel: imported by every domain, so shared code');
    const [modules] = chosenOf(model, 'ordered-modules');
    expect(modules?.contract.layers).toEqual({ providers: ['src/providers/**'], domains: ['src/domains/**'] });
    expect(model.chosen.every((c) => c.fit.filesAgainst === 0)).toBe(true);
  });

  it('lists domains before a module order of the same folders, and picks only the first that fits', () => {
    const axes = proposeCandidates({ graph, workspaces: [] }).map((c) => `${c.axis} ${c.kind}`);
    expect(axes).toEqual([
      'segments:config,repo,runtime,service,types segments',
      'modules:src ordered-modules',
      'modules:src/domains domains',
      'modules:src/domains ordered-modules',
    ]);
    const same = model.rejected.find((r) => r.candidate.axis === 'modules:src/domains');
    expect(same?.why).toBe('contract domains was chosen for the same folders');
  });

  it('rejects the kernel as a domain, and the layers in reverse', () => {
    const kernelAsDomain: Candidate = {
      kind: 'domains',
      contract: {
        name: 'd',
        type: 'independent',
        modules: ['src/domains/*'],
        except: [{ to: ['src/domains/*/index.*'] }],
      },
      explanation: [],
    };
    expect(whyNotOffered(measureFit(graph, kernelAsDomain))).toMatch(/^contradicted in \d+% of its files/);
    const reversed: Candidate = {
      kind: 'segments',
      contract: { name: 'l', type: 'layers', segments: ['runtime', 'service', 'repo', 'config', 'types'] },
      explanation: [],
    };
    expect(whyNotOffered(measureFit(graph, reversed))).toMatch(/^contradicted/);
  });
});

describe('chooseModel when nothing fits', () => {
  it('offers nothing for folders that import each other every way, and says why and how', () => {
    const model = chooseModel({ graph: tangleShape().graph(), workspaces: [] });
    expect(model.chosen).toEqual([]);
    expect(model.rejected.map((r) => r.candidate.kind)).toEqual(['ordered-modules']);
    expect(model.none?.why).toMatch(/^No candidate fits the code: modules \(contradicted in \d+% of its files/);
    expect(model.none?.how).toContain('docs/layers.md');
  });

  it('names four of the reasons and counts the rest', () => {
    // src/{a,b,c,d}/{a1,a2,a3,…}: tangles inside each folder and between them: five module orders.
    const b = new GraphBuilder();
    const outer = ['a', 'b', 'c', 'd'];
    const inner = (o: string) => [1, 2, 3].map((i) => `src/${o}/${o}${i}`);
    for (const o of outer) for (const f of inner(o)) b.folder(f, 10);
    for (const o of outer) for (const from of inner(o)) for (const to of inner(o)) if (from !== to) b.link(from, to);
    for (const o of outer) for (const p of outer) if (o !== p) b.link(`src/${o}/${o}1`, `src/${p}/${p}2`);
    const model = chooseModel({ graph: b.graph(), workspaces: [] });
    expect(model.rejected).toHaveLength(5);
    expect(model.none?.why).toMatch(/; and 1 more\.$/);
    expect(model.none?.why.split(' (contradicted').length).toBe(5);
  });

  it('takes more than twelve sibling folders for features, not an order of modules (domains are not capped)', () => {
    const b = new GraphBuilder();
    const features = Array.from({ length: 13 }, (_, i) => `src/features/f${String(i).padStart(2, '0')}`);
    for (const f of features) b.folder(f, 10);
    features.forEach((f, i) => i > 0 && b.link(f, features[i - 1] ?? ''));
    expect(proposeCandidates({ graph: b.graph(), workspaces: [] })).toEqual([]);
    expect(
      proposeCandidates({
        graph: { files: b.files.filter((f) => !f.includes('f12/')), edges: b.edges },
        workspaces: [],
      }).map((c) => c.kind),
    ).toEqual(['ordered-modules']);
  });

  it('offers nothing for a flat folder of files', () => {
    const files = ['src/a.ts', 'src/b.ts', 'src/c.ts'];
    const model = chooseModel({ graph: { files, edges: [{ from: 'src/a.ts', to: 'src/b.ts' }] }, workspaces: [] });
    expect(model).toEqual({
      chosen: [],
      rejected: [],
      none: {
        why: expect.stringMatching(/^No layering found/) as unknown,
        how: expect.stringContaining('docs/layers.md') as unknown,
      },
    });
  });
});
