// Fuzzed harness.config.yaml: wrong types, alias bombs, huge numbers, unknown keys, deep nesting,
// odd bytes. Through the library (many cases, in process) and through the bin (a few, end to end).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, validateConfig } from 'agent-harness-config';
import { isHarnessError } from 'agent-harness-diagnostics';
import { afterAll, describe, expect, it } from 'vitest';
import { aliasBomb, createRandom, generateConfig } from './generators.js';
import {
  createGround,
  expectCleanOutcome,
  expectErrorInFormat,
  expectNothingOutside,
  outsideSnapshot,
  removeGrounds,
  runBin,
} from './hostile-repo.js';

const seed = 0x15c0f16;
afterAll(removeGrounds);

describe('hostile configs', () => {
  it('validateConfig answers every one with a config or problems that name a line, and never throws', () => {
    const random = createRandom(seed);
    for (let index = 0; index < 300; index += 1) {
      const text = generateConfig(random);
      let result: ReturnType<typeof validateConfig> | undefined;
      expect(
        () => (result = validateConfig(text, 'harness.config.yaml')),
        `case ${index}: ${JSON.stringify(text.slice(0, 300))}`,
      ).not.toThrow();
      if (result?.ok === false) {
        for (const problem of result.problems)
          expect(problem.line, `case ${index}: ${JSON.stringify(problem)}`).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('loadConfig answers every one with a config or a HarnessError with a stable code and the file', async () => {
    const random = createRandom(seed + 1);
    const ground = createGround({}, { commit: false });
    for (let index = 0; index < 60; index += 1) {
      const text = generateConfig(random);
      writeFileSync(join(ground.repo, 'harness.config.yaml'), text);
      const outcome = await loadConfig({ cwd: ground.repo }).then(
        () => undefined,
        (error: unknown) => error,
      );
      if (outcome === undefined) continue;
      const what = `case ${index}: ${JSON.stringify(text.slice(0, 300))}\n${outcome instanceof Error ? outcome.message : JSON.stringify(outcome)}`;
      expect(isHarnessError(outcome), what).toBe(true);
      if (isHarnessError(outcome)) expect(outcome.place?.file, what).toContain('harness.config.yaml');
    }
  });

  it('the bin exits 0, 1 or 2 with a stable code on every one, in every format, and writes nothing outside', async () => {
    const random = createRandom(seed + 2);
    const formats = ['pretty', 'json', 'github', 'sarif', 'markdown'];
    for (let index = 0; index < 6; index += 1) {
      // The first case is always the billion laughs at full size.
      const text = index === 0 ? `version: 1\n${aliasBomb(() => 0.999)}` : generateConfig(random);
      const ground = createGround({ 'harness.config.yaml': text, 'src/a.ts': 'export {};\n', 'AGENTS.md': '# Map\n' });
      const before = outsideSnapshot(ground);
      const format = formats[index % formats.length] ?? 'pretty';
      const args = ['check', '--format', format];
      const result = await runBin(ground, args);
      const what = `case ${index} (harness ${args.join(' ')}): ${JSON.stringify(text.slice(0, 400))}`;
      expectCleanOutcome(result, what);
      expectErrorInFormat(result, format, what);
      expectNothingOutside(ground, before, what);
    }
  });

  it.each([['json'], ['github'], ['sarif']])(
    'a config error with --format %s is printed in that format on stdout',
    async (format) => {
      const ground = createGround({
        'harness.config.yaml': 'version: 1\nlayers:\n  domians: ["src/*"]\n',
        'src/a.ts': 'export {};\n',
      });
      const result = await runBin(ground, ['check', '--format', format]);
      expect(result.code).toBe(2);
      expectCleanOutcome(result, `harness check --format ${format}`);
      expectErrorInFormat(result, format, `harness check --format ${format}`);
    },
  );
});
