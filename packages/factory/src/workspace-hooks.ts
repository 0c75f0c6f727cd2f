// The workspace's life (docs/factory.md "Workspace hooks"): `factory.hooks` shell commands
// run in the worktree (sh -c, a timeout, the process group killed past it). afterCreate
// and beforeRun failing fail that attempt; afterRun and beforeRemove failing are logged
// and ignored, as Symphony does. A merged or parked issue's worktree and its compose
// stack are removed, unless the loop was started with --keep.
import { existsSync } from 'node:fs';
import { runGit, runProcess } from 'agent-harness-system';
import type { Env } from 'agent-harness-system';
import type { FactoryContext } from './factory-context.js';
import type { IssueRecord } from './factory-state.js';
import { agentEnv } from './run-agent.js';
import { releaseStack, stackVariablesOf } from './worktree-stack.js';

export type HookName = 'afterCreate' | 'beforeRun' | 'afterRun' | 'beforeRemove';

const fatal = new Set<HookName>(['afterCreate', 'beforeRun']);

/** Runs the hook when configured; a fatal hook's failure comes back as the attempt's failure, the others are only logged. */
export async function runHook(ctx: FactoryContext, record: IssueRecord, name: HookName): Promise<string | undefined> {
  const hooks = ctx.config.hooks;
  const command = hooks?.[name];
  if (command === undefined || !existsSync(record.worktree)) return undefined;
  const timeoutMs = (hooks?.timeoutSeconds ?? 60) * 1000;
  // The hooks run where the agent's code runs (an install's scripts, its tests): no GitHub token, like the agent.
  const env = {
    ...agentEnv(ctx.env),
    ...stackVariablesOf(record.worktree),
    HARNESS_FACTORY_ISSUE: String(record.number),
  };
  const result = await runShell(command, record.worktree, env, timeoutMs);
  if (result.ok) {
    ctx.event(record, 'hook', { hook: name });
    return undefined;
  }
  ctx.event(record, 'hook-failed', { hook: name, reason: result.reason });
  return fatal.has(name) ? `the ${name} hook (\`${command}\`) failed: ${result.reason}` : undefined;
}

interface ShellResult {
  ok: boolean;
  reason: string;
}

async function runShell(command: string, cwd: string, env: Env, timeoutMs: number): Promise<ShellResult> {
  const result = await runProcess('sh', ['-c', command], {
    cwd,
    env,
    processGroup: true,
    timeoutMs,
    maxOutputBytes: 64 * 1024,
    overflow: 'keep-end',
  });
  if (result.killed === 'timeout') return { ok: false, reason: `ran longer than ${timeoutMs / 1000} s and was killed` };
  if (result.missing) return { ok: false, reason: 'sh could not be started' };
  if (result.code === 0) return { ok: true, reason: '' };
  const said = result.stderr.trim().split('\n').slice(-5).join(' / ');
  return { ok: false, reason: `exited with ${result.signal ?? result.code}${said === '' ? '' : `: ${said}`}` };
}

/** A merged or parked issue's workspace: beforeRemove, the compose stack down, the worktree removed (kept with --keep). */
export async function retireWorkspace(ctx: FactoryContext, record: IssueRecord): Promise<void> {
  if (ctx.keepWorktrees === true || !existsSync(record.worktree)) {
    await releaseStack(ctx, record);
    return;
  }
  await runHook(ctx, record, 'beforeRemove');
  await releaseStack(ctx, record);
  try {
    await removeWorktree(ctx.root, record.worktree);
    ctx.event(record, 'worktree-removed');
  } catch (error) {
    ctx.event(record, 'worktree-remove-failed', { error: error instanceof Error ? error.message : String(error) });
  }
}

async function removeWorktree(root: string, path: string): Promise<void> {
  await runGit(root, ['worktree', 'remove', '--force', '--force', path]);
}
