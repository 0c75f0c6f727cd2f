// What `harness up`, `down`, `ps` and `gc` print: pure functions of their results.
import type { StackDown } from './down-worktree.js';
import { portUrl } from './env-file.js';
import type { GcResult } from './gc-stacks.js';
import type { StackListing } from './list-stacks.js';
import type { StackUp } from './up-worktree.js';

function table(rows: readonly string[][]): string {
  const widths = rows.reduce<number[]>((w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, cell.length)), []);
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** One line per published port: service, container port, URL. */
export function renderUpPretty(stack: StackUp): string {
  if (stack.ports.length === 0) return '';
  const rows = stack.ports.map((p) => [
    p.service,
    `${p.containerPort}/${p.protocol}`,
    `${portUrl(p)}${p.shared ? '  (shared)' : ''}`,
  ]);
  return `${table(rows)}\n`;
}

/** The one-line summary `up` writes to stderr, so stdout stays the port lines. */
export function renderUpSummary(stack: StackUp, envFile: string): string {
  const services = stack.services
    .map((s) => `${s.service}${s.health === undefined ? '' : ` (${s.health})`}`)
    .join(', ');
  return `${stack.project} is up (${stack.tool.kind}): ${services || 'no services'}; variables in ${envFile}\n`;
}

export function renderUpJson(stack: StackUp): string {
  const ports = stack.ports.map((p) => ({ ...p, url: portUrl(p) }));
  return `${JSON.stringify({ version: 1, ...stack, ports }, null, 2)}\n`;
}

export function renderDownPretty(result: StackDown): string {
  const { containers, networks, volumes } = result.removed;
  if (containers.length + networks.length + volumes.length === 0) return `${result.project}: nothing to remove\n`;
  return `${result.project}: removed ${containers.length} container(s), ${networks.length} network(s), ${volumes.length} volume(s)\n`;
}

export function renderPsPretty(stacks: readonly StackListing[]): string {
  if (stacks.length === 0) return 'no stacks of this repository are running\n';
  const rows = [['PROJECT', 'STATUS', 'SERVICE', 'STATE', 'PORTS', 'WORKTREE']];
  for (const stack of stacks) {
    const where = stack.shared
      ? '(shared)'
      : `${stack.worktree ?? ''}${stack.worktreeExists ? '' : ' (gone: harness gc)'}`;
    stack.services.forEach((service, i) => {
      const ports = service.ports.map((p) => `127.0.0.1:${p.hostPort}->${p.containerPort}/${p.protocol}`).join(', ');
      const state = service.health === undefined ? service.status : `${service.status} (${service.health})`;
      rows.push([
        i === 0 ? `${stack.current ? '* ' : ''}${stack.project}` : '',
        i === 0 ? stack.status : '',
        service.service,
        state,
        ports || '-',
        i === 0 ? where : '',
      ]);
    });
  }
  return `${table(rows)}\n`;
}

export function renderPsJson(stacks: readonly StackListing[]): string {
  return `${JSON.stringify({ version: 1, stacks }, null, 2)}\n`;
}

export function renderGcPretty(result: GcResult): string {
  if (result.stacks.length === 0) return 'nothing to collect: every stack belongs to a worktree that exists\n';
  const verb = result.dryRun ? 'would remove' : 'removed';
  const lines = result.stacks.map(
    (s) =>
      `${verb} ${s.project} (${s.worktree}): ${s.containers.length} container(s), ${s.networks.length} network(s), ${s.volumes.length} volume(s), ${s.ports.length} port(s)`,
  );
  return `${lines.join('\n')}\n`;
}
