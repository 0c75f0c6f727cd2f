// The git commands init needs (https://git-scm.com/docs/git-ls-files,
// https://git-scm.com/docs/git-symbolic-ref). Only this module spawns git: no
// stdin (nothing to wait on, nothing to break with EPIPE), no terminal prompt
// (GIT_TERMINAL_PROMPT=0: a credential question never hangs init), output
// bounded, no shell.
import { spawn } from 'node:child_process';
import { HarnessError } from '@harness/diagnostics';

/** Output beyond this is not buffered: the run fails instead of exhausting memory. */
export const gitOutputLimit = 256 * 1024 * 1024;
const stderrLimit = 64 * 1024;

interface GitRun {
  code: number | null;
  stdout: string;
  stderr: string;
  overflow: boolean;
}

function runGit(root: string, args: readonly string[]): Promise<GitRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
    });
    const out: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let overflow = false;
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > gitOutputLimit) {
        overflow = true;
        child.kill();
      } else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < stderrLimit) stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: stderr.trim(), overflow }),
    );
  });
}

async function git(root: string, args: string[]): Promise<string> {
  const command = `git ${args.join(' ')}`;
  let result: GitRun;
  try {
    result = await runGit(root, args);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new HarnessError('TOOL_MISSING', 'git is not installed', {
        fix: 'Install git (https://git-scm.com/downloads) and run `harness init` again.',
        cause,
      });
    }
    throw new HarnessError('GIT_FAILED', `${command} could not start in ${root}`, {
      cause,
      fix: 'Run the git command yourself to see why.',
    });
  }
  if (result.overflow) {
    throw new HarnessError('GIT_FAILED', `${command} printed more than ${gitOutputLimit / 1024 / 1024} MB in ${root}`, {
      fix: 'Run the git command yourself to see why.',
    });
  }
  if (result.code !== 0) {
    const said = result.stderr === '' ? '' : `: ${result.stderr.split('\n').slice(0, 5).join(' / ')}`;
    throw new HarnessError('GIT_FAILED', `${command} failed in ${root}${said}`, {
      fix: 'Run the git command yourself to see why.',
    });
  }
  return result.stdout;
}

/** Files git tracks plus untracked ones it does not ignore, `/`-separated, relative to the root. */
export async function listRepoFiles(root: string): Promise<string[]> {
  const out = await git(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
  return [...new Set(out.split('\0').filter((f) => f !== ''))].sort();
}

/** The checked-out branch, or undefined on a detached HEAD. */
export async function currentBranch(root: string): Promise<string | undefined> {
  try {
    return (await git(root, ['symbolic-ref', '--quiet', '--short', 'HEAD'])).trim() || undefined;
  } catch {
    return undefined;
  }
}
