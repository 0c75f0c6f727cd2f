// Hostile ground: symlinks (to /, to a parent, loops, dangling, AGENTS.md out of the repository),
// a stdout closed early, and signals in the middle of a check.
import type { ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ground } from './hostile-repo.js';
import {
  collect,
  commitAll,
  createGround,
  git,
  expectCleanOutcome,
  expectNothingOutside,
  outsideSnapshot,
  removeGrounds,
  runBin,
  snapshot,
  startBin,
} from './hostile-repo.js';

afterAll(removeGrounds);

const config =
  'version: 1\ndocs:\n  map: AGENTS.md\n  root: docs\nlayers:\n  order: [core, app]\n  paths:\n    core: ["src/core/**"]\n    app: ["src/app/**"]\n';
const files = {
  'harness.config.yaml': config,
  'AGENTS.md': '# Map\n\n- [docs](docs/index.md)\n- `src/core/a.ts`\n',
  'docs/index.md': '# Docs\n\nSee `src/app/b.ts`.\n',
  'src/core/a.ts': 'export const a = 1;\n',
  'src/app/b.ts': "import { a } from '../core/a';\nexport const b = a;\n",
};

type Arrange = (ground: Ground) => void;
const link =
  (target: (g: Ground) => string, path: string): Arrange =>
  (g) =>
    symlinkSync(target(g), join(g.repo, path));

const symlinkCases: [string, Arrange[], string[]][] = [
  ['a symlink to / in the source tree', [link(() => '/', 'src/core/root')], ['check']],
  ['a symlink to / in the docs folder', [link(() => '/', 'docs/root')], ['check', 'docs']],
  [
    'a symlink to the parent folder and a loop',
    [link(() => '..', 'src/app/up'), link(() => 'loop-b', 'docs/loop-a'), link(() => 'loop-a', 'docs/loop-b')],
    ['check'],
  ],
  [
    'dangling symlinks, in and out',
    [link(() => 'gone.ts', 'src/core/gone-link.ts'), link((g) => join(g.outside, 'gone.md'), 'docs/gone.md')],
    ['check'],
  ],
  [
    'a source file symlinked out of the repository',
    [link((g) => join(g.outside, 'victim.ts'), 'src/app/linked.ts')],
    ['check', 'layers'],
  ],
  ['a source folder symlinked out of the repository', [link((g) => g.outside, 'src/core/out')], ['check']],
];

/** The most files any of these repositories holds: a count above it means a walk left the work tree. */
const filesInRepo = Object.keys(files).length + 2;

describe('hostile symlinks', () => {
  it.each(symlinkCases)(
    '%s: terminates with 0, 1 or 2 and reads and writes nothing outside',
    async (name, arrange, args) => {
      const ground = createGround(files, { commit: false });
      for (const step of arrange) step(ground);
      commitAll(ground.repo);
      const before = outsideSnapshot(ground);
      const result = await runBin(ground, args);
      expectCleanOutcome(result, `${name}: harness ${args.join(' ')}`);
      expectNothingOutside(ground, before, name);
      // Nothing from outside the work tree shows up as a file harness looked at, or in its counts.
      expect(result.stdout, name).not.toMatch(/(^|\s)(src\/core\/root|docs\/root)\/(etc|usr|proc)\//m);
      expect(`${result.stdout}${result.stderr}`, `${name}: read the file outside`).not.toMatch(/nowhere|\/victim\.ts/);
      for (const [, count] of result.stdout.matchAll(/(\d+) files/g))
        expect(Number(count), `${name}: ${result.stdout}`).toBeLessThanOrEqual(filesInRepo);
    },
  );

  it('a symlink to / outside git: check docs terminates', async () => {
    const ground = createGround(files, { git: false });
    symlinkSync('/', join(ground.repo, 'docs/root'));
    const before = outsideSnapshot(ground);
    expectCleanOutcome(await runBin(ground, ['check', 'docs']), 'no git, docs/root -> /');
    expectNothingOutside(ground, before, 'no git, docs/root -> /');
  });

  it('check docs --fix with AGENTS.md a symlink out of the repository leaves the file outside as it was', async () => {
    const withoutMap: Record<string, string> = Object.fromEntries(
      Object.entries(files).filter(([path]) => path !== 'AGENTS.md'),
    );
    const ground = createGround({ ...withoutMap, 'docs/old.md': '# Old\n' }, { commit: false });
    // A fix --fix would make: the map links a doc that git shows was renamed.
    writeFileSync(join(ground.outside, 'AGENTS.md'), '# Map\n\n- [docs](docs/index.md)\n- [old](docs/old.md)\n');
    symlinkSync(join(ground.outside, 'AGENTS.md'), join(ground.repo, 'AGENTS.md'));
    commitAll(ground.repo);
    git(ground.repo, ['mv', 'docs/old.md', 'docs/new.md']);
    commitAll(ground.repo);
    const before = outsideSnapshot(ground);
    expectCleanOutcome(await runBin(ground, ['check', 'docs', '--fix']), 'AGENTS.md -> outside, check docs --fix');
    expectNothingOutside(ground, before, 'AGENTS.md -> outside, check docs --fix');
  });

  it('init with AGENTS.md a symlink out of the repository (and with --split) leaves the file outside as it was', async () => {
    for (const args of [
      ['init', '--yes'],
      ['init', '--yes', '--split'],
    ]) {
      const ground = createGround(
        { 'src/a.ts': 'export {};\n', 'package.json': '{ "name": "x" }\n' },
        { commit: false },
      );
      symlinkSync(join(ground.outside, 'AGENTS.md'), join(ground.repo, 'AGENTS.md'));
      symlinkSync(join(ground.outside, 'gone.md'), join(ground.repo, 'CLAUDE.md'));
      commitAll(ground.repo);
      const before = outsideSnapshot(ground);
      const what = `AGENTS.md -> outside, CLAUDE.md dangling: harness ${args.join(' ')}`;
      expectCleanOutcome(await runBin(ground, args), what);
      expectNothingOutside(ground, before, what);
      // Nothing is replaced without --force: the links are still links.
      for (const path of ['AGENTS.md', 'CLAUDE.md'])
        expect(lstatSync(join(ground.repo, path)).isSymbolicLink(), `${what}: ${path}`).toBe(true);
    }
  });
});

/** 3,000 broken links: far more than a pipe buffer of output, in every format. */
function loudGround(): Ground {
  const lines = Array.from({ length: 3000 }, (_, i) => `- [missing ${i}](docs/missing/some/deeper/folder/file${i}.md)`);
  return createGround({ ...files, 'AGENTS.md': `# Map\n\n${lines.join('\n')}\n` });
}

describe('a closed stdout', () => {
  it.each([['pretty'], ['json']])('check docs --format %s | head -c 1 ends quietly', async (format) => {
    const ground = loudGround();
    const child = startBin(ground, ['check', 'docs', '--format', format]);
    // Like `head -c 1`: read the first chunk, then close our end of the pipe.
    child.stdout?.once('data', () => child.stdout?.destroy());
    const result = await collect(child, 60_000);
    expect(result.hung).toBe(false);
    expect(result.stderr, `harness check docs --format ${format} | head -c 1`).not.toMatch(
      /^\s+at |EPIPE|internal error/m,
    );
    expect([0, 1, null], `exit ${String(result.code)}, stderr: ${result.stderr.slice(0, 1000)}`).toContain(result.code);
  });
});

/** Resolves when `path` (or anything under the repository) first appears, by fs events. */
function whenCreated(ground: Ground, path: string, then: () => void): { close: () => void } {
  const watcher = watch(ground.repo, { recursive: true }, () => {
    if (!existsSync(join(ground.repo, path))) return;
    watcher.close();
    then();
  });
  return watcher;
}

describe('signals during a check', () => {
  // A full run first, so the files a run may write are known; then runs interrupted at set moments.
  let written: Set<string>;
  beforeAll(async () => {
    const reference = loudGround();
    await runBin(reference, ['check']);
    written = new Set(
      [...snapshot(reference.repo, (p) => p.endsWith('/.git')).keys()].map((p) => relative(reference.repo, p)),
    );
  });

  it.each([
    ['SIGINT at start', 'SIGINT' as const, 'start'],
    ['SIGTERM at start', 'SIGTERM' as const, 'start'],
    ['SIGINT once the state folder exists', 'SIGINT' as const, '.harness'],
    ['SIGTERM once the state folder exists', 'SIGTERM' as const, '.harness'],
  ])('%s: a clean exit code, no partial writes, no temporary files', async (name, signal, moment) => {
    const ground = loudGround();
    const before = outsideSnapshot(ground);
    const child = startBin(ground, ['check']);
    const running = collect(child, 60_000);
    let signalled = false;
    const interrupt = (target: ChildProcess) => (signalled = target.kill(signal));
    const watcher = moment === 'start' ? undefined : whenCreated(ground, moment, () => interrupt(child));
    if (moment === 'start') interrupt(child);
    const result = await running;
    watcher?.close();
    const what = `${name}: exit ${String(result.code)} ${String(result.signal)}, stderr: ${result.stderr.slice(0, 1000)}`;
    // The moment came while the check ran, so this case did test an interruption.
    expect(signalled, what).toBe(true);
    expect(result.hung, what).toBe(false);
    expect(result.stderr, what).not.toMatch(/^\s+at |internal error/m);
    // Ended by the signal, or exited with a code harness gives it (130 for SIGINT, 143 for SIGTERM), or finished first.
    if (result.signal === null) expect([0, 1, 2, 130, 143], what).toContain(result.code);
    else expect(result.signal, what).toBe(signal);
    expectNothingOutside(ground, before, what);
    for (const path of snapshot(ground.repo, (p) => p.endsWith('/.git')).keys()) {
      const rel = relative(ground.repo, path);
      expect(written, `${what}\nleft a file a full run never writes: ${rel}`).toContain(rel);
      if (rel.endsWith('.json'))
        expect(() => JSON.parse(readFileSync(path, 'utf8')) as unknown, `${what}\nhalf-written ${rel}`).not.toThrow();
    }
    expect(readdirSync(ground.tmp)).toEqual([]);
  });
});
