// The status page's per-issue view and `/api/state` from what a real loop wrote: the loop runs
// against the GitHub stand-in with a scripted agent, then the page, the library and the built
// `harness factory status --json` are read and compared.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readFactoryStatus } from '../src/factory-status.js';
import { readIssueDetail } from '../src/issue-detail.js';
import { runFactory } from '../src/run-factory.js';
import { serveStatusPage } from '../src/status-page.js';
import { useWorld } from './factory-fixture.js';

const harnessBin = join(import.meta.dirname, '..', '..', 'harness', 'bin', 'harness.js');

const world = useWorld();

const line = (o: Record<string, unknown>) => JSON.stringify(o);

/** The built bin's `harness factory status --json`, parsed. */
async function statusJson(): Promise<unknown> {
  const env = { ...world().env, HOME: world().root, NO_COLOR: '1', GITHUB_REPOSITORY: 'octo/app' };
  const { stdout } = await promisify(execFile)(process.execPath, [harnessBin, 'factory', 'status', '--json'], {
    cwd: world().root,
    env,
  });
  return JSON.parse(stdout);
}

describe('the status page on a real loop', () => {
  it('shows each turn with its outcome and the PR link, and /api/state is `harness factory status --json`', async () => {
    const issue = world().addIssue({ title: 'Greeting <b>bold</b>', body: 'Write hello.txt.' });
    world().script_([
      { print: ['all done!'] },
      { write: { 'hello.txt': 'hello\n' }, print: [line({ outcome: 'continue', tokens: 70 })] },
      { print: [line({ outcome: 'sleep', seconds: 600, comment: 'waiting for CI' })] },
    ]);
    await runFactory(world().options());
    world().clock.offsetMs += 60_000;
    await runFactory(world().options());

    const detail = readIssueDetail(world().root, issue)?.issue;
    expect(detail).toMatchObject({ phase: 'pr-open', pr: 2, prUrl: 'https://github.com/octo/app/pull/2' });
    expect(
      detail?.turnOutcomes.map((t) => [t.turn, t.answer, t.result, t.decision, t.text.slice(0, 15), t.tokens]),
    ).toEqual([
      [1, null, 'failed', 'retry in 10 s', 'invalid answer:', null],
      [2, 'continue', 'answered', null, '', 70],
      [3, 'sleep', 'answered', 'sleep 600 s', 'waiting for CI', null],
    ]);
    expect(detail?.events.map((e) => e.kind)).toContain('pr');

    const page = await serveStatusPage(world().root);
    try {
      const api = await (await fetch(`${page.url}api/state`)).json();
      expect(api).toEqual(readFactoryStatus(world().root));
      expect(api).toEqual(await statusJson());
      expect(await (await fetch(`${page.url}api/issues/${issue}`)).json()).toEqual(
        readIssueDetail(world().root, issue),
      );
      const missing = await fetch(`${page.url}api/issues/99`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ error: 'the factory has no issue #99 in .harness/factory/state.json' });
    } finally {
      await page.close();
    }
  });
});
