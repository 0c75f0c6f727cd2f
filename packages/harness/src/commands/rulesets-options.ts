// What the `harness rulesets …` commands share: the --repo option, the
// rulesets folder from the config, and rate-limit waits told on stderr.
import type { RulesetsOptions } from '@harness/rulesets';
import type { CliIo, CommandArgs, OptionSpec } from '../command-spec.js';
import { configPackage } from '../packages.js';

export const repoOption: OptionSpec = {
  name: 'repo',
  type: 'string',
  valueName: 'owner/name',
  description: 'The repository (default: GITHUB_REPOSITORY, else the origin remote).',
};

export const rulesetsDescription =
  'Rulesets live in rulesets.dir (default .github/rulesets) as GitHub’s own export JSON, one file per ruleset, and are matched ' +
  'to the repository’s rulesets by name; organization and enterprise rulesets are never touched. Needs GITHUB_TOKEN ' +
  '(GITHUB_API_URL for GitHub Enterprise Server). See docs/rulesets.md.';

export async function rulesetsOptions(args: CommandArgs, io: CliIo): Promise<RulesetsOptions> {
  const { loadConfig, sectionDefaults } = await configPackage();
  const loaded = await loadConfig({
    cwd: io.cwd,
    ...(args.global.config === undefined ? {} : { configPath: args.global.config }),
  });
  const dir = (loaded.config.rulesets ?? sectionDefaults('rulesets')).dir;
  const repo = typeof args.options.repo === 'string' ? args.options.repo : undefined;
  return {
    root: loaded.root,
    dir,
    env: io.env,
    repo,
    prune: args.options.prune === true,
    onWait: (event) =>
      io.stderr(`GitHub ${event.reason}: waiting ${event.seconds} s before retrying ${event.method} ${event.url}\n`),
  };
}
