// `harness rulesets export`: write the live rulesets into the folder (docs/rulesets.md).
import type { CommandSpec } from '../command-spec.js';
import { rulesetsPackage } from '../packages.js';
import { repoOption } from '../cli/github-options.js';
import { rulesetsDescription, rulesetsOptions } from '../cli/rulesets-options.js';

export const rulesetsExportCommand: CommandSpec = {
  name: 'rulesets export',
  summary: 'Write the repository’s own live rulesets into rulesets.dir in GitHub’s export format.',
  description: `${rulesetsDescription} A ruleset already kept in a file goes back into that file; nothing is overwritten without --force.`,
  options: [
    repoOption,
    { name: 'force', type: 'boolean', description: 'Replace files that already exist.' },
    { name: 'dry-run', type: 'boolean', description: 'Say which files would be written, write nothing.' },
  ],
  examples: ['harness rulesets export', 'harness rulesets export --force'],
  async run(args, io) {
    const { exportRulesets, renderExportPretty } = await rulesetsPackage();
    const result = await exportRulesets({
      ...(await rulesetsOptions(args, io)),
      force: args.options.force === true,
      dryRun: args.options['dry-run'] === true,
    });
    io.stdout(
      args.global.format === 'json'
        ? `${JSON.stringify({ version: 1, ...result }, null, 2)}\n`
        : renderExportPretty(result),
    );
    return { ok: true };
  },
};
