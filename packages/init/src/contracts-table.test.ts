// The contracts table init writes into docs/architecture.md (render-docs.ts's layerMapText) for the
// contracts chooseModel proposes: segments contracts and ordered contracts without `allow`.
import { describe, expect, it } from 'vitest';
import type { LayersProposal } from './propose-layers.js';
import { layerMapText } from './render-docs.js';

const proposal = (contracts: NonNullable<LayersProposal['contracts']>): LayersProposal => ({
  mode: 'contracts',
  section: undefined,
  explanation: [],
  domains: [],
  contracts,
});

describe('the contracts table of docs/architecture.md', () => {
  it('an ordered layers contract without allow: each layer may import the ones before it', () => {
    const text = layerMapText(
      proposal([
        {
          name: 'modules',
          type: 'layers',
          layers: { util: ['src/util/**'], platform: ['src/platform/**'], extension: ['src/extension/**'] },
        },
      ]),
    );
    expect(text).toContain('util (`src/util/**`) may import only itself');
    expect(text).toContain('platform (`src/platform/**`) may import util');
    expect(text).toContain('extension (`src/extension/**`) may import util, platform');
  });

  it('a segments contract names its folders and what each may import', () => {
    const text = layerMapText(
      proposal([
        {
          name: 'environments',
          type: 'layers',
          segments: ['common', 'node', 'vscode-node'],
          allow: { node: ['common'], 'vscode-node': ['common', 'node'] },
        },
      ]),
    );
    expect(text).toContain(
      '| environments | layers | `common/` folders may import only itself; `node/` folders may import common; `vscode-node/` folders may import common, node |',
    );
  });
});
