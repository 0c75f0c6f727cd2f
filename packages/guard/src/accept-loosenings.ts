// A loosening is accepted when a code owner of its file approved the pull request at its current head
// (docs/guard.md#accepting-a-loosening). Owners come from the BASE's CODEOWNERS, so a change cannot make
// itself its own owner; reviews come from the GitHub API (GITHUB_TOKEN with pull-requests: read). A
// reviewer's latest approving or blocking review counts (comments change nothing, as on GitHub), and an
// approval given on an older commit does not: the change it approved is not the change now checked.
import type { GithubClient, PullReview } from 'agent-harness-github';
import { createGithubClient, getPullRequest, listPullReviews, readTeamMembership } from 'agent-harness-github';
import { HarnessError } from 'agent-harness-diagnostics';
import type { Env } from 'agent-harness-system';
import type { PullRequestContext } from './accept-loosenings-context.js';
import { findPullRequest } from './accept-loosenings-context.js';
import type { Codeowners } from './codeowners.js';
import { ownersOf, readCodeowners } from './codeowners.js';
import type { GuardSnapshot, Loosening } from './guard-types.js';

export interface AcceptInput {
  root: string;
  baseSnapshot: GuardSnapshot;
  loosenings: readonly Loosening[];
  env: Env;
}

/** A loosening still to be accepted, and how (the finding's fix). */
interface OpenLoosening extends Loosening {
  fix: string;
}

export interface Acceptance {
  open: OpenLoosening[];
  accepted: { loosening: Loosening; by: string[] }[];
  /** What a person reads in the check's output: each acceptance, and why reviews could not be read. */
  notes: string[];
}

const docsLink = 'docs/guard.md#accepting-a-loosening';

export async function acceptLoosenings(input: AcceptInput): Promise<Acceptance> {
  const codeowners = await readCodeowners(input.baseSnapshot);
  const result: Acceptance = { open: [], accepted: [], notes: [] };
  if (input.loosenings.length === 0) return result;
  const approvers = await readApprovers(input, result.notes);
  const isOwner = ownerTest(approvers?.client, result.notes);
  for (const loosening of input.loosenings) {
    const owners = ownersOf(codeowners, loosening.file);
    const by: string[] = [];
    for (const login of approvers?.logins ?? []) if (await isOwner(login, owners)) by.push(`@${login}`);
    if (by.length > 0) {
      result.accepted.push({ loosening, by });
      result.notes.push(`accepted: ${loosening.what} (approved by ${by.join(', ')}, code owner of ${loosening.file})`);
    } else result.open.push({ ...loosening, fix: acceptanceFix(loosening.file, owners, codeowners, approvers) });
  }
  return result;
}

interface Approvers {
  client: GithubClient;
  pull: PullRequestContext;
  headSha: string;
  logins: string[];
}

/** Who approved the pull request at its head; undefined (and a note) when that cannot be known. */
async function readApprovers(input: AcceptInput, notes: string[]): Promise<Approvers | undefined> {
  const token = input.env.GITHUB_TOKEN?.trim();
  if (token === undefined || token === '') {
    notes.push('guard: GITHUB_TOKEN is not set, so no review can accept a loosening');
    return undefined;
  }
  const lookup = await findPullRequest(input.root, input.env);
  if ('missing' in lookup) {
    notes.push(`guard: ${lookup.missing}`);
    return undefined;
  }
  const { pull } = lookup;
  try {
    const client = createGithubClient({ env: input.env, repository: pull.repository });
    const [{ headSha }, reviews] = await Promise.all([
      getPullRequest(client, pull.number),
      listPullReviews(client, pull.number),
    ]);
    return { client, pull, headSha, logins: approvedAt(reviews, headSha) };
  } catch (error) {
    if (!(error instanceof HarnessError)) throw error;
    notes.push(`guard: the reviews of #${pull.number} could not be read (${error.message}); ${error.fix ?? ''}`);
    return undefined;
  }
}

/** Logins whose latest approving, blocking or dismissed review is an approval of `headSha`. */
function approvedAt(reviews: readonly PullReview[], headSha: string): string[] {
  const latest = new Map<string, PullReview>();
  for (const review of reviews) {
    if (review.login === undefined || review.state === 'COMMENTED' || review.state === 'PENDING') continue;
    latest.set(review.login.toLowerCase(), review);
  }
  return [...latest.values()]
    .filter((r) => r.state === 'APPROVED' && r.commitId === headSha)
    .map((r) => r.login as string)
    .sort();
}

/** Whether a login is among the owners: by name, or as an active member of an owning team. */
function ownerTest(client: GithubClient | undefined, notes: string[]) {
  const memberships = new Map<string, Promise<boolean>>();
  return async (login: string, owners: readonly string[]): Promise<boolean> => {
    for (const owner of owners) {
      if (owner.toLowerCase() === `@${login.toLowerCase()}`) return true;
      const team = /^@([^/]+)\/(.+)$/.exec(owner);
      if (team === null || client === undefined) continue;
      const key = `${owner.toLowerCase()} ${login.toLowerCase()}`;
      let member = memberships.get(key);
      if (member === undefined) {
        member = isActiveMember(client, { org: team[1] as string, slug: team[2] as string }, login, notes);
        memberships.set(key, member);
      }
      if (await member) return true;
    }
    return false;
  };
}

async function isActiveMember(
  client: GithubClient,
  team: { org: string; slug: string },
  login: string,
  notes: string[],
): Promise<boolean> {
  const state = await readTeamMembership(client, team, login);
  if (state === 'unreadable')
    notes.push(
      `guard: the token may not read the members of @${team.org}/${team.slug}, so @${login}'s approval does not count for it (a token with the organization's "Members: Read" permission does)`,
    );
  return state === 'active';
}

/** How an open loosening gets accepted: who must approve, and what the check needs to see it. */
function acceptanceFix(
  file: string,
  owners: readonly string[],
  codeowners: Codeowners | undefined,
  approvers: Approvers | undefined,
): string {
  if (owners.length === 0)
    return (
      `No code owner of ${file} is named in ${codeowners?.file ?? 'CODEOWNERS'} on the base branch, so no review can accept this: ` +
      `undo the change, or first merge a CODEOWNERS entry for ${file} (\`harness init\` writes them) and have that owner approve (${docsLink}).`
    );
  const who = `a code owner of ${file} (${owners.join(', ')}, from ${codeowners?.file ?? 'CODEOWNERS'} on the base branch)`;
  if (approvers === undefined)
    return (
      `Ask ${who} to approve the pull request; with GITHUB_TOKEN set (pull-requests: read) in a pull request's check, ` +
      `\`harness check\` then accepts it (${docsLink}).`
    );
  return (
    `Ask ${who} to approve pull request #${approvers.pull.number} at its head commit ${approvers.headSha.slice(0, 7)}; ` +
    `the check runs again when the review is submitted (${docsLink}).`
  );
}
