// The status page in a real headless Chromium (Debian's `chromium`, driven by
// playwright-core): it shows every issue's phase, PR, last outcome, turns and
// tokens from .harness/factory/, and agrees with `/api/state`. Saves the
// screenshot the docs and README use.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { writeState } from '../src/factory-state.js';
import type { FactoryState, IssueRecord } from '../src/factory-state.js';
import { serveStatusPage } from '../src/status-page.js';
import { freshCounters } from '../src/turn-policy.js';

const screenshot = join(import.meta.dirname, '..', '..', '..', 'docs', 'images', 'factory-status.png');

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

describe('status page', () => {
  it('shows the issues in flight in headless Chromium', async () => {
    const root = mkdtempSync(join(tmpdir(), 'factory-page-'));
    const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
    onTestFinished(() => {
      rmSync(root, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    });
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
    const page = await serveStatusPage(root);
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
      viewport: { width: 1100, height: 330 },
    });
    try {
      const tab = await context.newPage();
      await tab.goto(page.url);
      expect(await tab.title()).toBe('harness factory');
      expect(await tab.locator('#summary').textContent()).toContain('3 in flight · 4 issues · no loop running');
      const rows = await Promise.all(
        (await tab.locator('tbody tr').all()).map((row) => row.locator('td').allTextContents()),
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
      mkdirSync(join(screenshot, '..'), { recursive: true });
      await tab.screenshot({ path: screenshot });
    } finally {
      await context.close();
      await page.close();
    }
  });
});
