// PR-turn prompts carry the review threads' line comments (docs/factory.md "The agent protocol",
// "The prompt in the repo"): for each unresolved thread its file, its line and each comment with
// its author, read with the thread's state over GraphQL; a resolved thread's talk is not news.
import { readFileSync } from 'node:fs';
import { pullsOf } from 'agent-harness-github-standin';
import { describe, expect, it } from 'vitest';
import { compilePrompt } from '../src/prompt-template.js';
import { runFactory } from '../src/run-factory.js';
import type { RunFactoryOptions } from '../src/run-factory.js';
import { useWorld } from './factory-fixture.js';

const world = useWorld();

const line = (o: Record<string, unknown>) => JSON.stringify(o);

/** Issue #1's PR (#2) is opened, a reviewer comments on lines of it, and the next PR turn's prompt is returned. */
async function promptAfterReview(overrides: Partial<RunFactoryOptions> = {}): Promise<string> {
  world().addIssue({ title: 'Greet', body: 'Write hi.txt.' });
  world().script_([
    { write: { 'hi.txt': 'hi\n' }, print: [line({ outcome: 'continue' })] },
    { print: [line({ outcome: 'sleep', seconds: 60 })] },
  ]);
  await runFactory(world().options(overrides));
  pullsOf(world().repo)
    .pulls.get(2)
    ?.reviewThreads.push(
      {
        isResolved: false,
        isOutdated: false,
        path: 'hi.txt',
        line: 1,
        comments: [
          { user: 'alice', body: 'Say hello, not hi.' },
          { user: 'bob', body: 'And end with a full stop.' },
        ],
      },
      {
        isResolved: true,
        isOutdated: false,
        path: 'README.md',
        line: 1,
        comments: [{ user: 'carol', body: 'old news' }],
      },
    );
  world().clock.offsetMs += 61_000;
  await runFactory(world().options(overrides));
  return readFileSync(`${world().script}.prompt-3`, 'utf8');
}

describe('a PR turn after a line review', () => {
  it('hands the agent each thread’s file, line and comments in the PR state', async () => {
    const prompt = await promptAfterReview();
    const state = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(prompt)?.[1] ?? '{}') as {
      reviewThreads: { path: string; line: number | null; resolved: boolean; comments: unknown[] }[];
    };
    expect(state.reviewThreads).toEqual([
      {
        resolved: false,
        outdated: false,
        path: 'hi.txt',
        line: 1,
        comments: [
          { user: 'alice', body: 'Say hello, not hi.' },
          { user: 'bob', body: 'And end with a full stop.' },
        ],
      },
      { resolved: true, outdated: false, path: 'README.md', line: 1, comments: [{ user: 'carol', body: 'old news' }] },
    ]);
  });

  it('exposes the unresolved threads to WORKFLOW.md as pr.reviewThreads and in pr.reviewComments', async () => {
    const body = [
      'Issue: {{ issue.title }}',
      '{% if pr %}{% for t in pr.reviewThreads %}THREAD {{ t.path }}:{{ t.line }}{% for c in t.comments %} [{{ c.user }}] {{ c.body }}{% endfor %}',
      '{% endfor %}COMMENTS:',
      '{{ pr.reviewComments }}{% endif %}',
    ].join('\n');
    const prompt = await promptAfterReview({ prompt: compilePrompt(body, 'WORKFLOW.md', 4) });
    expect(prompt).toContain('THREAD hi.txt:1 [alice] Say hello, not hi. [bob] And end with a full stop.\n');
    expect(prompt).not.toContain('THREAD README.md');
    const comments = prompt.slice(prompt.indexOf('COMMENTS:'));
    expect(comments).toContain('hi.txt:1: alice: Say hello, not hi.');
    expect(comments).toContain('hi.txt:1: bob: And end with a full stop.');
    expect(comments).not.toContain('old news');
  });
});
