// Every file harness writes, creates or deletes in a repository stays inside a root: the worktree
// or git's common dir. A write through a symlink lands on its target, and `mkdir -p` and `rm`
// follow a symlinked folder, so a `.harness` that is a symlink out of the repository would have
// harness write or delete a file anywhere; each path is checked first, link by link (findEscape).
// Spec: https://nodejs.org/api/fs.html#fslstatsyncpath-options (lstat does not follow links).
import { lstatSync, mkdirSync, rmdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { HarnessError, isHarnessError } from 'agent-harness-diagnostics';
import { assertInsideRootSync, findEscape, refusal } from './inside-root.js';
import type { WriteFileOptions } from './write-file-atomic.js';
import { writeFileAtomicSync } from './write-file-atomic.js';

function ioFailed(what: string, root: string, path: string, error: unknown): HarnessError {
  if (isHarnessError(error)) return error;
  const shown = relative(root, path) || '.';
  return new HarnessError('IO_FAILED', `cannot ${what} ${shown}: ${(error as Error).message}`, {
    place: { file: shown },
    fix: 'Check that the folder is writable, the disk is not full, and nothing else stands at that path.',
    cause: error,
  });
}

function attempt(what: string, root: string, path: string, work: () => void): Promise<void> {
  try {
    work();
    return Promise.resolve();
  } catch (error) {
    return Promise.reject(ioFailed(what, root, path, error));
  }
}

/**
 * Writes `contents` atomically to `path` (absolute, or relative to `root`), which must stay inside
 * `root` through every symlink and `..`; IO_FAILED otherwise, and nothing is written.
 */
export function writeFileInsideSync(
  root: string,
  path: string,
  contents: string | Uint8Array,
  options: WriteFileOptions = {},
): void {
  const target = resolve(root, path);
  try {
    // With replaceLink the link at the target is replaced, never followed: only its folder must stay inside.
    const escape = findEscape(root, options.replaceLink === true ? dirname(target) : target);
    if (escape !== undefined) throw refusal({ ...escape, path: relative(root, target) || '.' });
    writeFileAtomicSync(target, contents, options);
  } catch (error) {
    throw ioFailed('write', root, target, error);
  }
}

/** writeFileInsideSync for async callers. */
export function writeFileInside(
  root: string,
  path: string,
  contents: string | Uint8Array,
  options: WriteFileOptions = {},
): Promise<void> {
  return attempt('write', root, path, () => writeFileInsideSync(root, path, contents, options));
}

/** `mkdir -p` of a folder (absolute, or relative to `root`) that stays inside `root`. */
export function mkdirInsideSync(root: string, path: string): void {
  const target = resolve(root, path);
  assertInsideRootSync(root, target);
  try {
    mkdirSync(target, { recursive: true });
  } catch (error) {
    throw ioFailed('create', root, target, error);
  }
}

/** mkdirInsideSync for async callers. */
export function mkdirInside(root: string, path: string): Promise<void> {
  return attempt('create', root, path, () => mkdirInsideSync(root, path));
}

export interface RemoveOptions {
  /** Also a folder and everything in it (never following a symlink inside it). */
  recursive?: boolean | undefined;
}

/**
 * Deletes `path` (nothing when absent) whose folder stays inside `root`; a symlink is removed itself,
 * never its target. A folder only with `recursive`.
 */
export function removeInsideSync(root: string, path: string, options: RemoveOptions = {}): void {
  const target = resolve(root, path);
  assertInsideRootSync(root, dirname(target));
  let info;
  try {
    info = lstatSync(target);
  } catch {
    return;
  }
  try {
    rmSync(target, { force: true, recursive: options.recursive === true && info.isDirectory() });
  } catch (error) {
    throw ioFailed('delete', root, target, error);
  }
}

/** Removes the folder `path` inside `root` when it is empty; true when it did. */
export function removeEmptyFolderInside(root: string, path: string): boolean {
  const target = resolve(root, path);
  if (findEscape(root, target) !== undefined) return false;
  try {
    rmdirSync(target);
    return true;
  } catch {
    return false;
  }
}

/**
 * Puts a symlink at `path` inside `root` (its folder must stay inside) that leads to `to`, as a user
 * had it: harness never writes through it. Replaces what is at `path`.
 */
export function symlinkInside(root: string, path: string, to: string): Promise<void> {
  return attempt('link', root, path, () => {
    const target = resolve(root, path);
    assertInsideRootSync(root, dirname(target));
    rmSync(target, { force: true });
    symlinkSync(to, target);
  });
}

/** removeInsideSync for async callers. */
export function removeInside(root: string, path: string, options: RemoveOptions = {}): Promise<void> {
  return attempt('delete', root, path, () => removeInsideSync(root, path, options));
}
