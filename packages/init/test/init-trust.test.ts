// Init on hostile repositories (issue 15): symbolic links are the user's files
// and never a way out of the repository; a write that cannot be made stops init
// before anything is written; a failure after the first write leaves nothing
// of init's behind; package.json keeps its byte order mark and line endings.
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registeredChecks } from 'agent-harness-check';
import { formatHarnessError, HarnessError } from 'agent-harness-diagnostics';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApplyOptions } from '../src/index.js';
import { applyInit, planInit, prepareInit } from '../src/index.js';
import { fixtureRepo, snapshotTree } from './fixture-repo.js';

const made: string[] = [];
const repo = (name: string): string => {
  const dir = fixtureRepo(name);
  made.push(dir);
  return dir;
};
const outsideDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'harness-init-outside-'));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) {
    chmodTree(dir);
    rmSync(dir, { recursive: true, force: true });
  }
});

function chmodTree(dir: string): void {
  for (const sub of ['', 'docs', 'src']) {
    try {
      chmodSync(join(dir, sub), 0o755);
    } catch {
      // not there
    }
  }
}

async function plan(root: string, options: { force?: boolean; split?: boolean } = {}) {
  return planInit(await prepareInit({ cwd: root, force: options.force ?? false }), {
    harnessVersion: '0.1.0',
    today: '2026-11-22',
    ...options,
  });
}

async function failure(promise: Promise<unknown>): Promise<HarnessError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HarnessError);
  return error as HarnessError;
}

const isLink = (path: string) => lstatSync(path).isSymbolicLink();

describe('symbolic links are the user’s files', () => {
  it('a dangling AGENTS.md or CLAUDE.md link is kept, and nothing is written where it points', async () => {
    const root = repo('shop');
    const outside = outsideDir();
    symlinkSync(join(outside, 'agents.md'), join(root, 'AGENTS.md'));
    symlinkSync(join(outside, 'claude.md'), join(root, 'CLAUDE.md'));
    for (const force of [false, true]) {
      const planned = await plan(root, { force });
      expect(planned.files.find((f) => f.path === 'AGENTS.md')).toMatchObject({
        action: 'keep',
        reason: expect.stringContaining('symbolic link') as unknown,
      });
      expect(planned.files.find((f) => f.path === 'CLAUDE.md')).toMatchObject({
        action: 'keep',
        reason: expect.stringContaining('symbolic link') as unknown,
      });
      await applyInit(planned);
      expect(isLink(join(root, 'AGENTS.md'))).toBe(true);
      expect(isLink(join(root, 'CLAUDE.md'))).toBe(true);
      expect(existsSync(join(outside, 'agents.md'))).toBe(false);
      expect(existsSync(join(outside, 'claude.md'))).toBe(false);
    }
  });

  it('--split keeps a linked AGENTS.md without --force; with --force the link becomes the map and its target is untouched', async () => {
    const root = repo('shop');
    const long = [
      '# Shop',
      '',
      ...Array.from({ length: 20 }, (_, i) => [
        `## Topic ${i}`,
        '',
        ...Array.from({ length: 8 }, (_, j) => `Line ${j} of topic ${i}.`),
        '',
      ]).flat(),
    ].join('\n');
    writeFileSync(join(root, 'MAP.md'), long);
    symlinkSync('MAP.md', join(root, 'AGENTS.md'));
    const kept = await plan(root, { split: true });
    expect(kept.files.find((f) => f.path === 'AGENTS.md')).toMatchObject({
      action: 'keep',
      reason: expect.stringContaining('--force') as unknown,
    });
    expect(kept.files.some((f) => f.path.startsWith('docs/agents/'))).toBe(false);
    await applyInit(kept);
    expect(readlinkSync(join(root, 'AGENTS.md'))).toBe('MAP.md');
    const forced = await plan(root, { split: true, force: true });
    expect(forced.files.find((f) => f.path === 'AGENTS.md')?.action).toBe('update');
    await applyInit(forced);
    expect(isLink(join(root, 'AGENTS.md'))).toBe(false);
    expect(readFileSync(join(root, 'AGENTS.md'), 'utf8')).toContain('docs/agents/topic-0.md');
    expect(readFileSync(join(root, 'MAP.md'), 'utf8')).toBe(long);
  });

  it('a linked file init would write is kept without --force; --force replaces the link, never what it points to', async () => {
    const root = repo('shop');
    const outside = outsideDir();
    writeFileSync(join(outside, 'workflow.yml'), 'theirs\n');
    mkdirSync(join(root, '.github/workflows'), { recursive: true });
    symlinkSync(join(outside, 'workflow.yml'), join(root, '.github/workflows/harness.yml'));
    const kept = await plan(root);
    expect(kept.files.find((f) => f.path === '.github/workflows/harness.yml')).toMatchObject({
      action: 'keep',
      reason: expect.stringContaining('symbolic link') as unknown,
    });
    await applyInit(kept);
    expect(isLink(join(root, '.github/workflows/harness.yml'))).toBe(true);
    await applyInit(await plan(root, { force: true }));
    expect(isLink(join(root, '.github/workflows/harness.yml'))).toBe(false);
    expect(readFileSync(join(outside, 'workflow.yml'), 'utf8')).toBe('theirs\n');
  });

  it('a folder linked out of the repository gets nothing written through it', async () => {
    const root = repo('shop');
    const outside = outsideDir();
    symlinkSync(outside, join(root, 'docs'));
    const planned = await plan(root);
    expect(planned.files.find((f) => f.path === 'docs/index.md')).toMatchObject({
      action: 'skip',
      reason: expect.stringContaining('leaves the repository') as unknown,
    });
    await applyInit(planned);
    expect(snapshotTree(outside)).toEqual({});
  });
});

describe('a write that cannot be made stops init before anything is written', () => {
  it('AGENTS.md being a folder: IO_FAILED naming it, with a fix, and nothing written', async () => {
    const root = repo('shop');
    mkdirSync(join(root, 'AGENTS.md'));
    writeFileSync(join(root, 'AGENTS.md', 'notes.txt'), 'mine\n');
    const before = snapshotTree(root);
    const planned = await plan(root);
    // --dry-run shows it already.
    expect(planned.notes).toContain(
      'cannot write AGENTS.md: AGENTS.md is a folder. Move or rename the folder AGENTS.md, then run init again.',
    );
    const error = await failure(applyInit(planned));
    expect(error.code).toBe('IO_FAILED');
    expect(error.place?.file).toBe('AGENTS.md');
    expect(formatHarnessError(error)).toMatch(/AGENTS\.md is a folder.*nothing was written.*\n {2}fix: .*AGENTS\.md/s);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('a file where init needs a folder: one line in the plan, one reason in the error, nothing written', async () => {
    const root = repo('shop');
    writeFileSync(join(root, 'docs'), 'notes\n');
    const before = snapshotTree(root);
    const planned = await plan(root);
    expect(planned.notes.filter((n) => n.startsWith('cannot write'))).toEqual([
      expect.stringMatching(
        /^cannot write docs\/architecture\.md and \d+ more: docs is a file, not a folder\. Move docs away/,
      ) as unknown,
    ]);
    const error = await failure(applyInit(planned));
    expect(error).toMatchObject({
      code: 'IO_FAILED',
      message: 'docs is a file, not a folder, so init cannot write there; nothing was written',
      fix: 'Move docs away, then run init again.',
    });
    expect(snapshotTree(root)).toEqual(before);
  });

  it.skipIf(process.getuid?.() === 0)(
    'a read-only folder: IO_FAILED naming the folder, and nothing written',
    async () => {
      const root = repo('shop');
      mkdirSync(join(root, 'docs'));
      chmodSync(join(root, 'docs'), 0o555);
      const before = snapshotTree(root);
      const error = await failure(applyInit(await plan(root)));
      expect(error).toMatchObject({ code: 'IO_FAILED', place: { file: 'docs/architecture.md' } });
      expect(error.message).toContain('docs is not writable');
      expect(snapshotTree(root)).toEqual(before);
    },
  );

  it('a write failing midway (EACCES) is IO_FAILED with the path, and init undoes the files it wrote', async () => {
    const root = repo('shop');
    const before = snapshotTree(root);
    const planned = await plan(root);
    let count = 0;
    const writeFile: ApplyOptions['writeFile'] = async (path, content, write) => {
      if (++count === 5)
        throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
      await write(path, content);
    };
    const error = await failure(applyInit(planned, { writeFile }));
    expect(error.code).toBe('IO_FAILED');
    expect(error.message).toMatch(/cannot write .*permission denied.*nothing is left written/s);
    expect(error.fix).toContain('writable');
    expect(snapshotTree(root)).toEqual(before);
  });

  it('a check that fails while baselines are recorded leaves no file of init’s behind, and package.json as it was', async () => {
    const root = repo('shop');
    const before = snapshotTree(root);
    const planned = await plan(root);
    // The docs check crashes at once; the layers check records its baseline only after that, as a
    // slower check does: init must wait for it before undoing, or its baseline is left behind.
    const others: Promise<unknown>[] = [];
    let crash = (): void => undefined;
    const crashed = new Promise<void>((resolve) => (crash = resolve));
    const crashing = registeredChecks.map((c) => {
      if (c.name === 'docs') return { ...c, run: () => Promise.reject(new Error('write EPIPE')).finally(crash) };
      return {
        ...c,
        run: (context: Parameters<typeof c.run>[0]) => {
          const run = crashed.then(() => c.run(context));
          others.push(run.catch(() => undefined));
          return run;
        },
      };
    });
    const error: unknown = await applyInit(planned, { checks: crashing }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(String(error)).toContain('write EPIPE');
    expect(String(error)).toContain('nothing is left written');
    // Once every check has stopped, nothing of init's is there.
    await Promise.all(others);
    expect(snapshotTree(root)).toEqual(before);
    expect(existsSync(join(root, 'docs'))).toBe(false);
  });
});

describe('package.json', () => {
  it('a byte order mark and CRLF line endings are read and kept', async () => {
    const root = repo('tool');
    writeFileSync(
      join(root, 'package.json'),
      '\uFEFF{\r\n  "name": "tool",\r\n  "scripts": {\r\n    "test": "bun test"\r\n  }\r\n}\r\n',
    );
    await applyInit(await plan(root));
    expect(readFileSync(join(root, 'package.json'), 'utf8')).toBe(
      '\uFEFF{\r\n  "name": "tool",\r\n  "scripts": {\r\n    "test": "bun test"\r\n  },\r\n  "devDependencies": {\r\n    "agent-harness": "^0.1.0"\r\n  }\r\n}\r\n',
    );
  });
});

describe('paths from the repository’s own files never lead out of it', () => {
  it('a workspace pattern that climbs out of the repository is not followed', async () => {
    const root = repo('tool');
    const outside = outsideDir();
    mkdirSync(join(outside, 'pkg'));
    writeFileSync(join(outside, 'pkg', 'package.json'), '{"name":"escaped"}');
    const rel = join('..', outside.split('/').at(-1) ?? '', '*');
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'tool', workspaces: [rel, '/tmp/*'] }));
    const { facts } = await prepareInit({ cwd: root });
    expect(facts.workspaces.map((w) => w.name)).not.toContain('escaped');
  });

  it('a file linked out of the repository is not read', async () => {
    const root = repo('shop');
    const outside = outsideDir();
    writeFileSync(join(outside, 'secret.ts'), 'export const secret = 1;\n');
    symlinkSync(join(outside, 'secret.ts'), join(root, 'src', 'secret.ts'));
    symlinkSync('main.ts', join(root, 'src', 'inside.ts'));
    const { facts } = await prepareInit({ cwd: root });
    expect(facts.files).not.toContain('src/secret.ts');
    expect(facts.files).toContain('src/inside.ts');
  });

  it('an invalid pnpm-workspace.yaml (an alias bomb too) is CONFIG_PARSE naming the file, not an internal error', async () => {
    const root = repo('dashboard');
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(', ')}]`,
      ),
    ].join('\n');
    for (const text of ['packages: [unclosed\n', `${bomb}\npackages: ['*']\n`]) {
      writeFileSync(join(root, 'pnpm-workspace.yaml'), text);
      const error = await failure(prepareInit({ cwd: root }));
      expect(error).toMatchObject({ code: 'CONFIG_PARSE', place: { file: 'pnpm-workspace.yaml' } });
    }
  });
});
