// Fuzzed markdown through `harness check docs` and fuzzed import syntax through `harness check
// layers`: each run checks a repository of many generated files, so a few runs cover many cases.
import { afterAll, describe, it } from 'vitest';
import { createRandom, generateMarkdown, generateSource } from './generators.js';
import { createGround, expectCleanOutcome, expectNothingOutside, outsideSnapshot, removeGrounds, runBin } from './hostile-repo.js';

const seed = 0x15d0c5;
const runs = 2;
const filesPerRun = 30;
afterAll(removeGrounds);

const docsConfig = 'version: 1\ndocs:\n  map: AGENTS.md\n  root: docs\n';
const layersConfig = 'version: 1\nlayers:\n  order: [core, app]\n  paths:\n    core: ["src/core/**"]\n    app: ["src/app/**"]\n';

describe('hostile markdown through check docs', () => {
  it.each(Array.from({ length: runs }, (_, run) => run))('run %i: exits 0, 1 or 2 with a stable code, --fix writes only inside', async (run) => {
    const random = createRandom(seed + run);
    const files: Record<string, string> = { 'harness.config.yaml': docsConfig, 'AGENTS.md': generateMarkdown(random), 'src/a.ts': 'export {};\n' };
    for (let i = 0; i < filesPerRun; i += 1) files[`docs/${i % 3 === 0 ? 'deep/' : ''}doc-${i}.md`] = generateMarkdown(random);
    const ground = createGround(files);
    const before = outsideSnapshot(ground);
    for (const args of [['check', 'docs'], ['check', 'docs', '--format', 'json'], ['check', 'docs', '--fix']]) {
      const what = `seed ${seed + run}: harness ${args.join(' ')} in ${ground.repo}`;
      expectCleanOutcome(await runBin(ground, args), what);
      expectNothingOutside(ground, before, what);
    }
  });
});

describe('hostile import syntax through check layers', () => {
  it.each(Array.from({ length: runs }, (_, run) => run))('run %i: exits 0, 1 or 2 with a stable code', async (run) => {
    const random = createRandom(seed + 100 + run);
    const files: Record<string, string> = { 'harness.config.yaml': layersConfig, 'src/core/b.ts': 'export const b = 1;\n', 'src/app/b.ts': 'export const b = 1;\n' };
    const extensions = ['ts', 'tsx', 'js', 'mjs', 'cjs', 'mts', 'jsx'];
    for (let i = 0; i < filesPerRun; i += 1) files[`src/${i % 2 === 0 ? 'core' : 'app'}/f${i}.${extensions[i % extensions.length] ?? 'ts'}`] = generateSource(random);
    const ground = createGround(files);
    const before = outsideSnapshot(ground);
    for (const args of [['check', 'layers'], ['check', 'layers', '--format', 'sarif']]) {
      const what = `seed ${seed + 100 + run}: harness ${args.join(' ')} in ${ground.repo}`;
      expectCleanOutcome(await runBin(ground, args), what);
      expectNothingOutside(ground, before, what);
    }
  });
});
