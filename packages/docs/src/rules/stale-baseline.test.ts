import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocs } from '../check-docs.js';
import { docsConfig, writeTempRepo } from '../temp-repo.fixture.js';

const baseline = (entries: unknown[]): string => JSON.stringify({ version: 1, description: 'd', entries });

describe('docs/stale-baseline and the baseline', () => {
  it('accepts baselined findings by file, rule and target, and reports entries that match nothing', async () => {
    const root = await writeTempRepo({ 'AGENTS.md': '[x](docs/gone.md)\n' });
    await writeTempBaseline(root, [
      { file: 'AGENTS.md', rule: 'docs/broken-link', target: 'docs/gone.md' },
      { file: 'AGENTS.md', rule: 'docs/broken-link', target: 'docs/fixed.md' },
    ]);
    const result = await checkDocs({ root, config: docsConfig() });
    expect(result.diagnostics.map((d) => [d.rule, d.file, d.target])).toEqual([
      ['docs/stale-baseline', '.harness/baseline/docs.json', 'docs/fixed.md'],
    ]);
    expect(result.diagnostics[0]?.docs).toBe('docs/rules/docs.md#stale-baseline');
  });

  it('--update-baseline records every finding at first, then only shrinks unless growth is allowed', async () => {
    const root = await writeTempRepo({ 'AGENTS.md': '[x](docs/gone.md)\n' });
    const first = await checkDocs({ root, config: docsConfig(), updateBaseline: true });
    expect(first.diagnostics).toEqual([]);
    expect(first.notes).toContain('docs: wrote .harness/baseline/docs.json: 1 entry (+1, -0).');
    await writeFile(join(root, 'AGENTS.md'), '[x](docs/gone.md) [y](docs/new.md)\n');
    const second = await checkDocs({ root, config: docsConfig(), updateBaseline: true });
    expect(second.diagnostics.map((d) => d.target)).toEqual(['docs/new.md']);
    const written = JSON.parse(await readFile(join(root, '.harness/baseline/docs.json'), 'utf8')) as {
      entries: unknown[];
    };
    expect(written.entries).toHaveLength(1);
    const grown = await checkDocs({ root, config: docsConfig(), updateBaseline: true, allowGrowth: true });
    expect(grown.diagnostics).toEqual([]);
  });
});

async function writeTempBaseline(root: string, entries: unknown[]): Promise<void> {
  await mkdir(join(root, '.harness/baseline'), { recursive: true });
  await writeFile(join(root, '.harness/baseline/docs.json'), baseline(entries));
}
