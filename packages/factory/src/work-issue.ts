// One step of one issue's life (docs/factory.md "The life of an issue"):
// queued → implementing → checking → pr-open ⇄ (turns) → merged | human | parked.
// Every GitHub write is found first (PR by branch, comment by marker, label by
// presence) and announced in `pendingAction` before it is made, so a loop killed
// at any point and started again neither repeats nor loses it.
import { existsSync, readFileSync } from 'node:fs';
import { removeInsideSync } from 'agent-harness-system';
import { parseOutcome } from './agent-outcome.js';
import type { AgentOutcome } from './agent-outcome.js';
import type { FactoryContext, GateResult } from './factory-context.js';
import type { AgentRun } from './run-agent.js';
import { logFile } from './factory-paths.js';
import type { IssueRecord } from './factory-state.js';
import { guardHandoverComment } from './guard-handover.js';
import { handOver } from './human-handoff.js';
import type { TurnState } from './pull-gateway.js';
import type { StepResult } from './settle-step.js';
import { end, handToPerson, moveTo, settle } from './settle-step.js';
import type { IssueText } from './turn-prompt.js';
import { stackVariablesOf } from './worktree-stack.js';
import { bundleFingerprint } from './turn-prompt.js';
import { implementTurnPrompt, pullPrompt } from './pr-context.js';
import type { Decision } from './reconcile-live.js';
import { conclude, takeStop } from './reconcile-live.js';
import { runHook } from './workspace-hooks.js';
import { capReached } from './token-caps.js';
import { protocolOptions, recordTurnUsage } from './turn-usage.js';
import { withMergeSocket } from './turn-socket.js';

export type { StepResult } from './settle-step.js';
export { recordTrouble } from './settle-step.js';

export async function advanceIssue(ctx: FactoryContext, record: IssueRecord, issue: IssueText): Promise<StepResult> {
  const pending = record.pendingAction?.kind;
  // A hand-over the last loop announced but may not have finished comes first.
  if (pending === 'comment-human' || pending === 'label') return (await handOver(ctx, record)) ? 'again' : 'wait';
  if (record.nextWakeAt !== undefined && Date.parse(record.nextWakeAt) > ctx.now().getTime()) return 'wait';
  const capped =
    record.phase === 'implementing' || record.phase === 'pr-open' ? capReached(record, ctx.config) : undefined;
  if (capped !== undefined) return handToPerson(ctx, record, capped, 'cap');
  const workspaceFailure = await ensureWorkspace(ctx, record);
  if (workspaceFailure !== undefined) return settle(ctx, record, { kind: 'failed', reason: workspaceFailure });
  switch (record.phase) {
    case 'queued':
      return moveTo(ctx, record, 'implementing');
    case 'implementing':
      return implement(ctx, record, issue);
    case 'checking':
      return checkAndOpen(ctx, record, issue);
    case 'pr-open':
      return pullTurn(ctx, record, issue);
    case 'human':
      return (await handOver(ctx, record)) ? afterHandBack(record) : 'wait';
    default:
      return 'wait';
  }
}

/** Back in the queue (it had not started): it waits for a slot and its blockers like any queued issue. */
const afterHandBack = (record: IssueRecord): StepResult => (record.phase === 'queued' ? 'wait' : 'again');

interface TurnRun {
  outcome?: AgentOutcome;
  failure?: string;
  /** A person's decision stopped the agent (reconcile-live.ts). */
  stopped?: Decision;
}

/** A new issue's worktree, or the one an issue given back lost when it was parked (reconcile-live.ts); a failure. */
async function ensureWorkspace(ctx: FactoryContext, record: IssueRecord): Promise<string | undefined> {
  const lost = (record.phase === 'implementing' || record.phase === 'pr-open') && !existsSync(record.worktree);
  return record.phase === 'queued' || lost ? openWorkspace(ctx, record) : undefined;
}

/** The issue's worktree, from the pushed branch when there is one (else the base), then `prepare` and afterCreate. */
async function openWorkspace(ctx: FactoryContext, record: IssueRecord): Promise<string | undefined> {
  await ctx.git.prepareWorktree(ctx.root, record.worktree, record.branch, ctx.config.base);
  await ctx.prepare?.(record.worktree);
  return runHook(ctx, record, 'afterCreate');
}

async function agentTurn(ctx: FactoryContext, record: IssueRecord, prompt: string): Promise<TurnRun> {
  const turn = record.counters.turns + 1;
  const log = logFile(ctx.root, record.number, turn);
  // Agents whose stdout is a transcript (codex exec) write their last message here instead.
  const outcomeFile = `${log}.outcome`;
  removeInsideSync(ctx.root, outcomeFile);
  const hookFailure = await runHook(ctx, record, 'beforeRun');
  if (hookFailure !== undefined) return { failure: hookFailure };
  const run = await runTurnAgent(ctx, record, prompt, log, outcomeFile);
  delete record.agentPid;
  const broken = recordTurnUsage(record, run);
  await runHook(ctx, record, 'afterRun');
  const stopped = takeStop(record);
  if (stopped !== undefined) return { stopped };
  if (run.killed !== undefined)
    return {
      failure:
        run.killed === 'stall'
          ? `the agent printed nothing for ${ctx.config.stallMinutes} min and was killed`
          : `the agent ran longer than ${ctx.config.agentTimeoutMinutes} min and was killed`,
    };
  if (broken !== undefined) return { failure: broken };
  if (run.exitCode !== 0) return { failure: `the agent exited with ${run.exitCode ?? run.signal ?? 'nothing'}` };
  const written = existsSync(outcomeFile) ? readFileSync(outcomeFile, 'utf8') : '';
  const parsed = parseOutcome(written.trim() === '' ? run.stdout : written);
  if (!parsed.ok) return { failure: `invalid answer: ${parsed.reason}` };
  if (run.usage === undefined && parsed.value.tokens !== undefined)
    recordTurnUsage(record, { ...run, usage: { tokens: parsed.value.tokens } });
  ctx.event(record, 'outcome', { turn, ...parsed.value });
  return { outcome: parsed.value };
}

/** The agent, without a token: it merges by asking the loop over the turn's socket (turn-socket.ts). */
function runTurnAgent(
  ctx: FactoryContext,
  record: IssueRecord,
  prompt: string,
  log: string,
  outcomeFile: string,
): Promise<AgentRun> {
  return withMergeSocket(ctx, record, (socket) =>
    ctx.runAgent({
      command: ctx.config.agent,
      ...protocolOptions(ctx.config, record),
      cwd: record.worktree,
      prompt,
      env: {
        ...ctx.env,
        ...stackVariablesOf(record.worktree),
        HARNESS_FACTORY_OUTCOME: outcomeFile,
        HARNESS_FACTORY_ISSUE: String(record.number),
        HARNESS_FACTORY_SOCKET: socket,
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
    }),
  );
}

async function implement(ctx: FactoryContext, record: IssueRecord, issue: IssueText): Promise<StepResult> {
  const turn = await agentTurn(ctx, record, await implementTurnPrompt(ctx, record, issue));
  if (turn.stopped !== undefined)
    return conclude(ctx, record, turn.stopped.phase, turn.stopped.reason, turn.stopped.by);
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
  const guarded = gate.guard !== undefined && gate.guard.length > 0;
  if (guarded && gate.okApartFromGuard !== true) return guardHandover(ctx, record, gate);
  if (!gate.ok && !guarded) {
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
  ctx.event(record, 'pr', { pr: pull.number, ...(pull.url === undefined ? {} : { url: pull.url }) });
  moveTo(ctx, record, 'pr-open');
  // Pushed so the person reviews the change on its PR; never handed to the agent, never merged past.
  return guarded ? guardHandover(ctx, record, gate) : 'again';
}

/** An open guard finding: a person decides (docs/factory.md "What stops the loop"). */
async function guardHandover(ctx: FactoryContext, record: IssueRecord, gate: GateResult): Promise<StepResult> {
  ctx.event(record, 'guard', { findings: gate.guard?.length ?? 0 });
  // The head pushed with the loosening is never merged through the agent's socket (turn-socket.ts).
  if (gate.okApartFromGuard === true) record.guardHeldSha = await ctx.git.head(record.worktree);
  return handToPerson(ctx, record, guardHandoverComment(gate, ctx.config.humanLabel), 'guard');
}

async function pullTurn(ctx: FactoryContext, record: IssueRecord, issue: IssueText): Promise<StepResult> {
  const pr = record.pr ?? 0;
  const bundle = await turnState(ctx, record, pr);
  if (bundle.pull.merged) return end(ctx, record, 'merged');
  if (bundle.pull.state !== 'open') {
    record.parkedBy = 'pr-closed';
    return end(ctx, record, 'parked');
  }
  const fingerprint = bundleFingerprint(bundle);
  if (sleepsOn(ctx, record, fingerprint)) return 'wait';
  // The wake (this fingerprint) is consumed only when the turn's outcome is recorded (settle): a loop
  // killed during the turn runs it again, instead of taking the change that woke it as seen.
  const warnings = turnWarnings(record);
  // Someone else's push to the branch: the agent starts from the new head (its unpushed commits on top).
  const before = await ctx.git.syncBranch(record.worktree, record.branch);
  if (!before.ok) warnings.push(foreignPushConflict(record.branch, before.conflicts));
  const turn = await agentTurn(ctx, record, await pullPrompt(ctx, record, issue, bundle, warnings));
  if (turn.stopped !== undefined)
    return conclude(ctx, record, turn.stopped.phase, turn.stopped.reason, turn.stopped.by);
  await ctx.git.commitAll(record.worktree, `Follow-up for #${issue.number}`);
  const sync = await ctx.git.syncBranch(record.worktree, record.branch);
  if (!sync.ok) turn.failure ??= foreignPushConflict(record.branch, sync.conflicts);
  const local = await ctx.git.head(record.worktree);
  let red: string | undefined;
  if (local !== (sync.remote ?? bundle.pull.headSha) && turn.failure === undefined) {
    const checked = await checkAndPush(ctx, record, fingerprint);
    if (checked.handedOver !== undefined) return checked.handedOver;
    red = checked.red;
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

/** The agent chose to sleep and the PR has not changed since: it sleeps again without a turn. */
function sleepsOn(ctx: FactoryContext, record: IssueRecord, fingerprint: string): boolean {
  if (record.lastOutcome !== 'sleep' || record.fingerprint !== fingerprint || record.sleepSeconds === undefined)
    return false;
  ctx.event(record, 'skip', { reason: 'the PR has not changed since the agent chose to sleep' });
  record.nextWakeAt = new Date(ctx.now().getTime() + record.sleepSeconds * 1000).toISOString();
  ctx.save();
  return true;
}

function turnWarnings(record: IssueRecord): string[] {
  return [
    ...(record.counters.falseMergeClaims > 0
      ? ['You said the PR was merged; GitHub says it is not. Merge only with `harness factory merge <pr>`.']
      : []),
    ...(record.lastReason === undefined ? [] : [`The previous turn did not get through: ${record.lastReason}`]),
  ];
}

/** A PR turn's new commits: checked, pushed when green; a guard finding goes to a person instead of the agent. */
async function checkAndPush(
  ctx: FactoryContext,
  record: IssueRecord,
  fingerprint: string,
): Promise<{ red?: string; handedOver?: StepResult }> {
  const gate = await ctx.check(record.worktree);
  if (gate.guard !== undefined && gate.guard.length > 0) {
    if (gate.okApartFromGuard === true) await ctx.git.push(record.worktree, record.branch);
    // The turn's outcome is recorded (its wake consumed); what it produced is a person's to accept.
    record.fingerprint = fingerprint;
    record.counters = { ...record.counters, turns: record.counters.turns + 1 };
    return { handedOver: await guardHandover(ctx, record, gate) };
  }
  if (!gate.ok) return { red: gate.report };
  record.counters.consecutiveRed = 0;
  await ctx.git.push(record.worktree, record.branch);
  return {};
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
