// Markdown the CommonMark parser must not be given whole (markdown-limits.ts): the check still
// ends, still finds what is wrong in it, and says the file was read line by line.
import { describe, expect, it } from 'vitest';
import { checkDocs } from '../src/check-docs.js';
import { docsConfig, writeGitRepo } from '../src/temp-repo.fixture.js';

function fileOfLinks(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `- [guide ${i}](guide.md#part) and \`src/a.ts\`\n`;
    parts.push(line);
    size += line.length;
  }
  return parts.join('');
}

describe('pathological markdown', () => {
  it('checks a 20 MB file of links and a file 10,000 levels deep, finds their broken links, and says they were read line by line', {
    timeout: 300_000,
  }, async () => {
    const links = fileOfLinks(20 * 1024 * 1024);
    const linkLines = links.split('\n').length - 1;
    const root = await writeGitRepo(
      {
        'AGENTS.md': '# Map\n\n- [Big](docs/big.md)\n- [Deep](docs/deep.md)\n- [Guide](docs/guide.md)\n',
        'docs/guide.md': '# Guide\n\n## Part\n\nText.\n',
        'src/a.ts': 'export {};\n',
        'docs/big.md': `${links}\n[gone](missing.md) and [no anchor](guide.md#nowhere)\n`,
        'docs/deep.md': `# Deep\n\n${'- '.repeat(10_000)}[gone](deep-missing.md)\n`,
      },
      '2026-01-01T12:00:00Z',
    );
    const result = await checkDocs({ root, config: docsConfig(), cache: false });
    expect(result.diagnostics.map((d) => [d.rule, d.file, d.line, d.target])).toEqual([
      ['docs/broken-link', 'docs/big.md', linkLines + 2, 'docs/missing.md'],
      ['docs/broken-link', 'docs/big.md', linkLines + 2, 'docs/guide.md#nowhere'],
      ['docs/broken-link', 'docs/deep.md', 3, 'docs/deep-missing.md'],
    ]);
    expect(result.notes).toEqual([
      'docs: docs/big.md was read line by line, not parsed as CommonMark: it is 20.0 MB, over the 128 KB the CommonMark parser reads. Links, code spans, headings and fenced code on one line are checked; a link spread over lines is not.',
      'docs: docs/deep.md was read line by line, not parsed as CommonMark: line 3 is nested more than 32 lists or block quotes deep. Links, code spans, headings and fenced code on one line are checked; a link spread over lines is not.',
    ]);
  });
});
