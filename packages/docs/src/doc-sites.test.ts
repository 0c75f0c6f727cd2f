// Each generator's documented behaviour, as a small site on disk: the links that work on the built
// site are not reported, the ones that do not are.
import { describe, expect, it } from 'vitest';
import { brokenLink } from './rules/broken-link.js';
import { modelOf } from './temp-repo.fixture.js';

const broken = async (files: Record<string, string>): Promise<Array<string | undefined>> =>
  (await brokenLink.check(await modelOf(files))).map((f) => f.target);

describe('documentation sites, read from their config', () => {
  it('Docusaurus: plugin instances with routeBasePath, the blog without dates, static/, slug and id, versioned docs, @site/', async () => {
    const config = [
      "const docs = { id: 'rules', path: '../plugin/docs/rules', routeBasePath: 'rules', sidebarPath: require.resolve('./sidebars.js') };",
      "export default { presets: [['classic', { docs: { path: '../../docs', routeBasePath: '/' }, blog: { blogSidebarCount: 'ALL' } }]],",
      "  plugins: [['@docusaurus/plugin-content-docs', docs]] };",
    ].join('\n');
    expect(
      await broken({
        'packages/site/docusaurus.config.ts': config,
        'packages/site/static/img/logo.png': 'png',
        'packages/site/blog/2024-05-27-big-release.md':
          '# Release\n[rule](/rules/no-any#options) [faq](/troubleshooting/faq) [old](/gone/page)\n',
        'packages/plugin/docs/rules/no-any.mdx':
          '## Options\n[parser](/packages/parser) [logo](/img/logo.png) [post](/blog/big-release)\n',
        'docs/troubleshooting/01-faq.mdx':
          '# FAQ\n[setup](./setup) [id](../packages/parser#api) [src](@site/static/img/logo.png) [missing](/troubleshooting/nothing)\n',
        'docs/troubleshooting/setup.md': '---\nslug: /getting-started\n---\n# Setup\n[back](/getting-started)\n',
        'docs/guides/Typed_Linting.mdx':
          '[url-relative](../../troubleshooting/faq#faq) [one-off](../../troubleshooting/faqs)\n',
        'docs/packages/Parser.mdx': '---\nid: parser\n---\n## API\n',
      }),
    ).toEqual(['troubleshooting/faqs', 'troubleshooting/nothing']);
  });

  it('Docusaurus defaults: docs at /docs, versioned_docs/version-X at /docs/X', async () => {
    expect(
      await broken({
        'docusaurus.config.js': "module.exports = { title: 'x' };\n",
        'docs/intro.md': '[v1](/docs/1.0/intro) [here](/docs/intro) [gone](/docs/outro)\n',
        'versioned_docs/version-1.0/intro.md': '# Intro\n',
      }),
    ).toEqual(['docs/outro']);
  });

  it('VitePress: srcDir, clean and .html URLs, index pages, public/', async () => {
    expect(
      await broken({
        'docs/.vitepress/config.ts': "export default defineConfig({ srcDir: 'src', cleanUrls: true })\n",
        'docs/src/guide/index.md':
          '[cfg](/config/) [api](/api/run.html) [logo](/logo.svg) [rel](../api/run) [no](/guide/nothing)\n',
        'docs/src/guide/anchors.md': '[slug](/api/run#vi-fn) [id](/api/run.md#opts) [bad](/api/run#vi-nope)\n',
        'docs/src/config/index.md': '# Config\n',
        'docs/src/api/run.md': '# Run\n\n## vi.fn\n\n## Options {#opts}\n\n<!--@include: ./run-flags.md-->\n',
        'docs/src/api/run-flags.md': '### --watch-all\n',
        'docs/src/guide/flags.md': '[flag](/api/run#watch-all)\n',
        'docs/src/public/logo.svg': '<svg/>',
      }),
    ).toEqual(['docs/src/api/run.md#vi-nope', 'guide/nothing']);
  });

  it('Starlight: src/content/docs at the root URL, lowercased slugs, public/', async () => {
    expect(
      await broken({
        'astro.config.mjs':
          "import starlight from '@astrojs/starlight';\nexport default { integrations: [starlight({ title: 'x' })] };\n",
        'src/content/docs/guides/Example.md':
          '[ref](/reference/api/) [img](/favicon.svg) [me](/guides/example) [no](/guides/none)\n',
        'src/content/docs/reference/api.mdx': '# API\n',
        'public/favicon.svg': '<svg/>',
      }),
    ).toEqual(['guides/none']);
  });

  it('Nextra: pages/ at the root URL, public/', async () => {
    expect(
      await broken({
        'theme.config.tsx': 'export default { logo: <span>x</span> }\n',
        'pages/docs/index.mdx': '[a](/docs/advanced/setup) [img](/logo.png) [no](/docs/nothing)\n',
        'pages/docs/advanced/setup.md': '# Setup\n',
        'public/logo.png': 'png',
      }),
    ).toEqual(['docs/nothing']);
  });

  it('MkDocs: docs_dir; mdBook: book.toml src and .html links', async () => {
    expect(
      await broken({
        'mkdocs.yml': 'site_name: x\ndocs_dir: documentation\n',
        'documentation/index.md': '[u](/user-guide/) [i](img/a.png) [no](user-guide/none.md)\n',
        'documentation/user-guide/index.md': '# User guide\n',
        'documentation/img/a.png': 'png',
      }),
    ).toEqual(['documentation/user-guide/none.md']);
    expect(
      await broken({
        'guide/book.toml': '[book]\ntitle = "x"\nsrc = "pages"\n',
        'guide/pages/SUMMARY.md': '[a](./chapter_1.html) [b](/chapter_1.html) [c](./chapter_2.md)\n',
        'guide/pages/chapter_1.md': '# One\n',
      }),
    ).toEqual(['guide/pages/chapter_2.md']);
  });
});
