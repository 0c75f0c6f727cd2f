// `.harness/env`: the dotenv file with HARNESS_PROJECT and one HARNESS_PORT_* per published port.
// Format: https://github.com/motdotla/dotenv#rules (KEY=value lines; values here need no quoting).
import type { PublishedPort } from './published-ports.js';
import { portVariable } from './published-ports.js';

export interface PortBinding extends PublishedPort {
  hostPort: number;
  /** Served by the shared project, not the worktree's own. */
  shared: boolean;
}

/** The variables `harness test` sets and `.harness/env` holds, in file order. */
export function stackVariables(project: string, ports: readonly PortBinding[]): Record<string, string> {
  const variables: Record<string, string> = { HARNESS_PROJECT: project };
  for (const port of ports) variables[portVariable(port)] = String(port.hostPort);
  return variables;
}

export function renderEnvFile(variables: Record<string, string>): string {
  const lines = ['# Written by `harness up`; do not edit (it is rewritten on every up).'];
  for (const [key, value] of Object.entries(variables)) lines.push(`${key}=${value}`);
  return `${lines.join('\n')}\n`;
}

/** `http://127.0.0.1:<port>` for tcp, `udp://…` for udp: what `up` prints per port. */
export function portUrl(port: PortBinding): string {
  return `${port.protocol === 'tcp' ? 'http' : port.protocol}://127.0.0.1:${port.hostPort}`;
}
