// Refs and commits through GitHub's Git database API (https://docs.github.com/en/rest/git/refs,
// …/git/commits, …/git/trees), for the leases (lease.ts). A ref is created atomically (422
// "Reference already exists" when it is there) and updated without `force` only as a fast-forward
// (422 "Update is not a fast forward"): the two answers leases are built on are returned, not thrown.
import type { GithubClient } from 'agent-harness-github';
import { HarnessError } from 'agent-harness-diagnostics';

/** A refused ref write: GitHub's status and message (422 "Reference already exists", …). */
export interface Refused {
  refused: true;
  status: number;
  message: string;
}

const refusedOf = (error: unknown): Refused | undefined => {
  if (!(error instanceof HarnessError)) return undefined;
  const cause = error.cause as { status?: unknown; response?: { data?: { message?: unknown } } } | undefined;
  const status = typeof cause?.status === 'number' ? cause.status : undefined;
  if (status !== 404 && status !== 409 && status !== 422) return undefined;
  const message = cause?.response?.data?.message;
  return { refused: true, status, message: typeof message === 'string' ? message : error.message };
};

/** The call's data, or GitHub's refusal (404, 409, 422); anything else is thrown as a HarnessError. */
async function attempt<T>(run: () => Promise<{ data: T }>): Promise<T | Refused> {
  try {
    return (await run()).data;
  } catch (error) {
    const refused = refusedOf(error);
    if (refused === undefined) throw error;
    return refused;
  }
}

export const isRefused = (value: unknown): value is Refused =>
  typeof value === 'object' && value !== null && (value as Refused).refused === true;

/** `refs/harness/lease/issue-3` → `harness/lease/issue-3`, the `{ref}` of the path. */
const shortRef = (ref: string) => ref.replace(/^refs\//, '');

/** A commit holding one file, its parents as given (none: a root commit). */
export async function makeCommit(
  client: GithubClient,
  file: { path: string; content: string },
  message: string,
  parents: string[],
): Promise<string> {
  const tree = await client.request<{ sha: string }>(
    'POST /repos/{owner}/{repo}/git/trees',
    { tree: [{ path: file.path, mode: '100644', type: 'blob', content: file.content }] },
    'write a lease tree',
  );
  const commit = await client.request<{ sha: string }>(
    'POST /repos/{owner}/{repo}/git/commits',
    { message, tree: tree.data.sha, parents },
    'write a lease commit',
  );
  return commit.data.sha;
}

/** The commit a ref points at, or undefined when there is no such ref. */
export async function readRef(client: GithubClient, ref: string): Promise<string | undefined> {
  const found = await attempt(() =>
    client.request<{ object: { sha: string } }>(
      'GET /repos/{owner}/{repo}/git/ref/{ref}',
      { ref: shortRef(ref) },
      `read ${ref}`,
    ),
  );
  if (!isRefused(found)) return found.object.sha;
  if (found.status === 404) return undefined;
  throw new HarnessError('GITHUB_UNREACHABLE', `GitHub refused to read ${ref}: ${found.message}`, {
    fix: 'Check that the token can read the repository ("Contents: Read").',
  });
}

export async function readCommitMessage(client: GithubClient, sha: string): Promise<string | undefined> {
  const found = await attempt(() =>
    client.request<{ message: string }>(
      'GET /repos/{owner}/{repo}/git/commits/{commit_sha}',
      { commit_sha: sha },
      `read commit ${sha}`,
    ),
  );
  return isRefused(found) ? undefined : found.message;
}

export async function createRef(client: GithubClient, ref: string, sha: string): Promise<true | Refused> {
  const made = await attempt(() =>
    client.request('POST /repos/{owner}/{repo}/git/refs', { ref, sha }, `create ${ref}`),
  );
  return isRefused(made) ? made : true;
}

/** Moves the ref to `sha` only when `sha` descends from where it points (force: false). */
export async function fastForwardRef(client: GithubClient, ref: string, sha: string): Promise<true | Refused> {
  const moved = await attempt(() =>
    client.request(
      'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
      { ref: shortRef(ref), sha, force: false },
      `update ${ref}`,
    ),
  );
  return isRefused(moved) ? moved : true;
}

export async function deleteRef(client: GithubClient, ref: string): Promise<true | Refused> {
  const gone = await attempt(() =>
    client.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', { ref: shortRef(ref) }, `delete ${ref}`),
  );
  return isRefused(gone) ? gone : true;
}
