// The git commands init needs (https://git-scm.com/docs/git-ls-files,
// https://git-scm.com/docs/git-symbolic-ref). Only this module spawns git.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { HarnessError } from '@harness/diagnostics';

const run = promisify(execFile);

async function git(root: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd: root, maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new HarnessError('TOOL_MISSING', 'git is not installed', {
        fix: 'Install git (https://git-scm.com/downloads) and run `harness init` again.',
        cause,
      });
    }
    throw new HarnessError('GIT_FAILED', `git ${args.join(' ')} failed in ${root}`, { cause, fix: 'Run the git command yourself to see why.' });
  }
}

/** Files git tracks plus untracked ones it does not ignore, `/`-separated, relative to the root. */
export async function listRepoFiles(root: string): Promise<string[]> {
  const out = await git(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
  return [...new Set(out.split('\0').filter((f) => f !== ''))].sort();
}

/** The checked-out branch, or undefined on a detached HEAD. */
export async function currentBranch(root: string): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', ['symbolic-ref', '--quiet', '--short', 'HEAD'], { cwd: root });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}
