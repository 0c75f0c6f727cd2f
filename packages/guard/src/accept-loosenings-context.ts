// Which pull request a check runs for, from what GitHub Actions sets
// (https://docs.github.com/en/actions/reference/workflows-and-actions/variables#default-environment-variables):
// the event file's `pull_request.number` (pull_request, pull_request_review and pull_request_target
// events), else `GITHUB_REF=refs/pull/N/merge`; the repository from GITHUB_REPOSITORY, else the
// origin remote.
import { readFile } from 'node:fs/promises';
import type { Repository } from 'agent-harness-github';
import { parseRepository, resolveRepository } from 'agent-harness-github';
import type { Env } from 'agent-harness-system';

export interface PullRequestContext {
  repository: Repository;
  number: number;
}

/** The pull request, or why none is known (a sentence for the check's notes). */
type PullRequestLookup = { pull: PullRequestContext } | { missing: string };

export async function findPullRequest(root: string, env: Env): Promise<PullRequestLookup> {
  const number = (await numberFromEvent(env.GITHUB_EVENT_PATH)) ?? numberFromRef(env.GITHUB_REF);
  if (number === undefined)
    return {
      missing:
        'no pull request is known (GITHUB_EVENT_PATH has no pull_request, GITHUB_REF is no refs/pull/N/merge), so no review can accept a loosening',
    };
  const repository = await repositoryOf(root, env);
  if (repository === undefined)
    return { missing: `pull request #${number} has no repository (set GITHUB_REPOSITORY=owner/name)` };
  return { pull: { repository, number } };
}

async function numberFromEvent(path: string | undefined): Promise<number | undefined> {
  if (path === undefined || path === '') return undefined;
  let event: unknown;
  try {
    event = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    // No event file, or not JSON: GITHUB_REF may still name the pull request.
    return undefined;
  }
  const number = (event as { pull_request?: { number?: unknown } } | null)?.pull_request?.number;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
}

function numberFromRef(ref: string | undefined): number | undefined {
  const match = /^refs\/pull\/(\d+)\/(?:merge|head)$/.exec(ref ?? '');
  return match === null ? undefined : Number(match[1]);
}

async function repositoryOf(root: string, env: Env): Promise<Repository | undefined> {
  const named = env.GITHUB_REPOSITORY;
  if (named !== undefined && named !== '') return parseRepository(named);
  try {
    return await resolveRepository({ env, cwd: root });
  } catch {
    return undefined;
  }
}
