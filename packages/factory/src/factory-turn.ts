// `harness factory turn`: the job side of dispatch mode (docs/factory.md "Dispatch mode"), run by
// the workflow in the runner's checkout. It checks that the loop that dispatched it still holds
// the issue's lease, takes the prompt from the issue's turn ref, runs one agent turn with the
// loop's own agent code (no GitHub token in the agent's environment), commits the work as the
// loop would, and pushes it with the answer on the turn ref. The loop checks and pushes the branch.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FactoryConfig } from 'agent-harness-config';
import { HarnessError } from 'agent-harness-diagnostics';
import type { GithubClient } from 'agent-harness-github';
import { createGithubClient, resolveRepository } from 'agent-harness-github';
import type { Env } from 'agent-harness-system';
import { gitLine, removeInsideSync } from 'agent-harness-system';
import { stateDir } from './factory-state.js';
import type { GitAdapter } from './git-adapter.js';
import { createGitAdapter } from './git-adapter.js';
import type { LeaseStore } from './lease.js';
import { githubLeaseStore } from './lease.js';
import type { AgentRun, RunAgentOptions } from './run-agent.js';
import { runAgent, tokenVariables } from './run-agent.js';
import type { TurnPrompt } from './turn-ref.js';
import { fetchTurn, pushAnswer, readTurnMessage, turnRef } from './turn-ref.js';

export interface FactoryTurnOptions {
  /** The runner's checkout of the repository. */
  root: string;
  config: FactoryConfig;
  env: Env;
  client: GithubClient;
  leases: LeaseStore;
  git: GitAdapter;
  runAgent: (options: RunAgentOptions) => Promise<AgentRun>;
  issue: number;
  attempt: string;
  /** The holder the loop named when it dispatched the run. */
  lease: string;
  now: () => Date;
}

export interface FactoryTurnResult {
  issue: number;
  exitCode: number | null;
  /** The agent's commit, when it changed something. */
  commit?: string;
}

export interface FactoryTurnInput {
  root: string;
  config: FactoryConfig;
  env: Env;
  repo?: string | undefined;
  issue: number;
  attempt: string;
  lease: string;
}

/** `harness factory turn` with the real adapters: the GitHub client (GITHUB_TOKEN), git, the agent process. */
export async function factoryTurn(input: FactoryTurnInput): Promise<FactoryTurnResult> {
  const repository = await resolveRepository({ flag: input.repo, env: input.env, cwd: input.root });
  const client = createGithubClient({ env: input.env, repository });
  return runFactoryTurn({
    ...input,
    client,
    leases: githubLeaseStore(client),
    git: createGitAdapter(),
    runAgent,
    now: () => new Date(),
  });
}

export async function runFactoryTurn(options: FactoryTurnOptions): Promise<FactoryTurnResult> {
  const { root, issue } = options;
  await assertLease(options);
  const fetched = await fetchTurn(root, issue);
  const turn =
    fetched === undefined ? undefined : readTurnMessage<TurnPrompt>(fetched.message, options.attempt, 'prompt');
  if (fetched === undefined || turn === undefined)
    throw new HarnessError('USAGE', `${turnRef(issue)} holds no prompt for attempt ${options.attempt}`, {
      fix: 'This run was replaced by a newer dispatch of the same issue; nothing to do. Runs are started by `harness factory` in dispatch mode.',
    });
  await gitLine(root, ['checkout', '--quiet', '-B', `harness/issue-${issue}`, `${fetched.sha}^`]);
  const logs = join(stateDir(root), 'dispatch');
  const outcomeFile = join(logs, `issue-${issue}-${options.attempt}.outcome`);
  removeInsideSync(root, outcomeFile);
  const run = await options.runAgent({
    command: options.config.agent,
    cwd: root,
    prompt: turn.prompt,
    env: agentEnv(options.env, { outcomeFile, issue, pr: turn.pr }),
    timeoutMs: options.config.agentTimeoutMinutes * 60_000,
    stallMs: options.config.stallMinutes * 60_000,
    logFile: join(logs, `issue-${issue}-${options.attempt}.log`),
    logRoot: root,
    protocol: options.config.agentProtocol,
  });
  const commit = await options.git.commitAll(root, await commitMessage(options, turn.pr));
  const written = existsSync(outcomeFile) ? readFileSync(outcomeFile, 'utf8') : '';
  // The lease is checked again before anything leaves the runner: a taken-over issue gets nothing.
  await assertLease(options);
  await pushAnswer(root, issue, {
    attempt: options.attempt,
    exitCode: run.exitCode,
    answer: written.trim() === '' ? run.stdout : written,
    killed: run.killed,
  });
  return { issue, exitCode: run.exitCode, ...(commit === undefined ? {} : { commit }) };
}

async function assertLease(options: FactoryTurnOptions): Promise<void> {
  const lease = await options.leases.read(options.issue);
  const live = lease !== undefined && Date.parse(lease.expiresAt) > options.now().getTime();
  if (live && lease.holder === options.lease) return;
  const now = lease === undefined ? 'no loop holds it' : `${lease.holder} holds it until ${lease.expiresAt}`;
  throw new HarnessError('LOCKED', `the lease on #${options.issue} is not ${options.lease}'s any more: ${now}`, {
    fix: 'Nothing to do: the loop that dispatched this run let go of the issue, and another loop (or none) works it now.',
  });
}

function agentEnv(env: Env, turn: { outcomeFile: string; issue: number; pr: number | undefined }): Env {
  const kept: Record<string, string | undefined> = { ...env };
  for (const name of tokenVariables) delete kept[name];
  return {
    ...kept,
    HARNESS_FACTORY_OUTCOME: turn.outcomeFile,
    HARNESS_FACTORY_ISSUE: String(turn.issue),
    ...(turn.pr === undefined ? {} : { HARNESS_FACTORY_PR: String(turn.pr) }),
  };
}

/** The message the loop gives a turn's commit: the issue's title for the first, "Follow-up" after. */
async function commitMessage(options: FactoryTurnOptions, pr: number | undefined): Promise<string> {
  if (pr !== undefined) return `Follow-up for #${options.issue}`;
  const found = await options.client.request<{ title: string }>(
    'GET /repos/{owner}/{repo}/issues/{issue_number}',
    { issue_number: options.issue },
    `read #${options.issue}`,
  );
  return `${found.data.title} (#${options.issue})`;
}
