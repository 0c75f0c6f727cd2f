import type { Diagnostic, ResultDocument } from 'agent-harness-diagnostics';
import { createResultDocument } from 'agent-harness-diagnostics';
import { describe, expect, it } from 'vitest';
import type { BaselineSnapshot } from './baseline-snapshot.js';
import { checksNaming } from './record-baselines.js';

const finding = (check: string, rule: string, file: string, target?: string): Diagnostic => ({
  check,
  rule: `${check}/${rule}`,
  severity: 'error',
  file,
  ...(target === undefined ? {} : { target }),
  message: 'm',
  fix: 'f',
  docs: 'docs/x.md',
});
const document = (...diagnostics: Diagnostic[]): ResultDocument =>
  createResultDocument([{ name: 'docs', ok: false, durationMs: 0 }], diagnostics);
const baseline = (path: string, entries: Array<{ file: string; rule: string; target: string }>): BaselineSnapshot => ({
  configured: [],
  files: new Map([[path, JSON.stringify({ version: 1, description: 'd', entries })]]),
});
const none: BaselineSnapshot = { configured: [], files: new Map() };

describe('checksNaming: which checks run again after init’s one run', () => {
  it('none when no finding names a written file', () => {
    const run = document(finding('docs', 'broken-link', 'docs/a.md', 'docs/b.md'));
    expect(checksNaming(run, none, ['.harness/baseline/layers.json'])).toEqual([]);
  });

  it('a reported finding whose target has the name of a written baseline: its check', () => {
    const run = document(finding('docs', 'missing-path', 'docs/a.md', 'layers-baseline.json'));
    expect(checksNaming(run, none, ['layers-baseline.json'])).toEqual(['docs']);
  });

  it('a finding a baseline accepted (not reported) counts too, by the check its rule names', () => {
    const after = baseline('.harness/baseline/docs.json', [
      { file: 'DEBT.md', rule: 'docs/broken-link', target: 'baselines/layers.json' },
    ]);
    expect(checksNaming(document(), after, ['baselines/layers.json'])).toEqual(['docs']);
  });

  it('nothing written, nothing to run again; a file of the baseline folder that is no baseline accepts nothing', () => {
    const run = document(finding('docs', 'broken-link', 'docs/a.md', 'layers.json'));
    expect(checksNaming(run, none, [])).toEqual([]);
    const odd: BaselineSnapshot = { configured: [], files: new Map([['.harness/baseline/notes.txt', 'not json']]) };
    expect(checksNaming(document(), odd, ['.harness/baseline/layers.json'])).toEqual([]);
  });
});
