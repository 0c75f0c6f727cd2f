import { configSchema } from 'agent-harness-config';
import { compileContracts } from 'agent-harness-layers';
import { describe, expect, it } from 'vitest';
import type { Candidate, CandidateKind, ChosenModel } from './candidate.js';
import { chooseModel, whyNotOffered } from './choose-model.js';
import { measureFit } from './measure-fit.js';
import { theiaPackages, theiaShape, vscodeShape } from './proposal-graphs.fixture.js';

function chosenOf(model: ChosenModel, kind: CandidateKind): Candidate[] {
  return model.chosen.filter((c) => c.candidate.kind === kind).map((c) => c.candidate);
}

function wrong(contract: Record<string, unknown>): Candidate {
  return { kind: 'segments', contract, explanation: [] };
}

describe('chooseModel on a VS Code-style tree', () => {
  const builder = vscodeShape();
  builder.stray('src/vs/base/common/f1.ts', 'src/vs/base/browser/f0.ts'); // one import against the grain
  const graph = builder.graph();
  const model = chooseModel({ graph, workspaces: [] });

  it('orders src/vs by its imports and learns the environments from them', () => {
    const modules = chosenOf(model, 'ordered-modules').find((c) => c.axis === 'modules:src/vs');
    expect(Object.keys(modules?.contract.layers as object)).toEqual(['base', 'platform', 'editor', 'workbench']);
    expect(modules?.contract.layers).toMatchObject({ base: ['src/vs/base/**'] });
    const [environments] = chosenOf(model, 'segments');
    expect(environments?.contract).toMatchObject({ name: 'environments', type: 'layers' });
    expect(environments?.contract.allow).toEqual({ browser: ['common'], node: ['common'] });
    expect(environments?.explanation.join('\n')).toContain('common → browser (1 import; browser imports common');
    expect(model.none).toBeUndefined();
  });

  it('reports the fit the layers check would: the stray import is the one file against', () => {
    const environments = model.chosen.find((c) => c.candidate.kind === 'segments');
    expect(environments?.fit).toMatchObject({ filesAssigned: graph.files.length, filesAgainst: 1, edgesAgainst: 1 });
  });

  it('rejects a module order the imports contradict, and environments with the arrows reversed', () => {
    const reversed = wrong({
      name: 'modules',
      type: 'layers',
      layers: Object.fromEntries(['workbench', 'editor', 'platform', 'base'].map((m) => [m, [`src/vs/${m}/**`]])),
    });
    expect(whyNotOffered(measureFit(graph, reversed))).toMatch(/^contradicted in \d+% of its files/);
    const upsideDown = wrong({
      name: 'e',
      type: 'layers',
      segments: ['common', 'browser', 'node'],
      allow: { common: ['browser', 'node'] },
    });
    expect(whyNotOffered(measureFit(graph, upsideDown))).toMatch(/^contradicted/);
  });
});

describe('chooseModel on a theia-style monorepo', () => {
  const graph = theiaShape().graph();
  const model = chooseModel({ graph, workspaces: theiaPackages });

  it('proposes the package graph of the manifests and the environments, and no domains', () => {
    const [packages] = chosenOf(model, 'package-tiers');
    expect(packages?.contract.allow).toEqual({
      '@theia/filesystem': ['@theia/core'],
      '@theia/editor': ['@theia/core'],
      '@theia/workspace': ['@theia/core', '@theia/filesystem'],
      '@theia/monaco': ['@theia/core', '@theia/editor', '@theia/filesystem'],
    });
    expect(packages?.contract.layers).toMatchObject({ '@theia/core': ['packages/core/**'] });
    const [environments] = chosenOf(model, 'segments');
    expect(environments?.contract.allow).toEqual({
      browser: ['common'],
      'electron-browser': ['common', 'browser'],
      node: ['common'],
    });
    expect(chosenOf(model, 'domains')).toEqual([]);
    expect(model.chosen.every((c) => c.fit.filesAgainst === 0)).toBe(true);
  });

  it('draws nothing from scaffolding folders, not even an example that is a workspace package', () => {
    const example = { dir: 'examples/browser', name: '@theia/example-browser', internalDeps: ['@theia/core'] };
    const withExample = chooseModel({ graph, workspaces: [...theiaPackages, example] });
    const all = withExample.chosen.concat(withExample.rejected).map((c) => JSON.stringify(c.candidate.contract));
    expect(all.join('\n')).not.toContain('examples');
    expect(withExample.chosen.map((c) => c.candidate.kind)).toEqual(['package-tiers', 'segments']);
  });

  it('rejects the shared core library as a domain, and packages that may not import each other', () => {
    const coreAsDomain = wrong({ name: 'd', type: 'independent', modules: ['packages/*'] });
    expect(whyNotOffered(measureFit(graph, coreAsDomain))).toMatch(/^contradicted/);
    const noDeps = wrong({
      name: 'p',
      type: 'layers',
      layers: Object.fromEntries(theiaPackages.map((p) => [p.name, [`${p.dir}/**`]])),
      allow: {},
    });
    expect(whyNotOffered(measureFit(graph, noDeps))).toMatch(/^contradicted in 80% of its files/);
  });
});

describe('what chooseModel offers', () => {
  it('is valid harness.config.yaml: the config schema and the layers check accept every model', () => {
    const models = [
      chooseModel({ graph: vscodeShape().graph(), workspaces: [] }),
      chooseModel({ graph: theiaShape().graph(), workspaces: theiaPackages }),
    ];
    for (const model of models) {
      const contracts = model.chosen.map((c) => c.candidate.contract);
      expect(contracts.length).toBeGreaterThanOrEqual(2);
      const parsed = configSchema.safeParse({ version: 1, layers: { contracts } });
      expect(parsed.error?.issues).toBeUndefined();
      expect(compileContracts(parsed.data?.layers?.contracts ?? [])).toHaveLength(contracts.length);
    }
  });
});

describe('whyNotOffered in a small repository', () => {
  const fit = (filesAgainst: number, edgesAgainst: number) => ({
    filesTotal: 17,
    filesAssigned: 12,
    edgesJudged: 13,
    edgesAgainst,
    filesAgainst,
  });

  it('offers a model one file contradicts with one of its thirteen imports (the baseline records it)', () => {
    expect(whyNotOffered(fit(1, 1))).toBeUndefined();
  });

  it('rejects it when that one file holds a tenth of the judged imports, or when two files contradict it', () => {
    expect(whyNotOffered(fit(1, 2))).toMatch(/^contradicted in 8\.33% of its files/);
    expect(whyNotOffered(fit(2, 2))).toMatch(/^contradicted in 17% of its files/);
  });
});
