// The command table: one entry per command. Parsing, --help and docs/cli.md
// all come from here.
import type { CommandSpec } from './command-spec.js';
import { budgetCommand } from './commands/budget.js';
import { budgetReportCommand } from './commands/budget-report.js';
import { checkCommand } from './commands/check.js';
import { initCommand } from './commands/init.js';
import { layersGraphCommand } from './commands/layers-graph.js';

export const commands: readonly CommandSpec[] = [initCommand, checkCommand, budgetCommand, budgetReportCommand, layersGraphCommand];
