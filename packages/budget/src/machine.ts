// Which machine a measurement was taken on, so trends compare like with like.
// Spec: https://nodejs.org/api/os.html
import { arch, availableParallelism, cpus, platform, totalmem } from 'node:os';
import type { Env } from 'agent-harness-system';

export interface MachineInfo {
  cores: number;
  cpu: string;
  memoryMb: number;
  os: string;
  arch: string;
  node: string;
  ci: boolean;
}

export function readMachineInfo(env: Env): MachineInfo {
  return {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memoryMb: Math.round(totalmem() / 2 ** 20),
    os: platform(),
    arch: arch(),
    node: process.versions.node,
    ci: env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0',
  };
}

/** Runs on machines with the same fingerprint are compared with each other in trends. */
export function machineFingerprint(machine: Pick<MachineInfo, 'cores' | 'cpu' | 'os' | 'arch'>): string {
  return `${machine.os}-${machine.arch} ${machine.cores}× ${machine.cpu}`;
}
