import { describe, expect, it } from 'vitest';
import type { Candidate, GraphView } from './candidate.js';
import { measureFit } from './measure-fit.js';

const graph: GraphView = {
  files: ['src/types/a.ts', 'src/service/b.ts', 'src/service/c.ts', 'src/ui/d.ts', 'scripts/e.ts'],
  edges: [
    { from: 'src/service/b.ts', to: 'src/types/a.ts' }, // allowed
    { from: 'src/service/b.ts', to: 'src/service/c.ts' }, // inside one layer: not judged
    { from: 'src/types/a.ts', to: 'src/service/b.ts' }, // against
    { from: 'src/types/a.ts', to: 'src/ui/d.ts', typeOnly: true }, // against unless allowTypeOnly
    { from: 'src/ui/d.ts', to: 'scripts/e.ts' }, // to a file outside the contract: not judged
    { from: 'scripts/e.ts', to: 'src/ui/d.ts' }, // from outside: not judged
  ],
};

function layers(extra: Record<string, unknown> = {}): Candidate {
  const contract = {
    name: 'l',
    type: 'layers',
    layers: { types: ['src/types'], service: ['src/service/**'], ui: ['src/ui/**'] },
  };
  return { kind: 'ordered-modules', contract: { ...contract, ...extra }, explanation: [] };
}

describe('measureFit', () => {
  it('judges like the layers check: forward-only, files in no layer outside, a file counted once', () => {
    expect(measureFit(graph, layers())).toEqual({
      filesAssigned: 4,
      filesTotal: 5,
      edgesJudged: 3,
      edgesAgainst: 2,
      filesAgainst: 1,
    });
  });

  it('honours allow, allowTypeOnly and except as the check does', () => {
    expect(measureFit(graph, layers({ allowTypeOnly: true })).edgesAgainst).toBe(1);
    expect(measureFit(graph, layers({ allow: { types: ['service', 'ui'] } })).edgesAgainst).toBe(1);
    expect(measureFit(graph, layers({ except: [{ from: ['src/types/**'] }] })).filesAgainst).toBe(0);
  });

  it('measures independent and segment contracts too', () => {
    const independent: Candidate = {
      kind: 'domains',
      contract: { name: 'i', type: 'independent', modules: ['src/*'] },
      explanation: [],
    };
    expect(measureFit(graph, independent)).toMatchObject({
      filesAssigned: 4,
      edgesJudged: 3,
      edgesAgainst: 3,
      filesAgainst: 2,
    });
    const segments: Candidate = {
      kind: 'segments',
      contract: { name: 's', type: 'layers', segments: ['types', 'service'], allow: { service: ['types'] } },
      explanation: [],
    };
    expect(measureFit(graph, segments)).toMatchObject({
      filesAssigned: 3,
      edgesJudged: 2,
      edgesAgainst: 1,
      filesAgainst: 1,
    });
  });

  it('stops on a contract the layers check would refuse', () => {
    expect(() => measureFit(graph, layers({ allow: { types: ['servce'] } }))).toThrow(/did you mean "service"/);
  });
});
