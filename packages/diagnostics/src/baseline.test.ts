import type { Diagnostic } from './diagnostic.js';
import { describe, expect, it } from 'vitest';
import { applyBaseline, planBaselineUpdate, planSettledBaseline, serializeBaseline } from './baseline.js';

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

describe('planSettledBaseline judged by the base', () => {
  const settle = (more: { updateBaseline?: boolean } = {}) => ({
    check: 'layers',
    root: '/r',
    path: '.harness/baseline/layers.json',
    findings: [finding('a.ts', 'b.ts'), finding('c.ts', 'd.ts')],
    description: 'd',
    staleDocs: 'docs/rules/layers.md#stale-baseline',
    base: { ref: 'main', commit: '3f2a1c0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
    ...more,
  });

  it('accepts only entries the base holds too: an entry added in the change accepts nothing', () => {
    const change = [entry('a.ts', 'b.ts'), entry('c.ts', 'd.ts')];
    const plan = planSettledBaseline(settle(), change, [entry('a.ts', 'b.ts')]);
    expect(plan.remaining.map((f) => f.file)).toEqual(['c.ts']);
    expect(plan.stale).toEqual([]);
  });

  it('lets the change shrink the baseline: an entry it removed accepts nothing', () => {
    const plan = planSettledBaseline(settle(), [entry('a.ts', 'b.ts')], [entry('a.ts', 'b.ts'), entry('c.ts', 'd.ts')]);
    expect(plan.remaining.map((f) => f.file)).toEqual(['c.ts']);
  });

  it('reports no stale entry: the change may fix a finding and leave the entry', () => {
    const both = [entry('a.ts', 'b.ts'), entry('c.ts', 'd.ts'), entry('x.ts', 'y.ts')];
    const plan = planSettledBaseline(settle(), both, both);
    expect(plan.remaining).toEqual([]);
    expect(plan.stale).toEqual([]);
  });

  it('accepts nothing when the base has no baseline file', () => {
    const plan = planSettledBaseline(settle(), [entry('a.ts', 'b.ts')], undefined);
    expect(plan.remaining.map((f) => f.file)).toEqual(['a.ts', 'c.ts']);
  });

  it("ignores the base with updateBaseline, which acts on the change's own file", () => {
    const plan = planSettledBaseline(
      settle({ updateBaseline: true }),
      [entry('a.ts', 'b.ts'), entry('x.ts', 'y.ts')],
      [],
    );
    expect(plan.remaining.map((f) => f.file)).toEqual(['c.ts']);
    expect(plan.write).toContain('"a.ts"');
    expect(plan.write).not.toContain('"x.ts"');
  });
});
