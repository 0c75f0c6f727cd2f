// @harness/system: the only package that spawns processes or writes files (docs/architecture.md).
// Each section below is owned by one module; add exports to your section only.

// --- environment ---
export type { Env } from './env.js';

// --- processes and git ---
export type { GitOutput, RunGitOptions } from './git.js';
export {
  assertWorkTreePaths,
  currentBranch,
  GitFailed,
  gitInstallFix,
  gitLine,
  gitOutputLimit,
  isWorkTreePath,
  listGitFiles,
  listIgnoredPaths,
  refName,
  runGit,
  splitNul,
} from './git.js';
export type { KillReason, ProcessResult, RunProcessOptions, TimerKind, Timers } from './run-process.js';
export { defaultMaxOutputBytes, noPromptEnv, realTimers, runProcess } from './run-process.js';
export { exitCodeOf, sendSignal, signalNumbers } from './signals.js';

// --- files and locks ---
export type { PathEscape } from './inside-root.js';
export { assertInsideRoot, assertInsideRootSync, findEscape } from './inside-root.js';
export type { WriteFileOptions } from './write-file-atomic.js';
export { removeLeftoverTemps, writeFileAtomic, writeFileAtomicSync } from './write-file-atomic.js';
export type { RemoveOptions } from './write-inside.js';
export {
  mkdirInside,
  mkdirInsideSync,
  removeEmptyFolderInside,
  removeInside,
  removeInsideSync,
  symlinkInside,
  writeFileInside,
  writeFileInsideSync,
} from './write-inside.js';
export { appendLineInside, appendLineInsideSync, openAppendStreamInside } from './append-line.js';
export { ensureStateDir, ensureStateDirSync, stateDirIgnore } from './ensure-state-dir.js';
export type { LockHolder, PidLock, PidLockOptions } from './pid-lock.js';
export { acquirePidLock, readLockHolder, withPidLock } from './pid-lock.js';
export { settleBaseline } from './settle-baseline.js';
