import type { ContractConfig } from 'agent-harness-config';
import { describe, expect, it } from 'vitest';
import type { GraphFile, ImportGraph } from './layers-types.js';
import { compileContracts } from './contract-model.js';
import type { Violation } from './find-violations.js';
import type { Arrow, FlowNode } from './mermaid-flowchart.js';
import { createSlugger, renderMermaid } from './mermaid-flowchart.js';
import { renderContractGraph } from './render-contract-graph.js';

const edge = (path: string, line: number) => ({
  specifier: path,
  kind: 'import' as const,
  typeOnly: false,
  line,
  column: 1,
  target: { kind: 'file' as const, path },
});
const file = (path: string, imports: ReturnType<typeof edge>[]): GraphFile => ({
  path,
  imports,
  suppressions: [],
  hasUnresolved: false,
});
const graphOf = (files: GraphFile[]): ImportGraph => ({
  files,
  stats: { files: files.length, lexedFromCache: 0, resolvedFromCache: 0, findingsFromCache: 0 },
});

describe('renderContractGraph', () => {
  it('draws one box per layer, grouped, with red arrows for this contract’s findings', () => {
    const config: ContractConfig = {
      name: 'envs',
      type: 'layers',
      segments: ['common', 'browser', 'node'],
      allow: { browser: ['common'], node: ['common'] },
      except: [],
      allowTypeOnly: false,
    };
    const [contract] = compileContracts([config]);
    if (contract === undefined) throw new Error('no contract');
    const graph = graphOf([
      file('src/a/browser/view.ts', [
        edge('src/a/common/model.ts', 1),
        edge('src/b/common/util.ts', 2),
        edge('src/a/node/fs.ts', 3),
      ]),
      file('src/a/node/fs.ts', [edge('src/a/common/model.ts', 1)]),
    ]);
    const finding = {
      check: 'layers',
      rule: 'layers/contract',
      ruleId: 'contract',
      severity: 'error',
      file: 'src/a/browser/view.ts',
      line: 3,
      target: 'src/a/node/fs.ts',
      contract: 'envs',
      message: 'm',
      fix: 'f',
      docs: 'd',
    } as Violation;
    expect(renderContractGraph({ graph, contract, violations: [finding], active: [finding] }).mermaid).toBe(
      [
        'flowchart LR',
        '  common["common"]',
        '  browser["browser"]',
        '  node["node"]',
        '  browser -->|"2"| common',
        '  browser -->|"✗ contract (1)"| node',
        '  node -->|"1"| common',
        '  linkStyle 1 stroke:#d1242f,stroke-width:3px',
        '',
      ].join('\n'),
    );
  });
});

describe('renderMermaid limits', () => {
  it('folds the lightest arrows past the cap, keeps those with findings, and says what it folded', () => {
    const nodes: FlowNode[] = Array.from({ length: 30 }, (_, i) => ({ id: `m${i}`, label: `m${i}` }));
    const arrows: Arrow[] = [];
    for (let i = 0; i < 30; i++)
      for (let j = 0; j < 30; j++)
        if (i !== j)
          arrows.push({
            from: `m${i}`,
            to: `m${j}`,
            count: i + j,
            rules: new Set(i === 0 && j === 1 ? ['contract'] : []),
            active: i === 0 && j === 1,
          });
    const { mermaid, folded } = renderMermaid(nodes, arrows, [], createSlugger(), { maxArrows: 100, maxChars: 50_000 });
    expect(mermaid.split('\n').filter((l) => l.includes('-->')).length).toBe(100);
    expect(mermaid).toContain('m0 -->|"✗ contract (1)"| m1');
    expect(folded).toBe(
      `770 of 870 arrows (${arrows.reduce((n, a) => n + a.count, 0) - (mermaid.match(/\|"(?:✗ contract \()?(\d+)\)?"\|/g) ?? []).reduce((n, l) => n + Number(/(\d+)/.exec(l)?.[1]), 0)} imports) folded to stay below mermaid's limits`,
    );
    expect(mermaid.endsWith(`%% ${folded}\n`)).toBe(true);
    const small = renderMermaid(nodes, arrows, [], createSlugger(), { maxArrows: 1000, maxChars: 5_000 });
    expect(small.mermaid.length).toBeLessThanOrEqual(5_000 + 200);
    expect(small.folded).toMatch(/folded/);
  });
});
