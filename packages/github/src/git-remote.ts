// The one git command the GitHub client needs (https://git-scm.com/docs/git-remote#Documentation/git-remote.txt-get-url).
// Only this module spawns git.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { HarnessError } from '@harness/diagnostics';

const run = promisify(execFile);

/** The URL of the `origin` remote, or undefined when there is none (or no git repository). */
export async function readOriginUrl(cwd: string): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', ['remote', 'get-url', 'origin'], { cwd });
    return stdout.trim() || undefined;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new HarnessError('TOOL_MISSING', 'git is not installed', {
        fix: 'Install git (https://git-scm.com/downloads), or pass --repo owner/name.',
        cause,
      });
    }
    return undefined;
  }
}
