// Small git repositories with a compose file, real worktrees, and a cleanup that removes every
// container, network and volume harness made for them (found by the repository label).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface FixtureRepo {
  /** The main worktree. */
  root: string;
  /** git's common dir: the value of the dev.harness.repo label. */
  commonDir: string;
  /** The temporary folder holding the repository and its worktrees. */
  base: string;
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function createRepo(files: Record<string, string>, name = 'shop'): FixtureRepo {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'harness-compose-')));
  const root = join(base, name);
  mkdirSync(root);
  git(root, ['init', '-q', '-b', 'main']);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  git(root, ['add', '.']);
  git(root, ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'fixture']);
  return { root, commonDir: join(root, '.git'), base };
}

/** `git worktree add <base>/<folder>/<name>`: folders let two worktrees share a name. */
export function addWorktree(repo: FixtureRepo, path: string, detached = true): string {
  const target = join(repo.base, path);
  git(repo.root, ['worktree', 'add', '-q', ...(detached ? ['--detach'] : []), target]);
  return target;
}

/** A docker call that fails fails the test: "nothing left behind" must never mean "docker did not answer". */
function docker(args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The container of a compose service, found by compose's labels (v1 names it `p_db_1`, v2 `p-db-1`). */
export function serviceContainer(project: string, service: string): string {
  const filters = [
    '--filter',
    `label=com.docker.compose.project=${project}`,
    '--filter',
    `label=com.docker.compose.service=${service}`,
  ];
  const ids = docker(['ps', '-aq', ...filters])
    .split('\n')
    .filter(Boolean);
  if (ids.length !== 1) throw new Error(`expected one container of ${project}/${service}, found ${ids.length}`);
  return ids[0] ?? '';
}

/** The projects the repository's port registry holds. */
export function registeredProjects(commonDir: string): string[] {
  const file = join(commonDir, 'harness', 'ports.json');
  if (!existsSync(file)) return [];
  return Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { projects: Record<string, unknown> }).projects).sort();
}

/** Every container, network and volume harness labelled for the repository. */
export function leftovers(commonDir: string): { containers: string[]; networks: string[]; volumes: string[] } {
  const filter = ['--filter', `label=dev.harness.repo=${commonDir}`];
  const lines = (text: string) => text.split('\n').filter(Boolean);
  return {
    containers: lines(docker(['ps', '-a', '--format', '{{.Names}}', ...filter])),
    networks: lines(docker(['network', 'ls', '--format', '{{.Name}}', ...filter])),
    volumes: lines(docker(['volume', 'ls', '--format', '{{.Name}}', ...filter])),
  };
}

/** Containers, networks and volumes of a compose project, whoever labelled them. */
export function projectLeftovers(project: string): string[] {
  const filter = ['--filter', `label=com.docker.compose.project=${project}`];
  return [
    ...docker(['ps', '-a', '--format', '{{.Names}}', ...filter]).split('\n'),
    ...docker(['network', 'ls', '--format', '{{.Name}}', ...filter]).split('\n'),
    ...docker(['volume', 'ls', '--format', '{{.Name}}', ...filter]).split('\n'),
  ].filter(Boolean);
}

export function removeRepo(repo: FixtureRepo): void {
  try {
    const found = leftovers(repo.commonDir);
    if (found.containers.length > 0) docker(['rm', '-f', '-v', ...found.containers]);
    if (found.networks.length > 0) docker(['network', 'rm', ...found.networks]);
    if (found.volumes.length > 0) docker(['volume', 'rm', '-f', ...found.volumes]);
  } finally {
    rmSync(repo.base, { recursive: true, force: true });
  }
}

export function uniqueTag(): string {
  return `harness-test-busybox:${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}
