// Copies a fixture repository to a temporary folder and makes it a git
// repository with one commit, as a user's repository would be.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const fixturesDir = fileURLToPath(new URL('fixtures/', import.meta.url));

const made: string[] = [];

/** Removes every fixture repository made so far (call it in afterAll). */
export function removeFixtureRepos(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function fixtureRepo(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `harness-init-${name}-`));
  made.push(dir);
  cpSync(join(fixturesDir, name), dir, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.email=dev@example.com', '-c', 'user.name=dev', 'commit', '-qm', 'initial');
  return dir;
}

/**
 * Every file under a folder with its content, for before/after comparisons;
 * .git, node_modules and harness's own caches (.harness/cache, gitignored and
 * stamped with modification times) are not the user's files and are left out.
 */
export function snapshotTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === '.git' || name === 'node_modules') continue;
      const path = join(dir, name);
      if (relative(root, path).split('\\').join('/') === '.harness/cache') continue;
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(root, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return out;
}
