// Small repositories built in a temporary folder for one test: files from a map, optionally a
// real git work tree (`git init`, everything added), removed afterwards.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TempRepo {
  root: string;
  remove(): Promise<void>;
}

export async function createTempRepo(
  files: Record<string, string>,
  options: { git?: boolean } = {},
): Promise<TempRepo> {
  const root = await realpath(await mkdtemp(join(tmpdir(), 'harness-layers-trust-')));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  if (options.git !== false) {
    const git = (...args: string[]): void => {
      execFileSync('git', args, { cwd: root, stdio: 'ignore' });
    };
    git('init', '-q');
    git('add', '-A');
  }
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}
