// What the guard asks GitHub to accept a loosening (docs/guard.md#accepting-a-loosening): a pull
// request's head (https://docs.github.com/en/rest/pulls/pulls#get-a-pull-request), its reviews
// (https://docs.github.com/en/rest/pulls/reviews#list-reviews-for-a-pull-request), whether a reviewer
// is in a team (https://docs.github.com/en/rest/teams/members#get-team-membership-for-a-user), and who
// the token is (https://docs.github.com/en/rest/users/users#get-the-authenticated-user), for init.
import type { GithubClient } from './github-client.js';
import { toHarnessError } from './github-errors.js';
import { formatRepository } from './repository.js';

export interface PullRequestHead {
  number: number;
  /** The commit the pull request's branch points at now. */
  headSha: string;
}

export interface PullReview {
  id: number;
  /** The reviewer's login; undefined for a deleted account (GitHub answers `user: null`). */
  login: string | undefined;
  /** APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED or PENDING. */
  state: string;
  /** The head commit the review was given on. */
  commitId: string | undefined;
}

/** Whether a user is in a team: `unreadable` when the token may not see the organization's members. */
export type TeamMembership = 'active' | 'pending' | 'none' | 'unreadable';

export async function getPullRequest(client: GithubClient, pullNumber: number): Promise<PullRequestHead> {
  const { data } = await client.request<{ number: number; head: { sha: string } }>(
    'GET /repos/{owner}/{repo}/pulls/{pull_number}',
    { pull_number: pullNumber },
    `read pull request #${pullNumber}`,
  );
  return { number: data.number, headSha: data.head.sha };
}

/** Every review of the pull request, oldest first, as GitHub lists them. */
export async function listPullReviews(client: GithubClient, pullNumber: number): Promise<PullReview[]> {
  const reviews = await client.paginate<{
    id: number;
    user: { login: string } | null;
    state: string;
    commit_id: string | null;
  }>(
    'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
    { pull_number: pullNumber },
    `list the reviews of #${pullNumber}`,
  );
  return reviews.map((r) => ({ id: r.id, login: r.user?.login, state: r.state, commitId: r.commit_id ?? undefined }));
}

export async function readTeamMembership(
  client: GithubClient,
  team: { org: string; slug: string },
  username: string,
): Promise<TeamMembership> {
  try {
    const { data } = await client.octokit.request('GET /orgs/{org}/teams/{team_slug}/memberships/{username}', {
      org: team.org,
      team_slug: team.slug,
      username,
    });
    return data.state === 'active' ? 'active' : 'pending';
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 404) return 'none';
    if (status === 403) return 'unreadable';
    throw toHarnessError(error, {
      repository: formatRepository(client.repository),
      action: `read the membership of @${username} in @${team.org}/${team.slug}`,
      apiUrl: client.apiUrl,
    });
  }
}

/** The login of the token's user (a GitHub App's installation token has none: GitHub answers 403). */
export async function getAuthenticatedLogin(client: GithubClient): Promise<string> {
  try {
    return (await client.octokit.request('GET /user')).data.login;
  } catch (error) {
    throw toHarnessError(error, {
      repository: formatRepository(client.repository),
      action: 'read the authenticated user',
      apiUrl: client.apiUrl,
    });
  }
}
