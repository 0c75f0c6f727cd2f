// The built `harness` bin on a fixture repo, with a clean environment: stdout, stderr, exit code.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from 'agent-harness-config';
import { generateLayeredRepo } from '../../../bench/layers/generate-repo.js';
import { checkLayers } from '../src/check-layers.js';
import type { FixtureCopy } from './copy-fixture.js';
import { brief, copyFixture } from './copy-fixture.js';
import { createTempRepo } from './temp-repo.js';

const bin = new URL('../../harness/bin/harness.js', import.meta.url).pathname;
let fixture: FixtureCopy | undefined;
afterEach(() => fixture?.remove());

async function harness(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('harness check layers (built bin)', () => {
  it('exits 1 with JSON findings in the result document, then 0 once a baseline accepts them', async () => {
    fixture = await copyFixture('domains');
    const first = await harness(fixture.root, 'check', 'layers', '--format', 'json');
    expect(first.code).toBe(1);
    const doc = JSON.parse(first.stdout) as {
      ok: boolean;
      checks: { name: string; files: number }[];
      diagnostics: Record<string, unknown>[];
    };
    expect(doc.ok).toBe(false);
    expect(doc.checks).toMatchObject([{ name: 'layers', ok: false, files: 16 }]);
    expect(doc.diagnostics).toHaveLength(12);
    expect(doc.diagnostics).toContainEqual({
      check: 'layers',
      rule: 'layers/package-placement',
      severity: 'error',
      file: 'src/domains/billing/service/charge.ts',
      line: 2,
      column: 1,
      target: 'npm:pg',
      typeOnly: false,
      message: 'npm:pg may only be imported from repo (layers.packages), not from service.',
      fix: "Move the code that uses npm:pg into the repo layer and call it from here through that layer's exports (or, if this layer truly needs it, add the layer under layers.packages in harness.config.yaml).",
      docs: 'docs/rules/layers.md#package-placement',
    });

    const job = join(fixture.root, 'src/domains/billing/runtime/job.ts');
    const source = await readFile(job, 'utf8');
    await writeFile(
      job,
      source
        .replace('// harness-ignore layers/forward-only: nothing left to excuse here\n', '')
        .replace('// harness-ignore layers/forward-only\n', ''),
    );
    const update = await harness(fixture.root, 'check', 'layers', '--update-baseline');
    expect(update.stderr).toContain('layers: wrote .harness/baseline/layers.json: 10 entries (+10, -0).');
    expect(update.code).toBe(0);
    const green = await harness(fixture.root, 'check', 'layers', '--format', 'github');
    expect(green).toMatchObject({ code: 0, stdout: '' });
  });

  it('reads a cold repository of 400+ files on worker threads too, with the findings of one thread', async () => {
    const root = await mkdtemp(join(tmpdir(), 'harness-layers-threads-'));
    try {
      await generateLayeredRepo(root, { domains: 8, filesPerLayer: 5, fillerFunctions: 4 });
      // JSX (the parser fallback, loaded by whichever thread meets it) and a file no lexer reads.
      await writeFile(
        join(root, 'src/domains/d00/ui/view.tsx'),
        "import { d00_runtime0 } from '../runtime/runtime-0.js';\nexport const View = () => <p>{String(d00_runtime0)}</p>;\n",
      );
      await writeFile(join(root, 'src/domains/d01/types/broken.ts'), "import '../ui/ui-0.js';\nconst x = {;\n");
      const run = await harness(root, 'check', 'layers', '--format', 'json');
      const doc = JSON.parse(run.stdout) as { checks: { files: number }[]; diagnostics: Parameters<typeof brief>[0][] };
      const config = (await loadConfig({ cwd: root })).config.layers;
      if (config === undefined) throw new Error('the generated repo has no layers section');
      // The library from the sources reads every file on the main thread.
      const oneThread = await checkLayers({ root, config, cache: false });
      expect(oneThread.files).toBeGreaterThanOrEqual(400); // scan-in-parallel.ts starts workers from 400 files
      expect(doc.checks[0]?.files).toBe(oneThread.files);
      expect(doc.diagnostics.map(brief).sort()).toEqual(oneThread.diagnostics.map(brief).sort());
      expect(doc.diagnostics.map(brief)).toContain('layers/syntax-error src/domains/d01/types/broken.ts:2');
      expect(doc.diagnostics.map(brief)).toContain(
        'layers/forward-only src/domains/d01/types/broken.ts:1 → src/domains/d01/ui/ui-0.ts',
      );
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('prints the mermaid graph with the violating arrows in red', async () => {
    fixture = await copyFixture('monorepo');
    const graph = await harness(fixture.root, 'layers', 'graph', '--format', 'markdown');
    expect(graph.code).toBe(0);
    expect(graph.stdout).toContain('1 import(s) break a layer rule (red arrows).');
    expect(graph.stdout).toContain(
      '  layer_core -->|"✗ forward-only (1)"| layer_app\n  linkStyle 2 stroke:#d1242f,stroke-width:3px\n',
    );
  });

  it('exits 2 on a layer name that is not in order', async () => {
    fixture = await copyFixture('monorepo');
    const config = join(fixture.root, 'harness.config.yaml');
    await writeFile(
      config,
      (await readFile(config, 'utf8')).replace('    cli: ["packages/cli/src/**"]', '    clli: ["packages/cli/src/**"]'),
    );
    const run = await harness(fixture.root, 'check', 'layers');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'error CONFIG_INVALID: layers.paths.clli names a layer that is not in layers.order: did you mean "cli"?',
    );
  });

  it('exits 2 on a tsconfig that cannot be read, naming the file, the line and the fix, with no findings', async () => {
    const repo = await createTempRepo({
      'harness.config.yaml': 'version: 1\nlayers:\n  order: [core]\n  paths:\n    core: ["src/**"]\n',
      'tsconfig.json': '{\n  "compilerOptions": {\n    "outDir": "dist",,\n  }\n}\n',
      'src/a.ts': "import './missing.js';\n",
    });
    try {
      const run = await harness(repo.root, 'check', 'layers');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('CONFIG_INVALID: tsconfig.json is not valid JSON');
      expect(run.stderr).toContain('tsconfig.json:3');
      expect(run.stdout).not.toContain('layers/unresolved');
    } finally {
      await repo.remove();
    }
  });

  it('exits 1 on an import that resolves to no file', async () => {
    const repo = await createTempRepo({
      'harness.config.yaml': 'version: 1\nlayers:\n  order: [core]\n  paths:\n    core: ["src/**"]\n',
      'src/a.ts': "import './missing.js';\n",
    });
    try {
      const run = await harness(repo.root, 'check', 'layers', '--format', 'json');
      expect(run.code).toBe(1);
      expect((JSON.parse(run.stdout) as { diagnostics: { rule: string }[] }).diagnostics.map((d) => d.rule)).toEqual([
        'layers/unresolved',
      ]);
    } finally {
      await repo.remove();
    }
  });
});
