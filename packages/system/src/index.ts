// agent-harness-system: the only package that spawns processes or writes files (docs/system.md).

// --- environment ---
export type { Env } from './env.js';

// --- processes and git ---
export { currentBranch, GitFailed, gitLine, listGitFiles, listIgnoredPaths, refName, runGit, splitNul } from './git.js';
export { listGitFilesSync, listIgnoredPathsSync } from './git-sync.js';
export type { ProcessResult, TimerKind, Timers } from './run-process.js';
export { runProcess } from './run-process.js';

// --- files and locks ---
export { assertInsideRoot, findEscape } from './inside-root.js';
export { removeLeftoverTemps, writeFileAtomic } from './write-file-atomic.js';
export {
  mkdirInsideSync,
  removeEmptyFolderInside,
  removeInside,
  removeInsideSync,
  symlinkInside,
  writeFileInside,
  writeFileInsideSync,
} from './write-inside.js';
export { appendLineInside, appendLineInsideSync, openAppendStreamInside } from './append-line.js';
export { codeFingerprint } from './code-fingerprint.js';
export { ensureStateDir, ensureStateDirSync } from './ensure-state-dir.js';
export type { LockHolder, PidLockOptions } from './pid-lock.js';
export { acquirePidLock, readLockHolder, withPidLock } from './pid-lock.js';
export { settleBaseline } from './settle-baseline.js';
