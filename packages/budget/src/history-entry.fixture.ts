// Readable history entries for unit tests.
import type { HistoryEntry } from './history.js';

export const machine = {
  cores: 2,
  cpu: 'Test CPU',
  memoryMb: 4096,
  os: 'linux',
  arch: 'x64',
  node: '24.0.0',
  ci: false,
};

export function entry(fields: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    v: 1,
    budget: 'build',
    invocation: 'i1',
    run: 1,
    runs: 1,
    time: '2026-01-01T00:00:00.000Z',
    commit: 'abc1234abc1234abc1234abc1234abc1234abc12',
    branch: 'main',
    dirty: false,
    command: 'pnpm build',
    seconds: 60,
    durationMs: 1000,
    exitCode: 0,
    machine,
    ...fields,
  };
}
