// The factory soak's world (docs/factory.md, "Soak"): a bare `origin` whose update hook logs every
// ref change (a force push shows up as an update that is not a fast-forward), a clone for the loop,
// the GitHub stand-in whose merges squash into origin's main for real, a CI that reports `ci` on
// every PR head the API is asked about, a person who pushes, relabels and closes, and the issues,
// each of a kind the soak agent (soak-agent.mjs) plays. Shared by bench/factory-soak/run.ts and the
// CI slice (packages/factory/test/soak-slice.test.ts): no runtime import of a sibling module here.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Standin from '../../packages/github-standin/src/index.js';

/** What the issue's agent does: see soak-agent.mjs. */
export type IssueKind = 'normal' | 'red' | 'stall' | 'redci' | 'human';

interface SoakIssue {
  number: number;
  kind: IssueKind;
  dependsOn?: number | undefined;
}

interface MergeRecord {
  pr: number;
  branch: string;
  sha: string;
  /** The `ci` statuses on the merged head when GitHub merged it. */
  ci: string[];
  /** How many requests the stand-in had answered before this merge. */
  requestIndex: number;
}

interface RefUpdate {
  ref: string;
  old: string;
  new: string;
  fastForward: boolean;
}

export type StandinModule = Pick<typeof Standin, 'startGithubStandin' | 'addIssue' | 'pullsOf' | 'issuesOf'>;

export interface SoakWorldOptions {
  standinModule: StandinModule;
  harnessBin: string;
  /** Where the world lives (a fresh folder is made in it). */
  parent: string;
  issues: { kind: IssueKind; dependsOn?: number | undefined }[];
  concurrency: number;
  /** With a `docs` section, so `harness check` can be red (the `red` kind needs it). */
  docs: boolean;
  /** How long CI takes to report on a new head; 0 reports at once, in the request that asks. */
  ciDelayMs: () => number;
}

export interface SoakWorld {
  dir: string;
  origin: string;
  root: string;
  standin: Standin.GithubStandin;
  repo: Standin.StandinRepository;
  env: Record<string, string>;
  issues: SoakIssue[];
  merges: MergeRecord[];
  /** Commits a person pushed to PR branches. */
  foreign: { branch: string; sha: string }[];
  refUpdates(): RefUpdate[];
  /** PRs neither merged nor closed. */
  openPulls(): { number: number; head: string }[];
  /** Called with each request the stand-in has answered (and its 1-based index), before the answer is sent. */
  onRequest(listener: (request: Standin.GithubStandin['requests'][number], index: number) => void): void;
  git(cwd: string, ...args: string[]): string;
  isAncestor(sha: string, ref: string): boolean;
  person: {
    push(branch: string, tag: string): string | undefined;
    removeLabel(issue: number, label: string): boolean;
    addLabel(issue: number, label: string): void;
    closePull(pr: number): boolean;
  };
  close(): Promise<void>;
}

const identity = { GIT_AUTHOR_NAME: 'p', GIT_AUTHOR_EMAIL: 'p@p', GIT_COMMITTER_NAME: 'p', GIT_COMMITTER_EMAIL: 'p@p' };

function gitIn(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...identity },
  }).trim();
}

const updateHook = (log: string) => `#!/bin/sh
ff=yes
zero=0000000000000000000000000000000000000000
if [ "$2" != "$zero" ] && [ "$3" != "$zero" ]; then git merge-base --is-ancestor "$2" "$3" || ff=no; fi
echo "$1 $2 $3 $ff" >> '${log}'
exit 0
`;

function factoryConfig(options: SoakWorldOptions, agent: string): string {
  return [
    'version: 1',
    ...(options.docs ? ['docs: {}'] : []),
    'factory:',
    '  labels: [agent-ready]',
    `  agent: '${agent}'`,
    `  concurrency: ${options.concurrency}`,
    // The `stall` kind is killed after 15 s of silence.
    '  stallMinutes: 0.25',
    '  maxTurns: 20',
    '',
  ].join('\n');
}

/** A bare origin with main (config, AGENTS.md, README) and its update hook; the loop's clone. */
function makeRepositories(dir: string, options: SoakWorldOptions): { origin: string; root: string; refLog: string } {
  const origin = join(dir, 'origin.git');
  const refLog = join(dir, 'ref-updates.log');
  gitIn(dir, 'init', '--quiet', '--bare', '--initial-branch=main', origin);
  const seed = join(dir, 'seed');
  gitIn(dir, 'clone', '--quiet', origin, seed);
  const agent = `"${process.execPath}" "${join(import.meta.dirname, 'soak-agent.mjs')}"`;
  writeFileSync(join(seed, 'harness.config.yaml'), factoryConfig(options, agent));
  writeFileSync(join(seed, 'AGENTS.md'), '# app\n\nSee [README.md](README.md).\n');
  writeFileSync(join(seed, 'README.md'), "# app\n\nThe soak's repository.\n");
  gitIn(seed, 'add', '.');
  gitIn(seed, 'commit', '--quiet', '-m', 'seed');
  gitIn(seed, 'push', '--quiet', 'origin', 'HEAD:main');
  rmSync(seed, { recursive: true, force: true });
  writeFileSync(join(origin, 'hooks', 'update'), updateHook(refLog));
  chmodSync(join(origin, 'hooks', 'update'), 0o755);
  const root = join(dir, 'work');
  gitIn(dir, 'clone', '--quiet', origin, root);
  return { origin, root, refLog };
}

export async function createSoakWorld(options: SoakWorldOptions): Promise<SoakWorld> {
  const { standinModule: mod } = options;
  mkdirSync(options.parent, { recursive: true });
  const dir = mkdtempSync(join(options.parent, 'factory-soak-'));
  const { origin, root, refLog } = makeRepositories(dir, options);
  const standin = await mod.startGithubStandin();
  standin.state.addToken('t');
  const repo = standin.state.addRepository('octo/app');
  const issues = options.issues.map((spec) => {
    const body = `Soak issue (${spec.kind}).${spec.dependsOn === undefined ? '' : `\n\nDepends on #${spec.dependsOn}.`}`;
    const stored = mod.addIssue(repo, { title: `Soak ${spec.kind}`, body, labels: ['agent-ready'] });
    return { number: stored.number, kind: spec.kind, dependsOn: spec.dependsOn };
  });
  const kindsFile = join(dir, 'kinds.json');
  writeFileSync(kindsFile, JSON.stringify(Object.fromEntries(issues.map((i) => [i.number, i.kind]))));
  mkdirSync(join(dir, 'agent-runs'));
  const world: SoakWorld = {
    dir,
    origin,
    root,
    standin,
    repo,
    issues,
    merges: [],
    foreign: [],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      NO_COLOR: '1',
      GITHUB_API_URL: standin.url,
      GITHUB_TOKEN: 't',
      GITHUB_REPOSITORY: 'octo/app',
      SOAK_KINDS: kindsFile,
      SOAK_DIR: dir,
      SOAK_HARNESS_BIN: options.harnessBin,
    },
    refUpdates: () => readRefLog(refLog),
    onRequest: hookRequests(standin),
    openPulls: () =>
      [...mod.pullsOf(repo).pulls.values()]
        .filter((p) => !p.merged && p.issue.state === 'open')
        .map((p) => ({ number: p.issue.number, head: p.head })),
    git: gitIn,
    isAncestor: (sha, ref) => gitOr(origin, 'merge-base', '--is-ancestor', sha, ref) !== undefined,
    person: personOf(mod, repo, origin, dir, (entry) => world.foreign.push(entry)),
    close: () => standin.close(),
  };
  wirePulls(world, mod, options.ciDelayMs);
  return world;
}

/** Listeners called as the stand-in records each answered request, before the answer is sent. */
function hookRequests(standin: Standin.GithubStandin): SoakWorld['onRequest'] {
  const listeners: Parameters<SoakWorld['onRequest']>[0][] = [];
  const push = standin.requests.push.bind(standin.requests);
  standin.requests.push = (...items) => {
    const length = push(...items);
    for (const listener of listeners) for (const item of items) listener(item, length);
    return length;
  };
  return (listener) => void listeners.push(listener);
}

function readRefLog(path: string): RefUpdate[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const [ref = '', old = '', now = '', ff = ''] = l.split(' ');
      return { ref, old, new: now, fastForward: ff === 'yes' };
    });
}

/** Runs git; undefined when it exits non-zero. */
function gitOr(cwd: string, ...args: string[]): string | undefined {
  try {
    return gitIn(cwd, ...args);
  } catch {
    return undefined;
  }
}

const revParse = (origin: string, ref: string) => gitOr(origin, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`);

/** Heads come from origin; CI reports on each PR head once; a merge squashes into main for real. */
function wirePulls(world: SoakWorld, mod: StandinModule, ciDelayMs: () => number): void {
  const pulls = mod.pullsOf(world.repo);
  const reported = new Set<string>();
  const firstHead = new Map<string, string>();
  let statusId = 0;
  const report = (branch: string, sha: string) => {
    if (reported.has(sha)) return;
    reported.add(sha);
    if (!firstHead.has(branch)) firstHead.set(branch, sha);
    const issue = world.issues.find((i) => branch === `harness/issue-${i.number}`);
    const failing = issue?.kind === 'redci' && firstHead.get(branch) === sha;
    const post = () => {
      statusId += 1;
      const state = failing ? 'failure' : 'success';
      pulls.statuses.push({ id: statusId, sha, context: 'ci', state, description: `soak CI: ${state}` });
    };
    const delay = ciDelayMs();
    if (delay <= 0) post();
    else setTimeout(post, delay).unref();
  };
  pulls.resolveRef = (ref) => {
    const sha = revParse(world.origin, ref);
    if (sha !== undefined && ref.startsWith('harness/issue-')) report(ref, sha);
    return sha;
  };
  pulls.onMerge = (pull) => {
    const head = revParse(world.origin, pull.head) ?? '';
    const main = revParse(world.origin, 'main') ?? '';
    const tree = gitIn(world.origin, 'merge-tree', '--write-tree', main, head).split('\n')[0] ?? '';
    const message = `${pull.issue.title} (#${pull.issue.number})`;
    const commit = gitIn(world.origin, 'commit-tree', tree, '-p', main, '-m', message);
    gitIn(world.origin, 'update-ref', 'refs/heads/main', commit, main);
    world.merges.push({
      pr: pull.issue.number,
      branch: pull.head,
      sha: head,
      ci: pulls.statuses.filter((s) => s.sha === head && s.context === 'ci').map((s) => s.state),
      requestIndex: world.standin.requests.length,
    });
    return commit;
  };
}

function personOf(
  mod: StandinModule,
  repo: Standin.StandinRepository,
  origin: string,
  dir: string,
  recordPush: (entry: { branch: string; sha: string }) => void,
): SoakWorld['person'] {
  const issueOf = (n: number) => mod.issuesOf(repo).issues.get(n);
  return {
    push(branch, tag) {
      const clone = mkdtempSync(join(dir, 'person-'));
      try {
        gitIn(clone, 'clone', '--quiet', '--branch', branch, origin, '.');
        mkdirSync(join(clone, 'soak'), { recursive: true });
        writeFileSync(join(clone, 'soak', `person-${tag}.txt`), `a person's change ${tag}\n`);
        gitIn(clone, 'add', '.');
        gitIn(clone, 'commit', '--quiet', '-m', `person: ${tag}`);
        gitIn(clone, 'push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`);
        const sha = gitIn(clone, 'rev-parse', 'HEAD');
        recordPush({ branch, sha });
        return sha;
      } catch {
        // The branch moved under the person (or is gone): their push was refused, nothing was lost.
        return undefined;
      } finally {
        rmSync(clone, { recursive: true, force: true });
      }
    },
    removeLabel(n, label) {
      const issue = issueOf(n);
      if (issue === undefined || !issue.labels.includes(label)) return false;
      issue.labels = issue.labels.filter((l) => l !== label);
      return true;
    },
    addLabel(n, label) {
      const issue = issueOf(n);
      if (issue !== undefined && !issue.labels.includes(label)) issue.labels.push(label);
    },
    closePull(pr) {
      const pull = mod.pullsOf(repo).pulls.get(pr);
      if (pull === undefined || pull.merged || pull.issue.state !== 'open') return false;
      pull.issue.state = 'closed';
      pull.issue.closedAt = new Date().toISOString();
      return true;
    },
  };
}
