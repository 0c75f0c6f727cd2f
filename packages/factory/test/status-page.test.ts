// The status page in a real headless Chromium (Debian's `chromium`, driven by
// playwright-core): it shows every issue's phase, PR, last outcome, turns and
// tokens from .harness/factory/ with the recent events, agrees with `/api/state`,
// and each issue opens its own view. Saves the screenshots the docs and README use.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { chromium } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { appendEvent, writeState } from '../src/factory-state.js';
import type { FactoryState, IssueRecord } from '../src/factory-state.js';
import { serveStatusPage } from '../src/status-page.js';
import { freshCounters } from '../src/turn-policy.js';

const images = join(import.meta.dirname, '..', '..', '..', 'docs', 'images');
const screenshot = join(images, 'factory-status.png');

function record(
  number: number,
  title: string,
  phase: IssueRecord['phase'],
  extra: Partial<IssueRecord> = {},
): IssueRecord {
  return {
    number,
    title,
    phase,
    branch: `harness/issue-${number}`,
    worktree: `/w/issue-${number}`,
    counters: freshCounters(),
    updatedAt: '2026-11-22T14:00:00Z',
    ...extra,
  };
}

/** A fresh folder for the factory's state and a headless Chromium; both removed when the test ends. */
async function browse(viewport: { width: number; height: number }): Promise<{ root: string; context: BrowserContext }> {
  const root = mkdtempSync(join(tmpdir(), 'factory-page-'));
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  onTestFinished(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport,
  });
  onTestFinished(() => context.close());
  return { root, context };
}

const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 14, minute));

/** What the loop wrote while working these issues, oldest first. */
function writeEvents(root: string): void {
  const events: [number, Record<string, unknown>][] = [
    [1, { issue: 12, event: 'admitted', phase: 'queued', after: [11] }],
    [20, { issue: 12, event: 'outcome', phase: 'implementing', turn: 1, outcome: 'continue', tokens: 9000 }],
    [22, { issue: 12, event: 'pr', phase: 'checking', pr: 32, url: 'https://github.com/octo/app/pull/32' }],
    [
      24,
      {
        issue: 15,
        event: 'decision',
        phase: 'implementing',
        turn: 1,
        result: 'failed',
        action: 'retry',
        seconds: 10,
        reason: 'the agent exited with 1',
        failure: 'the agent exited with 1',
      },
    ],
    [
      30,
      {
        issue: 12,
        event: 'outcome',
        phase: 'pr-open',
        turn: 4,
        outcome: 'sleep',
        seconds: 300,
        comment: 'CI run 4711 still in progress',
      },
    ],
    [
      30,
      { issue: 12, event: 'decision', phase: 'pr-open', turn: 4, result: 'answered', action: 'sleep', seconds: 300 },
    ],
    [31, { issue: 14, event: 'guard', phase: 'checking', findings: 1 }],
  ];
  for (const [minute, event] of events) appendEvent(root, event, at(minute));
}

describe('status page', () => {
  it('shows the issues in flight and the recent events in headless Chromium', async () => {
    const { root, context } = await browse({ width: 1100, height: 620 });
    const state: FactoryState = {
      version: 1,
      issues: {
        11: record(11, 'Schema for orders', 'merged', {
          pr: 31,
          lastOutcome: 'merged',
          counters: { ...freshCounters(), turns: 6, tokens: 48_210 },
        }),
        12: record(12, 'Orders API <v2>', 'pr-open', {
          pr: 32,
          lastOutcome: 'sleep',
          nextWakeAt: '2026-11-22T14:35:00Z',
          counters: { ...freshCounters(), turns: 4, tokens: 30_977 },
        }),
        14: record(14, 'Pick a currency library', 'human', {
          pr: 33,
          lastOutcome: 'human',
          counters: { ...freshCounters(), turns: 2, tokens: 9_120 },
        }),
        15: record(15, 'Dashboard totals', 'implementing', {
          counters: { ...freshCounters(), turns: 1, consecutiveFailures: 1 },
          lastOutcome: 'failed',
        }),
      },
    };
    writeState(root, state);
    writeEvents(root);
    const page = await serveStatusPage(root);
    try {
      const tab = await context.newPage();
      await tab.goto(page.url);
      expect(await tab.title()).toBe('harness factory');
      expect(await tab.locator('#summary').textContent()).toContain('3 in flight · 4 issues · no loop running');
      const rows = await Promise.all(
        (await tab.locator('#issues tbody tr').all()).map((row) => row.locator('td').allTextContents()),
      );
      expect(rows).toEqual([
        ['#11', 'Schema for orders', 'merged', '#31', 'merged', '6', '48210', ''],
        ['#12', 'Orders API <v2>', 'pr-open', '#32', 'sleep', '4', '30977', '2026-11-22T14:35:00Z'],
        ['#14', 'Pick a currency library', 'human', '#33', 'human', '2', '9120', ''],
        ['#15', 'Dashboard totals', 'implementing', '–', 'failed', '1', '0', ''],
      ]);
      const api = (await (await tab.request.get(`${page.url}api/state`)).json()) as {
        issues: { issue: number; phase: string }[];
      };
      expect(api.issues.map((i) => [i.issue, i.phase])).toEqual([
        [11, 'merged'],
        [12, 'pr-open'],
        [14, 'human'],
        [15, 'implementing'],
      ]);
      const events = await Promise.all(
        (await tab.locator('#events tbody tr').all()).map((row) => row.locator('td').allTextContents()),
      );
      expect(events.map(([, issue, kind]) => [issue, kind])).toEqual([
        ['#14', 'guard'],
        ['#12', 'decision'],
        ['#12', 'outcome'],
        ['#15', 'decision'],
        ['#12', 'pr'],
        ['#12', 'outcome'],
        ['#12', 'admitted'],
      ]);
      expect(events[1]).toEqual(['2026-11-22T14:30:00.000Z', '#12', 'decision', 'turn 4: sleep 300 s']);
      mkdirSync(images, { recursive: true });
      await tab.screenshot({ path: screenshot });
    } finally {
      await page.close();
    }
  });

  it('opens an issue from the index with its turns and events; an unknown issue is 404; HTML in a title is text', async () => {
    const { root, context } = await browse({ width: 1100, height: 760 });
    const title = 'Orders <img src=x onerror="document.title=1"> & <b>v2</b>';
    writeState(root, {
      version: 1,
      issues: {
        12: record(12, title, 'pr-open', {
          pr: 32,
          lastOutcome: 'sleep',
          nextWakeAt: '2026-11-22T14:35:00Z',
          counters: { ...freshCounters(), turns: 4, tokens: 9_000 },
          spent: { tokens: 41_200, costUsd: 0.82 },
          lastReason: 'harness check failed:\ndocs/links: docs/api.md:12 links to <missing.md>',
        }),
        15: record(15, 'Dashboard totals', 'implementing', { lastOutcome: 'failed' }),
      },
    });
    writeEvents(root);
    const page = await serveStatusPage(root);
    try {
      const tab = await context.newPage();
      await tab.goto(page.url);
      const link = tab.locator('#issues tr[data-issue="12"] td:nth-child(2) a');
      expect(await link.textContent()).toBe(title);
      expect(await tab.locator('#issues img').count()).toBe(0);
      await link.click();
      await tab.waitForURL(`${page.url}issues/12`);
      expect(await tab.title()).toBe(`#12 ${title} · harness factory`);
      expect(await tab.locator('#title').textContent()).toBe(`#12 ${title}`);
      expect(await tab.locator('img').count()).toBe(0);
      expect(await tab.locator('[data-fact="phase"]').textContent()).toBe('pr-open');
      expect(await tab.locator('[data-fact="PR"] a').getAttribute('href')).toBe('https://github.com/octo/app/pull/32');
      expect(await tab.locator('[data-fact="spent"]').textContent()).toBe('41200 tokens · $0.82');
      expect(await tab.locator('[data-fact="next wake"]').textContent()).toBe('2026-11-22T14:35:00Z');
      expect(await tab.locator('#report').textContent()).toContain('links to <missing.md>');
      const turns = await Promise.all(
        (await tab.locator('#turns tbody tr').all()).map((row) => row.locator('td').allTextContents()),
      );
      expect(turns.map((t) => t.slice(0, 6))).toEqual([
        ['4', '2026-11-22T14:30:00.000Z', 'sleep', 'answered', 'sleep 300 s', 'CI run 4711 still in progress'],
        ['1', '2026-11-22T14:20:00.000Z', 'continue', 'answered', '–', ''],
      ]);
      const events = await tab.locator('#events tbody tr td:nth-child(3)').allTextContents();
      expect(events).toEqual(['decision', 'outcome', 'pr', 'outcome', 'admitted']);
      await tab.screenshot({ path: join(images, 'factory-issue.png'), fullPage: true });

      await tab.locator('a', { hasText: '← all issues' }).click();
      await tab.waitForURL(page.url);
      expect(await tab.locator('#events tbody tr').count()).toBe(7);

      const missing = await tab.goto(`${page.url}issues/13`);
      expect(missing?.status()).toBe(404);
      expect(await tab.locator('#title').textContent()).toBe('No issue #13 here');
      expect((await tab.request.get(`${page.url}api/issues/13`)).status()).toBe(404);
      expect((await tab.request.get(`${page.url}issues/abc`)).status()).toBe(404);
    } finally {
      await page.close();
    }
  });
});
