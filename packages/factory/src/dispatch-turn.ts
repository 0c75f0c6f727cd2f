// Dispatch mode's agent turn (docs/factory.md "Dispatch mode"): instead of running the agent here,
// the loop pushes the prompt on the issue's turn ref (turn-ref.ts), starts a GitHub Actions run
// with `workflow_dispatch` (https://docs.github.com/en/rest/actions/workflows#create-a-workflow-dispatch-event,
// `return_run_details` for the run's id), follows the run to its conclusion while keeping its
// leases, then brings the job's commits into the worktree and reads the job's answer. The rest of
// the issue's life (the check gate, the push, the PR, the guarded merge) stays the loop's.
import { randomBytes } from 'node:crypto';
import type { GithubClient } from 'agent-harness-github';
import { appendLineInside, runGit } from 'agent-harness-system';
import { HarnessError } from 'agent-harness-diagnostics';
import { parseOutcome } from './agent-outcome.js';
import type { LeaseKeeper } from './lease-keeper.js';
import type { AgentRun, RunAgentOptions } from './run-agent.js';
import type { TurnAnswer } from './turn-ref.js';
import { fetchTurn, pushPrompt, readTurnMessage, turnRef } from './turn-ref.js';

export interface DispatchTurnOptions {
  client: GithubClient;
  /** The workflow file name (`harness-factory-turn.yml`) or id. */
  workflow: string;
  /** The branch the workflow runs on (the base: the workflow file must be there). */
  ref: string;
  keeper: LeaseKeeper;
  pollMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
  /** A fresh id per dispatch (random by default). */
  attempt?: () => string;
  /**
   * The loop's guarded merge (merge-pull.ts): a runner has no socket to the loop, so an answer
   * `merged` on a turn that changed nothing asks the loop to merge, with its own token.
   */
  merge?: (pr: number) => Promise<void>;
}

interface RunState {
  status: string | null;
  conclusion: string | null;
  html_url: string;
}

/** A `runAgent` that runs the turn as a workflow run. */
export function dispatchTurns(options: DispatchTurnOptions): (run: RunAgentOptions) => Promise<AgentRun> {
  return async (agent) => {
    const started = options.now().getTime();
    const issue = Number(agent.env.HARNESS_FACTORY_ISSUE);
    const pr = agent.env.HARNESS_FACTORY_PR === undefined ? undefined : Number(agent.env.HARNESS_FACTORY_PR);
    const log = (line: string) =>
      agent.logFile === undefined
        ? Promise.resolve()
        : appendLineInside(agent.logRoot ?? agent.cwd, agent.logFile, line);
    const failed = async (why: string, extra: Partial<AgentRun> = {}): Promise<AgentRun> => {
      await log(why);
      return { exitCode: 1, signal: null, stdout: '', durationMs: options.now().getTime() - started, ...extra };
    };
    if (!(await options.keeper.hold(issue))) return failed(`the lease on #${issue} is held by another loop`);
    const attempt = options.attempt?.() ?? randomBytes(6).toString('hex');
    await pushPrompt(agent.cwd, { issue, attempt, pr, prompt: agent.prompt });
    const runId = await dispatch(options, { issue: String(issue), attempt, lease: options.keeper.holder });
    let run = await readRun(options.client, runId);
    await log(`dispatched ${options.workflow} for #${issue} (attempt ${attempt}): ${run.html_url}`);
    while (run.status !== 'completed') {
      await options.sleep(options.pollMs);
      const lost = await options.keeper.renewDue();
      if (lost.includes(issue)) {
        await cancel(options.client, runId);
        return failed(`the lease on #${issue} was lost during the run; the run was cancelled`);
      }
      if (options.now().getTime() - started > agent.timeoutMs) {
        await cancel(options.client, runId);
        return failed(`the run took longer than ${agent.timeoutMs / 60_000} min and was cancelled`, {
          exitCode: null,
          killed: 'timeout',
        });
      }
      run = await readRun(options.client, runId);
    }
    await log(`run ${runId} ${run.conclusion ?? 'ended'}`);
    const answered = await answerOf(agent, { issue, attempt, run, started, now: options.now }, failed);
    if (pr !== undefined && options.merge !== undefined && answered.changed === false && asksToMerge(answered.run))
      await options.merge(pr);
    return answered.run;
  };
}

/** The job's answer, its commits fast-forwarded into the worktree; a failure when there is none for this attempt. */
async function answerOf(
  agent: RunAgentOptions,
  turn: { issue: number; attempt: string; run: RunState; started: number; now: () => Date },
  failed: (why: string, extra?: Partial<AgentRun>) => Promise<AgentRun>,
): Promise<{ run: AgentRun; changed?: boolean }> {
  const { issue, attempt, run } = turn;
  const fetched = await fetchTurn(agent.cwd, issue);
  const answer = fetched === undefined ? undefined : readTurnMessage<TurnAnswer>(fetched.message, attempt, 'outcome');
  if (fetched === undefined || answer === undefined)
    return {
      run: await failed(
        `the run ended ${run.conclusion ?? 'without a conclusion'} and left no answer (${run.html_url})`,
      ),
    };
  const before = (await runGit(agent.cwd, ['rev-parse', 'HEAD'])).stdout.trim();
  const merged = await runGit(agent.cwd, ['merge', '--quiet', '--ff-only', `${fetched.sha}^`], { okCodes: [1, 128] });
  if (merged.code !== 0)
    return {
      run: await failed(`the job's commits on ${turnRef(issue)} do not follow this worktree's head (${run.html_url})`),
    };
  const after = (await runGit(agent.cwd, ['rev-parse', 'HEAD'])).stdout.trim();
  return {
    changed: after !== before,
    run: {
      exitCode: answer.exitCode,
      signal: null,
      stdout: answer.answer,
      durationMs: turn.now().getTime() - turn.started,
      ...(answer.killed === undefined ? {} : { killed: answer.killed }),
    },
  };
}

/** Only a turn that committed nothing may ask to merge: the PR's head is then the one the agent saw. */
function asksToMerge(run: AgentRun): boolean {
  const parsed = run.exitCode === 0 ? parseOutcome(run.stdout) : undefined;
  return parsed?.ok === true && parsed.value.outcome === 'merged';
}

async function dispatch(options: DispatchTurnOptions, inputs: Record<string, string>): Promise<number> {
  const answer = await options.client.request<{ workflow_run_id?: number }>(
    'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
    { workflow_id: options.workflow, ref: options.ref, inputs, return_run_details: true },
    `dispatch ${options.workflow} for #${inputs.issue}`,
  );
  const id = answer.data?.workflow_run_id;
  if (answer.status !== 200 || typeof id !== 'number')
    throw new HarnessError('GITHUB_INVALID', `GitHub started ${options.workflow} but did not say which run it is`, {
      fix: 'Dispatch mode needs `return_run_details` on workflow dispatches (GitHub.com; GitHub Enterprise Server from the version that has it).',
    });
  return id;
}

async function readRun(client: GithubClient, id: number): Promise<RunState> {
  return (
    await client.request<RunState>('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { run_id: id }, `read run ${id}`)
  ).data;
}

async function cancel(client: GithubClient, id: number): Promise<void> {
  await client
    .request('POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel', { run_id: id }, `cancel run ${id}`)
    .catch(() => undefined);
}
