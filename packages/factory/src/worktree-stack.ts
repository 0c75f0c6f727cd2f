// The worktree's own compose stack for an issue's work (docs/compose.md): `harness up`
// in the fresh worktree before the agent's first turn, the stack's variables
// (`.harness/env`) in every turn's environment, and `harness down --volumes` once
// the issue's work has ended (merged or parked), so no stack outlives its work.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { downWorktree, upWorktree } from 'agent-harness-compose';
import type { ComposeConfig } from 'agent-harness-config';
import type { Env } from 'agent-harness-system';
import type { FactoryContext } from './factory-context.js';
import type { IssueRecord } from './factory-state.js';

export interface StackHooks {
  prepare: (worktree: string) => Promise<void>;
  release: (worktree: string) => Promise<void>;
}

/** The hooks for a repository with a `compose` section. */
export function composeStackHooks(config: ComposeConfig, env: Env): StackHooks {
  return {
    prepare: async (worktree) => {
      await upWorktree({ cwd: worktree, config, env });
    },
    release: async (worktree) => {
      await downWorktree({ cwd: worktree, config, env, volumes: true });
    },
  };
}

/** HARNESS_PROJECT and HARNESS_PORT_* as `harness up` wrote them for the worktree; none without a stack. */
export function stackVariablesOf(worktree: string): Record<string, string> {
  const file = join(worktree, '.harness', 'env');
  if (!existsSync(file)) return {};
  const parsed = parseEnv(readFileSync(file, 'utf8'));
  return Object.fromEntries(
    Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** Takes the worktree's stack down when the issue's work ends; a failure is recorded, not fatal. */
export async function releaseStack(ctx: FactoryContext, record: IssueRecord): Promise<void> {
  if (ctx.release === undefined || !existsSync(record.worktree)) return;
  try {
    await ctx.release(record.worktree);
    ctx.event(record, 'stack-down');
  } catch (error) {
    ctx.event(record, 'stack-down-failed', { error: error instanceof Error ? error.message : String(error) });
  }
}
