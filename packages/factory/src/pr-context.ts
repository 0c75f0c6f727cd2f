// The prompt a turn gets when the repository has WORKFLOW.md (docs/factory.md "The prompt
// in the repo"): its template rendered with the issue, the PR (diff stat, review, line and
// conversation comments, the unresolved review threads), the failing checks with their log
// tails, and the attempt; the loop's answer rule and notes always follow it. Without
// WORKFLOW.md: turn-prompt.ts.
import { runGit } from 'agent-harness-system';
import type { FactoryContext } from './factory-context.js';
import type { IssueRecord } from './factory-state.js';
import type { PromptVariables, ThreadVariable } from './prompt-template.js';
import type { TurnState } from './pull-gateway.js';
import type { IssueText } from './turn-prompt.js';
import { answerRule, implementPrompt, pullTurnPrompt } from './turn-prompt.js';

export async function implementTurnPrompt(ctx: FactoryContext, record: IssueRecord, issue: IssueText): Promise<string> {
  if (ctx.prompt === undefined) return implementPrompt(issue, record.lastReason);
  const variables: PromptVariables = {
    issue: { ...issue, labels: await ctx.pulls.labels(record.number) },
    attempt: record.counters.turns + 1,
    ...(record.lastReason === undefined ? {} : { check: { report: record.lastReason, failing: '' } }),
  };
  return withRule(await ctx.prompt.render(variables), []);
}

export async function pullPrompt(
  ctx: FactoryContext,
  record: IssueRecord,
  issue: IssueText,
  bundle: TurnState,
  warnings: string[],
): Promise<string> {
  if (ctx.prompt === undefined) return pullTurnPrompt(issue, bundle, warnings);
  const variables: PromptVariables = {
    issue: { ...issue, labels: await ctx.pulls.labels(record.number) },
    pr: {
      number: bundle.pull.number,
      url: bundle.pull.url ?? '',
      diffStat: await diffStat(record.worktree, ctx.config.base),
      reviewComments: reviewComments(bundle),
      reviewThreads: openThreads(bundle),
    },
    check: { report: record.lastReason ?? '', failing: failingChecks(bundle) },
    attempt: record.counters.turns + 1,
  };
  return withRule(await ctx.prompt.render(variables), warnings);
}

function withRule(rendered: string, warnings: string[]): string {
  const notes = warnings.length > 0 ? [`Note from the loop:\n${warnings.map((w) => `- ${w}`).join('\n')}`] : [];
  return `${[rendered.trim(), ...notes, answerRule].join('\n\n')}\n`;
}

/** Conversation comments, review bodies and the unresolved threads' line comments, each with its author. */
function reviewComments(bundle: TurnState): string {
  const lines = [
    ...bundle.reviews.filter((r) => r.body.trim() !== '').map((r) => `${r.user} (review, ${r.state}): ${r.body}`),
    ...bundle.comments.map((c) => `${c.user}: ${c.body}`),
    ...openThreads(bundle).flatMap((t) =>
      t.comments.map((c) => `${t.path}${t.line === null ? '' : `:${t.line}`}: ${c.user}: ${c.body}`),
    ),
  ];
  return lines.join('\n\n');
}

/** The review threads still open: what a reviewer is waiting on (a resolved thread's talk is settled). */
function openThreads(bundle: TurnState): ThreadVariable[] {
  return bundle.reviewThreads
    .filter((t) => !t.resolved)
    .map((t) => ({ path: t.path, line: t.line ?? null, outdated: t.outdated, comments: t.comments ?? [] }));
}

/** Each failing check run with its summary and log tail; failing commit statuses with their description. */
function failingChecks(bundle: TurnState): string {
  const failed = new Set(['failure', 'timed_out', 'cancelled', 'action_required', 'startup_failure']);
  const runs = bundle.checkRuns
    .filter((r) => r.conclusion !== null && failed.has(r.conclusion))
    .map((r) =>
      [`${r.name}: ${r.conclusion}`, r.summary ?? '', r.logTail === undefined ? '' : `log tail:\n${r.logTail}`]
        .filter((part) => part.trim() !== '')
        .join('\n'),
    );
  const statuses = bundle.statuses
    .filter((s) => s.state === 'failure' || s.state === 'error')
    .map((s) => `${s.context}: ${s.state}${s.description ? ` (${s.description})` : ''}`);
  return [...runs, ...statuses].join('\n\n');
}

async function diffStat(worktree: string, base: string): Promise<string> {
  const stat = await runGit(worktree, ['diff', '--stat', `refs/remotes/origin/${base}...HEAD`], { okCodes: [128] });
  return stat.code === 0 ? stat.stdout.trim() : '';
}
