import { describe, expect, it } from 'vitest';
import type { FactoryStatus } from './factory-status.js';
import { renderStatusPretty } from './factory-status.js';
import { renderPlanPretty } from './plan-factory.js';
import { renderStatusHtml } from './status-page.js';

const status: FactoryStatus = {
  version: 1,
  running: { pid: 41, host: 'ci', startedAt: '2026-11-22T14:00:00Z' },
  issues: [
    {
      issue: 3,
      title: 'Fix <script>alert(1)</script>',
      phase: 'pr-open',
      pr: 9,
      turns: 4,
      tokens: 1200,
      lastOutcome: 'sleep',
      nextWakeAt: '2026-11-22T15:00:00Z',
      updatedAt: '2026-11-22T14:10:00Z',
    },
    {
      issue: 5,
      title: 'Docs',
      phase: 'merged',
      pr: 10,
      turns: 2,
      tokens: 0,
      lastOutcome: 'merged',
      nextWakeAt: null,
      updatedAt: '2026-11-22T14:20:00Z',
    },
  ],
};

describe('status rendering', () => {
  it('escapes issue titles in the page and counts what is in flight', () => {
    const html = renderStatusHtml(status);
    expect(html).toContain('Fix &#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('1 in flight · 2 issues · loop pid 41 on ci');
  });

  it('prints an aligned table for the terminal', () => {
    expect(renderStatusPretty(status)).toBe(
      [
        'Factory loop running: pid 41 on ci since 2026-11-22T14:00:00Z.',
        'issue  phase    pr   turns  tokens  last    title',
        '#3     pr-open  #9   4      1200    sleep   Fix <script>alert(1)</script>',
        '#5     merged   #10  2      0       merged  Docs',
        '',
      ].join('\n'),
    );
  });

  it('prints the plan with its order, waiting issues, cycles and notes', () => {
    const text = renderPlanPretty(
      {
        version: 1,
        plan: [
          { issue: 1, title: 'A', after: [] },
          { issue: 2, title: 'B', after: [1] },
        ],
        waiting: [{ issue: 4, blockedBy: [9] }],
        cycles: [[6, 7]],
      },
      ['#12 does not exist'],
    );
    expect(text).toBe(
      'Would work, in this order:\n  #1 A\n  #2 B (after #1)\nwaiting: #4 blocked by #9\ncycle, skipped: #6 → #7\nnote: #12 does not exist\n',
    );
  });
});
