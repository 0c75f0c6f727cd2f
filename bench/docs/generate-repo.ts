// Generates a repository for the docs benchmark: a root AGENTS.md map, 35 workspace packages each
// with a nested AGENTS.md, and a docs/ knowledge base, 1,100 markdown files in all, with links,
// cross-file anchors (duplicate headings included), path mentions in code spans, front matter, and
// a git history whose dates make some docs stale. A few deliberate findings of each kind are
// planted. Deterministic: the same options give the same files and commits.
// Runs under Node's type stripping.
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { datedGit } from './dated-git.ts';

export interface GenerateOptions {
  packages: number;
  areas: number;
  docsPerArea: number;
}

/** 1 map + 35 nested AGENTS.md + 24 area indexes + 24 × 43 docs + 8 design docs = 1,100 markdown files. */
export const fullSize: GenerateOptions = { packages: 35, areas: 24, docsPerArea: 43 };

export interface GeneratedRepo {
  markdownFiles: number;
  agentsFiles: number;
  files: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export async function generateDocsRepo(root: string, options: GenerateOptions): Promise<GeneratedRepo> {
  await rm(root, { recursive: true, force: true });
  const files = new Map<string, string>();
  const areas = Array.from({ length: options.areas }, (_, i) => `area-${pad(i)}`);
  const packages = Array.from({ length: options.packages }, (_, i) => `pkg-${pad(i)}`);
  files.set(
    'package.json',
    JSON.stringify(
      { name: 'bench-docs', private: true, scripts: { build: 'tsc -b', test: 'vitest run', lint: 'eslint .' } },
      null,
      2,
    ),
  );
  files.set('harness.config.yaml', 'version: 1\ndocs:\n  frontmatter:\n    "docs/design-docs/**": [owner, status]\n');
  files.set('AGENTS.md', rootMap(areas, packages));
  for (const [p, pkg] of packages.entries()) {
    files.set(
      `packages/${pkg}/package.json`,
      JSON.stringify({ name: `@bench/${pkg}`, scripts: { build: 'tsc', dev: 'node src/index.js' } }),
    );
    for (let s = 0; s < 5; s++)
      files.set(`packages/${pkg}/src/module-${s}.ts`, `export const value${s} = ${p * 10 + s};\n`);
    files.set(`packages/${pkg}/AGENTS.md`, packageAgents(pkg, p, areas));
  }
  for (const [a, area] of areas.entries()) {
    files.set(`docs/${area}/index.md`, areaIndex(area, options.docsPerArea));
    for (let d = 0; d < options.docsPerArea; d++)
      files.set(`docs/${area}/topic-${pad(d)}.md`, topic(area, a, d, options, packages));
  }
  for (let d = 0; d < 8; d++)
    files.set(
      `docs/design-docs/decision-${d}.md`,
      `---\nowner: team-${d}\n${d === 7 ? '' : 'status: accepted\n'}---\n# Decision ${d}\n\nSee [the first area](../area-00/index.md#topics).\n`,
    );
  for (const [path, text] of files) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  commitHistory(root, packages);
  const markdownFiles = [...files.keys()].filter((f) => f.endsWith('.md'));
  return {
    markdownFiles: markdownFiles.length,
    agentsFiles: markdownFiles.filter((f) => f.endsWith('AGENTS.md')).length,
    files: files.size,
  };
}

function rootMap(areas: readonly string[], packages: readonly string[]): string {
  const lines = [
    '# AGENTS.md: bench-docs',
    '',
    '## Commands',
    '',
    '- Build: `pnpm build`',
    '- Tests: `pnpm test`',
    '- Lint: `pnpm run lint`',
    '',
    '## Knowledge base',
    '',
  ];
  for (const area of areas) lines.push(`- [${area}](docs/${area}/index.md)`);
  lines.push('- Design docs: `docs/design-docs/`', '', '## Packages', '');
  for (const pkg of packages) lines.push(`- \`packages/${pkg}/\`: see its AGENTS.md`);
  return `${lines.join('\n')}\n`;
}

function packageAgents(pkg: string, p: number, areas: readonly string[]): string {
  const area = areas[p % areas.length] ?? 'area-00';
  const lines = [
    `# ${pkg}`,
    '',
    `- Build: \`pnpm --filter @bench/${pkg} run build\``,
    `- Entry: \`src/module-0.ts\``,
    `- Background: [${area}](../../docs/${area}/topic-00.md#usage-1)`,
    '',
  ];
  for (let i = 0; i < 30; i++)
    lines.push(`- Convention ${i}: keep module ${i % 5} small; see \`src/module-${i % 5}.ts\`.`);
  return `${lines.join('\n')}\n`;
}

function areaIndex(area: string, docs: number): string {
  const lines = [`# ${area}`, '', '## Topics', ''];
  for (let d = 0; d < docs; d++) lines.push(`- [Topic ${d}](topic-${pad(d)}.md)`);
  return `${lines.join('\n')}\n`;
}

function topic(area: string, a: number, d: number, options: GenerateOptions, packages: readonly string[]): string {
  const next = `topic-${pad((d + 1) % options.docsPerArea)}.md`;
  const pkg = packages[(a * options.docsPerArea + d) % packages.length] ?? 'pkg-00';
  const lines = [
    `# ${area} topic ${d}`,
    '',
    `Part of [${area}](index.md#topics); next: [topic](${next}#usage).`,
    '',
    '## Usage',
    '',
  ];
  for (let i = 0; i < 12; i++)
    lines.push(
      `Paragraph ${i} explains how \`packages/${pkg}/src/module-${i % 5}.ts\` handles CPU/CUDA and/or input ${i}, with *emphasis* and a [reference][ref].`,
    );
  lines.push(
    '',
    '## Usage',
    '',
    'The second usage section, reachable as #usage-1.',
    '',
    '```ts',
    `import { value0 } from '../packages/${pkg}/src/module-0.js'; // [not a link](nowhere.md)`,
    '```',
    '',
  );
  lines.push('## Details', '', `| key | value |`, '| --- | --- |', `| area | ${area} |`, `| doc | ${d} |`, '');
  // Planted findings: a moved file, a missing anchor, a missing path.
  if (d === 5) lines.push(`Old link: [topic](topic-renamed-${a}.md).`, '');
  if (d === 6) lines.push(`Bad anchor: [x](${next}#no-such-heading).`, '');
  if (d === 7) lines.push(`Moved code: \`packages/${pkg}/src/gone-${a}.ts\`.`, '');
  lines.push(`[ref]: ../${area === 'area-00' ? 'area-01' : 'area-00'}/index.md`);
  return `${lines.join('\n')}\n`;
}

function commitHistory(root: string, packages: readonly string[]): void {
  const git = datedGit(root);
  git(['init', '-q', '-b', 'main'], '2025-01-01T12:00:00Z');
  git(['add', '-A'], '2025-01-01T12:00:00Z');
  git(['commit', '-q', '-m', 'docs and code'], '2025-01-01T12:00:00Z');
  // Code changes long after the docs: the docs that name these files become stale.
  for (const [i, pkg] of packages.slice(0, 10).entries()) {
    execFileSync('sh', ['-c', `echo "export const changed = ${i};" >> packages/${pkg}/src/module-1.ts`], { cwd: root });
    git(['commit', '-qam', `change ${pkg}`], `2025-0${1 + (i % 8)}-15T12:00:00Z`);
  }
}
