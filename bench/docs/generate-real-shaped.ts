// Generates a repository shaped like a real modular monorepo for the docs benchmark: about 10,000
// files, 1,300 markdown files of real sizes (40 specs of 30–100 KB, changelogs of 20–60 KB), a
// Docusaurus site (extensionless and site-rooted links, /img/ from static/, slug front matter, a
// blog), 35 nested AGENTS.md, test fixtures with markdown, and a history of 200 commits.
// Deterministic: the same call gives the same files and commits. Runs under Node's type stripping.
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { datedGit } from './dated-git.ts';

export interface GeneratedRepo {
  markdownFiles: number;
  agentsFiles: number;
  files: number;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
/** The n-th source module that exists (every sixth source is an internal helper, not a module). */
const moduleName = (n: number): string => `module-${pad((Math.floor(n / 5) * 6 + (n % 5) + 1) % sourcesPerPackage, 3)}`;
let seed = 7;
const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const between = (low: number, high: number): number => Math.floor(low + random() * (high - low));

const packageCount = 35;
const sourcesPerPackage = 240;
const sitePages = 620;
const packageDocs = 14;

export async function generateRealShapedRepo(root: string): Promise<GeneratedRepo> {
  seed = 7;
  await rm(root, { recursive: true, force: true });
  const files = new Map<string, string>();
  const packages = Array.from({ length: packageCount }, (_, i) => `pkg-${pad(i)}`);
  files.set(
    'package.json',
    JSON.stringify(
      {
        name: 'real-shaped',
        private: true,
        workspaces: ['packages/*', 'website'],
        scripts: { build: 'turbo build', test: 'vitest run', lint: 'eslint .' },
      },
      null,
      2,
    ),
  );
  files.set('AGENTS.md', rootMap(packages));
  files.set('README.md', '# real-shaped\n\nSee [the docs](docs/site/intro.md) and [AGENTS.md](AGENTS.md).\n');
  for (const [p, pkg] of packages.entries()) addPackage(files, pkg, p);
  for (let s = 0; s < 40; s++) files.set(`docs/specs/spec-${pad(s)}.md`, spec(s, packages));
  addSite(files, packages);
  for (const [path, text] of files) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  commitHistory(root, packages);
  const markdownFiles = [...files.keys()].filter((f) => /\.mdx?$/.test(f));
  return {
    markdownFiles: markdownFiles.length,
    agentsFiles: markdownFiles.filter((f) => f.endsWith('AGENTS.md')).length,
    files: files.size,
  };
}

function rootMap(packages: readonly string[]): string {
  const lines = [
    '# AGENTS.md',
    '',
    '- Build: `pnpm build`',
    '- Tests: `pnpm test`',
    '- Specs: `docs/specs/`',
    '- Site: [docs](docs/site/intro.md)',
    '',
    '## Packages',
    '',
  ];
  for (const pkg of packages) lines.push(`- \`packages/${pkg}/\`: [its docs](packages/${pkg}/docs/overview.md)`);
  return `${lines.join('\n')}\n`;
}

function addPackage(files: Map<string, string>, pkg: string, p: number): void {
  files.set(
    `packages/${pkg}/package.json`,
    JSON.stringify({ name: `@real/${pkg}`, scripts: { build: 'tsc', test: 'vitest run' } }),
  );
  for (let s = 0; s < sourcesPerPackage; s++)
    files.set(
      `packages/${pkg}/src/${s % 6 === 0 ? 'internal/helper' : 'module'}-${pad(s, 3)}.ts`,
      `export const value${s} = ${p * 1000 + s};\n`,
    );
  const agents = [
    `# ${pkg}`,
    '',
    `- Build: \`pnpm --filter @real/${pkg} run build\``,
    '- Entry: `src/module-001.ts`',
    `- Docs: [overview](docs/overview.md)`,
    '',
  ];
  for (let i = 0; i < 40; i++)
    agents.push(`- Rule ${i}: see \`src/${moduleName((i * 7) % sourcesPerPackage)}.ts\` before changing it.`);
  files.set(`packages/${pkg}/AGENTS.md`, `${agents.join('\n')}\n`);
  files.set(
    `packages/${pkg}/README.md`,
    `# @real/${pkg}\n\nSee [the overview](docs/overview.md) and [AGENTS.md](AGENTS.md).\n`,
  );
  for (let d = 0; d < packageDocs; d++) {
    const name = d === 0 ? 'overview' : `topic-${pad(d)}`;
    const lines = [
      `# ${pkg} ${name}`,
      '',
      `Next: [topic](./topic-${pad((d % (packageDocs - 1)) + 1)}) and [the README](../README.md).`,
      '',
      '## Usage',
      '',
    ];
    for (let i = 0; i < between(20, 80); i++)
      lines.push(
        `Paragraph ${i}: \`src/${moduleName((i * 13 + d) % sourcesPerPackage)}.ts\` handles input ${i} with *care* and a [spec](../../../docs/specs/spec-${pad((p + i) % 40)}.md#design).`,
      );
    files.set(`packages/${pkg}/docs/${name}.md`, `${lines.join('\n')}\n`);
  }
  files.set(`packages/${pkg}/CHANGELOG.md`, changelog(pkg));
  if (p < 5)
    for (let f = 0; f < 10; f++)
      files.set(
        `packages/${pkg}/test/fixtures/case-${f}/README.md`,
        `# Fixture\n\n[a link that only works where it is copied](../not-here.md)\n`,
      );
}

function changelog(pkg: string): string {
  const lines = [`# @real/${pkg}`, ''];
  const releases = between(60, 180);
  for (let r = releases; r > 0; r--) {
    lines.push(`## 1.${r}.0`, '', '### Patch Changes', '');
    for (let c = 0; c < 4; c++)
      lines.push(
        `- ${'a'.repeat(7)}${r}${c}: fix the thing in \`src/${moduleName((r + c) % sourcesPerPackage)}.ts\` ([#${r * 10 + c}](https://github.com/org/repo/pull/${r * 10 + c}))`,
      );
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

function spec(s: number, packages: readonly string[]): string {
  const target = between(30_000, 100_000);
  const lines = [`# Spec ${s}`, '', '## Design', ''];
  let size = 0;
  for (let i = 0; size < target; i++) {
    const pkg = packages[(s + i) % packages.length] ?? 'pkg-00';
    const line =
      i % 40 === 0
        ? `\n## Section ${i}\n`
        : i % 17 === 0
          ? `\`\`\`ts\nimport { value1 } from '../../packages/${pkg}/src/module-001.js';\n\`\`\``
          : `- Requirement ${i}: \`packages/${pkg}/src/${moduleName(i % sourcesPerPackage)}.ts\` must keep ${'invariant '.repeat(between(2, 12))}(see [spec ${(s + 1) % 40}](spec-${pad((s + 1) % 40)}.md#design)).`;
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

function addSite(files: Map<string, string>, packages: readonly string[]): void {
  files.set('website/package.json', JSON.stringify({ name: '@real/website', scripts: { start: 'docusaurus start' } }));
  files.set(
    'website/docusaurus.config.ts',
    [
      'export default {',
      "  presets: [['classic', { docs: { path: '../docs/site', routeBasePath: '/' }, blog: { showReadingTime: true } }]],",
      '};',
      '',
    ].join('\n'),
  );
  for (let i = 0; i < 20; i++) files.set(`website/static/img/figure-${i}.png`, 'png');
  for (let b = 0; b < 30; b++)
    files.set(
      `website/blog/2025-${pad((b % 12) + 1)}-10-post-${b}.md`,
      `# Post ${b}\n\nRead [the intro](/intro) and [section ${b % 20}](/section-${pad(b % 20)}/page-000).\n`,
    );
  files.set(
    'docs/site/intro.md',
    '---\nslug: /intro\n---\n# Intro\n\nStart with [the first section](./section-00/page-000).\n',
  );
  const perSection = Math.floor(sitePages / 20);
  for (let sct = 0; sct < 20; sct++) {
    for (let pg = 0; pg < perSection; pg++) {
      const next = `./page-${pad((pg + 1) % perSection, 3)}`;
      const pkg = packages[(sct * perSection + pg) % packages.length] ?? 'pkg-00';
      const lines = [
        `# Section ${sct} page ${pg}`,
        '',
        `Next: [page](${next}); also [the figure](/img/figure-${pg % 20}.png) and [section ${(sct + 1) % 20}](/section-${pad((sct + 1) % 20)}/page-000#usage).`,
        '',
        '## Usage',
        '',
      ];
      for (let i = 0; i < between(10, 60); i++)
        lines.push(
          `Step ${i}: call \`${pkg}\` from \`packages/${pkg}/src/${moduleName(i % sourcesPerPackage)}.ts\`; see [prerequisites](../section-00/page-001).`,
        );
      files.set(
        `docs/site/section-${pad(sct)}/page-${pad(pg, 3)}.${pg % 3 === 0 ? 'mdx' : 'md'}`,
        `${lines.join('\n')}\n`,
      );
    }
  }
}

function commitHistory(root: string, packages: readonly string[]): void {
  const git = datedGit(root);
  git(['init', '-q', '-b', 'main'], '2024-01-01T12:00:00Z');
  git(['add', '-A'], '2024-01-01T12:00:00Z');
  git(['commit', '-q', '-m', 'initial'], '2024-01-01T12:00:00Z');
  // 200 commits over two years, each touching a few sources and now and then a doc.
  for (let c = 0; c < 200; c++) {
    const pkg = packages[c % packages.length] ?? 'pkg-00';
    const date = new Date(Date.UTC(2024, 0, 2) + c * 3.5 * 86_400_000).toISOString();
    const touched = [
      `packages/${pkg}/src/${moduleName((c * 11) % sourcesPerPackage)}.ts`,
      `packages/${pkg}/src/${moduleName((c * 5 + 1) % sourcesPerPackage)}.ts`,
    ];
    if (c % 4 === 0) touched.push(`packages/${pkg}/docs/topic-${pad((c % (packageDocs - 1)) + 1)}.md`);
    for (const file of touched) execFileSync('sh', ['-c', `echo "// change ${c}" >> "${file}"`], { cwd: root });
    git(['commit', '-qam', `change ${c}`], date);
  }
}
