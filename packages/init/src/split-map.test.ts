import { describe, expect, it } from 'vitest';
import { rewriteLinks, splitMap } from './split-map.js';

describe('splitMap', () => {
  it('moves the text before the first section and every ## section into its own file, line for line', () => {
    const text = ['# App', '', 'Intro.', '', '## Build & test', '', 'Run it.', '', '## Style', '- tabs', ''].join('\n');
    expect(splitMap(text)).toEqual({
      title: '# App',
      files: [
        { path: 'docs/agents/overview.md', title: 'Overview', content: '# App\n\nIntro.\n' },
        { path: 'docs/agents/build-test.md', title: 'Build & test', content: '## Build & test\n\nRun it.\n' },
        { path: 'docs/agents/style.md', title: 'Style', content: '## Style\n- tabs\n' },
      ],
    });
  });

  it('does not split at a heading inside a fenced block, and names duplicate sections apart', () => {
    const text = ['## A', '```md', '## not a section', '```', '## A'].join('\n');
    expect(splitMap(text).files.map((f) => f.path)).toEqual(['docs/agents/a.md', 'docs/agents/a-2.md']);
    expect(splitMap(text).files[0]?.content).toContain('## not a section');
  });
});

describe('splitMap into another folder', () => {
  it('beside a docs site the sections go to the knowledge base’s agents/ folder, links re-rooted for its depth', () => {
    const text = ['# App', '', '## Guide', 'See [g](docs/g.md).'].join('\n');
    expect(splitMap(text, 'agent-docs/agents').files[1]).toEqual({
      path: 'agent-docs/agents/guide.md',
      title: 'Guide',
      content: '## Guide\nSee [g](../../docs/g.md).\n',
    });
    expect(splitMap(text, 'kb/agents/split').files[1]?.content).toBe('## Guide\nSee [g](../../../docs/g.md).\n');
  });
});

describe('rewriteLinks', () => {
  it('re-roots relative targets and leaves URLs, anchors and absolute paths', () => {
    expect(rewriteLinks('see [g](docs/g.md) and ![i](img/a.png)')).toBe(
      'see [g](../../docs/g.md) and ![i](../../img/a.png)',
    );
    expect(rewriteLinks('[a](https://x.y) [b](#here) [c](/abs) [d](mailto:x@y)')).toBe(
      '[a](https://x.y) [b](#here) [c](/abs) [d](mailto:x@y)',
    );
    expect(rewriteLinks('[ref]: src/a.ts')).toBe('[ref]: ../../src/a.ts');
  });
});
