// Small fixture repositories for the rulesets tests: a git repo with a
// harness.config.yaml and ruleset files, plus a stand-in GitHub holding
// octo-org/app with one organization ruleset and one ruleset made by hand.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GithubStandin } from 'agent-harness-github-standin';
import { onTestFinished } from 'vitest';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const harnessBin = join(repoRoot, 'packages/harness/bin/harness.js');
export const template = readFileSync(join(repoRoot, 'templates/github/rulesets/main.json'), 'utf8');

/** A ruleset as GitHub's Export button writes it: with id, source and source_type. */
export const releaseExport = `${JSON.stringify(
  {
    id: 99,
    name: 'release',
    target: 'branch',
    source_type: 'Repository',
    source: 'octo-org/app',
    enforcement: 'evaluate',
    conditions: { ref_name: { exclude: [], include: ['refs/heads/release/*'] } },
    rules: [{ type: 'non_fast_forward' }, { type: 'required_linear_history' }],
    bypass_actors: [
      { actor_id: 5, actor_type: 'RepositoryRole', bypass_mode: 'always' },
      { actor_id: null, actor_type: 'OrganizationAdmin', bypass_mode: 'always' },
    ],
  },
  null,
  2,
)}\n`;

export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? tmpdir(), NO_COLOR: '1', ...extra };
}

function git(cwd: string, args: string[]): void {
  execFileSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=test', ...args], { cwd });
}

/** A committed repository with the given ruleset files in .github/rulesets and an origin on GitHub, removed when the test finishes. */
export function createRepo(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'harness-rulesets-')));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'harness.config.yaml'), 'version: 1\nrulesets:\n  dir: .github/rulesets\n');
  mkdirSync(join(dir, '.github/rulesets'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, '.github/rulesets', name), text);
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['remote', 'add', 'origin', 'git@github.com:octo-org/app.git']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'fixture']);
  return dir;
}

/** octo-org/app, a token that may administer it, an organization ruleset and one clicked together by hand. */
export function arrangeGithub(standin: GithubStandin): { orgRulesetId: number; handMadeId: number } {
  standin.state.addToken('admin-token');
  standin.state.addToken('read-token', { administration: false });
  standin.state.addRepository('octo-org/app');
  const org = standin.state.addOrganizationRuleset('octo-org', {
    name: 'org-wide',
    target: 'branch',
    enforcement: 'active',
    rules: [{ type: 'deletion' }],
    bypass_actors: [],
  });
  const handMade = standin.state.addRuleset('octo-org/app', {
    name: 'hand-made',
    target: 'tag',
    enforcement: 'active',
    rules: [{ type: 'deletion' }],
    bypass_actors: [],
  });
  return { orgRulesetId: org.id, handMadeId: handMade.id };
}
