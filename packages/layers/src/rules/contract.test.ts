import type { ContractConfig } from 'agent-harness-config';
import { HarnessError } from 'agent-harness-diagnostics';
import { describe, expect, it } from 'vitest';
import { compileContracts } from '../contract-model.js';

function contract(fields: Partial<ContractConfig> & Pick<ContractConfig, 'type'>): ContractConfig {
  return { name: 'c', except: [], allowTypeOnly: false, ...fields };
}

/** The message of the one contract's verdict on `from → to`, or undefined when it allows the edge. */
function judge(config: ContractConfig, from: string, to: string, typeOnly = false): string | undefined {
  const [compiled] = compileContracts([config]);
  return compiled?.judge({ from, to, typeOnly })?.message;
}

const modules = contract({
  name: 'modules',
  type: 'layers',
  layers: {
    base: ['src/base/**'],
    platform: ['src/platform/**'],
    editor: ['src/editor/**'],
    workbench: ['src/workbench/**'],
    server: ['src/server/**'],
  },
});

describe('layers/contract: type layers', () => {
  it('without allow is forward-only in written order, and names the contract, both layers and what the importer may import', () => {
    expect(judge(modules, 'src/editor/a.ts', 'src/platform/b.ts')).toBeUndefined();
    expect(judge(modules, 'src/editor/a.ts', 'src/editor/c.ts')).toBeUndefined();
    expect(judge(modules, 'src/platform/b.ts', 'src/editor/a.ts')).toBe(
      'contract "modules": layer platform may not import layer editor (src/editor/a.ts); platform may import only itself and base (forward-only: base → platform → editor → workbench → server).',
    );
  });

  it('with allow is an explicit DAG: not transitive, and a layer it does not list may import only itself', () => {
    const dag = {
      ...modules,
      allow: {
        platform: ['base'],
        editor: ['base', 'platform'],
        workbench: ['base', 'platform', 'editor'],
        server: ['base', 'platform', 'workbench'],
      },
    };
    expect(judge(dag, 'src/server/s.ts', 'src/workbench/w.ts')).toBeUndefined();
    expect(judge(dag, 'src/server/s.ts', 'src/editor/e.ts')).toBe(
      'contract "modules": layer server may not import layer editor (src/editor/e.ts); server may import only itself and base, platform, workbench.',
    );
    expect(judge(dag, 'src/base/x.ts', 'src/platform/p.ts')).toBe(
      'contract "modules": layer base may not import layer platform (src/platform/p.ts); base may import only itself.',
    );
  });

  it('does not judge files outside its layers, nor its except edges', () => {
    expect(judge(modules, 'scripts/x.ts', 'src/server/s.ts')).toBeUndefined();
    expect(judge(modules, 'src/base/x.ts', 'tools/t.ts')).toBeUndefined();
    const excepted = { ...modules, except: [{ from: ['src/platform/test/**'], to: ['src/editor/**'] }] };
    expect(judge(excepted, 'src/platform/test/t.ts', 'src/editor/e.ts')).toBeUndefined();
    expect(judge(excepted, 'src/platform/p.ts', 'src/editor/e.ts')).toBeDefined();
  });

  it('with segments takes the last folder of the path that names a layer', () => {
    const environments = contract({
      name: 'environments',
      type: 'layers',
      segments: ['common', 'browser', 'node'],
      allow: { browser: ['common'], node: ['common'] },
    });
    expect(judge(environments, 'src/base/node/worker/x.ts', 'src/base/browser/y.ts')).toContain(
      'layer node may not import layer browser',
    );
    // The last segment wins: this file is common, although it sits under a node folder.
    expect(judge(environments, 'src/node/lib/common/x.ts', 'src/node/y.ts')).toBe(
      'contract "environments": layer common may not import layer node (src/node/y.ts); common may import only itself.',
    );
    expect(judge(environments, 'src/base/browser/x.ts', 'src/base/common/y.ts')).toBeUndefined();
    // A file named like a segment is not in a folder of that name.
    expect(judge(environments, 'src/common/x.ts', 'src/lib/node.ts')).toBeUndefined();
  });

  it('judges type-only imports unless the contract allows them', () => {
    expect(judge(modules, 'src/base/x.ts', 'src/editor/e.ts', true)).toBeDefined();
    expect(judge({ ...modules, allowTypeOnly: true }, 'src/base/x.ts', 'src/editor/e.ts', true)).toBeUndefined();
  });

  it('rejects an allow entry naming no layer of the contract, with a suggestion', () => {
    expect(() => compileContracts([{ ...modules, allow: { platform: ['bsae'] } }])).toThrow(HarnessError);
    expect(() => compileContracts([{ ...modules, allow: { platform: ['bsae'] } }])).toThrow(
      'allow.platform.0 names "bsae", which is not one of its layers: did you mean "base"?',
    );
  });

  it('rejects two contracts with one name', () => {
    expect(() => compileContracts([modules, modules])).toThrow('repeats the contract name "modules"');
  });
});

describe('layers/contract: type forbidden', () => {
  const core = contract({
    name: 'core-before-contrib',
    type: 'forbidden',
    from: ['src/workbench/!(contrib)/**'],
    to: ['src/workbench/contrib/**', 'npm:electron'],
    except: [{ from: ['**/test/**'] }],
  });

  it('reports an import from `from` to `to`, and nothing else', () => {
    expect(judge(core, 'src/workbench/services/a.ts', 'src/workbench/contrib/b.ts')).toBe(
      'contract "core-before-contrib": src/workbench/!(contrib)/** may not import src/workbench/contrib/**, npm:electron, and this file imports src/workbench/contrib/b.ts; it may import anything else.',
    );
    expect(judge(core, 'src/workbench/contrib/b.ts', 'src/workbench/services/a.ts')).toBeUndefined();
    expect(judge(core, 'src/workbench/services/a.ts', 'npm:electron')).toBeDefined();
    expect(judge(core, 'src/workbench/services/a.ts', 'npm:react')).toBeUndefined();
  });

  it('does not judge its except edges (here: every import from a test folder)', () => {
    expect(judge(core, 'src/workbench/services/test/a.test.ts', 'src/workbench/contrib/b.ts')).toBeUndefined();
  });
});

describe('layers/contract: type independent', () => {
  const trackers = contract({ name: 'trackers', type: 'independent', modules: ['packages/tracker-*'] });

  it('reports one matched module importing another, and allows imports inside a module and to the rest', () => {
    expect(judge(trackers, 'packages/tracker-a/src/x.ts', 'packages/tracker-b/src/y.ts')).toBe(
      'contract "trackers": module packages/tracker-a may not import module packages/tracker-b (packages/tracker-b/src/y.ts); the modules packages/tracker-* are independent of each other, and packages/tracker-a may import anything outside them.',
    );
    expect(judge(trackers, 'packages/tracker-a/src/x.ts', 'packages/tracker-a/src/z.ts')).toBeUndefined();
    expect(judge(trackers, 'packages/tracker-a/src/x.ts', 'packages/core/src/z.ts')).toBeUndefined();
    expect(judge(trackers, 'packages/core/src/z.ts', 'packages/tracker-a/src/x.ts')).toBeUndefined();
  });
});
