// layers/stale-baseline through a real check run: the docs' failing example (a baseline entry for an
// import that charge.ts no longer has) is reported, the passing one (the finding still exists) is not.
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { LayersConfig } from 'agent-harness-config';
import { loadConfig } from 'agent-harness-config';
import { checkLayers } from '../check-layers.js';
import { staleBaseline } from './stale-baseline.js';

// The entry of docs/rules/layers.md#stale-baseline's failing example.
const entry = {
  file: 'src/domains/billing/service/charge.ts',
  rule: 'layers/forward-only',
  target: 'src/domains/billing/ui/pay-button.tsx',
};

async function repoWith(chargeTs: string): Promise<{ root: string; config: LayersConfig }> {
  const root = await realpath(await mkdtemp(join(tmpdir(), 'harness-stale-baseline-')));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  const files: Record<string, string> = {
    'harness.config.yaml': 'version: 1\nlayers:\n  domains: ["src/domains/*"]\n  order: [types, service, ui]\n',
    'package.json': '{ "name": "shop", "private": true, "type": "module" }\n',
    'tsconfig.json': '{ "compilerOptions": { "module": "nodenext", "jsx": "react-jsx" } }\n',
    'src/domains/billing/ui/pay-button.tsx': 'export const PayButton = 1;\n',
    'src/domains/billing/service/charge.ts': chargeTs,
    '.harness/baseline/layers.json': `${JSON.stringify({ version: 1, entries: [entry] }, null, 2)}\n`,
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  const { config } = await loadConfig({ cwd: root });
  if (config.layers === undefined) throw new Error('the fixture has no layers section');
  return { root, config: config.layers };
}

describe('layers/stale-baseline', () => {
  it('reports a baseline entry whose finding is gone (charge.ts no longer imports pay-button.tsx)', async () => {
    const { root, config } = await repoWith('export const charge = 1;\n');
    const run = await checkLayers({ root, config, cache: false });
    expect(run.diagnostics).toMatchObject([
      {
        rule: 'layers/stale-baseline',
        severity: staleBaseline.severity,
        file: '.harness/baseline/layers.json',
        target: entry.target,
        message:
          'the baseline still accepts layers/forward-only for src/domains/billing/service/charge.ts → src/domains/billing/ui/pay-button.tsx, but that finding is gone (fixed or moved away).',
        docs: staleBaseline.docs,
      },
    ]);
  });

  it('reports nothing while every entry matches a finding (charge.ts still imports pay-button.tsx)', async () => {
    const { root, config } = await repoWith(
      "import { PayButton } from '../ui/pay-button.js';\nexport const charge = PayButton;\n",
    );
    const run = await checkLayers({ root, config, cache: false });
    expect(run.violations.map((v) => [v.rule, v.file, v.target])).toEqual([[entry.rule, entry.file, entry.target]]);
    expect(run.diagnostics).toEqual([]);
  });
});
