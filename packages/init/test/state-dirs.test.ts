// End to end with the built bin: harness's caches never reach git. A check run
// in a repository without init leaves `git status` clean; after init, "git add
// -A && git commit" commits the baselines but no cache, and the next check
// dirties nothing. And a write init cannot make is an exit-2 error, not a bug.
// Needs the build (`pnpm test` builds first).
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../harness/bin/harness.js', import.meta.url));
// The user's environment, without what pnpm and vitest add.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(npm_|pnpm_|VITEST|NODE_OPTIONS$|INIT_CWD$|GITHUB_)/i.test(key)),
);

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function harness(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd, env: { ...env, CI: 'true' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
      },
    );
  });
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=dev@example.com', '-c', 'user.name=dev', ...args], {
    cwd,
    encoding: 'utf8',
  });
}

function freshRepo(): string {
  const root = mkdtempSync(join(tmpdir(), 'harness-state-dirs-'));
  made.push(root);
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'package.json'), '{\n  "name": "fresh",\n  "type": "module"\n}\n');
  writeFileSync(join(root, 'README.md'), '# fresh\n\nSee [the code](src/a.ts).\n');
  writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'src', 'b.ts'), "import { a } from './a.js';\nexport const b = a + 1;\n");
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'initial');
  return root;
}

describe('harness state folders', () => {
  it('checks without init, init, commit everything, check again: the tree stays clean and no cache is tracked', async () => {
    if (!existsSync(join(bin, '../../dist/run.js')))
      throw new Error('build the packages first: pnpm turbo run build --filter agent-harness...');
    const root = freshRepo();
    for (const check of ['docs', 'layers']) {
      const run = await harness(root, 'check', check);
      expect(run.stderr, check).not.toContain('internal error');
      expect([0, 1], `${check}: ${run.stderr}`).toContain(run.code);
    }
    expect(existsSync(join(root, '.harness/cache'))).toBe(true);
    expect(git(root, 'status', '--porcelain', '--untracked-files=all')).toBe('');

    const init = await harness(root, 'init', '--yes');
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('git add -A');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'Add harness');
    const tracked = git(root, 'ls-files', '.harness')
      .split('\n')
      .filter((f) => f !== '');
    expect(
      tracked.every((f) => f.startsWith('.harness/baseline/')),
      tracked.join(', '),
    ).toBe(true);
    expect(readFileSync(join(root, '.harness/cache/.gitignore'), 'utf8')).toMatch(/^\*$/m);

    const again = await harness(root, 'check');
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(git(root, 'status', '--porcelain', '--untracked-files=all')).toBe('');
  });

  it('init with AGENTS.md a folder: exit 2, IO_FAILED naming it with a fix, nothing written', async () => {
    const root = freshRepo();
    mkdirSync(join(root, 'AGENTS.md'));
    writeFileSync(join(root, 'AGENTS.md', 'notes.txt'), 'mine\n');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'notes');
    const init = await harness(root, 'init', '--yes');
    expect(init.code).toBe(2);
    expect(init.stderr).toMatch(
      /^AGENTS\.md: error IO_FAILED: AGENTS\.md is a folder.*nothing was written\n {2}fix: Move or rename the folder AGENTS\.md/m,
    );
    expect(init.stderr).not.toContain('internal error');
    expect(git(root, 'status', '--porcelain', '--untracked-files=all')).toBe('');
  });
});
