// The one git command the GitHub client needs (https://git-scm.com/docs/git-remote#Documentation/git-remote.txt-get-url).
// Only this module spawns git.
import { execFile } from 'node:child_process';
import { HarnessError } from '@harness/diagnostics';

/** One URL; anything longer is not a remote harness can use, and is said so rather than read as "no remote". */
const maxOutputBytes = 64 * 1024;

/** The URL of the `origin` remote, or undefined when there is none (or no git repository). */
export function readOriginUrl(cwd: string): Promise<string | undefined> {
  // Never a credential prompt: a command that asks would hang a CI job.
  const options = {
    cwd,
    encoding: 'utf8' as const,
    maxBuffer: maxOutputBytes,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
  };
  return new Promise((resolve, reject) => {
    execFile('git', ['remote', 'get-url', 'origin'], options, (error, stdout) => {
      if (error === null) return resolve(stdout.trim() || undefined);
      if (error.code === 'ENOENT') {
        return reject(
          new HarnessError('TOOL_MISSING', 'git is not installed', {
            fix: 'Install git (https://git-scm.com/downloads), or pass --repo owner/name.',
            cause: error,
          }),
        );
      }
      if (error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
        return reject(
          new HarnessError('GIT_FAILED', `the URL of the origin remote is longer than ${maxOutputBytes} bytes`, {
            place: { file: '.git/config', key: 'remote.origin.url' },
            fix: 'Set a real URL with `git remote set-url origin <url>`, or pass --repo owner/name.',
            cause: error,
          }),
        );
      }
      resolve(undefined);
    });
  });
}
