// What the `harness rulesets …` commands share: their description, and the library options from the
// config's rulesets folder, --repo, --prune and rate-limit waits told on stderr.
import type { RulesetsOptions } from 'agent-harness-rulesets';
import type { CliIo, CommandArgs } from '../command-spec.js';
import { configPackage } from '../packages.js';
import { repoFlag, reportGithubWait } from './github-options.js';
import { loadCommandConfig } from './load-command-config.js';

export const rulesetsDescription =
  'Rulesets live in rulesets.dir (default .github/rulesets) as GitHub’s own export JSON, one file per ruleset, and are matched ' +
  'to the repository’s rulesets by name; organization and enterprise rulesets are never touched. Needs GITHUB_TOKEN ' +
  '(GITHUB_API_URL for GitHub Enterprise Server). See docs/rulesets.md.';

export async function rulesetsOptions(args: CommandArgs, io: CliIo): Promise<RulesetsOptions> {
  const [{ sectionDefaults }, loaded] = await Promise.all([configPackage(), loadCommandConfig(args, io)]);
  return {
    root: loaded.root,
    dir: (loaded.config.rulesets ?? sectionDefaults('rulesets')).dir,
    env: io.env,
    repo: repoFlag(args),
    prune: args.options.prune === true,
    onWait: reportGithubWait(io),
  };
}
