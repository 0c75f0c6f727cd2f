import { describe, expect, it } from 'vitest';
import { compareBaselines } from './compare-baselines.js';
import { memoryInput } from './memory-input.fixture.js';

const layersPath = '.harness/baseline/layers.json';
const config = { 'harness.config.yaml': 'version: 1\nlayers: {}\ndocs: {}\n' };

function baseline(...entries: [file: string, rule: string, target: string][]): string {
  const list = entries.map(
    ([file, rule, target]) => `    { "file": "${file}", "rule": "${rule}", "target": "${target}" }`,
  );
  return `{\n  "version": 1,\n  "description": "known",\n  "entries": [\n${list.join(',\n')}\n  ]\n}\n`;
}

const a: [string, string, string] = ['src/ui/a.ts', 'layers/forward-only', 'src/service/x.ts'];
const b: [string, string, string] = ['src/ui/b.ts', 'layers/forward-only', 'src/service/y.ts'];
const c: [string, string, string] = ['src/ui/c.ts', 'layers/unassigned', ''];

describe('compareBaselines', () => {
  it('reports each entry the change added, at its line; removed entries are fine', async () => {
    const found = await compareBaselines(
      memoryInput({ ...config, [layersPath]: baseline(a, b) }, { ...config, [layersPath]: baseline(a, c) }),
    );
    expect(found).toEqual([
      {
        surface: 'baseline',
        file: layersPath,
        line: 6,
        what: `${layersPath}: added layers/unassigned in src/ui/c.ts`,
      },
    ]);
  });

  it('counts repeated entries: a second copy of a known entry is new', async () => {
    const found = await compareBaselines(
      memoryInput({ ...config, [layersPath]: baseline(a) }, { ...config, [layersPath]: baseline(a, a) }),
    );
    expect(found.map((l) => l.line)).toEqual([6]);
  });

  it('a baseline the base did not have is all new, unless the base did not run the check', async () => {
    const docsPath = '.harness/baseline/docs.json';
    const entry: [string, string, string] = ['docs/a.md', 'docs/orphan', ''];
    const found = await compareBaselines(memoryInput(config, { ...config, [docsPath]: baseline(entry) }));
    expect(found.map((l) => l.what)).toEqual([
      `${docsPath}: added docs/orphan in docs/a.md (main has no docs baseline)`,
    ]);
    const withoutDocs = { 'harness.config.yaml': 'version: 1\nlayers: {}\n' };
    expect(
      await compareBaselines(
        memoryInput(withoutDocs, { 'harness.config.yaml': config['harness.config.yaml'], [docsPath]: baseline(entry) }),
      ),
    ).toEqual([]);
  });

  it('follows a baseline the change moved, and reads the base at its own path', async () => {
    const moved = { 'harness.config.yaml': 'version: 1\nlayers: { baseline: known.json }\n' };
    const found = await compareBaselines(
      memoryInput({ ...config, [layersPath]: baseline(a) }, { ...moved, 'known.json': baseline(a, b) }),
    );
    expect(found.map((l) => [l.file, l.line])).toEqual([['known.json', 6]]);
  });

  it('a deleted or shrunk baseline, an unchanged one and an unparsable one give no finding', async () => {
    const base = { ...config, [layersPath]: baseline(a, b) };
    expect(await compareBaselines(memoryInput(base, config))).toEqual([]);
    expect(await compareBaselines(memoryInput(base, { ...config, [layersPath]: baseline(b) }))).toEqual([]);
    expect(await compareBaselines(memoryInput(base, base))).toEqual([]);
    expect(await compareBaselines(memoryInput(base, { ...config, [layersPath]: '{ not json' }))).toEqual([]);
  });
});
