// The command table: one entry per command, its name and its spec imported when the command runs, so
// `harness check layers` loads the check command's code and no other command's (docs/decisions.md). Parsing,
// --help and docs/cli.md come from the specs; `harness --help` and docs/cli.md load them all.
import type { CommandEntry, CommandSpec } from './command-spec.js';

export const commandTable: readonly CommandEntry[] = [
  { name: 'init', load: async () => (await import('./commands/init.js')).initCommand },
  { name: 'check', load: async () => (await import('./commands/check.js')).checkCommand },
  { name: 'budget', load: async () => (await import('./commands/budget.js')).budgetCommand },
  { name: 'budget report', load: async () => (await import('./commands/budget-report.js')).budgetReportCommand },
  { name: 'layers graph', load: async () => (await import('./commands/layers-graph.js')).layersGraphCommand },
  { name: 'rulesets plan', load: async () => (await import('./commands/rulesets-plan.js')).rulesetsPlanCommand },
  { name: 'rulesets apply', load: async () => (await import('./commands/rulesets-apply.js')).rulesetsApplyCommand },
  { name: 'rulesets check', load: async () => (await import('./commands/rulesets-check.js')).rulesetsCheckCommand },
  { name: 'rulesets export', load: async () => (await import('./commands/rulesets-export.js')).rulesetsExportCommand },
  { name: 'up', load: async () => (await import('./commands/up.js')).upCommand },
  { name: 'down', load: async () => (await import('./commands/down.js')).downCommand },
  { name: 'ps', load: async () => (await import('./commands/ps.js')).psCommand },
  { name: 'test', load: async () => (await import('./commands/test.js')).testCommand },
  { name: 'gc', load: async () => (await import('./commands/gc.js')).gcCommand },
  { name: 'factory', load: async () => (await import('./commands/factory.js')).factoryCommand },
  { name: 'factory status', load: async () => (await import('./commands/factory-status.js')).factoryStatusCommand },
  { name: 'factory merge', load: async () => (await import('./commands/factory-merge.js')).factoryMergeCommand },
  { name: 'factory turn', load: async () => (await import('./commands/factory-turn.js')).factoryTurnCommand },
];

/** Every command's spec, in the table's order: for `harness --help`, a "did you mean" and docs/cli.md. */
export function loadCommands(table: readonly CommandEntry[] = commandTable): Promise<CommandSpec[]> {
  return Promise.all(table.map((entry) => entry.load()));
}
