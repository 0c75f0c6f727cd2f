// `harness rulesets plan`: what apply would change (docs/rulesets.md).
import { createResultDocument, renderResult } from 'agent-harness-diagnostics';
import type { CommandSpec } from '../command-spec.js';
import { rulesetsPackage } from '../packages.js';
import { repoOption } from '../cli/github-options.js';
import { rulesetsDescription, rulesetsOptions } from '../cli/rulesets-options.js';
import { toolVersion } from '../tool-version.js';

export const rulesetsPlanCommand: CommandSpec = {
  name: 'rulesets plan',
  summary:
    'Show how the repository’s rulesets differ from the files: create, update (with the changed fields), unchanged, left alone.',
  description: `${rulesetsDescription} Exits 0 whatever it finds; \`rulesets check\` exits 1 on drift.`,
  options: [
    repoOption,
    { name: 'prune', type: 'boolean', description: 'Plan to delete repository rulesets that no file defines.' },
  ],
  examples: ['harness rulesets plan', 'harness rulesets plan --repo octo-org/app --format json'],
  async run(args, io) {
    const { planDiagnostics, planRulesets, renderPlanJson, renderPlanPretty } = await rulesetsPackage();
    const plan = await planRulesets(await rulesetsOptions(args, io));
    const format = args.global.format;
    if (format === 'pretty') io.stdout(renderPlanPretty(plan));
    else if (format === 'json') io.stdout(renderPlanJson(plan));
    else {
      const diagnostics = planDiagnostics(plan);
      const document = createResultDocument(
        [{ name: 'rulesets', ok: diagnostics.length === 0, durationMs: 0 }],
        diagnostics,
      );
      io.stdout(renderResult(document, format, { color: args.global.color, toolVersion: toolVersion() }));
    }
    return { ok: true };
  },
};
