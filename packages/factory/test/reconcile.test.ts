// GitHub is the truth for terminal facts on restart, and --concurrency decides how
// many issues are under way at once.
import { readFileSync } from 'node:fs';
import { issuesOf, pullsOf } from 'agent-harness-github-standin';
import { describe, expect, it } from 'vitest';
import { runFactory } from '../src/run-factory.js';
import { useWorld } from './factory-fixture.js';

const world = useWorld();

const perIssue = (file: string) => ({
  write: { [file]: 'x\n' },
  print: ['{"outcome":"continue"}'],
  onPr: { print: ['{"outcome":"sleep","seconds":600}'] },
});

describe('reconcile and concurrency', () => {
  it('takes a PR merged, an issue closed and a label removed by a person from GitHub without running the agent', async () => {
    world().addIssue({ title: 'One' });
    world().addIssue({ title: 'Two' });
    world().addIssue({ title: 'Three' });
    world().script_([perIssue('a.txt')]);
    await runFactory(world().options({ concurrency: 3 }));
    const pulls = [...pullsOf(world().repo).pulls.values()];
    expect(pulls.map((p) => p.head).sort()).toEqual(['harness/issue-1', 'harness/issue-2', 'harness/issue-3']);
    const first = pulls.find((p) => p.head === 'harness/issue-1');
    if (first) {
      first.merged = true;
      first.issue.state = 'closed';
    }
    const two = issuesOf(world().repo).issues.get(2);
    if (two) two.state = 'closed';
    const three = issuesOf(world().repo).issues.get(3);
    if (three) three.labels = [];
    const runs = readFileSync(`${world().script}.count`, 'utf8');
    world().clock.offsetMs = 3_600_000;
    const state = await runFactory(world().options({ concurrency: 3 }));
    expect([state.issues[1]?.phase, state.issues[2]?.phase, state.issues[3]?.phase]).toEqual([
      'merged',
      'parked',
      'parked',
    ]);
    expect(readFileSync(`${world().script}.count`, 'utf8')).toBe(runs);
  });

  it('with concurrency 1 starts the next issue only when a slot is free', async () => {
    world().addIssue({ title: 'One' });
    world().addIssue({ title: 'Two' });
    world().script_([perIssue('a.txt')]);
    const state = await runFactory(world().options());
    expect([state.issues[1]?.phase, state.issues[2]?.phase]).toEqual(['pr-open', 'queued']);
  });
});
