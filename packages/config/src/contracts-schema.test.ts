import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateConfig } from './validate-config.js';

function validate(text: string) {
  return validateConfig(text, 'harness.config.yaml');
}

function problemsOf(text: string) {
  const result = validate(text);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((p) => `${p.line}:${p.key}: ${p.message}`);
}

describe('layers.contracts', () => {
  it('accepts the example of contracts, suppressions and the rules map', () => {
    const result = validate(readFileSync(new URL('./spec-example.fixture.yaml', import.meta.url), 'utf8'));
    expect(result.ok && result.config.layers?.contracts.map((c) => `${c.name}:${c.type}`)).toEqual([
      'modules:layers',
      'environments:layers',
      'workbench-core-before-contrib:forbidden',
      'trackers-independent:independent',
    ]);
    expect(result.ok && result.config.rules).toEqual({
      'docs/orphan': 'error',
      'docs/missing-path': 'off',
      'layers/unassigned': 'warn',
    });
  });

  it('accepts the three contract types and fills their defaults', () => {
    const result = validate(`version: 1
layers:
  contracts:
    - name: modules
      type: layers
      layers: { util: ["src/util/**"], platform: ["src/platform/**"] }
      allow: { platform: [util] }
    - name: environments
      type: layers
      segments: [common, node]
    - name: core-before-contrib
      type: forbidden
      from: ["src/core/**"]
      to: ["src/contrib/**"]
      except: [{ from: ["**/test/**"] }]
    - name: trackers
      type: independent
      modules: ["packages/tracker-*"]
  suppressions:
    eslint: [local/code-layering]
`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const contracts = result.config.layers?.contracts ?? [];
    expect(contracts.map((c) => c.type)).toEqual(['layers', 'layers', 'forbidden', 'independent']);
    expect(contracts[0]?.except).toEqual([]);
    expect(contracts[0]?.allowTypeOnly).toBe(false);
    expect(result.config.layers?.suppressions.eslint).toEqual(['local/code-layering']);
  });

  it('defaults to no contracts and no eslint suppressions', () => {
    const result = validate('version: 1\nlayers: {}\n');
    expect(result.ok && result.config.layers?.contracts).toEqual([]);
    expect(result.ok && result.config.layers?.suppressions).toEqual({ eslint: [] });
  });

  it('names the contract key that does not fit its type, and what is missing', () => {
    expect(
      problemsOf('version: 1\nlayers:\n  contracts:\n    - name: a\n      type: layers\n      from: [x]\n'),
    ).toEqual([
      '4:layers.contracts.0.layers: a layers contract takes exactly one of `layers` (name → globs) or `segments` (folder names)',
      '6:layers.contracts.0.from: "from" does not apply to a contract of type layers (it takes layers, segments, allow)',
    ]);
    expect(
      problemsOf(
        'version: 1\nlayers:\n  contracts:\n    - name: c\n      type: layers\n      layers: {}\n      segments: [a]\n',
      ),
    ).toEqual([
      '6:layers.contracts.0.layers: a layers contract takes exactly one of `layers` (name → globs) or `segments` (folder names)',
    ]);
    expect(
      problemsOf('version: 1\nlayers:\n  contracts:\n    - name: b\n      type: forbidden\n      from: [x]\n'),
    ).toEqual(['4:layers.contracts.0.to: a forbidden contract needs `to` (the files they may not import)']);
  });

  it('suggests a contract key for a typo', () => {
    expect(
      problemsOf(
        'version: 1\nlayers:\n  contracts:\n    - name: a\n      type: independent\n      modules: [x]\n      excep: []\n',
      ),
    ).toEqual(['7:layers.contracts.0.excep: unknown key "excep": did you mean "except"?']);
  });
});

describe('rules', () => {
  it('takes off, warn and error per rule id', () => {
    const result = validate('version: 1\nrules:\n  layers/unassigned: warn\n  docs/orphan: "off"\n');
    expect(result.ok && result.config.rules).toEqual({ 'layers/unassigned': 'warn', 'docs/orphan': 'off' });
  });

  it('rejects another severity', () => {
    expect(problemsOf('version: 1\nrules:\n  layers/unassigned: warning\n')).toEqual([
      '3:rules.layers/unassigned: Invalid option: expected one of "off"|"warn"|"error"',
    ]);
  });
});
