// Command lines in the repository's own package manager, for the map, the
// budgets and the CI workflow (package-manager-detector knows each agent's flags).
import type { Agent } from 'package-manager-detector';
import { resolveCommand } from 'package-manager-detector/commands';

export type CommandKind = 'run' | 'frozen' | 'install' | 'execute-local';

export function commandLine(agent: Agent, kind: CommandKind, args: string[] = []): string {
  const resolved = resolveCommand(agent, kind, args);
  if (resolved === null) return ['npm', ...args].join(' ');
  return [resolved.command, ...resolved.args].join(' ');
}

/** `pnpm exec harness`, `npx harness`…: how a repo runs its locally installed harness. */
export function harnessCommand(agent: Agent): string {
  return commandLine(agent, 'execute-local', ['harness']);
}
