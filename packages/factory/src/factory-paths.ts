// Where the loop keeps things under `.harness/factory/` (docs/factory.md "Files").
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stateDir } from './factory-state.js';

export const worktreePath = (root: string, issue: number): string =>
  join(stateDir(root), 'worktrees', `issue-${issue}`);

export const logFile = (root: string, issue: number, turn: number): string =>
  join(stateDir(root), 'runs', String(issue), `${turn}.log`);

/** Keeps the loop's files, worktrees included, out of `git status` of the repository. */
export function ignoreStateDir(root: string): void {
  const dir = stateDir(root);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, '.gitignore');
  if (!existsSync(file)) writeFileSync(file, '*\n');
}
