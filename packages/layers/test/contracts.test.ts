// layers.contracts end to end: several contracts over the one graph in one run, beside the domain
// model; workspace packages judged from their sources; glob errors; suppressions, the baseline and
// the cache. The repository shapes are small VS Code-style and package-tier layouts.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContractConfig, LayersConfig } from 'agent-harness-config';
import { sectionDefaults } from 'agent-harness-config';
import { createResultDocument, HarnessError, renderResult } from 'agent-harness-diagnostics';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLayers } from '../src/check-layers.js';
import { buildLayersGraph } from '../src/layers-graph.js';
import type { TempRepo } from './temp-repo.js';
import { createTempRepo } from './temp-repo.js';

let temp: TempRepo | undefined;
afterEach(async () => {
  await temp?.remove();
  temp = undefined;
});

const contract = (fields: Partial<ContractConfig> & Pick<ContractConfig, 'name' | 'type'>): ContractConfig => ({
  except: [],
  allowTypeOnly: false,
  ...fields,
});

const vscodeStyle = {
  'package.json': '{ "name": "ext", "private": true }',
  'src/util/common/strings.ts': 'export const pad = 1;\n',
  'src/util/node/files.ts': "import { pad } from '../common/strings';\nexport const read = pad;\n",
  'src/util/vs/base/common/event.ts': 'export const event = 1;\n',
  'src/platform/log/common/log.ts':
    "import { pad } from '../../../util/common/strings';\nimport type { read } from '../../../util/node/files';\nexport const log = pad;\nexport type R = typeof read;\n",
  'src/platform/log/vscode/logImpl.ts':
    "import { log } from '../common/log';\nimport { extension } from '../../../extension/chat/vscode-node/chat';\nexport const impl = [log, extension];\n",
  'src/platform/log/test/node/log.spec.ts': "import { impl } from '../../vscode/logImpl';\nexport const t = impl;\n",
  'src/extension/chat/vscode-node/chat.ts':
    "import { log } from '../../../platform/log/common/log';\nexport const extension = log;\n",
  'src/extension/chat/common/model.ts':
    "import { read } from '../../../util/node/files';\nexport const model = read;\n",
  'src/extension/chat/node/service.ts':
    "// eslint-disable-next-line local/layering\nimport { impl } from '../../../platform/log/vscode/logImpl';\nexport const service = impl;\n",
};

const vscodeContracts: ContractConfig[] = [
  contract({
    name: 'modules',
    type: 'layers',
    layers: { util: ['src/util/**'], platform: ['src/platform/**'], extension: ['src/extension/**'] },
  }),
  contract({
    name: 'environments',
    type: 'layers',
    segments: ['common', 'vscode', 'node', 'vscode-node'],
    allow: { vscode: ['common'], node: ['common'], 'vscode-node': ['common', 'vscode', 'node'] },
    except: [{ from: ['**/test/**'] }],
  }),
];

function config(fields: Partial<LayersConfig>): LayersConfig {
  return { ...sectionDefaults('layers'), ...fields };
}

const brief = (d: { rule: string; file: string; line?: number; target?: string; contract?: string }) =>
  `${d.contract ?? d.rule} ${d.file}:${d.line ?? 0} → ${d.target ?? ''}`;

describe('layers.contracts', () => {
  it('checks several contracts over the one graph in one run, type-only imports included', async () => {
    temp = await createTempRepo(vscodeStyle);
    const result = await checkLayers({ root: temp.root, config: config({ contracts: vscodeContracts }), cache: false });
    expect(result.diagnostics.map(brief).sort()).toEqual([
      'environments src/extension/chat/common/model.ts:1 → src/util/node/files.ts',
      'environments src/extension/chat/node/service.ts:2 → src/platform/log/vscode/logImpl.ts',
      'environments src/platform/log/common/log.ts:2 → src/util/node/files.ts',
      'environments src/platform/log/vscode/logImpl.ts:2 → src/extension/chat/vscode-node/chat.ts',
      'modules src/platform/log/vscode/logImpl.ts:2 → src/extension/chat/vscode-node/chat.ts',
    ]);
    expect(
      result.diagnostics.every((d) => d.rule === 'layers/contract' && d.docs === 'docs/rules/layers.md#contract'),
    ).toBe(true);
    expect(result.diagnostics.find((d) => d.file === 'src/platform/log/common/log.ts')).toMatchObject({
      typeOnly: true,
      contract: 'environments',
    });
    expect(result.diagnostics.find((d) => d.contract === 'modules')?.message).toBe(
      'contract "modules": layer platform may not import layer extension (src/extension/chat/vscode-node/chat.ts); platform may import only itself and util (forward-only: util → platform → extension).',
    );
  });

  it('carries the contract name in JSON and SARIF', async () => {
    temp = await createTempRepo(vscodeStyle);
    const result = await checkLayers({
      root: temp.root,
      config: config({ contracts: vscodeContracts.slice(0, 1) }),
      cache: false,
    });
    const document = createResultDocument([{ name: 'layers', ok: false, durationMs: 1 }], result.diagnostics);
    const json = JSON.parse(renderResult(document, 'json')) as { diagnostics: { contract?: string }[] };
    expect(json.diagnostics.map((d) => d.contract)).toEqual(['modules']);
    const sarif = JSON.parse(renderResult(document, 'sarif')) as {
      runs: { results: { properties: { contract?: string } }[] }[];
    };
    expect(sarif.runs[0]?.results.map((r) => r.properties.contract)).toEqual(['modules']);
  });

  it('counts listed eslint-disable comments as harness-ignore', async () => {
    temp = await createTempRepo(vscodeStyle);
    const result = await checkLayers({
      root: temp.root,
      config: config({ contracts: vscodeContracts, suppressions: { eslint: ['local/layering'] } }),
      cache: false,
    });
    expect(result.diagnostics.map(brief)).not.toContain(
      'environments src/extension/chat/node/service.ts:2 → src/platform/log/vscode/logImpl.ts',
    );
    expect(result.diagnostics).toHaveLength(4);
  });

  it('honours a file-wide eslint-disable block, and judges an import of a .d.ts like any other (vscode-copilot-chat shapes)', async () => {
    temp = await createTempRepo({
      'src/platform/git/vscode/git.d.ts': 'export interface Repository { root: string }\n',
      'src/platform/git/common/gitService.ts':
        "import { Repository } from '../vscode/git';\nexport type R = Repository;\n",
      'src/extension/tools/vscode-node/tools.ts': 'export const tools = 1;\n',
      'test/base/extHostContext/context.ts':
        "/* eslint-disable import/no-restricted-paths */\nimport { tools } from '../../../src/extension/tools/vscode-node/tools';\nexport const context = tools;\n",
      'test/base/other.ts':
        "import { tools } from '../../src/extension/tools/vscode-node/tools';\nexport const other = tools;\n",
    });
    const zones: ContractConfig[] = [
      contract({
        name: 'environments',
        type: 'layers',
        segments: ['common', 'vscode', 'vscode-node'],
        allow: { vscode: ['common'], 'vscode-node': ['common', 'vscode'] },
      }),
      contract({ name: 'tests-not-vscode-node', type: 'forbidden', from: ['test/**'], to: ['**/vscode-node/**'] }),
    ];
    const result = await checkLayers({
      root: temp.root,
      config: config({ contracts: zones, suppressions: { eslint: ['import/no-restricted-paths'] } }),
      cache: false,
    });
    expect(result.diagnostics.map(brief).sort()).toEqual([
      'environments src/platform/git/common/gitService.ts:1 → src/platform/git/vscode/git.d.ts',
      'tests-not-vscode-node test/base/other.ts:1 → src/extension/tools/vscode-node/tools.ts',
    ]);
  });

  it('is silenced by harness-ignore layers/contract and accepted by the baseline', async () => {
    temp = await createTempRepo({
      ...vscodeStyle,
      'src/extension/chat/common/model.ts':
        "// harness-ignore layers/contract: moves to node in the next change\nimport { read } from '../../../util/node/files';\nexport const model = read;\n",
    });
    const root = temp.root;
    const cfg = config({ contracts: vscodeContracts });
    expect((await checkLayers({ root, config: cfg, cache: false })).diagnostics).toHaveLength(4);
    await checkLayers({ root, config: cfg, cache: false, updateBaseline: true });
    const baseline = JSON.parse(await readFile(join(root, cfg.baseline), 'utf8')) as { entries: { rule: string }[] };
    // Two contracts break the same edge of logImpl.ts: the baseline records the edge once.
    expect(baseline.entries.map((e) => e.rule)).toEqual(['layers/contract', 'layers/contract', 'layers/contract']);
    expect((await checkLayers({ root, config: cfg, cache: false })).diagnostics).toEqual([]);
  });

  it('combines with the domain model', async () => {
    temp = await createTempRepo({
      'src/domains/billing/types/a.ts': "import '../service/b';\n",
      'src/domains/billing/service/b.ts': "import '../../../legacy/old';\n",
      'src/legacy/old.ts': 'export {};\n',
    });
    const result = await checkLayers({
      root: temp.root,
      config: config({
        domains: ['src/domains/*'],
        contracts: [
          contract({ name: 'no-legacy', type: 'forbidden', from: ['src/domains/**'], to: ['src/legacy/**'] }),
        ],
      }),
      cache: false,
    });
    expect(result.diagnostics.map(brief).sort()).toEqual([
      'layers/forward-only src/domains/billing/types/a.ts:1 → src/domains/billing/service/b.ts',
      'no-legacy src/domains/billing/service/b.ts:1 → src/legacy/old.ts',
    ]);
  });

  it('judges imports between unbuilt workspace packages from their sources', async () => {
    temp = await createTempRepo({
      'package.json': '{ "name": "mono", "private": true }',
      '.gitignore': 'dist/\n',
      'packages/core/package.json': '{ "name": "@mono/core", "exports": { ".": "./dist/index.js" } }',
      'packages/core/tsconfig.json': '{ "compilerOptions": { "rootDir": "src", "outDir": "dist" } }',
      'packages/core/src/index.ts': "import { run } from '@mono/orchestrator';\nexport const core = run;\n",
      'packages/orchestrator/package.json': '{ "name": "@mono/orchestrator", "exports": { ".": "./dist/index.js" } }',
      'packages/orchestrator/tsconfig.json': '{ "compilerOptions": { "rootDir": "src", "outDir": "dist" } }',
      'packages/orchestrator/src/index.ts': 'export const run = 1;\n',
    });
    const tiers = contract({
      name: 'tiers',
      type: 'layers',
      layers: { foundation: ['packages/core'], orchestration: ['packages/orchestrator'] },
    });
    const result = await checkLayers({ root: temp.root, config: config({ contracts: [tiers] }), cache: false });
    expect(result.diagnostics.map(brief)).toEqual([
      'tiers packages/core/src/index.ts:1 → packages/orchestrator/src/index.ts',
    ]);
  });

  it("follows deep imports into an unbuilt package's output folders back to its sources (Theia style)", async () => {
    temp = await createTempRepo({
      'package.json': '{ "name": "mono", "private": true, "workspaces": ["packages/*"] }',
      '.gitignore': 'lib/\n',
      'packages/core/package.json': '{ "name": "@mono/core", "main": "lib/common/index.js" }',
      'packages/core/tsconfig.json': '{ "compilerOptions": { "rootDir": "src", "outDir": "lib" } }',
      'packages/core/src/common/index.ts': 'export const common = 1;\n',
      'packages/core/src/browser/index.ts': 'export const browser = 1;\n',
      'packages/core/src/node/files.ts': 'export const files = 1;\n',
      'packages/editor/package.json': '{ "name": "@mono/editor", "main": "lib/common/index.js" }',
      'packages/editor/src/browser/editor.ts':
        "import { common } from '@mono/core/';\nimport { browser } from '@mono/core/lib/browser';\nimport { files } from '@mono/core/lib/node/files';\nexport const editor = [common, browser, files];\n",
    });
    const runtimes = contract({
      name: 'runtimes',
      type: 'layers',
      segments: ['common', 'browser', 'node'],
      allow: { browser: ['common'], node: ['common'] },
    });
    const result = await checkLayers({ root: temp.root, config: config({ contracts: [runtimes] }), cache: false });
    expect(result.diagnostics.map(brief)).toEqual([
      'runtimes packages/editor/src/browser/editor.ts:3 → packages/core/src/node/files.ts',
    ]);
    expect(result.notes.join('\n')).not.toMatch(/git ignores/);
  });

  it('makes a glob or segment that selects nothing a config error', async () => {
    temp = await createTempRepo(vscodeStyle);
    const root = temp.root;
    const run = (c: ContractConfig) => checkLayers({ root, config: config({ contracts: [c] }), cache: false });
    await expect(
      run(contract({ name: 'x', type: 'forbidden', from: ['src/util/**'], to: ['src/utill/**'] })),
    ).rejects.toThrow('layers.contracts.0.to[0] "src/utill/**" matches no file with source files to check');
    await expect(run(contract({ name: 'x', type: 'layers', segments: ['browser', 'electron'] }))).rejects.toThrow(
      HarnessError,
    );
    // A segment no folder has yet (an environment the ESLint config lists ahead of the code) is a note.
    const partly = await run(contract({ name: 'envs', type: 'layers', segments: ['common', 'worker'] }));
    expect(partly.notes).toContain(
      'layers: contract "envs": no folder is named worker yet, so those layers have no files.',
    );
    await expect(run(contract({ name: 'x', type: 'independent', modules: ['src/nothing/*'] }))).rejects.toThrow(
      'layers.contracts.0.modules[0]',
    );
  });

  it('keeps the per-file cache across a contract edit: nothing is lexed or resolved again', async () => {
    temp = await createTempRepo(vscodeStyle);
    const root = temp.root;
    const first = await checkLayers({ root, config: config({ contracts: vscodeContracts }) });
    expect(first.diagnostics).toHaveLength(5);
    const edited = config({ contracts: [vscodeContracts[0] as ContractConfig] });
    const second = await checkLayers({ root, config: edited });
    expect(second.graph.stats).toMatchObject({
      files: 9,
      lexedFromCache: 9,
      resolvedFromCache: 9,
      findingsFromCache: 0,
    });
    expect(second.diagnostics.map(brief)).toEqual([
      'modules src/platform/log/vscode/logImpl.ts:2 → src/extension/chat/vscode-node/chat.ts',
    ]);
    const third = await checkLayers({ root, config: edited });
    expect(third.graph.stats.findingsFromCache).toBe(9);
    await writeFile(
      join(root, 'src/util/common/strings.ts'),
      "import '../../extension/chat/common/model';\nexport const pad = 1;\n",
    );
    const fourth = await checkLayers({ root, config: edited });
    expect(fourth.diagnostics.map(brief)).toContain(
      'modules src/util/common/strings.ts:1 → src/extension/chat/common/model.ts',
    );
  });

  it('draws one diagram per contract, or only the one named', async () => {
    temp = await createTempRepo(vscodeStyle);
    const cfg = config({ contracts: vscodeContracts });
    const all = await buildLayersGraph({ root: temp.root, config: cfg });
    expect(all.diagrams.map((d) => d.title)).toEqual(['contract modules', 'contract environments']);
    expect(all.diagrams[0]?.mermaid).toContain('platform -->|"✗ contract (1)"| extension');
    const one = await buildLayersGraph({ root: temp.root, config: cfg, contract: 'environments' });
    expect(one.diagrams.map((d) => d.title)).toEqual(['contract environments']);
    expect(one.violations).toBe(4);
    await expect(buildLayersGraph({ root: temp.root, config: cfg, contract: 'enviroments' })).rejects.toThrow(
      'no contract is named "enviroments": did you mean "environments"?',
    );
  });
});
