// `harness rulesets check`: exit 1 when GitHub's rulesets drift from the files (docs/rulesets.md).
import { createResultDocument, renderResult } from 'agent-harness-diagnostics';
import type { CommandSpec } from '../command-spec.js';
import { rulesetsPackage } from '../packages.js';
import { repoOption } from '../cli/github-options.js';
import { rulesetsDescription, rulesetsOptions } from '../cli/rulesets-options.js';
import { toolVersion } from '../tool-version.js';

export const rulesetsCheckCommand: CommandSpec = {
  name: 'rulesets check',
  summary:
    'Exit 1 when the repository’s rulesets differ from the files (what `harness check` runs when GITHUB_TOKEN is set).',
  description: rulesetsDescription,
  options: [repoOption],
  examples: ['harness rulesets check', 'harness rulesets check --format github'],
  async run(args, io) {
    const { checkRulesets } = await rulesetsPackage();
    const started = Date.now();
    const outcome = await checkRulesets(await rulesetsOptions(args, io));
    for (const note of outcome.notes ?? []) io.stderr(`${note}\n`);
    const ok = outcome.diagnostics.length === 0;
    const document = createResultDocument(
      [
        {
          name: 'rulesets',
          ok,
          durationMs: Date.now() - started,
          ...(outcome.files === undefined ? {} : { files: outcome.files }),
        },
      ],
      outcome.diagnostics,
    );
    io.stdout(renderResult(document, args.global.format, { color: args.global.color, toolVersion: toolVersion() }));
    return { ok: document.ok };
  },
};
