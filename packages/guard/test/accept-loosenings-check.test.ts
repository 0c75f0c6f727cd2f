// The guard check with acceptance wired in: a loosening a code owner approved is a note, not a
// finding; one nobody approved is a finding whose fix names the owners. Real git, the GitHub stand-in.
import { join } from 'node:path';
import type { GithubStandin, StoredPull } from 'agent-harness-github-standin';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReviewedPull, StandinEnv } from '../../../test-support/standin-reviews.js';
import { closeReviewStandin, openPullRequest, startReviewStandin } from '../../../test-support/standin-reviews.js';
import { guardCheck } from '../src/guard-check.js';
import type { GuardRepo } from './guard-repo.fixture.js';
import { createFeatureRepo } from './guard-repo.fixture.js';

const config = 'version: 1\nrules:\n  docs/orphan: error\n';
let standin: GithubStandin;
let repo: GuardRepo;
let reviewed: ReviewedPull;
let pull: StoredPull;

beforeEach(async () => {
  standin = await startReviewStandin();
  repo = createFeatureRepo(
    { 'harness.config.yaml': config, '.github/CODEOWNERS': '/harness.config.yaml @lead\n' },
    { 'harness.config.yaml': config.replace('error', '"off"') },
  );
  const head = repo.git('rev-parse', 'HEAD');
  reviewed = openPullRequest(standin, { branch: 'feature', head, eventDir: join(repo.root, '.git') });
  pull = reviewed.pull;
});

afterEach(async () => {
  repo.remove();
  await closeReviewStandin(standin);
});

async function runGuard(env: StandinEnv) {
  const base = { ref: 'main', commit: repo.git('rev-parse', 'main') };
  return guardCheck.run({ root: repo.root, config: { version: 1 }, options: { base, env } });
}

const pullRequestEnv = () => reviewed.env();

describe('the guard check accepts what a code owner approved', () => {
  it('approved by the owner at the head: no finding, a note', async () => {
    pull.reviews.push({ id: 1, user: 'lead', body: '', state: 'APPROVED', commitId: repo.git('rev-parse', 'HEAD') });
    const outcome = await runGuard(pullRequestEnv());
    expect(outcome.diagnostics).toEqual([]);
    expect(outcome.notes).toEqual([
      expect.stringMatching(/^accepted: .*docs\/orphan.* \(approved by @lead, code owner of harness\.config\.yaml\)$/),
    ]);
  });

  it('approved by someone else: the finding stands and names the owner to ask', async () => {
    pull.reviews.push({ id: 1, user: 'peer', body: '', state: 'APPROVED', commitId: repo.git('rev-parse', 'HEAD') });
    const outcome = await runGuard(pullRequestEnv());
    expect(outcome.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'guard/loosened',
        file: 'harness.config.yaml',
        fix: expect.stringMatching(/^Ask a code owner of harness\.config\.yaml \(@lead, from \.github\/CODEOWNERS/),
      }),
    ]);
  });

  it('without a token: the finding says how to get it accepted, and GitHub is not asked', async () => {
    const outcome = await runGuard({});
    expect(outcome.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'guard/loosened',
        fix: expect.stringContaining('with GITHUB_TOKEN set (pull-requests: read)'),
      }),
    ]);
    expect(standin.requests).toEqual([]);
  });
});
