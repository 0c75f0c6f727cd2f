// Unit tests of the surface comparers: a change held in memory. Each side's harness.config.yaml, when
// given, is validated as `harness check` reads it.
import { validateConfig } from 'agent-harness-config';
import type { HarnessConfig } from 'agent-harness-config';
import type { GuardInput } from './guard-types.js';
import { memorySnapshot } from './snapshots.js';

type Files = Readonly<Record<string, string>>;

export function memoryInput(base: Files, head: Files): GuardInput {
  const paths = new Set([...Object.keys(base), ...Object.keys(head)]);
  return {
    root: '/nonexistent',
    baseRef: 'main',
    baseCommit: '0'.repeat(40),
    base: memorySnapshot(base, 'main'),
    head: memorySnapshot(head, 'the working tree'),
    changedFiles: [...paths].filter((path) => base[path] !== head[path]).sort(),
    baseConfig: readConfig(base),
    headConfig: readConfig(head),
  };
}

function readConfig(files: Files): HarnessConfig | undefined {
  const text = files['harness.config.yaml'];
  if (text === undefined) return undefined;
  const result = validateConfig(text, 'harness.config.yaml');
  if (!result.ok) throw new Error(`test config invalid: ${JSON.stringify(result.problems)}`);
  return result.config;
}
