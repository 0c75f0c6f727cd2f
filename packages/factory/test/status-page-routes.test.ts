// The status page's server without a browser: which paths answer what, and a state file that
// cannot be read is a 500 that says why, never a crash of the loop serving it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { stateDir, writeState } from '../src/factory-state.js';
import { serveStatusPage } from '../src/status-page.js';
import { freshCounters } from '../src/turn-policy.js';

async function serve(write: (root: string) => void): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'factory-routes-'));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  write(root);
  const page = await serveStatusPage(root);
  onTestFinished(() => page.close());
  return page.url;
}

const oneIssue = (root: string) =>
  writeState(root, {
    version: 1,
    issues: {
      3: {
        number: 3,
        title: 'Three',
        phase: 'queued',
        branch: 'harness/issue-3',
        worktree: '/w/issue-3',
        counters: freshCounters(),
        updatedAt: '2026-11-22T14:00:00Z',
      },
    },
  });

describe('status page routes', () => {
  it('answers GET and HEAD on its paths, ignores a query, and 404s anything else', async () => {
    const url = await serve(oneIssue);
    const status = async (path: string, init?: RequestInit) => (await fetch(`${url}${path}`, init)).status;
    expect(await status('?refresh=1')).toBe(200);
    expect(await status('issues/3?x=1')).toBe(200);
    expect(await status('api/issues/3')).toBe(200);
    const head = await fetch(`${url}issues/3`, { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
    for (const path of ['issues/0', 'issues/03', 'issues/3/', 'api/issues/-1', 'issues', 'api', 'favicon.ico'])
      expect([path, await status(path)]).toEqual([path, 404]);
    expect(await status('api/state', { method: 'POST' })).toBe(405);
  });

  it('says why when the state file cannot be read', async () => {
    const url = await serve((root) => {
      mkdirSync(stateDir(root), { recursive: true });
      writeFileSync(join(stateDir(root), 'state.json'), '{"version": 1, "issues": ');
    });
    for (const path of ['', 'api/state', 'issues/3']) {
      const response = await fetch(`${url}${path}`);
      expect(response.status).toBe(500);
      expect(await response.text()).toMatch(/the factory state file is not readable[\s\S]*\nfix: Move the file away/);
    }
  });
});
