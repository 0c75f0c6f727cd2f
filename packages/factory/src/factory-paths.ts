// Where the loop keeps things under `.harness/factory/` (docs/factory.md "Files").
import { join } from 'node:path';
import { ensureStateDirSync, mkdirInsideSync } from 'agent-harness-system';
import { stateDir } from './factory-state.js';

export const worktreePath = (root: string, issue: number): string =>
  join(stateDir(root), 'worktrees', `issue-${issue}`);

export const logFile = (root: string, issue: number, turn: number): string =>
  join(stateDir(root), 'runs', String(issue), `${turn}.log`);

/** Keeps the loop's files, worktrees included, out of `git status` of the repository. */
export function ignoreStateDir(root: string): void {
  mkdirInsideSync(root, stateDir(root));
  ensureStateDirSync(stateDir(root));
}
