// Who a token is and who is in a team: the authenticated user
// (https://docs.github.com/en/rest/users/users#get-the-authenticated-user) and a team membership
// (https://docs.github.com/en/rest/teams/members#get-team-membership-for-a-user), 404 for a
// non-member as GitHub answers. A test names the token's user with `addToken(token, { login })` and
// puts people in teams with `addTeamMember`.
import type { Route } from '../route-table.js';
import { notFound } from '../route-table.js';
import type { StateStore } from '../state-store.js';
import { renderUser } from './issue-rendering.js';

type MembershipState = 'active' | 'pending';

const teams = new WeakMap<StateStore, Map<string, Map<string, MembershipState>>>();

const teamKey = (org: string, slug: string) => `${org}/${slug}`.toLowerCase();

/** Puts `login` into the team `org/slug` of the stand-in. */
export function addTeamMember(
  state: StateStore,
  team: string,
  login: string,
  membership: MembershipState = 'active',
): void {
  const [org = '', slug = ''] = team.replace(/^@/, '').split('/');
  let all = teams.get(state);
  if (all === undefined) {
    all = new Map();
    teams.set(state, all);
  }
  const members = all.get(teamKey(org, slug)) ?? new Map<string, MembershipState>();
  members.set(login.toLowerCase(), membership);
  all.set(teamKey(org, slug), members);
}

export const userRoutes: Route[] = [
  {
    method: 'GET',
    template: '/user',
    handle(request) {
      const login = request.token.login;
      // An installation token (GITHUB_TOKEN in Actions) is no user: GitHub answers 403.
      if (login === undefined)
        return {
          status: 403,
          body: {
            message: 'Resource not accessible by integration',
            documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
            status: '403',
          },
        };
      return { status: 200, body: renderPublicUser(login, request.baseUrl) };
    },
  },
  {
    method: 'GET',
    template: '/orgs/{org}/teams/{team_slug}/memberships/{username}',
    handle(request, store) {
      const { org = '', team_slug: slug = '', username = '' } = request.params;
      const membership = teams.get(store)?.get(teamKey(org, slug))?.get(username.toLowerCase());
      if (membership === undefined) return notFound();
      return {
        status: 200,
        body: {
          url: `${request.baseUrl}/organizations/1/team/1/memberships/${username}`,
          role: 'member',
          state: membership,
        },
      };
    },
  },
];

function renderPublicUser(login: string, baseUrl: string): Record<string, unknown> {
  return {
    ...renderUser(login, baseUrl),
    user_view_type: 'public',
    name: null,
    company: null,
    blog: null,
    location: null,
    email: null,
    hireable: null,
    bio: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  };
}
