// The command table: one entry per command. Parsing, --help and docs/cli.md
// all come from here.
import type { CommandSpec } from './command-spec.js';
import { budgetCommand } from './commands/budget.js';
import { budgetReportCommand } from './commands/budget-report.js';
import { checkCommand } from './commands/check.js';
import { downCommand } from './commands/down.js';
import { factoryCommand } from './commands/factory.js';
import { factoryMergeCommand } from './commands/factory-merge.js';
import { factoryStatusCommand } from './commands/factory-status.js';
import { gcCommand } from './commands/gc.js';
import { initCommand } from './commands/init.js';
import { layersGraphCommand } from './commands/layers-graph.js';
import { psCommand } from './commands/ps.js';
import { rulesetsApplyCommand } from './commands/rulesets-apply.js';
import { rulesetsCheckCommand } from './commands/rulesets-check.js';
import { rulesetsExportCommand } from './commands/rulesets-export.js';
import { rulesetsPlanCommand } from './commands/rulesets-plan.js';
import { testCommand } from './commands/test.js';
import { upCommand } from './commands/up.js';

export const commands: readonly CommandSpec[] = [
  initCommand,
  checkCommand,
  budgetCommand,
  budgetReportCommand,
  layersGraphCommand,
  rulesetsPlanCommand,
  rulesetsApplyCommand,
  rulesetsCheckCommand,
  rulesetsExportCommand,
  upCommand,
  downCommand,
  psCommand,
  testCommand,
  gcCommand,
  factoryCommand,
  factoryStatusCommand,
  factoryMergeCommand,
];
