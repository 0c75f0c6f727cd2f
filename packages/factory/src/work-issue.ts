// One step of one issue's life (docs/factory.md "The life of an issue"):
// queued → implementing → checking → pr-open ⇄ (turns) → merged | human | parked.
// Every GitHub write is found first (PR by branch, comment by marker, label by
// presence) and announced in `pendingAction` before it is made, so a loop killed
// at any point and started again neither repeats nor loses it.
import { existsSync, readFileSync } from 'node:fs';
import type { HarnessError } from 'agent-harness-diagnostics';
import { removeInsideSync } from 'agent-harness-system';
import { parseOutcome } from './agent-outcome.js';
import type { AgentOutcome } from './agent-outcome.js';
import type { FactoryContext } from './factory-context.js';
import { logFile } from './factory-paths.js';
import type { IssueRecord } from './factory-state.js';
import { handOver } from './human-handoff.js';
import type { TurnState } from './pull-gateway.js';
import type { IssueText } from './turn-prompt.js';
import { releaseStack, stackVariablesOf } from './worktree-stack.js';
import { bundleFingerprint, humanMarker, implementPrompt, pullTurnPrompt } from './turn-prompt.js';
import type { TurnResult } from './turn-policy.js';
import { backoffSeconds, decideAfterTurn } from './turn-policy.js';

/** `again`: take the next step now; `wait`: nothing to do until `nextWakeAt` or a person acts. */
export type StepResult = 'again' | 'wait';

export async function advanceIssue(ctx: FactoryContext, record: IssueRecord, issue: IssueText): Promise<StepResult> {
  const pending = record.pendingAction?.kind;
  // A hand-over the last loop announced but may not have finished comes first.
  if (pending === 'comment-human' || pending === 'label') return (await handOver(ctx, record)) ? 'again' : 'wait';
  if (record.nextWakeAt !== undefined && Date.parse(record.nextWakeAt) > ctx.now().getTime()) return 'wait';
  switch (record.phase) {
    case 'queued':
      await ctx.git.prepareWorktree(ctx.root, record.worktree, record.branch, ctx.config.base);
      await ctx.prepare?.(record.worktree);
      return moveTo(ctx, record, 'implementing');
    case 'implementing':
      return implement(ctx, record, issue);
    case 'checking':
      return checkAndOpen(ctx, record, issue);
    case 'pr-open':
      return pullTurn(ctx, record, issue);
    case 'human':
      return (await handOver(ctx, record)) ? 'again' : 'wait';
    default:
      return 'wait';
  }
}

/** The issue's work is over: its stack goes down, then the record moves to its last phase. */
async function end(ctx: FactoryContext, record: IssueRecord, phase: 'merged' | 'parked'): Promise<StepResult> {
  await releaseStack(ctx, record);
  return moveTo(ctx, record, phase);
}

function moveTo(ctx: FactoryContext, record: IssueRecord, phase: IssueRecord['phase']): StepResult {
  ctx.event(record, 'phase', { from: record.phase, to: phase });
  delete record.troubles;
  record.phase = phase;
  record.updatedAt = ctx.now().toISOString();
  ctx.save();
  return 'again';
}

interface TurnRun {
  outcome?: AgentOutcome;
  failure?: string;
}

async function agentTurn(ctx: FactoryContext, record: IssueRecord, prompt: string): Promise<TurnRun> {
  const turn = record.counters.turns + 1;
  const log = logFile(ctx.root, record.number, turn);
  // Agents whose stdout is a transcript (codex exec) write their last message here instead.
  const outcomeFile = `${log}.outcome`;
  removeInsideSync(ctx.root, outcomeFile);
  const run = await ctx.runAgent({
    command: ctx.config.agent,
    cwd: record.worktree,
    prompt,
    env: {
      ...ctx.env,
      ...stackVariablesOf(record.worktree),
      HARNESS_FACTORY_OUTCOME: outcomeFile,
      HARNESS_FACTORY_ISSUE: String(record.number),
      ...(record.pr === undefined ? {} : { HARNESS_FACTORY_PR: String(record.pr) }),
    },
    timeoutMs: ctx.config.agentTimeoutMinutes * 60_000,
    stallMs: ctx.config.stallMinutes * 60_000,
    logFile: log,
    logRoot: ctx.root,
    onStart: (pid) => {
      record.agentPid = pid;
      ctx.save();
    },
  });
  delete record.agentPid;
  if (run.killed !== undefined)
    return {
      failure:
        run.killed === 'stall'
          ? `the agent printed nothing for ${ctx.config.stallMinutes} min and was killed`
          : `the agent ran longer than ${ctx.config.agentTimeoutMinutes} min and was killed`,
    };
  if (run.exitCode !== 0) return { failure: `the agent exited with ${run.exitCode ?? run.signal ?? 'nothing'}` };
  const written = existsSync(outcomeFile) ? readFileSync(outcomeFile, 'utf8') : '';
  const parsed = parseOutcome(written.trim() === '' ? run.stdout : written);
  if (!parsed.ok) return { failure: `invalid answer: ${parsed.reason}` };
  ctx.event(record, 'outcome', { turn, ...parsed.value });
  return { outcome: parsed.value };
}

async function implement(ctx: FactoryContext, record: IssueRecord, issue: IssueText): Promise<StepResult> {
  const turn = await agentTurn(ctx, record, implementPrompt(issue, record.lastReason));
  await ctx.git.commitAll(record.worktree, `${issue.title} (#${issue.number})`);
  if (turn.outcome?.outcome === 'human')
    return settle(ctx, record, {
      kind: 'answered',
      outcome: turn.outcome,
      headBefore: undefined,
      headAfter: undefined,
      mergedOnGithub: false,
    });
  if (turn.failure === undefined && (await ctx.git.commitsAhead(record.worktree, ctx.config.base)) === 0)
    turn.failure = 'the agent finished without changing anything';
  if (turn.failure !== undefined) return settle(ctx, record, { kind: 'failed', reason: turn.failure });
  record.counters = {
    ...record.counters,
    turns: record.counters.turns + 1,
    consecutiveFailures: 0,
    tokens: record.counters.tokens + (turn.outcome?.tokens ?? 0),
  };
  delete record.lastReason;
  return moveTo(ctx, record, 'checking');
}

/** `harness check` green, then push, then the PR: found by branch before one is created. */
async function checkAndOpen(ctx: FactoryContext, record: IssueRecord, issue: IssueText): Promise<StepResult> {
  const sync = await ctx.git.syncBranch(record.worktree, record.branch);
  if (!sync.ok) {
    record.phase = 'implementing';
    return settle(ctx, record, { kind: 'failed', reason: foreignPushConflict(record.branch, sync.conflicts) });
  }
  const gate = await ctx.check(record.worktree);
  if (!gate.ok) {
    record.phase = 'implementing';
    return settle(ctx, record, { kind: 'red', report: gate.report, counted: true });
  }
  record.counters.consecutiveRed = 0;
  record.pendingAction = { kind: 'push', sha: await ctx.git.head(record.worktree) };
  ctx.save();
  await ctx.git.push(record.worktree, record.branch);
  record.pendingAction = { kind: 'create-pr' };
  ctx.save();
  const pull =
    (await ctx.pulls.findPullByBranch(record.branch)) ??
    (await ctx.pulls.createPull({
      title: issue.title,
      body: `Closes #${issue.number}.\n\nWorked by \`harness factory\`.`,
      head: record.branch,
      base: ctx.config.base,
    }));
  record.pr = pull.number;
  record.lastHeadSha = pull.headSha;
  delete record.pendingAction;
  ctx.event(record, 'pr', { pr: pull.number });
  return moveTo(ctx, record, 'pr-open');
}

async function pullTurn(ctx: FactoryContext, record: IssueRecord, issue: IssueText): Promise<StepResult> {
  const pr = record.pr ?? 0;
  const bundle = await turnState(ctx, record, pr);
  if (bundle.pull.merged) return end(ctx, record, 'merged');
  if (bundle.pull.state !== 'open') return end(ctx, record, 'parked');
  const fingerprint = bundleFingerprint(bundle);
  if (record.lastOutcome === 'sleep' && record.fingerprint === fingerprint && record.sleepSeconds !== undefined) {
    ctx.event(record, 'skip', { reason: 'the PR has not changed since the agent chose to sleep' });
    record.nextWakeAt = new Date(ctx.now().getTime() + record.sleepSeconds * 1000).toISOString();
    ctx.save();
    return 'wait';
  }
  // The wake (this fingerprint) is consumed only when the turn's outcome is recorded (settle): a loop
  // killed during the turn runs it again, instead of taking the change that woke it as seen.
  const warnings = [
    ...(record.counters.falseMergeClaims > 0
      ? ['You said the PR was merged; GitHub says it is not. Merge only with `harness factory merge <pr>`.']
      : []),
    ...(record.lastReason === undefined ? [] : [`The previous turn did not get through: ${record.lastReason}`]),
  ];
  // Someone else's push to the branch: the agent starts from the new head (its unpushed commits on top).
  const before = await ctx.git.syncBranch(record.worktree, record.branch);
  if (!before.ok) warnings.push(foreignPushConflict(record.branch, before.conflicts));
  const turn = await agentTurn(ctx, record, pullTurnPrompt(issue, bundle, warnings));
  await ctx.git.commitAll(record.worktree, `Follow-up for #${issue.number}`);
  const sync = await ctx.git.syncBranch(record.worktree, record.branch);
  if (!sync.ok) turn.failure ??= foreignPushConflict(record.branch, sync.conflicts);
  const local = await ctx.git.head(record.worktree);
  let red: string | undefined;
  if (local !== (sync.remote ?? bundle.pull.headSha) && turn.failure === undefined) {
    const gate = await ctx.check(record.worktree);
    if (!gate.ok) red = gate.report;
    else {
      record.counters.consecutiveRed = 0;
      await ctx.git.push(record.worktree, record.branch);
    }
  }
  if (turn.failure !== undefined || turn.outcome === undefined)
    return settle(ctx, record, { kind: 'failed', reason: turn.failure ?? 'no answer' }, fingerprint);
  // A turn that ends red is a red turn, whatever the agent answered, unless it asked for a person.
  if (red !== undefined && turn.outcome.outcome !== 'human')
    return settle(ctx, record, { kind: 'red', report: red, counted: false }, fingerprint);
  const mergedOnGithub = turn.outcome.outcome === 'merged' && (await ctx.pulls.getPull(pr)).merged;
  return settle(
    ctx,
    record,
    {
      kind: 'answered',
      outcome: turn.outcome,
      headBefore: bundle.pull.headSha,
      headAfter: local,
      mergedOnGithub,
    },
    fingerprint,
  );
}

function foreignPushConflict(branch: string, conflicts: string[]): string {
  return [
    `someone else pushed to ${branch}, and the commits in this worktree do not apply on top of theirs`,
    `(conflicts in ${conflicts.join(', ') || 'some files'}). Nothing was pushed, and nothing is ever force-pushed.`,
    `Run \`git rebase origin/${branch}\` in this worktree, resolve the conflicts keeping their work, and commit.`,
  ].join(' ');
}

async function turnState(ctx: FactoryContext, record: IssueRecord, pr: number): Promise<TurnState> {
  const [bundle, threads, rules, branch] = await Promise.all([
    ctx.pulls.bundle(pr),
    ctx.pulls.reviewThreads(pr),
    ctx.pulls.branchRules(ctx.config.base),
    ctx.git.aheadBehind(record.worktree, ctx.config.base),
  ]);
  const required = new Set(rules.requiredChecks);
  const reported = new Set([...bundle.checkRuns.map((r) => r.name), ...bundle.statuses.map((s) => s.context)]);
  return {
    ...bundle,
    checkRuns: bundle.checkRuns.map((r) => ({ ...r, required: required.has(r.name) })),
    statuses: bundle.statuses.map((s) => ({ ...s, required: required.has(s.context) })),
    reviewThreads: threads,
    requiredChecks: {
      names: rules.requiredChecks,
      notReported: rules.requiredChecks.filter((n) => !reported.has(n)),
      mergeQueue: rules.mergeQueue,
    },
    branch: { base: ctx.config.base, ...branch },
  };
}

/**
 * git or GitHub refused a step of this issue (a push rejected, a request that failed): the issue
 * shows it (`error`, the reason, the next try) and is retried with backoff while the other issues
 * go on; after the brake streak of these in a row, a person is asked.
 */
export async function recordTrouble(ctx: FactoryContext, record: IssueRecord, error: HarnessError): Promise<void> {
  const troubles = (record.troubles ?? 0) + 1;
  record.troubles = troubles;
  record.lastOutcome = 'error';
  record.lastReason = `${error.message}${error.fix === undefined ? '' : `\nfix: ${error.fix}`}`;
  record.nextWakeAt = new Date(ctx.now().getTime() + backoffSeconds(troubles, ctx.backoff) * 1000).toISOString();
  ctx.event(record, 'trouble', { code: error.code, message: error.message, troubles });
  if (troubles >= 3 && record.pendingAction === undefined)
    record.pendingAction = {
      kind: 'comment-human',
      marker: humanMarker(record.number, record.counters.turns),
      body: `The factory stopped working on this on its own: ${troubles} attempts in a row failed; the last: ${error.message}. A person needs to look; remove the label to hand it back.`,
    };
  ctx.save();
}

/** Applies the turn policy's decision to the record. */
async function settle(
  ctx: FactoryContext,
  record: IssueRecord,
  result: TurnResult,
  wake?: string,
): Promise<StepResult> {
  if (wake !== undefined) record.fingerprint = wake;
  delete record.troubles;
  const { counters, decision } = decideAfterTurn(record.counters, result, {
    maxTurns: ctx.config.maxTurns,
    maxTokens: ctx.config.maxTokens,
    ...(ctx.backoff === undefined ? {} : { backoff: ctx.backoff }),
  });
  record.counters = counters;
  record.lastOutcome = result.kind === 'answered' ? result.outcome.outcome : result.kind;
  if (result.kind === 'answered') delete record.lastReason;
  else record.lastReason = result.kind === 'failed' ? result.reason : `harness check failed:\n${result.report}`;
  ctx.event(record, 'decision', { ...decision, ...(result.kind === 'failed' ? { failure: result.reason } : {}) });
  delete record.nextWakeAt;
  delete record.sleepSeconds;
  const later = (seconds: number) => {
    record.nextWakeAt = new Date(ctx.now().getTime() + seconds * 1000).toISOString();
    ctx.save();
    return 'wait' as const;
  };
  switch (decision.action) {
    case 'again':
      ctx.save();
      return 'again';
    case 'sleep':
      record.sleepSeconds = decision.seconds;
      return later(decision.seconds);
    case 'retry':
      return later(decision.seconds);
    case 'done':
      return end(ctx, record, 'merged');
    case 'human':
      record.pendingAction = {
        kind: 'comment-human',
        marker: humanMarker(record.number, counters.turns),
        body: decision.comment,
      };
      ctx.save();
      await handOver(ctx, record);
      return 'wait';
  }
}
