// Fuzzed markdown through `harness check docs` and fuzzed import syntax through `harness check
// layers`: each run checks a repository of many generated files, so a few runs cover many cases.
import { afterAll, describe, it } from 'vitest';
import { createRandom, generateMarkdown, generateSource } from './generators.js';
import {
  createGround,
  expectCleanOutcome,
  expectNothingOutside,
  outsideSnapshot,
  removeGrounds,
  runBin,
} from './hostile-repo.js';

const seed = 0x15d0c5;
const runs = 2;
const filesPerRun = 30;
afterAll(removeGrounds);

const docsConfig = 'version: 1\ndocs:\n  map: AGENTS.md\n  root: docs\n';
const layersConfig =
  'version: 1\nlayers:\n  order: [core, app]\n  paths:\n    core: ["src/core/**"]\n    app: ["src/app/**"]\n';

describe('hostile markdown through check docs', () => {
  it.each(Array.from({ length: runs }, (_, run) => run))(
    'run %i: exits 0, 1 or 2 with a stable code, --fix writes only inside',
    async (run) => {
      const random = createRandom(seed + run);
      const files: Record<string, string> = {
        'harness.config.yaml': docsConfig,
        'AGENTS.md': generateMarkdown(random),
        'src/a.ts': 'export {};\n',
      };
      for (let i = 0; i < filesPerRun; i += 1)
        files[`docs/${i % 3 === 0 ? 'deep/' : ''}doc-${i}.md`] = generateMarkdown(random);
      const ground = createGround(files);
      const before = outsideSnapshot(ground);
      for (const args of [
        ['check', 'docs'],
        ['check', 'docs', '--format', 'json'],
        ['check', 'docs', '--fix'],
      ]) {
        const what = `seed ${seed + run}: harness ${args.join(' ')} in ${ground.repo}`;
        expectCleanOutcome(await runBin(ground, args), what);
        expectNothingOutside(ground, before, what);
      }
    },
  );
});

describe('git refusing a path mid-stream', () => {
  // Issue 15 item 1: `git check-ignore --stdin` exits at the first path that leaves the work tree
  // while harness still writes the others; the docs check must end cleanly every time.
  it('a mention that leaves the repository among 3,000 missing paths: three runs, each clean', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `- \`src/missing/some/deeper/folder/file${i}.ts\``);
    const ground = createGround({
      'harness.config.yaml': docsConfig,
      'src/a.ts': 'export {};\n',
      'AGENTS.md': `# Map\n\nSee \`/src/../../outside.ts\`\n\n${lines.join('\n')}\n`,
    });
    const before = outsideSnapshot(ground);
    for (let run = 0; run < 3; run += 1) {
      expectCleanOutcome(await runBin(ground, ['check', 'docs']), `run ${run}: harness check docs`);
      expectNothingOutside(ground, before, `run ${run}`);
    }
  });
});

describe('hostile import syntax through check layers', () => {
  it.each(Array.from({ length: runs }, (_, run) => run))('run %i: exits 0, 1 or 2 with a stable code', async (run) => {
    const random = createRandom(seed + 100 + run);
    const files: Record<string, string> = {
      'harness.config.yaml': layersConfig,
      'src/core/b.ts': 'export const b = 1;\n',
      'src/app/b.ts': 'export const b = 1;\n',
    };
    const extensions = ['ts', 'tsx', 'js', 'mjs', 'cjs', 'mts', 'jsx'];
    for (let i = 0; i < filesPerRun; i += 1)
      files[`src/${i % 2 === 0 ? 'core' : 'app'}/f${i}.${extensions[i % extensions.length] ?? 'ts'}`] =
        generateSource(random);
    const ground = createGround(files);
    const before = outsideSnapshot(ground);
    for (const args of [
      ['check', 'layers'],
      ['check', 'layers', '--format', 'sarif'],
    ]) {
      const what = `seed ${seed + 100 + run}: harness ${args.join(' ')} in ${ground.repo}`;
      expectCleanOutcome(await runBin(ground, args), what);
      expectNothingOutside(ground, before, what);
    }
  });
});
