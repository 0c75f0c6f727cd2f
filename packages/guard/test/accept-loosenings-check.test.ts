// The guard check with acceptance wired in: a loosening a code owner approved is a note, not a
// finding; one nobody approved is a finding whose fix names the owners. Real git, the GitHub stand-in.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addPull, pullsOf, startGithubStandin } from 'agent-harness-github-standin';
import type { GithubStandin, StoredPull } from 'agent-harness-github-standin';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guardCheck } from '../src/guard-check.js';
import type { GuardRepo } from './guard-repo.fixture.js';
import { createGuardRepo } from './guard-repo.fixture.js';

const config = 'version: 1\nrules:\n  docs/orphan: error\n';
let standin: GithubStandin;
let repo: GuardRepo;
let pull: StoredPull;
let eventDir: string;

beforeEach(async () => {
  standin = await startGithubStandin();
  standin.state.addToken('actions-token', { administration: false });
  const repository = standin.state.addRepository('octo-org/app');
  repo = createGuardRepo({ 'harness.config.yaml': config, '.github/CODEOWNERS': '/harness.config.yaml @lead\n' });
  repo.git('checkout', '-q', '-b', 'feature');
  const head = repo.commit({ 'harness.config.yaml': config.replace('error', '"off"') }, 'turn the rule off');
  pullsOf(repository).resolveRef = (ref) => (ref === 'feature' ? head : undefined);
  pull = addPull(repository, { title: 'loosen', body: null, head: 'feature', base: 'main' });
  eventDir = mkdtempSync(join(tmpdir(), 'guard-event-'));
});

afterEach(async () => {
  expect(standin.violations).toEqual([]);
  await standin.close();
  repo.cleanup();
  rmSync(eventDir, { recursive: true, force: true });
});

async function runGuard(env: Record<string, string>) {
  const base = { ref: 'main', commit: repo.git('rev-parse', 'main') };
  return guardCheck.run({ root: repo.root, config: { version: 1 }, options: { base, env } });
}

function pullRequestEnv(): Record<string, string> {
  const event = join(eventDir, 'event.json');
  writeFileSync(event, JSON.stringify({ pull_request: { number: pull.issue.number } }));
  return {
    GITHUB_TOKEN: 'actions-token',
    GITHUB_API_URL: standin.url,
    GITHUB_REPOSITORY: 'octo-org/app',
    GITHUB_EVENT_PATH: event,
  };
}

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
