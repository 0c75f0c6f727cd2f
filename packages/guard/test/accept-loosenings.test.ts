// Accepting a loosening through GitHub reviews, against the stand-in (every request checked against
// GitHub's OpenAPI description). The base's CODEOWNERS is read from a real commit.
import { join } from 'node:path';
import type { GithubStandin, StoredPull } from 'agent-harness-github-standin';
import { addTeamMember } from 'agent-harness-github-standin';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReviewedPull, ReviewState, StandinEnv } from '../../../test-support/standin-reviews.js';
import { closeReviewStandin, openPullRequest, startReviewStandin } from '../../../test-support/standin-reviews.js';
import { acceptLoosenings } from '../src/accept-loosenings.js';
import type { Loosening } from '../src/guard-types.js';
import { commitSnapshot } from '../src/snapshots.js';
import type { GuardRepo } from './guard-repo.fixture.js';
import { createGuardRepo } from './guard-repo.fixture.js';

const head = 'c'.repeat(40);
const older = 'b'.repeat(40);
const codeowners = ['* @everyone', 'harness.config.yaml @guard-lead @octo-org/guardians', ''].join('\n');
const loosening: Loosening = {
  surface: 'config',
  file: 'harness.config.yaml',
  line: 3,
  what: 'rules.docs/orphan: error → off',
};

let standin: GithubStandin;
let repo: GuardRepo;
let reviewed: ReviewedPull;
let pull: StoredPull;

beforeEach(async () => {
  standin = await startReviewStandin();
  repo = createGuardRepo({ '.github/CODEOWNERS': codeowners, 'harness.config.yaml': 'version: 1\n' });
  // The event of a submitted review; the pull request's head is a commit the repository need not have.
  reviewed = openPullRequest(standin, {
    branch: 'loosen',
    head,
    eventDir: join(repo.root, '.git'),
    action: 'submitted',
  });
  pull = reviewed.pull;
});

afterEach(async () => {
  repo.remove();
  await closeReviewStandin(standin);
});

const env = (overrides?: StandinEnv): StandinEnv => reviewed.env(overrides);
const review = (user: string, state: ReviewState, commitId = head): void => reviewed.review(user, state, commitId);

async function accept(environment = env()) {
  const base = commitSnapshot(repo.root, repo.git('rev-parse', 'HEAD'), 'main');
  return acceptLoosenings({ root: repo.root, baseSnapshot: base, loosenings: [loosening], env: environment });
}

describe('acceptLoosenings', () => {
  it('accepts a loosening a code owner of its file approved at the head commit', async () => {
    review('someone', 'APPROVED');
    review('guard-lead', 'APPROVED');
    const result = await accept();
    expect(result.open).toEqual([]);
    expect(result.accepted).toEqual([{ loosening, by: ['@guard-lead'] }]);
    expect(result.notes).toEqual([
      'accepted: rules.docs/orphan: error → off (approved by @guard-lead, code owner of harness.config.yaml)',
    ]);
  });

  it('keeps it open when the approver owns other files only, and names who may approve', async () => {
    review('everyone', 'APPROVED');
    const result = await accept();
    expect(result.accepted).toEqual([]);
    expect(result.open).toEqual([
      {
        ...loosening,
        fix:
          'Ask a code owner of harness.config.yaml (@guard-lead, @octo-org/guardians, from .github/CODEOWNERS on the base branch) ' +
          `to approve pull request #${pull.issue.number} at its head commit ccccccc; the check runs again when the review ` +
          'is submitted (docs/guard.md#accepting-a-loosening).',
      },
    ]);
  });

  it('keeps it open when the approval was given on an older commit, or taken back later', async () => {
    review('guard-lead', 'APPROVED', older);
    expect((await accept()).open).toHaveLength(1);
    review('guard-lead', 'APPROVED');
    review('guard-lead', 'CHANGES_REQUESTED');
    expect((await accept()).open).toHaveLength(1);
  });

  it('lets a comment after an approval stand, as GitHub does', async () => {
    review('guard-lead', 'APPROVED');
    review('guard-lead', 'COMMENTED');
    expect((await accept()).accepted).toHaveLength(1);
  });

  it('accepts an approval by an active member of an owning team, not a pending one', async () => {
    addTeamMember(standin.state, '@octo-org/guardians', 'newcomer', 'pending');
    review('newcomer', 'APPROVED');
    expect((await accept()).open).toHaveLength(1);
    addTeamMember(standin.state, '@octo-org/guardians', 'teammate');
    review('teammate', 'APPROVED');
    expect((await accept()).accepted).toEqual([{ loosening, by: ['@teammate'] }]);
  });

  it("reads owners from the base: the change's own CODEOWNERS makes nobody an owner", async () => {
    repo.write({ '.github/CODEOWNERS': `${codeowners}harness.config.yaml @mallory\n` });
    review('mallory', 'APPROVED');
    expect((await accept()).open).toHaveLength(1);
  });

  it('finds the pull request from GITHUB_REF when the event has none', async () => {
    review('guard-lead', 'APPROVED');
    const fromRef = env({ GITHUB_EVENT_PATH: undefined, GITHUB_REF: `refs/pull/${pull.issue.number}/merge` });
    expect((await accept(fromRef)).accepted).toHaveLength(1);
  });

  it('without a token keeps every loosening open and says how to get it accepted', async () => {
    review('guard-lead', 'APPROVED');
    const result = await accept(env({ GITHUB_TOKEN: undefined }));
    expect(result.open).toEqual([
      {
        ...loosening,
        fix:
          'Ask a code owner of harness.config.yaml (@guard-lead, @octo-org/guardians, from .github/CODEOWNERS on the base branch) ' +
          "to approve the pull request; with GITHUB_TOKEN set (pull-requests: read) in a pull request's check, " +
          '`harness check` then accepts it (docs/guard.md#accepting-a-loosening).',
      },
    ]);
    expect(result.notes).toEqual(['guard: GITHUB_TOKEN is not set, so no review can accept a loosening']);
    expect(standin.requests).toEqual([]);
  });

  it('says nobody can accept a loosening of a file no CODEOWNERS entry owns', async () => {
    repo.commit({ '.github/CODEOWNERS': 'src/ @dev\n' });
    const result = await accept();
    expect(result.open[0]?.fix).toMatch(
      /^No code owner of harness\.config\.yaml is named in \.github\/CODEOWNERS on the base branch, so no review can accept this/,
    );
  });

  it('keeps loosenings open, with a note, when the reviews cannot be read', async () => {
    const result = await accept(env({ GITHUB_TOKEN: 'revoked' }));
    expect(result.open).toHaveLength(1);
    expect(result.notes[0]).toMatch(/^guard: the reviews of #\d+ could not be read \(GitHub rejected the token/);
  });
});
