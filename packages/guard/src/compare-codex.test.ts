import { describe, expect, it } from 'vitest';
import { compareCodex } from './compare-codex.js';
import { memoryInput } from './memory-input.fixture.js';

const file = '.codex/config.toml';
const base = 'model = "gpt-5"\nproject_doc_max_bytes = 16384\nproject_doc_fallback_filenames = ["CONTEXT.md"]\n';

async function compare(baseFiles: Record<string, string>, headFiles: Record<string, string>): Promise<string[]> {
  return (await compareCodex(memoryInput(baseFiles, headFiles))).map((l) => `${l.file}:${l.line} ${l.what}`);
}

describe('compareCodex', () => {
  it('reports project_doc_max_bytes raised, at its line', async () => {
    expect(await compare({ [file]: base }, { [file]: base.replace('16384', '65536') })).toEqual([
      `${file}:2 project_doc_max_bytes: 16384 → 65536`,
    ]);
  });

  it('reports project_doc_max_bytes added above the default, or removed above a lower base value', async () => {
    expect(await compare({}, { [file]: 'project_doc_max_bytes = 40000\n' })).toEqual([
      `${file}:1 project_doc_max_bytes: 32768 → 40000`,
    ]);
    expect(await compare({ [file]: base }, { [file]: 'project_doc_fallback_filenames = ["CONTEXT.md"]\n' })).toEqual([
      `${file}:1 project_doc_max_bytes: 16384 → 32768`,
    ]);
    expect(await compare({ [file]: base }, {})).toEqual([
      `${file}:2 ${file} deleted: project_doc_max_bytes 16384 → 32768`,
    ]);
  });

  it('takes the default from the base config docs.maxBytes', async () => {
    const config = { 'harness.config.yaml': 'version: 1\ndocs:\n  maxBytes: 8000\n' };
    expect(await compare(config, { ...config, [file]: 'project_doc_max_bytes = 9000\n' })).toEqual([
      `${file}:1 project_doc_max_bytes: 8000 → 9000`,
    ]);
  });

  it('reports a fallback name added, and an AGENTS.override.md added', async () => {
    const head = base.replace('["CONTEXT.md"]', '["CONTEXT.md", "README.md"]');
    expect(await compare({ [file]: base }, { [file]: head, 'packages/a/AGENTS.override.md': '# a\n' })).toEqual([
      'packages/a/AGENTS.override.md:1 AGENTS.override.md added: Codex reads it instead of AGENTS.md in packages/a',
      `${file}:3 project_doc_fallback_filenames: "README.md" added; such files join the AGENTS.md chain and take its budget`,
    ]);
  });

  it('reports a file Codex can no longer read', async () => {
    expect(await compare({ [file]: base }, { [file]: 'project_doc_max_bytes = \n' })).toEqual([
      `${file}:1 ${file} is no longer valid TOML`,
    ]);
  });

  it('gives nothing for a lower limit, a fallback name removed, or other settings', async () => {
    const head = 'model = "o3"\nproject_doc_max_bytes = 8192\nproject_doc_fallback_filenames = []\n';
    expect(
      await compare({ [file]: base, 'AGENTS.override.md': 'x' }, { [file]: head, 'AGENTS.override.md': 'y' }),
    ).toEqual([]);
    expect(await compare({ [file]: base }, { [file]: base, 'AGENTS.md': '# changed\n' })).toEqual([]);
  });
});
