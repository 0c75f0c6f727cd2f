import { describe, expect, it } from 'vitest';
import { lineCount } from './docs-model.js';
import { modelOf } from './temp-repo.fixture.js';

describe('lineCount', () => {
  it('counts lines as an editor shows them: a last line without a newline counts, a final newline adds none', () => {
    const cases: Array<[string, number]> = [
      ['', 0],
      ['\n', 1],
      ['one', 1],
      ['one\n', 1],
      ['one\ntwo', 2],
      ['one\n\ntwo\n', 3],
      ['one\r\ntwo\r\n', 2],
    ];
    for (const [text, lines] of cases) expect(lineCount(text), JSON.stringify(text)).toBe(lines);
  });
});

describe('markdown left out of the check', () => {
  it('test fixtures (fixtures, __fixtures__, testdata, test-fixtures, *-fixtures) and docs.ignore, said once with the counts', async () => {
    const broken = '[x](gone.md)\n';
    const model = await modelOf(
      {
        'docs/a.md': '# A\n',
        'test/fixtures/a.md': broken,
        'src/__fixtures__/b.md': broken,
        'pkg/testdata/c.md': broken,
        'test-fixtures/d.md': broken,
        'extensions/colorize-fixtures/e.md': broken,
        'test/workspace/f.md': broken,
        'docs/drafts/g.md': broken,
      },
      { config: { ignore: ['test/workspace/**', 'docs/drafts/**'] } },
    );
    expect([...model.docs.keys()]).toEqual(['docs/a.md']);
    expect(model.notes).toEqual([
      expect.stringMatching(
        /^docs: 7 markdown file\(s\) not checked: 5 in test fixtures \(.*\); 2 matching docs\.ignore\.$/,
      ),
    ]);
  });
});
