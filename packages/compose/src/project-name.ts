// Compose project names: one per worktree, stable, valid for Compose v2's
// `[a-z0-9][a-z0-9_-]*` (https://docs.docker.com/compose/how-tos/project-name/).
import { createHash } from 'node:crypto';
import { basename } from 'node:path';

const maxPart = 24;

/** Lower-cases and keeps `[a-z0-9_-]`, so any folder name becomes a valid name part. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, maxPart)
    .replace(/[-_]+$/g, '');
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 6);
}

/**
 * `<repo>-<worktree folder>-<6 hex of sha256(worktree path)>`: readable in `docker ps`, and
 * unique even for two worktrees with the same folder name (the path differs).
 */
export function worktreeProjectName(repoName: string, worktree: string): string {
  return `${slugify(repoName) || 'repo'}-${slugify(basename(worktree)) || 'worktree'}-${shortHash(worktree)}`;
}

/** The project of `compose.shared` services: one per repository (its git common dir). */
export function sharedProjectName(repoName: string, commonDir: string): string {
  return `${slugify(repoName) || 'repo'}-shared-${shortHash(commonDir)}`;
}
