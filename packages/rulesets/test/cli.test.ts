// End to end: the built `harness` bin with a clean environment against the stand-in GitHub.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { faults, startGithubStandin } from 'agent-harness-github-standin';
import type { GithubStandin } from 'agent-harness-github-standin';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { arrangeGithub, cleanEnv, createRepo, harnessBin, template } from './fixture-repo.js';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

let standin: GithubStandin;

beforeEach(async () => {
  standin = await startGithubStandin();
  arrangeGithub(standin);
});

afterEach(async () => {
  expect(standin.violations).toEqual([]);
  await standin.close();
});

function harness(
  cwd: string,
  args: string[],
  env: Record<string, string> = { GITHUB_TOKEN: 'admin-token' },
): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [harnessBin, ...args],
      { cwd, env: cleanEnv({ GITHUB_API_URL: standin.url, ...env }) },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
      },
    );
  });
}

describe('harness rulesets', () => {
  it('plans, finds drift, applies once, then checks clean, with the repository taken from origin', async () => {
    const dir = createRepo({ 'main.json': template });
    const plan = await harness(dir, ['rulesets', 'plan']);
    expect(plan).toMatchObject({ code: 0, stderr: '' });
    expect(plan.stdout).toContain('  + create "main"  (.github/rulesets/main.json)\n');
    expect(plan.stdout).toContain(
      '  · left alone "org-wide": organization ruleset of octo-org; harness never changes it\n',
    );

    const drift = await harness(dir, ['rulesets', 'check', '--format', 'json']);
    expect(drift.code).toBe(1);
    expect(JSON.parse(drift.stdout)).toMatchObject({
      ok: false,
      diagnostics: [
        { rule: 'rulesets/missing', file: '.github/rulesets/main.json', docs: 'docs/rules/rulesets.md#missing' },
      ],
    });

    const apply = await harness(dir, ['rulesets', 'apply', '--format', 'json']);
    expect(apply.code).toBe(0);
    expect(JSON.parse(apply.stdout)).toMatchObject({ dryRun: false, applied: [{ name: 'main', action: 'create' }] });
    const writes = standin.writes().length;
    expect((await harness(dir, ['rulesets', 'apply'])).stdout).toContain(
      'Nothing to do: GitHub already matches the files.',
    );
    expect(standin.writes()).toHaveLength(writes);
    expect((await harness(dir, ['rulesets', 'check'])).code).toBe(0);
  });

  it('runs inside harness check only with a token, skipped with one notice otherwise', async () => {
    const dir = createRepo({ 'main.json': template });
    const without = await harness(dir, ['check', 'rulesets', '--format', 'json'], {});
    expect(without.code).toBe(0);
    expect(JSON.parse(without.stdout)).toMatchObject({
      ok: true,
      checks: [{ name: 'rulesets', skipped: 'GITHUB_TOKEN is not set, so GitHub was not asked' }],
    });
    expect(without.stderr).toBe('rulesets: skipped (GITHUB_TOKEN is not set, so GitHub was not asked)\n');
    expect(standin.requests).toEqual([]);
    const withToken = await harness(dir, ['check', 'rulesets', '--format', 'json']);
    expect(withToken.code).toBe(1);
    expect(JSON.parse(withToken.stdout)).toMatchObject({ diagnostics: [{ rule: 'rulesets/missing' }] });
  });

  it('exports without overwriting unless --force', async () => {
    const dir = createRepo({ 'main.json': template });
    await harness(dir, ['rulesets', 'apply']);
    const refused = await harness(dir, ['rulesets', 'export']);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toContain(
      '.github/rulesets/main.json: error FILE_EXISTS: export would overwrite .github/rulesets/main.json\n  fix: Run `harness rulesets plan`',
    );
    const forced = await harness(dir, ['rulesets', 'export', '--force']);
    expect(forced.stdout).toBe(
      'wrote .github/rulesets/hand-made.json  ("hand-made")\nwrote .github/rulesets/main.json  ("main", replaced)\nskipped org-wide (organization ruleset of octo-org)\n',
    );
    expect(JSON.parse(readFileSync(join(dir, '.github/rulesets/hand-made.json'), 'utf8'))).toMatchObject({
      name: 'hand-made',
      source_type: 'Repository',
      source: 'octo-org/app',
    });
  });

  it.each([
    ['no token', {}, undefined, 'error GITHUB_AUTH: GITHUB_TOKEN is not set', 'Administration: Read and write'],
    [
      'a rejected token (401)',
      { GITHUB_TOKEN: 'wrong' },
      undefined,
      'error GITHUB_AUTH: GitHub rejected the token in GITHUB_TOKEN',
      'The token is wrong, expired or revoked.',
    ],
    [
      'the plan gate (403)',
      { GITHUB_TOKEN: 'admin-token' },
      faults.planGate(),
      "error GITHUB_FORBIDDEN: octo-org/app is private and its GitHub plan does not include rulesets (GitHub's plan gate",
      'Make the repository public',
    ],
    [
      'an unknown repository (404)',
      { GITHUB_TOKEN: 'admin-token', GITHUB_REPOSITORY: 'octo-org/nope' },
      undefined,
      'error GITHUB_NOT_FOUND: GitHub has no repository octo-org/nope that this token can see',
      'a fine-grained token must list the repository',
    ],
    [
      'a refused request (422)',
      { GITHUB_TOKEN: 'admin-token' },
      faults.invalid('Name must be unique'),
      'error GITHUB_INVALID: GitHub refused to list rulesets on octo-org/app. GitHub said: Validation Failed: Name must be unique (422)',
      'Correct the field',
    ],
    [
      'an unreachable API',
      { GITHUB_TOKEN: 'admin-token', GITHUB_API_URL: 'http://127.0.0.1:1' },
      undefined,
      'error GITHUB_UNREACHABLE: cannot reach the GitHub API at http://127.0.0.1:1',
      'Check the network and GITHUB_API_URL',
    ],
  ])('exits 2 on %s, saying what to do', async (_name, env, fault, message, fix) => {
    const dir = createRepo({ 'main.json': template });
    if (fault !== undefined) standin.inject(fault);
    const result = await harness(dir, ['rulesets', 'plan'], env);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('\n  fix: ');
    expect(result.stderr).toContain(fix);
    expect(result.stderr).not.toContain('    at ');
  });

  it('exits 2 when the token may read but not administer, naming the permission', async () => {
    const dir = createRepo({ 'main.json': template });
    const result = await harness(dir, ['rulesets', 'apply'], { GITHUB_TOKEN: 'read-token' });
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toContain(
      'error GITHUB_FORBIDDEN: the token in GITHUB_TOKEN may not create ruleset "main" on octo-org/app. GitHub said: Resource not accessible by personal access token (403)',
    );
    expect(result.stderr).toContain('"Administration: Read and write"');
  });

  it('waits out a 429 with Retry-After, saying so, and succeeds', async () => {
    const dir = createRepo({ 'main.json': template });
    standin.inject(faults.secondaryRateLimit(1));
    const result = await harness(dir, ['rulesets', 'plan', '--repo', 'octo-org/app']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^GitHub secondary rate limit: waiting 1 s before retrying GET http:\/\/127\.0\.0\.1:\d+\/repos\/octo-org\/app\/rulesets/,
    );
    expect(standin.requests.map((r) => r.status).slice(0, 2)).toEqual([429, 200]);
  });
});
