// Shared arrangement for the loop's tests: a real bare repository as `origin`, a
// clone to run the loop in, the GitHub stand-in whose PR heads come from that bare
// repository, a scripted agent, and a clock the test moves.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, onTestFinished } from 'vitest';
import { sectionDefaults } from 'agent-harness-config';
import type { FactoryConfig } from 'agent-harness-config';
import { createGithubClient } from 'agent-harness-github';
import { addIssue, pullsOf, startGithubStandin } from 'agent-harness-github-standin';
import type { GithubStandin, NewIssue, StandinRepository } from 'agent-harness-github-standin';
import { createCheckGate } from '../src/check-gate.js';
import { createGitAdapter } from '../src/git-adapter.js';
import { githubIssueSource } from '../src/github-issues.js';
import { githubPullGateway } from '../src/pull-gateway.js';
import type { RunFactoryOptions } from '../src/run-factory.js';
import { runAgent } from '../src/run-agent.js';

export const agentsDir = join(import.meta.dirname, 'fixtures', 'agents');

export const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

export interface World {
  standin: GithubStandin;
  repo: StandinRepository;
  origin: string;
  root: string;
  script: string;
  clock: { offsetMs: number; now: () => Date };
  env: Record<string, string>;
  addIssue(issue: NewIssue): number;
  /** Steps the scripted agent takes, one per run. */
  script_(steps: unknown[]): void;
  options(
    overrides?: Partial<Omit<RunFactoryOptions, 'config'>> & { config?: Partial<FactoryConfig> },
  ): RunFactoryOptions;
  git: (cwd: string, ...args: string[]) => string;
}

/** A bare `origin` with one commit on main (a config and a README), and `work`, a clone of it; removed when the test finishes. */
export function createOrigin(prefix = 'factory-world-'): { base: string; origin: string; root: string } {
  const base = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(base, { recursive: true, force: true }));
  const origin = join(base, 'origin.git');
  git(base, 'init', '--quiet', '--bare', '--initial-branch=main', origin);
  const seed = join(base, 'seed');
  git(base, 'clone', '--quiet', origin, seed);
  writeFileSync(join(seed, 'harness.config.yaml'), 'version: 1\n');
  writeFileSync(join(seed, 'README.md'), '# app\n');
  git(seed, 'add', '.');
  git(seed, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '-m', 'seed');
  git(seed, 'push', '--quiet', 'origin', 'HEAD:main');
  const root = join(base, 'work');
  git(base, 'clone', '--quiet', origin, root);
  return { base, origin, root };
}

async function createWorld(): Promise<World> {
  const { base, origin, root } = createOrigin();
  const standin = await startGithubStandin();
  standin.state.addToken('t');
  const repo = standin.state.addRepository('octo/app');
  const pulls = pullsOf(repo);
  pulls.resolveRef = (ref) => {
    try {
      return git(origin, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
    } catch {
      return undefined;
    }
  };
  const script = join(base, 'agent-script.json');
  const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
  const env = {
    PATH: process.env.PATH ?? '',
    GITHUB_API_URL: standin.url,
    GITHUB_TOKEN: 't',
    FACTORY_SCRIPT: script,
    FACTORY_REPO: 'octo/app',
  };
  const client = createGithubClient({ env, repository: { owner: 'octo', repo: 'app' }, waitUnitMs: 1 });
  return {
    standin,
    repo,
    origin,
    root,
    script,
    clock,
    env,
    git,
    addIssue: (issue) => addIssue(repo, { labels: ['agent-ready'], ...issue }).number,
    script_: (steps) => writeFileSync(script, JSON.stringify(steps)),
    options: (overrides = {}) => ({
      root,
      config: {
        ...sectionDefaults('factory'),
        agent: `"${process.execPath}" "${join(agentsDir, 'scripted.mjs')}"`,
        ...overrides.config,
      },
      env,
      git: createGitAdapter(),
      pulls: githubPullGateway(client),
      issues: githubIssueSource(client),
      runAgent,
      check: createCheckGate(env),
      now: clock.now,
      once: true,
      ...Object.fromEntries(Object.entries(overrides).filter(([k]) => k !== 'config')),
    }),
  };
}

export interface UseWorldOptions {
  /**
   * The test file's own teardown that must come first, while the world is still open: waiting for
   * requests still under way (they count for the contract check), removing what a test started
   * outside the world.
   */
  beforeClose?: (world: World) => Promise<void> | void;
}

/**
 * A fresh world for each test of the file that calls it (at its top level): created before each
 * test; after it, `options.beforeClose`, then the check that the stand-in saw no request against
 * GitHub's contract, then the stand-in's close. Returns an accessor for the running test's world;
 * a file's own setup goes in a `beforeEach` registered after this call, which runs after it.
 */
export function useWorld(options: UseWorldOptions = {}): () => World {
  let current: World | undefined;
  beforeEach(async () => {
    current = await createWorld();
  });
  afterEach(async () => {
    const world = current;
    current = undefined;
    // A world that failed to come up has nothing to check or close (the failure is reported already).
    if (world === undefined) return;
    try {
      await options.beforeClose?.(world);
      expect(world.standin.violations).toEqual([]);
    } finally {
      await world.standin.close();
    }
  });
  return () => {
    if (current === undefined) throw new Error('useWorld(): a world exists only while a test runs');
    return current;
  };
}
