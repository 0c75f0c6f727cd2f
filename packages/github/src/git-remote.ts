// The one git question the GitHub client asks (https://git-scm.com/docs/git-remote#Documentation/git-remote.txt-get-url),
// through the shared git adapter of agent-harness-system.
import { HarnessError } from 'agent-harness-diagnostics';
import { runGit } from 'agent-harness-system';

/** One URL; anything longer is not a remote harness can use, and is said so rather than read as "no remote". */
const maxUrlLength = 64 * 1024;

/** The URL of the `origin` remote, or undefined when there is none (or no git repository). */
export async function readOriginUrl(cwd: string): Promise<string | undefined> {
  // Exit 2: no such remote; 128: not a repository. Both mean "no remote here".
  const result = await runGit(cwd, ['remote', 'get-url', 'origin'], {
    okCodes: [2, 128],
    fix: 'Install git (https://git-scm.com/downloads), or pass --repo owner/name.',
  }).catch((error: unknown) => {
    if (error instanceof HarnessError && error.code === 'TOOL_MISSING') {
      throw new HarnessError('TOOL_MISSING', 'git is not installed', {
        fix: 'Install git (https://git-scm.com/downloads), or pass --repo owner/name.',
        cause: error,
      });
    }
    throw error;
  });
  if (result.code !== 0) return undefined;
  const url = result.stdout.trim();
  if (url.length > maxUrlLength) {
    throw new HarnessError('GIT_FAILED', `the URL of the origin remote is longer than ${maxUrlLength} bytes`, {
      place: { file: '.git/config', key: 'remote.origin.url' },
      fix: 'Set a real URL with `git remote set-url origin <url>`, or pass --repo owner/name.',
    });
  }
  return url || undefined;
}
