// Nothing harness writes for itself is committed by the loop: its caches and state stay out of the
// PR's commits, whoever wrote them (an agent running an older harness writes a cache that does not
// ignore itself), while a baseline, which a repository commits, goes in.
import { describe, expect, it } from 'vitest';
import { runFactory } from '../src/run-factory.js';
import { useWorld } from './factory-fixture.js';

const world = useWorld();

const line = (o: Record<string, unknown>) => JSON.stringify(o);

describe("harness's own files", () => {
  it('never go into the PR: a docs cache written during the turn stays out, a baseline goes in', async () => {
    world().addIssue({ title: 'Cache' });
    world().script_([
      {
        write: {
          'x.txt': 'x\n',
          '.harness/cache/docs.json': '{"version":1}\n',
          '.harness/env': 'HARNESS_PROJECT=app\n',
          '.harness/baseline/docs.json': '{"version":1,"entries":[]}\n',
        },
        print: [line({ outcome: 'continue' })],
      },
      { write: { '.harness/cache/docs.json': '{"version":2}\n' }, print: [line({ outcome: 'sleep', seconds: 60 })] },
    ]);
    const state = await runFactory(world().options());
    expect(state.issues[1]).toMatchObject({ phase: 'pr-open', pr: 2 });
    const files = world().git(world().origin, 'log', '--name-only', '--format=', 'main..harness/issue-1').split('\n');
    expect(files.filter((f) => f !== '').sort()).toEqual(['.harness/baseline/docs.json', 'x.txt']);
  });
});
