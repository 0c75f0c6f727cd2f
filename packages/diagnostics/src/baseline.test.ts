import type { Diagnostic } from './diagnostic.js';
import { describe, expect, it } from 'vitest';
import { applyBaseline, planBaselineUpdate, serializeBaseline } from './baseline.js';

const finding = (file: string, target: string, line = 1): Diagnostic => ({
  check: 'layers',
  rule: 'layers/forward-only',
  severity: 'error',
  file,
  line,
  target,
  message: 'm',
  fix: 'f',
  docs: 'docs/rules/layers.md#forward-only',
});
const entry = (file: string, target: string) => ({ file, rule: 'layers/forward-only', target });

describe('planBaselineUpdate', () => {
  it('records every finding when there is no baseline, once per identity', () => {
    expect(planBaselineUpdate(undefined, [finding('a.ts', 'b.ts', 1), finding('a.ts', 'b.ts', 9)], false)).toEqual({
      entries: [entry('a.ts', 'b.ts')],
      added: 1,
      removed: 0,
    });
  });

  it('only shrinks an existing baseline unless growth is allowed', () => {
    const existing = [entry('a.ts', 'b.ts'), entry('c.ts', 'd.ts')];
    const findings = [finding('a.ts', 'b.ts'), finding('e.ts', 'f.ts')];
    expect(planBaselineUpdate(existing, findings, false)).toEqual({
      entries: [entry('a.ts', 'b.ts')],
      added: 0,
      removed: 1,
    });
    expect(planBaselineUpdate(existing, findings, true)).toEqual({
      entries: [entry('a.ts', 'b.ts'), entry('e.ts', 'f.ts')],
      added: 1,
      removed: 1,
    });
  });
});

describe('applyBaseline', () => {
  it('matches by file, rule and target, whatever the line', () => {
    const { remaining, accepted, stale } = applyBaseline(
      [finding('a.ts', 'b.ts', 40), finding('a.ts', 'z.ts')],
      [entry('a.ts', 'b.ts'), entry('x.ts', 'y.ts')],
    );
    expect(accepted.map((f) => f.target)).toEqual(['b.ts']);
    expect(remaining.map((f) => f.target)).toEqual(['z.ts']);
    expect(stale).toEqual([entry('x.ts', 'y.ts')]);
  });
});

describe('serializeBaseline', () => {
  it('writes sorted entries, so diffs stay small', () => {
    const text = serializeBaseline([entry('b.ts', 'x.ts'), entry('a.ts', 'y.ts')], 'd');
    expect((JSON.parse(text) as { entries: unknown[] }).entries).toEqual([
      entry('a.ts', 'y.ts'),
      entry('b.ts', 'x.ts'),
    ]);
    expect(text.endsWith('}\n')).toBe(true);
  });
});
