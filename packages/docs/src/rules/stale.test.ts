import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocsModel } from '../docs-model.js';
import { docsConfig, git, writeGitRepo } from '../temp-repo.fixture.js';
import { stale } from './stale.js';

const now = Date.parse('2026-11-01T00:00:00Z') / 1000;
const files = {
  'docs/billing.md': 'How [charging](../src/billing/charge.ts) works; see `src/billing/refund.ts`.\n',
  'src/billing/charge.ts': 'export {};\n',
  'src/billing/refund.ts': 'export {};\n',
};

describe('docs/stale', () => {
  it('reports a doc unchanged for staleAfterDays while code it links to changed since (dated git commits)', async () => {
    const root = await writeGitRepo(files, '2026-01-10T12:00:00Z');
    await writeFile(join(root, 'src/billing/charge.ts'), 'export const charge = 1;\n');
    git(root, ['commit', '-qam', 'change charge'], '2026-06-01T12:00:00Z');
    const findings = await stale.check(await buildDocsModel({ root, config: docsConfig(), now }));
    expect(findings).toMatchObject([{ file: 'docs/billing.md', severity: 'warning' }]);
    expect(findings[0]?.message).toBe(
      'docs/billing.md last changed on 2026-01-10, 294 days ago (docs.staleAfterDays is 90), but code it points to changed since: src/billing/charge.ts (2026-06-01).',
    );
  });

  it('accepts a doc changed after its code, and a recent doc', async () => {
    const root = await writeGitRepo(files, '2026-01-10T12:00:00Z');
    await writeFile(join(root, 'src/billing/refund.ts'), 'export const refund = 1;\n');
    git(root, ['commit', '-qam', 'change refund'], '2026-02-01T12:00:00Z');
    await writeFile(join(root, 'docs/billing.md'), `${files['docs/billing.md']}\nRefunds are partial.\n`);
    git(root, ['commit', '-qam', 'doc'], '2026-03-01T12:00:00Z');
    expect(await stale.check(await buildDocsModel({ root, config: docsConfig(), now }))).toEqual([]);
    expect(await stale.check(await buildDocsModel({ root, config: docsConfig({ staleAfterDays: 365 }), now }))).toEqual(
      [],
    );
  });
});
