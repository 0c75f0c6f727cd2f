import { describe, expect, it } from 'vitest';
import type { FactoryStatus } from './factory-status.js';
import { renderStatusPretty } from './factory-status.js';
import { renderPlanPretty } from './plan-factory.js';
import type { IssueDocument } from './issue-detail.js';
import { renderIssueHtml, renderStatusHtml } from './status-page.js';

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
  recentEvents: [],
};

const events: FactoryStatus['recentEvents'] = [
  { at: '2026-11-22T14:21:00Z', issue: 3, kind: 'outcome', text: 'turn 4: the agent answered sleep 60 s: <b>CI</b>' },
  { at: '2026-11-22T14:20:00Z', issue: null, kind: 'lock-taken-over', text: 'lock taken over from pid 7 on ci' },
];

describe('status rendering', () => {
  it('escapes issue titles in the page and counts what is in flight', () => {
    const html = renderStatusHtml(status);
    expect(html).toContain('Fix &#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('1 in flight · 2 issues · loop pid 41 on ci');
  });

  it('links each issue to its view and lists the recent events, escaped', () => {
    const html = renderStatusHtml({ ...status, recentEvents: events });
    expect(html).toContain('<a href="issues/3">Fix &#60;script&#62;alert(1)&#60;/script&#62;</a>');
    expect(html).toContain('<a href="issues/5">#5</a>');
    expect(html).toContain(
      '<td><a href="issues/3">#3</a></td><td>outcome</td><td>turn 4: the agent answered sleep 60 s: &#60;b&#62;CI&#60;/b&#62;</td>',
    );
    expect(html).toContain('<td>–</td><td>lock-taken-over</td>');
    expect(renderStatusHtml(status)).toContain('<p id="events">No events yet.</p>');
  });

  it('renders one issue with its facts, last report, turns and events, escaped', () => {
    const document: IssueDocument = {
      version: 1,
      running: null,
      issue: {
        ...(status.issues[0] as FactoryStatus['issues'][number]),
        branch: 'harness/issue-3',
        prUrl: 'https://github.com/octo/app/pull/9?a=1&b="2"',
        spent: { tokens: 5000, costUsd: 1.5 },
        brakes: { consecutiveFailures: 1, consecutiveRed: 0, continuesWithoutCommit: 0, falseMergeClaims: 0 },
        lastReason: `harness check failed:\n${Array.from({ length: 45 }, (_, i) => `<line ${i}>`).join('\n')}`,
        agentPid: null,
        pendingAction: null,
        lease: { holder: 'ci-2 <x>', since: '2026-11-22T14:00:00Z', expiresAt: '2026-11-22T15:00:00Z' },
        turnOutcomes: [
          {
            turn: 1,
            at: '2026-11-22T14:01:00Z',
            answer: null,
            result: 'failed',
            decision: 'retry in 10 s',
            text: 'invalid answer: <nope>',
            tokens: null,
            log: '.harness/factory/runs/3/1.log',
          },
        ],
        events: [events[0] as FactoryStatus['recentEvents'][number]],
      },
    };
    const html = renderIssueHtml(document);
    expect(html).toContain('<title>#3 Fix &#60;script&#62;alert(1)&#60;/script&#62; · harness factory</title>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<line');
    expect(html).toContain('<a href="https://github.com/octo/app/pull/9?a=1&#38;b=&#34;2&#34;">#9</a>');
    expect(html).toContain('5000 tokens · $1.50');
    expect(html).toContain('ci-2 &#60;x&#62; until 2026-11-22T15:00:00Z');
    expect(html).toContain('&#60;line 38&#62;\n… 6 more lines</pre>');
    expect(html).toContain(
      '<td class="result failed">failed</td><td>retry in 10 s</td><td>invalid answer: &#60;nope&#62;</td>',
    );
    expect(html).toContain('<a href="3">#3</a>');
    expect(html).toContain('<a href="../">← all issues</a>');
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

  it('prints the newest events under the table', () => {
    expect(renderStatusPretty({ ...status, recentEvents: events })).toContain(
      [
        '',
        'Recent events, newest first:',
        '  2026-11-22T14:21:00Z  #3  outcome: turn 4: the agent answered sleep 60 s: <b>CI</b>',
        '  2026-11-22T14:20:00Z  -  lock-taken-over: lock taken over from pid 7 on ci',
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
