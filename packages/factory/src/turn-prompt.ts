// What the agent reads on stdin (docs/factory.md "The agent protocol"): the issue
// for the first run, the whole PR state for each later turn, and always the rule
// for its answer. The repository's own rules live in AGENTS.md, not here.
import { createHash } from 'node:crypto';
import type { PullBundle, TurnState } from './pull-gateway.js';

export interface IssueText {
  number: number;
  title: string;
  body: string;
}

export const answerRule = [
  'When you stop, print exactly one JSON object as the LAST line of stdout:',
  '{"outcome": "continue" | "sleep" | "human" | "merged", "seconds": <for sleep>, "comment": "<why; required for human>", "tokens": <tokens used, if you know>}',
  'continue = you changed something, look again now; sleep = waiting for CI or review; human = a person must decide (say what in comment);',
  'merged = you merged the PR with `harness factory merge $HARNESS_FACTORY_PR` (never any other way; it is verified with GitHub).',
  'You hold no GitHub token: `harness factory merge` asks this loop, which merges with its own when every check is green, or prints why not.',
  'Commit or leave your changes in this worktree and do not push: the loop commits what is left, runs `harness check`, and pushes only when it is green.',
].join('\n');

export function implementPrompt(issue: IssueText, previousProblem?: string): string {
  const parts = [
    `You are working on issue #${issue.number} of this repository, in a git worktree made for it. Follow AGENTS.md.`,
    `# ${issue.title}`,
    issue.body.trim() === '' ? '(no description)' : issue.body,
  ];
  if (previousProblem !== undefined)
    parts.push(
      `The previous attempt did not get through:\n${previousProblem}\nResume from the current state of this worktree.`,
    );
  parts.push(answerRule);
  return `${parts.join('\n\n')}\n`;
}

export function pullTurnPrompt(issue: IssueText, bundle: TurnState, warnings: string[]): string {
  const parts = [
    `You are moving PR #${bundle.pull.number} (for issue #${issue.number} "${issue.title}") towards merge. Follow AGENTS.md. This is its whole current state:`,
    '```json',
    JSON.stringify(bundle, null, 2),
    '```',
  ];
  if (warnings.length > 0) parts.push(`Note from the loop:\n${warnings.map((w) => `- ${w}`).join('\n')}`);
  parts.push(answerRule);
  return `${parts.join('\n')}\n`;
}

/** Changes when anything the agent would react to changes: head, mergeability, checks, comments, reviews. */
export function bundleFingerprint(bundle: PullBundle & Partial<Pick<TurnState, 'branch' | 'reviewThreads'>>): string {
  const facts = {
    head: bundle.pull.headSha,
    state: [bundle.pull.state, bundle.pull.merged, bundle.pull.mergeable, bundle.pull.mergeableState],
    comments: bundle.comments.map((c) => c.id),
    reviews: bundle.reviews.map((r) => [r.id, r.state]),
    checks: bundle.checkRuns.map((r) => [r.name, r.status, r.conclusion]),
    statuses: bundle.statuses.map((s) => [s.context, s.state]),
    // A thread resolved, made outdated by a push, or answered is news for the agent.
    threads: bundle.reviewThreads?.map((t) => [t.path, t.resolved, t.outdated, t.comments?.length ?? 0]),
    behind: bundle.branch?.behind,
  };
  return createHash('sha256').update(JSON.stringify(facts)).digest('hex').slice(0, 16);
}

export const humanMarker = (issue: number, turn: number): string =>
  `<!-- harness-factory issue=${issue} turn=${turn} -->`;
