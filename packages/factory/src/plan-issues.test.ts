import { describe, expect, it } from 'vitest';
import type { CandidateIssue } from './plan-issues.js';
import { planIssues } from './plan-issues.js';

const issue = (
  number: number,
  blockers: [number, boolean][] = [],
  labels: string[] = [],
  day = number,
): CandidateIssue => ({
  number,
  title: `issue ${number}`,
  labels,
  createdAt: `2026-01-${String(day).padStart(2, '0')}T00:00:00Z`,
  blockers: blockers.map(([n, open]) => ({ number: n, open })),
});

describe('planIssues', () => {
  it('puts blockers first and names them in after', () => {
    const plan = planIssues([issue(12, [[11, true]]), issue(11)]);
    expect(plan).toEqual({
      version: 1,
      plan: [
        { issue: 11, title: 'issue 11', after: [] },
        { issue: 12, title: 'issue 12', after: [11] },
      ],
      waiting: [],
      cycles: [],
    });
  });

  it('orders ready issues by priority label, then age, then number', () => {
    const plan = planIssues(
      [issue(1, [], [], 5), issue(2, [], ['P1'], 9), issue(3, [], ['p0'], 9), issue(4, [], [], 1), issue(5, [], [], 1)],
      ['P0', 'P1'],
    );
    expect(plan.plan.map((p) => p.issue)).toEqual([3, 2, 4, 5, 1]);
  });

  it('lets priority act only among issues whose blockers are done', () => {
    const plan = planIssues([issue(1, [], [], 1), issue(2, [[1, true]], ['P0'], 2), issue(3, [], [], 3)], ['P0']);
    expect(plan.plan.map((p) => p.issue)).toEqual([1, 2, 3]);
  });

  it('ignores closed blockers and waits for open ones outside the plan, transitively', () => {
    const plan = planIssues([issue(20, [[21, true]]), issue(22, [[20, true]]), issue(23, [[30, false]])]);
    expect(plan.plan).toEqual([{ issue: 23, title: 'issue 23', after: [] }]);
    expect(plan.waiting).toEqual([
      { issue: 20, blockedBy: [21] },
      { issue: 22, blockedBy: [20] },
    ]);
  });

  it('reports cycles, skips them, and holds what depends on them', () => {
    const plan = planIssues([issue(17, [[18, true]]), issue(18, [[17, true]]), issue(19, [[18, true]]), issue(5)]);
    expect(plan.cycles).toEqual([[17, 18]]);
    expect(plan.plan.map((p) => p.issue)).toEqual([5]);
    expect(plan.waiting).toEqual([{ issue: 19, blockedBy: [18] }]);
  });

  it('finds a three-issue cycle and ignores an issue blocking itself', () => {
    const plan = planIssues([
      issue(1, [[3, true]]),
      issue(2, [[1, true]]),
      issue(3, [[2, true]]),
      issue(4, [[4, true]]),
    ]);
    expect(plan.cycles).toEqual([[1, 2, 3]]);
    expect(plan.plan.map((p) => p.issue)).toEqual([4]);
  });
});
