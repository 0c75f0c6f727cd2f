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
