import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatHarnessError, HarnessError } from './harness-error.js';

describe('formatHarnessError', () => {
  it('prints the place, the code, the message and the fix', () => {
    const error = new HarnessError('CONFIG_INVALID', 'layers.x: unknown key', {
      place: { file: 'harness.config.yaml', line: 3, column: 3 },
      fix: 'Remove it.',
    });
    expect(formatHarnessError(error)).toBe(
      'harness.config.yaml:3:3: error CONFIG_INVALID: layers.x: unknown key\n  fix: Remove it.',
    );
  });
});

describe('docs/errors.md', () => {
  it('has a row for every ErrorCode', () => {
    const source = readFileSync(new URL('./harness-error.ts', import.meta.url), 'utf8');
    const union = /export type ErrorCode =([^;]+);/.exec(source)?.[1] ?? '';
    const codes = [...union.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(10);
    const page = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
    const documented = new Set([...page.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]));
    expect(codes.filter((code) => !documented.has(code))).toEqual([]);
  });
});
