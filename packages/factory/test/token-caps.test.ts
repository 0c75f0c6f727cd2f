// Token and cost caps per issue survive a hand-back (docs/factory.md "Agent protocols"): a person who
// removes the label gives the issue fresh brakes, not a fresh budget; raising the cap lets it go on.
import { existsSync } from 'node:fs';
import { issuesOf } from 'agent-harness-github-standin';
import { expect, it } from 'vitest';
import { runFactory } from '../src/run-factory.js';
import { useWorld } from './factory-fixture.js';

const world = useWorld();

const line = (o: Record<string, unknown>) => JSON.stringify(o);
const edit = (n: number) => ({ write: { [`file-${n}.txt`]: `${n}\n` } });
const commentsOn = (n: number) => issuesOf(world().repo).issues.get(n)?.comments ?? [];
const handBack = (n: number) => {
  const stored = issuesOf(world().repo).issues.get(n);
  if (stored) stored.labels = stored.labels.filter((l) => l !== 'harness:human');
};

async function pass(config: { maxTokens: number }) {
  world().clock.offsetMs += 3_700_000;
  return runFactory(world().options({ config }));
}

it('the tokens an issue used are kept across a hand-back: the agent is not run again until the cap is raised', {
  timeout: 400_000,
}, async () => {
  world().addIssue({ title: 'Budget' });
  world().script_([
    { ...edit(1), print: [line({ outcome: 'continue', tokens: 500 })] },
    { ...edit(2), print: [line({ outcome: 'continue', tokens: 700 })] },
    { ...edit(3), print: [line({ outcome: 'sleep', seconds: 60, tokens: 100 })] },
  ]);
  let state = await pass({ maxTokens: 1000 });
  expect(state.issues[1]).toMatchObject({ phase: 'human', spent: { tokens: 1200 } });
  expect(commentsOn(2)).toHaveLength(1);

  handBack(2);
  state = await pass({ maxTokens: 1000 });
  expect(state.issues[1]).toMatchObject({ phase: 'human', spent: { tokens: 1200 } });
  expect(commentsOn(2).at(-1)?.body).toMatch(/1200 tokens of the 1000 allowed \(factory\.maxTokens\)/);
  expect(existsSync(`${world().script}.prompt-3`)).toBe(false);

  handBack(2);
  state = await pass({ maxTokens: 5000 });
  expect(existsSync(`${world().script}.prompt-3`)).toBe(true);
  expect(state.issues[1]?.spent).toEqual({ tokens: 1300, costUsd: 0 });
});
