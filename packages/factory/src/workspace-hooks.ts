// The workspace's life (docs/factory.md "Workspace hooks"): `factory.hooks` shell commands
// run in the worktree (sh -c, a timeout, the process group killed past it). afterCreate
// and beforeRun failing fail that attempt; afterRun and beforeRemove failing are logged
// and ignored, as Symphony does. A merged or parked issue's worktree and its compose
// stack are removed, unless the loop was started with --keep.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { FactoryContext } from './factory-context.js';
import type { IssueRecord } from './factory-state.js';
import { releaseStack, stackVariablesOf } from './worktree-stack.js';

export type HookName = 'afterCreate' | 'beforeRun' | 'afterRun' | 'beforeRemove';

const fatal = new Set<HookName>(['afterCreate', 'beforeRun']);

/** Runs the hook when configured; a fatal hook's failure comes back as the attempt's failure, the others are only logged. */
export async function runHook(ctx: FactoryContext, record: IssueRecord, name: HookName): Promise<string | undefined> {
  const hooks = ctx.config.hooks;
  const command = hooks?.[name];
  if (command === undefined || !existsSync(record.worktree)) return undefined;
  const timeoutMs = (hooks?.timeoutSeconds ?? 60) * 1000;
  const env = { ...ctx.env, ...stackVariablesOf(record.worktree), HARNESS_FACTORY_ISSUE: String(record.number) };
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

function runShell(command: string, cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<ShellResult> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', command], { cwd, env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-2000);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: error.message });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) resolve({ ok: false, reason: `ran longer than ${timeoutMs / 1000} s and was killed` });
      else if (code === 0) resolve({ ok: true, reason: '' });
      else resolve({ ok: false, reason: `exited with ${code ?? signal}${stderr.trim() ? `: ${stderr.trim()}` : ''}` });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Gone already.
  }
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

function removeWorktree(root: string, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('git', ['worktree', 'remove', '--force', '--force', path], { cwd: root }, (error) =>
      error ? reject(error) : resolve(),
    );
  });
}
