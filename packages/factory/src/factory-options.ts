// Wires the real adapters for `harness factory`: the GitHub client (GITHUB_TOKEN,
// GITHUB_API_URL, the repository from --repo / GITHUB_REPOSITORY / origin), git,
// the agent process, and `harness check` as the gate.
import type { ComposeConfig, FactoryConfig } from 'agent-harness-config';
import { createGithubClient, resolveRepository } from 'agent-harness-github';
import type { WaitEvent } from 'agent-harness-github';
import type { Env } from 'agent-harness-system';
import { createCheckGate } from './check-gate.js';
import { dispatchMode } from './dispatch-mode.js';
import { createGitAdapter } from './git-adapter.js';
import { githubIssueSource } from './github-issues.js';
import { githubPullGateway } from './pull-gateway.js';
import type { RunFactoryOptions } from './run-factory.js';
import { runAgent } from './run-agent.js';
import { repositorySettings } from './settings.js';
import { composeStackHooks } from './worktree-stack.js';

export interface FactoryOptionsInput {
  root: string;
  config: FactoryConfig;
  /** The repository's `compose` section: when present, every issue's worktree gets its own stack. */
  compose?: ComposeConfig | undefined;
  env: Env;
  repo?: string | undefined;
  once: boolean;
  concurrency?: number | undefined;
  signal?: AbortSignal;
  onEvent?: (event: Record<string, unknown>) => void;
  onWait?: (event: WaitEvent) => void;
  /** Keep merged or parked issues' worktrees (--keep). */
  keep?: boolean | undefined;
}

export async function factoryOptions(input: FactoryOptionsInput): Promise<RunFactoryOptions> {
  const repository = await resolveRepository({ flag: input.repo, env: input.env, cwd: input.root });
  const client = createGithubClient({
    env: input.env,
    repository,
    ...(input.onWait === undefined ? {} : { onWait: input.onWait }),
  });
  return {
    root: input.root,
    config: input.config,
    env: input.env,
    git: createGitAdapter(),
    pulls: githubPullGateway(client),
    issues: githubIssueSource(client),
    runAgent,
    // Dispatch mode: agent turns as workflow runs, issues leased through GitHub (dispatch-mode.ts).
    ...(input.config.mode === 'dispatch'
      ? dispatchMode({ ...input, client, pulls: githubPullGateway(client), now: () => new Date() })
      : {}),
    check: createCheckGate(input.env, input.config.base),
    ...(input.compose === undefined ? {} : composeStackHooks(input.compose, input.env)),
    now: () => new Date(),
    once: input.once,
    // harness.config.yaml and the base branch's WORKFLOW.md, read again before every pass.
    reload: repositorySettings(input.root),
    ...(input.keep === true ? { keepWorktrees: true } : {}),
    ...(input.concurrency === undefined ? {} : { concurrency: input.concurrency }),
    ...(input.signal === undefined ? {} : { signal: input.signal }),
    ...(input.onEvent === undefined ? {} : { onEvent: input.onEvent }),
  };
}
