// The factory refuses to merge a PR with an open guard finding and hands it to a person (issue #21):
// a `guard/loosened` error in the gate's result document is neither fed back to the agent nor
// merged past; the PR is labelled for a person with a comment listing each loosening and how it
// gets accepted.
import { readFileSync } from 'node:fs';
import type { ResultDocument } from 'agent-harness-diagnostics';
import { renderResult } from 'agent-harness-diagnostics';
import { issuesOf, pullsOf } from 'agent-harness-github-standin';
import { describe, expect, it } from 'vitest';
import { gateResult } from '../src/check-gate.js';
import { runFactory } from '../src/run-factory.js';
import { useWorld } from './factory-fixture.js';

const world = useWorld();

const line = (o: Record<string, unknown>) => JSON.stringify(o);

/** What `harness check` with the base known answers when the change turns a rule off. */
function loosened(alsoRed = false): ResultDocument {
  return {
    version: 1,
    ok: false,
    checks: [
      { name: 'guard', ok: false, durationMs: 1 },
      { name: 'docs', ok: !alsoRed, durationMs: 1 },
    ],
    diagnostics: [
      {
        check: 'guard',
        rule: 'guard/loosened',
        severity: 'error',
        file: 'harness.config.yaml',
        line: 4,
        message: 'rules: layers/forward-only turned from error to off',
        fix: 'Ask a code owner of harness.config.yaml to approve the PR, or turn the rule back on.',
        docs: 'docs/guard.md#guard-loosened',
      },
      ...(alsoRed
        ? [
            {
              check: 'docs',
              rule: 'docs/missing-path',
              severity: 'error' as const,
              file: 'README.md',
              line: 2,
              message: 'src/gone.ts does not exist',
              fix: 'Fix the path.',
              docs: 'docs/docs-check.md#docs-missing-path',
            },
          ]
        : []),
    ],
  };
}

const gate = (alsoRed = false) => {
  const document = loosened(alsoRed);
  const report = renderResult(document, 'pretty', { color: false, toolVersion: 'factory' });
  return () => Promise.resolve(gateResult(document, report));
};
const labelsOn = (n: number) => issuesOf(world().repo).issues.get(n)?.labels ?? [];
const commentsOn = (n: number) => issuesOf(world().repo).issues.get(n)?.comments ?? [];

describe('an open guard finding', () => {
  it('opens the PR for review, labels it for a person with the loosenings listed, and never runs the agent on it', async () => {
    world().addIssue({ title: 'Quiet the linter' });
    world().script_([
      { write: { 'harness.config.yaml': 'version: 1\nrules: {}\n' }, print: [line({ outcome: 'continue' })] },
      { merge: true, print: [line({ outcome: 'merged' })] },
    ]);
    let state = await runFactory(world().options({ check: gate() }));
    expect(state.issues[1]).toMatchObject({ phase: 'human', pr: 2 });
    expect(labelsOn(2)).toEqual(['harness:human']);
    expect(commentsOn(2)).toHaveLength(1);
    const comment = commentsOn(2)[0]?.body ?? '';
    expect(comment).toContain('`harness.config.yaml:4`: rules: layers/forward-only turned from error to off');
    expect(comment).toContain('code owner');
    expect(comment).toContain('remove the `harness:human` label');
    world().clock.offsetMs += 3_700_000;
    state = await runFactory(world().options({ check: gate() }));
    expect(state.issues[1]?.phase).toBe('human');
    expect(readFileSync(`${world().script}.count`, 'utf8')).toBe('1');
    expect(pullsOf(world().repo).pulls.get(2)?.merged).toBe(false);
    expect(commentsOn(2)).toHaveLength(1);
  });

  it('with other checks red too, pushes nothing and asks a person on the issue', async () => {
    world().addIssue({ title: 'Quiet the linter' });
    world().script_([
      { write: { 'harness.config.yaml': 'version: 1\nrules: {}\n' }, print: [line({ outcome: 'continue' })] },
    ]);
    const state = await runFactory(world().options({ check: gate(true) }));
    expect(state.issues[1]).toMatchObject({ phase: 'human' });
    expect(state.issues[1]?.pr).toBeUndefined();
    expect(world().git(world().origin, 'branch', '--list')).not.toContain('harness/issue-1');
    expect(labelsOn(1)).toContain('harness:human');
    expect(commentsOn(1)[0]?.body).toContain('`harness.config.yaml:4`');
    expect(commentsOn(1)[0]?.body).toContain('docs/missing-path');
  });
});
