// Small fixture repositories in a temporary folder: a committed git repo with
// a harness.config.yaml, optionally a copy of the turbo workspace fixture.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const harnessBin = join(repoRoot, 'packages/harness/bin/harness.js');

/** An environment without the caller's noise: no CI, no colours, turbo quiet. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmpdir(),
    TURBO_TELEMETRY_DISABLED: '1',
    DO_NOT_TRACK: '1',
    NO_COLOR: '1',
    ...extra,
  };
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=test', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim();
}

/** A committed repository holding `config` as harness.config.yaml, removed when the test that made it finishes. */
export function createRepo(config: string, options: { turbo?: boolean } = {}): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'harness-budget-')));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  if (options.turbo === true) {
    cpSync(fileURLToPath(new URL('fixtures/turbo-workspace', import.meta.url)), dir, { recursive: true });
    renameSync(join(dir, 'gitignore.txt'), join(dir, '.gitignore'));
    // The repository's own turbo, so the fixture runs offline without an install.
    mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true });
    symlinkSync(realpathSync(join(repoRoot, 'node_modules/turbo')), join(dir, 'node_modules/turbo'));
    symlinkSync('../turbo/bin/turbo', join(dir, 'node_modules/.bin/turbo'));
  } else {
    writeFileSync(join(dir, '.gitignore'), '.harness/\n');
  }
  writeFileSync(join(dir, 'harness.config.yaml'), config);
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'fixture']);
  return dir;
}

export function headCommit(dir: string): string {
  return git(dir, ['rev-parse', 'HEAD']);
}
