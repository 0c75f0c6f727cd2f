// Which repository a command works on (docs/rulesets.md, "Token and repository"): `--repo owner/name`,
// else GITHUB_REPOSITORY (set by GitHub Actions), else the `origin` remote.
import { HarnessError } from 'agent-harness-diagnostics';
import type { Env } from 'agent-harness-system';
import { readOriginUrl } from './git-remote.js';

export interface Repository {
  owner: string;
  repo: string;
}

export function formatRepository(repository: Repository): string {
  return `${repository.owner}/${repository.repo}`;
}

const namePart = /^[A-Za-z0-9_.-]+$/;

/** `owner/name` → Repository; undefined when the text is not of that form. */
export function parseRepository(text: string): Repository | undefined {
  const parts = text.trim().split('/');
  if (parts.length !== 2) return undefined;
  const [owner, repo] = parts as [string, string];
  if (!namePart.test(owner) || !namePart.test(repo.replace(/\.git$/, ''))) return undefined;
  return { owner, repo: repo.replace(/\.git$/, '') };
}

/**
 * The repository of a git remote URL: `https://github.com/o/r(.git)`,
 * `git@github.com:o/r.git`, `ssh://git@github.com[:22]/o/r.git`, `git://…`,
 * also on GitHub Enterprise hosts. Undefined for anything else.
 */
export function parseRemoteUrl(url: string): Repository | undefined {
  const text = url.trim();
  const scp = /^[^@/\s]+@[^:/\s]+:(?<path>[^\s]+)$/.exec(text);
  let path: string | undefined = scp?.groups?.path;
  if (path === undefined) {
    try {
      const parsed = new URL(text);
      if (!['https:', 'http:', 'ssh:', 'git:', 'git+ssh:'].includes(parsed.protocol)) return undefined;
      path = parsed.pathname;
    } catch {
      return undefined;
    }
  }
  const segments = path.replace(/^\/+|\/+$/g, '').split('/');
  // GitHub Enterprise may serve under a prefix; the repository is the last two segments.
  if (segments.length < 2) return undefined;
  return parseRepository(segments.slice(-2).join('/'));
}

export interface ResolveRepositoryOptions {
  /** The `--repo` flag. */
  flag?: string | undefined;
  env: Env;
  /** Where to ask git for the `origin` remote. */
  cwd: string;
  /** The git adapter (tests pass their own). */
  readOrigin?: (cwd: string) => Promise<string | undefined>;
}

const howToName =
  'Pass --repo owner/name, or set GITHUB_REPOSITORY=owner/name, or add an `origin` remote that points at GitHub.';

export async function resolveRepository(options: ResolveRepositoryOptions): Promise<Repository> {
  if (options.flag !== undefined) {
    const parsed = parseRepository(options.flag);
    if (parsed === undefined)
      throw new HarnessError('USAGE', `--repo takes owner/name, not "${options.flag}"`, {
        fix: 'For example --repo octo-org/octo-repo.',
      });
    return parsed;
  }
  const fromEnv = options.env.GITHUB_REPOSITORY;
  if (fromEnv !== undefined && fromEnv !== '') {
    const parsed = parseRepository(fromEnv);
    if (parsed === undefined)
      throw new HarnessError('USAGE', `GITHUB_REPOSITORY must be owner/name, not "${fromEnv}"`, { fix: howToName });
    return parsed;
  }
  const url = await (options.readOrigin ?? readOriginUrl)(options.cwd);
  if (url === undefined)
    throw new HarnessError('USAGE', 'no repository given and this git repository has no `origin` remote', {
      fix: howToName,
    });
  const parsed = parseRemoteUrl(url);
  if (parsed === undefined)
    throw new HarnessError('USAGE', `cannot tell the GitHub repository from the origin remote "${url}"`, {
      fix: howToName,
    });
  return parsed;
}
