// The whole life of an issue against a real origin, real worktrees, the GitHub
// stand-in and a scripted agent: implement → check → push → PR → sleep → skip while
// nothing changes → merge verified with GitHub.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pullsOf } from 'agent-harness-github-standin';
import { describe, expect, it } from 'vitest';
import { readState } from '../src/factory-state.js';
import { runFactory } from '../src/run-factory.js';
import { useWorld } from './factory-fixture.js';

const world = useWorld();

const continueLine = JSON.stringify({ outcome: 'continue', tokens: 100 });

describe('the life of an issue', () => {
  it('goes from a labelled issue to a merged PR, once, and sleeps without waking the agent for nothing', async () => {
    const issue = world().addIssue({ title: 'Add a greeting', body: 'Write hello.txt.' });
    world().standin.state.addRuleset('octo/app', {
      name: 'main',
      target: 'branch',
      enforcement: 'active',
      conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } },
      rules: [
        {
          type: 'required_status_checks',
          parameters: { required_status_checks: [{ context: 'ci' }], strict_required_status_checks_policy: false },
        },
      ],
    });
    world().script_([
      { write: { 'hello.txt': 'hello\n' }, print: ['done', continueLine] },
      {
        print: ['transcript line', '{"type":"turn.completed"}'],
        outcomeFile: JSON.stringify({ outcome: 'sleep', seconds: 120 }),
      },
      { merge: true, print: [JSON.stringify({ outcome: 'merged' })] },
    ]);
    let state = await runFactory(world().options());
    const record = state.issues[issue];
    expect(record).toMatchObject({ phase: 'pr-open', pr: 2, lastOutcome: 'sleep', branch: 'harness/issue-1' });
    expect(world().git(world().origin, 'show', 'harness/issue-1:hello.txt')).toBe('hello');
    const pull = pullsOf(world().repo).pulls.get(2);
    expect(pull).toMatchObject({ head: 'harness/issue-1', base: 'main' });
    expect(pull?.issue.body).toContain('Closes #1');
    expect(readFileSync(`${world().script}.prompt-1`, 'utf8')).toContain('Write hello.txt.');
    const turnPrompt = readFileSync(`${world().script}.prompt-2`, 'utf8');
    expect(turnPrompt).toContain('"headSha"');
    expect(turnPrompt).toMatch(/"requiredChecks": \{\s+"names": \[\s*"ci"\s*\],\s+"notReported": \[\s*"ci"\s*\]/);
    expect(turnPrompt).toMatch(/"branch": \{\s+"base": "main",\s+"ahead": 1,\s+"behind": 0/);
    expect(turnPrompt).toContain('"reviewThreads": []');

    // Before the wake-up: nothing runs. After it, with the PR unchanged: the agent is skipped.
    await runFactory(world().options());
    world().clock.offsetMs = 121_000;
    await runFactory(world().options());
    expect(existsSync(`${world().script}.prompt-3`)).toBe(false);

    // Something changes on the PR (a review thread, resolved, and a status): the agent gets a turn
    // with both, merges (an unresolved thread would stop the guarded merge), and GitHub confirms it.
    pull?.reviewThreads.push({
      isResolved: true,
      isOutdated: false,
      path: 'hello.txt',
      line: 1,
      comments: [{ user: 'alice', body: 'Fine.' }],
    });
    pullsOf(world().repo).statuses.push({
      id: 1,
      sha: pull ? world().git(world().origin, 'rev-parse', 'harness/issue-1') : '',
      context: 'ci',
      state: 'success',
      description: null,
    });
    world().clock.offsetMs = 400_000;
    state = await runFactory(world().options());
    expect(state.issues[issue]?.phase).toBe('merged');
    expect(readFileSync(`${world().script}.prompt-3`, 'utf8')).toMatch(
      /"reviewThreads": \[\s*\{\s*"resolved": true,\s*"outdated": false,\s*"path": "hello.txt",\s*"line": 1,\s*"comments": \[\s*\{\s*"user": "alice",\s*"body": "Fine."\s*\}\s*\]\s*\}\s*\]/,
    );
    expect(pullsOf(world().repo).pulls.get(2)?.merged).toBe(true);
    expect(
      world()
        .standin.writes()
        .filter((w) => w.method === 'POST' && w.path.endsWith('/pulls')),
    ).toHaveLength(1);
    const events = readFileSync(join(world().root, '.harness', 'factory', 'events.jsonl'), 'utf8');
    expect(events).toContain('"event":"skip"');
    expect(readState(world().root).issues[issue]?.counters.tokens).toBe(100);
    expect(world().git(world().root, 'status', '--porcelain')).toBe('');
  });

  it('hands the agent the tail of a failed Actions job log with the PR state', async () => {
    const logs = createServer((_request, response) =>
      response
        .writeHead(200, { 'content-type': 'text/plain' })
        .end(Array.from({ length: 100 }, (_, i) => `log line ${i + 1}`).join('\n')),
    );
    await new Promise<void>((resolve) => logs.listen(0, '127.0.0.1', resolve));
    try {
      world().addIssue({ title: 'CI' });
      world().script_([
        { write: { 'ci.txt': 'x\n' }, print: [continueLine] },
        { print: [JSON.stringify({ outcome: 'sleep', seconds: 60 })] },
      ]);
      const logUrl = `http://127.0.0.1:${(logs.address() as AddressInfo).port}/job-77.txt`;
      const head = () => world().git(world().origin, 'rev-parse', 'harness/issue-1');
      const pulls = pullsOf(world().repo);
      const resolve = pulls.resolveRef;
      // The job fails as soon as the branch exists.
      pulls.resolveRef = (ref) => {
        const sha = resolve(ref);
        if (sha !== undefined && ref === 'harness/issue-1' && pulls.checkRuns.length === 0)
          pulls.checkRuns.push({
            id: 77,
            name: 'test',
            headSha: head(),
            status: 'completed',
            conclusion: 'failure',
            summary: '1 failed',
            logUrl,
          });
        return sha;
      };
      await runFactory(world().options());
      const prompt = readFileSync(`${world().script}.prompt-2`, 'utf8');
      expect(prompt).toContain('log line 100');
      expect(prompt).toContain('log line 41');
      expect(prompt).not.toContain('log line 40\\n');
    } finally {
      logs.close();
    }
  });
});
