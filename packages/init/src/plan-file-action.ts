// How one file init wants to write is planned: created, kept, unchanged or (with --force) overwritten.
// Symbolic links are the user's files: replaced only with --force, never written through.
import type { PlannedFile } from './init-plan.js';
import { planPackageJson } from './plan-package-json.js';
import type { InitInspection } from './prepare-init.js';
import type { RepoEntry } from './repo-entry.js';
import { entryOf, escapingFolder, readInside } from './repo-entry.js';

/** A file init wants to write, before it is compared with what is there. */
export interface Desired {
  path: string;
  content: string;
  purpose: string;
  /** Files that hold the user's own words: kept even with --force. */
  precious?: boolean;
}

export async function resolveAction(root: string, want: Desired, force: boolean): Promise<PlannedFile> {
  const escape = await escapingFolder(root, want.path);
  if (escape !== undefined)
    return {
      path: want.path,
      action: 'skip',
      reason: `${escape} is a symbolic link that leaves the repository; init writes nothing through it`,
    };
  const entry = await entryOf(root, want.path);
  if (entry.kind === 'link') return resolveLink(want, entry, force);
  const current = entry.kind === 'file' ? await readInside(root, want.path) : undefined;
  // A folder or a special file is planned as a write: checking the plan's writes reports it with a fix.
  if (current === undefined) return { path: want.path, action: 'create', reason: want.purpose, content: want.content };
  if (current === want.content) return { path: want.path, action: 'unchanged', reason: 'already as init writes it' };
  if (force && want.precious !== true)
    return { path: want.path, action: 'overwrite', reason: `--force: ${want.purpose}`, content: want.content };
  const why =
    want.precious === true ? 'exists and holds your own text (kept even with --force)' : 'exists (--force replaces it)';
  return {
    path: want.path,
    action: 'keep',
    reason:
      want.path === 'CLAUDE.md' && !current.includes('@AGENTS.md')
        ? `${why}; add a line \`@AGENTS.md\` so Claude Code loads the map`
        : why,
  };
}

/** package.json, unless it is a link: that one is replaced only with --force, and never written through. */
export async function planManifest(
  facts: InitInspection['facts'],
  harnessVersion: string,
  force: boolean,
  installCommand: string,
): Promise<PlannedFile> {
  const entry = await entryOf(facts.root, 'package.json');
  const planned = planPackageJson(
    entry.kind === 'link' && entry.resolves !== 'file' ? undefined : facts.packageJsonText,
    harnessVersion,
    installCommand,
  );
  if (entry.kind !== 'link' || planned.action !== 'update') return planned;
  if (force)
    return {
      ...planned,
      reason: `--force: replaces the symbolic link to ${entry.to} with a file (what it points to is not touched); ${planned.reason}`,
      replacesLink: true,
    };
  return {
    path: 'package.json',
    action: 'keep',
    reason: `a symbolic link to ${entry.to}; kept (--force replaces the link with a file); add harness with your package manager`,
  };
}

/** A symbolic link is the user's file: kept, or with --force replaced (the link, never what it points to). */
function resolveLink(want: Desired, link: Extract<RepoEntry, { kind: 'link' }>, force: boolean): PlannedFile {
  const what = `a symbolic link to ${link.to}${link.resolves === 'missing' ? (link.inside ? ' (it points nowhere)' : ' outside the repository') : ''}`;
  if (want.precious === true) return { path: want.path, action: 'keep', reason: `${what}; kept even with --force` };
  if (force)
    return {
      path: want.path,
      action: 'overwrite',
      reason: `--force: replaces ${what} with a file (what it points to is not touched): ${want.purpose}`,
      content: want.content,
      replacesLink: true,
    };
  return {
    path: want.path,
    action: 'keep',
    reason: `${what}; kept (--force replaces the link, never what it points to)`,
  };
}
