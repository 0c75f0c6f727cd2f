// What the commands that talk to GitHub (`harness rulesets …`, `harness factory …`) share: --repo,
// and rate-limit waits told on stderr so that a long pause does not look like a hang.
import type { CliIo, CommandArgs, OptionSpec } from '../command-spec.js';

export const repoOption: OptionSpec = {
  name: 'repo',
  type: 'string',
  valueName: 'owner/name',
  description: 'The repository (default: GITHUB_REPOSITORY, else the origin remote).',
};

/** `--repo owner/name`, or undefined to find the repository from the environment and the remote. */
export function repoFlag(args: CommandArgs): string | undefined {
  return typeof args.options.repo === 'string' ? args.options.repo : undefined;
}

export interface GithubWait {
  reason: string;
  seconds: number;
  method: string;
  url: string;
}

/** The `onWait` handler of the GitHub client: one stderr line per wait. */
export function reportGithubWait(io: CliIo): (wait: GithubWait) => void {
  return (wait) =>
    io.stderr(`GitHub ${wait.reason}: waiting ${wait.seconds} s before retrying ${wait.method} ${wait.url}\n`);
}
