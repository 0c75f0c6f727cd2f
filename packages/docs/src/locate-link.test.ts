import { describe, expect, it } from 'vitest';
import { brokenLink } from './rules/broken-link.js';
import { modelOf } from './temp-repo.fixture.js';

const targets = async (files: Record<string, string>): Promise<Array<string | undefined>> =>
  (await brokenLink.check(await modelOf(files))).map((f) => f.target);

describe('extensionless links in any repository', () => {
  it('reach X.md, X.mdx, X/index.md(x) and X/README.md, and check the anchor against that file', async () => {
    expect(
      await targets({
        'docs/guide/a.md': '[b](./b) [c](../c#setup) [d](d) [e](e/) [f](./b#nope)\n',
        'docs/guide/b.md': '# B\n',
        'docs/c.mdx': '## Setup\n',
        'docs/guide/d/index.md': '# D\n',
        'docs/guide/e/README.md': '# E\n',
      }),
    ).toEqual(['docs/guide/b.md#nope']);
  });

  it('still reports a link one level off and a page that is gone', async () => {
    expect(await targets({ 'docs/guide/a.md': '[b](../b) [gone](./gone)\n', 'docs/guide/b.md': '# B\n' })).toEqual([
      'docs/b',
      'docs/guide/gone',
    ]);
  });

  it('leaves a site URL alone (/product/latest/x) when the repository has no such top folder, but checks /docs/x', async () => {
    expect(
      await targets({
        'docs/a.md': '[x](/router/latest/docs/overview) [y](/docs/gone) [z](/docs/a) [w](/CONTRIBUTING.md)\n',
      }),
    ).toEqual(['docs/gone', 'CONTRIBUTING.md']);
  });
});

// Shapes cut from real repositories' findings: these stay reported.
describe('real broken links stay reported', () => {
  it('a link one level off from a nested skill, a malformed link in a changelog, a placeholder definition, a renamed heading', async () => {
    expect(
      await targets({
        '.agents/skills/perf/SKILL.md': '[perf](../../docs/perf.mdx)\n',
        'docs/perf.mdx': '## Wide includes\n',
        'CHANGELOG.md': '- fix ([x](<[#4](https://example.com/4)>))\n\n[y][_]\n\n[_]: _\n',
        'docs/guide.md':
          '[ctx](./server.md#server-function-context) [ok](./server.md#server-context--request-handling)\n',
        'docs/server.md': '### Server Context & Request Handling\n',
      }),
    ).toEqual(['.agents/docs/perf.mdx', '[', '_', 'docs/server.md#server-function-context']);
  });
});
