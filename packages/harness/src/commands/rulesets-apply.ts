// `harness rulesets apply`: make the repository match the files (docs/rulesets.md).
import type { CommandSpec } from '../command-spec.js';
import { rulesetsPackage } from '../packages.js';
import { repoOption } from '../cli/github-options.js';
import { rulesetsDescription, rulesetsOptions } from '../cli/rulesets-options.js';

export const rulesetsApplyCommand: CommandSpec = {
  name: 'rulesets apply',
  summary:
    'Create and update the repository’s rulesets to match the files; delete only those harness created, or any with --prune.',
  description:
    `${rulesetsDescription} Sends the complete ruleset on every create and update and nothing for an unchanged one. ` +
    'Which rulesets harness created is recorded in <rulesets.dir>/.harness-created.json: commit it with the files.',
  options: [
    repoOption,
    {
      name: 'prune',
      type: 'boolean',
      description: 'Also delete repository rulesets that no file defines (never organization rulesets).',
    },
    { name: 'dry-run', type: 'boolean', description: 'Print the plan, change nothing.' },
  ],
  examples: ['harness rulesets apply', 'harness rulesets apply --prune --dry-run'],
  async run(args, io) {
    const { applyRulesets, renderApplyJson, renderApplyPretty } = await rulesetsPackage();
    const result = await applyRulesets({
      ...(await rulesetsOptions(args, io)),
      dryRun: args.options['dry-run'] === true,
    });
    io.stdout(args.global.format === 'json' ? renderApplyJson(result) : renderApplyPretty(result));
    return { ok: true };
  },
};
