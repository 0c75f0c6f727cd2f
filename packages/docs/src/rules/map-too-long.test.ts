import { describe, expect, it } from 'vitest';
import { modelOf } from '../temp-repo.fixture.js';
import { mapTooLong } from './map-too-long.js';

const lines = (n: number): string => Array.from({ length: n }, (_, i) => `- line ${i + 1}`).join('\n') + '\n';
/** About `bytes` bytes of markdown, in 64-byte lines. */
const sized = (bytes: number): string =>
  `${'filler text for the chain budget: sixty-four bytes per line....\n'.repeat(Math.floor(bytes / 64))}`;

describe('docs/map-too-long', () => {
  it('reports the map and a nested AGENTS.md over maxLines, at the first line too many', async () => {
    const model = await modelOf(
      { 'AGENTS.md': lines(12), 'pkg/AGENTS.md': lines(11), 'docs/long.md': lines(50) },
      { config: { maxLines: 10 } },
    );
    const findings = await mapTooLong.check(model);
    expect(findings.map((f) => [f.file, f.line])).toEqual([
      ['AGENTS.md', 11],
      ['pkg/AGENTS.md', 11],
    ]);
  });

  it('reports a nested chain over 32,768 bytes, naming the file Codex cuts and where', async () => {
    const model = await modelOf(
      { 'AGENTS.md': sized(20_000), 'a/AGENTS.md': sized(10_000), 'a/b/AGENTS.md': sized(5_000) },
      { config: { maxLines: 10_000 } },
    );
    const findings = await mapTooLong.check(model);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({ file: 'a/b/AGENTS.md', target: 'a/b/AGENTS.md' });
    // 19,968 + 9,984 bytes load whole; 2,816 bytes of the leaf remain: 44 lines, the cut lands in line 45.
    expect(finding?.message).toContain(
      '= 34944 bytes, over the 32768-byte cap (docs.maxBytes): it cuts a/b/AGENTS.md at line 45',
    );
  });

  it('says when the cut starves files below it, and reads the cap from .codex/config.toml', async () => {
    const model = await modelOf(
      { '.codex/config.toml': 'project_doc_max_bytes = 4096\n', 'AGENTS.md': sized(5_000), 'a/AGENTS.md': sized(100) },
      { config: { maxLines: 10_000 } },
    );
    const findings = await mapTooLong.check(model);
    expect(findings.map((f) => [f.file, f.target])).toEqual([
      ['AGENTS.md', 'AGENTS.md'],
      ['a/AGENTS.md', 'AGENTS.md'],
    ]);
    expect(findings[1]?.message).toContain('4096-byte cap (.codex/config.toml project_doc_max_bytes)');
    expect(findings[1]?.message).toContain('a/AGENTS.md does not load at all');
  });

  it('prefers AGENTS.override.md in a folder, and accepts chains under the cap', async () => {
    const model = await modelOf(
      { 'AGENTS.md': sized(30_000), 'a/AGENTS.md': sized(10_000), 'AGENTS.override.md': sized(1_000) },
      { config: { maxLines: 10_000 } },
    );
    expect(await mapTooLong.check(model)).toEqual([]);
  });
});
