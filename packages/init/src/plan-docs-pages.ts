// The knowledge-base pages in init's plan. Each page has the page that links it (the map for the
// index), so every page init writes is reachable from the map: a page whose parent is the user's
// own file and does not link it, or whose parent is not written, is skipped and the plan says how
// to link it. An existing plans or decisions folder is merged: init writes only the index pages it
// lacks, listing the documents that are there, never a "none yet" over real ones.
import { readdir } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { PlannedFile } from './init-plan.js';
import { resolveAction } from './plan-file-action.js';
import type { MapFiles } from './plan-map.js';
import type { InitInspection } from './prepare-init.js';
import type { DocsLayout, DocsRole } from './propose-docs-config.js';
import { frontmatterKeys, readRepoText } from './propose-docs-config.js';
import type { MapContext } from './render-docs.js';
import { existingDocsLines, layerMapText, layerRulesText, sectionRows } from './render-docs.js';
import { renderTemplate } from './render-template.js';
import { readInside } from './repo-entry.js';
import { templatesDir } from './templates-dir.js';

interface Page {
  path: string;
  content: string;
  purpose: string;
  /** The page that links this one; 'map' for the knowledge base's index. */
  parent: string;
}

const skeletonFolders: Record<DocsRole['key'], string> = {
  design: 'design-docs',
  plans: 'exec-plans',
  specs: 'product-specs',
  references: 'references',
  generated: 'generated',
};

const folderTitles: Record<string, string> = {
  design: 'Design docs',
  plans: 'Execution plans',
  specs: 'Product specs',
  references: 'References',
  generated: 'Generated documents',
  active: 'Active plans',
  completed: 'Completed plans',
};

/** The pages, resolved against what exists, each written only where the map reaches it. */
export async function planDocsPages(
  context: MapContext,
  inspection: InitInspection,
  map: MapFiles,
  options: { today: string; force?: boolean | undefined },
): Promise<PlannedFile[]> {
  const { root } = context.facts;
  const pages = await docsPages(context);
  const reached = new Map<string, boolean>([['map', await mapReachesIndex(inspection, map, context.layout.root)]]);
  const planned: PlannedFile[] = [];
  for (const page of pages) {
    const file = await resolveAction(root, page, options.force === true);
    const parentReached = reached.get(page.parent) ?? false;
    const linked = page.parent === 'map' || (await parentLinks(root, planned, page));
    if (file.action === 'keep' || (parentReached && linked)) {
      reached.set(page.path, file.action === 'keep' ? parentReached && linked : true);
      planned.push(file);
      continue;
    }
    reached.set(page.path, false);
    planned.push({ path: page.path, action: 'skip', reason: unreachedReason(page, parentReached, context.layout) });
  }
  // In path order, as the skeleton always was: a write problem names the first of them.
  return foldUnreached(planned).sort((a, b) => a.path.localeCompare(b.path));
}

const notWritten = 'is not written, so nothing would link it';

/** Pages skipped only because the page above them is: one line for the page above says how many. */
function foldUnreached(planned: PlannedFile[]): PlannedFile[] {
  const below = planned.filter((p) => p.action === 'skip' && p.reason.endsWith(notWritten));
  const first = planned.find((p) => p.action === 'skip' && !p.reason.endsWith(notWritten));
  if (below.length === 0 || first === undefined) return planned;
  first.reason = `${first.reason} (then init writes the ${below.length} pages it links too)`;
  return planned.filter((p) => !below.includes(p));
}

/** Every page init would write, parents before the pages they link. */
async function docsPages(context: MapContext): Promise<Page[]> {
  const { layout } = context;
  const index = `${layout.root}/index.md`;
  const values = templateValues(context);
  const pages: Page[] = [
    {
      path: index,
      content: await renderTemplate('docs/index.md', values),
      purpose: 'the knowledge base index',
      parent: 'map',
    },
    {
      path: `${layout.root}/architecture.md`,
      content: await renderTemplate('docs/architecture.md', values),
      purpose: 'the layers, for agents',
      parent: index,
    },
  ];
  for (const role of layout.roles) {
    pages.push(...(role.existing ? mergedIndexes(role, context, index) : await skeletonPages(role, values, index)));
  }
  return pages;
}

function templateValues(context: MapContext): Record<string, string> {
  const { layout } = context;
  const design = layout.roles.find((r) => r.key === 'design')?.dir ?? `${layout.root}/design-docs`;
  return {
    name: context.facts.name,
    layerMap: layerMapText(context.layers),
    layerRules: layerRulesText(context.layers),
    sections: sectionRows(layout, context.facts.files),
    existingDocs: existingDocsLines(context.extraDocs, layout.root),
    designDir: design,
  };
}

/** init's own folder for a role, from templates/docs/<folder>/: each page linked by its folder's index. */
async function skeletonPages(role: DocsRole, values: Record<string, string>, index: string): Promise<Page[]> {
  const folder = skeletonFolders[role.key];
  const base = join(templatesDir(), 'docs', folder);
  const entries = await readdir(base, { recursive: true, withFileTypes: true });
  const relative = entries
    .filter((e) => e.isFile())
    .map((e) => posix.relative(base.split('\\').join('/'), join(e.parentPath, e.name).split('\\').join('/')))
    .sort(parentsFirst);
  return Promise.all(
    relative.map(async (path) => ({
      path: `${role.dir}/${path}`,
      content: await renderTemplate(`docs/${folder}/${path}`, values),
      purpose: `${posix.dirname(role.dir)}/ knowledge base skeleton`,
      parent: path === 'index.md' ? index : `${role.dir}/${parentIndex(path)}`,
    })),
  );
}

/** Shallower pages first, and in a folder its index first: a page's parent is planned before it. */
function parentsFirst(a: string, b: string): number {
  const rank = (p: string) => p.split('/').length * 2 - (posix.basename(p) === 'index.md' ? 1 : 0);
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** The index of the folder above `path` (a page's own folder for a page, the one above for an index). */
function parentIndex(path: string): string {
  const dir = posix.dirname(path);
  if (posix.basename(path) !== 'index.md') return posix.join(dir, 'index.md');
  const up = posix.dirname(dir);
  return up === '.' ? 'index.md' : posix.join(up, 'index.md');
}

/** The repository's own folder: an index for each of its folders that has none, listing what is there. */
function mergedIndexes(role: DocsRole, context: MapContext, index: string): Page[] {
  const files = context.facts.files;
  const docs = files.filter((f) => f.startsWith(`${role.dir}/`) && /\.mdx?$/i.test(f));
  const dirs = [...new Set(docs.map((d) => posix.dirname(d)))];
  for (const dir of [...dirs])
    for (let d = posix.dirname(dir); d.startsWith(role.dir); d = posix.dirname(d)) dirs.push(d);
  const pages: Page[] = [];
  for (const dir of [...new Set(dirs)].sort(
    (a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b),
  )) {
    if (folderIndex(dir, files) !== undefined) continue;
    const title =
      dir === role.dir ? folderTitles[role.key] : (folderTitles[posix.basename(dir)] ?? posix.basename(dir));
    const parent =
      dir === role.dir ? index : (folderIndex(posix.dirname(dir), files) ?? `${posix.dirname(dir)}/index.md`);
    pages.push({
      path: `${dir}/index.md`,
      content: listingPage(title ?? dir, dir, docs, files, context),
      purpose: 'an index of the documents already there',
      parent,
    });
  }
  return pages;
}

function listingPage(
  title: string,
  dir: string,
  docs: readonly string[],
  files: readonly string[],
  context: MapContext,
): string {
  const here = docs.filter((d) => posix.dirname(d) === dir);
  const below = [
    ...new Set(
      docs
        .filter((d) => d.startsWith(`${dir}/`) && posix.dirname(d) !== dir)
        .map((d) => d.slice(dir.length + 1).split('/')[0] ?? ''),
    ),
  ];
  const lines = [
    `# ${title}`,
    '',
    `What this folder holds, as \`harness init\` found it; link each new document here.`,
    '',
    ...below.sort().map((sub) => {
      const target = folderIndex(`${dir}/${sub}`, files) ?? `${dir}/${sub}/index.md`;
      return `- [${folderTitles[sub] ?? sub}](${posix.relative(dir, target)})`;
    }),
    ...here.sort().map((doc) => `- [${documentTitle(doc, context)}](${posix.relative(dir, doc)})`),
  ];
  return `${lines.join('\n')}\n`;
}

/** The document's first `# ` heading, else its front matter title, else its file name. */
function documentTitle(path: string, context: MapContext): string {
  const text = readRepoText(context.facts.root)(path) ?? '';
  const heading = /^#\s+(.+?)\s*#*\s*$/m.exec(text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, ''))?.[1];
  const title =
    heading ?? (frontmatterKeys(text).includes('title') ? /^title:\s*['"]?(.+?)['"]?\s*$/m.exec(text)?.[1] : undefined);
  return (title ?? posix.basename(path).replace(/\.mdx?$/i, '')).replace(/[[\]]/g, '');
}

/** The folder's own index page (index.md, README.md), when it has one. */
function folderIndex(dir: string, files: readonly string[]): string | undefined {
  return ['index.md', 'README.md', 'readme.md', 'index.mdx'].map((n) => `${dir}/${n}`).find((p) => files.includes(p));
}

/** A parent init writes links its pages; a parent that is the user's file must link this page itself. */
async function parentLinks(root: string, planned: readonly PlannedFile[], page: Page): Promise<boolean> {
  const parent = planned.find((p) => p.path === page.parent);
  if (parent === undefined) return false;
  if (parent.action !== 'keep') return true;
  const text = (await readInside(root, page.parent)) ?? '';
  const target = posix.relative(posix.dirname(page.parent), page.path);
  const folder = posix.basename(page.path) === 'index.md' ? posix.dirname(target) : undefined;
  return text.includes(target) || (folder !== undefined && folder !== '.' && text.includes(`${folder}/`));
}

/** The map init writes reaches the index; a map it keeps must link the index or its folder itself. */
async function mapReachesIndex(inspection: InitInspection, map: MapFiles, root: string): Promise<boolean> {
  if (map.desired.some((d) => d.path === 'AGENTS.md')) return true;
  if (map.files.some((f) => f.path === 'AGENTS.md' && f.action === 'update')) return true;
  const text =
    inspection.facts.agentsMd === undefined ? undefined : await readInside(inspection.facts.root, 'AGENTS.md');
  if (text === undefined) return false;
  const escaped = root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:\\]\\(|\`|<)(?:\\./)?${escaped}(?:/|/index\\.md)?(?:#[^)\`>]*)?[)\`>]`).test(text);
}

function unreachedReason(page: Page, parentReached: boolean, layout: DocsLayout): string {
  const index = `${layout.root}/index.md`;
  if (page.parent === 'map')
    return `the map AGENTS.md (kept) does not link ${index}, so no agent would reach it; add \`- [${index}](${index}): the knowledge base\` to AGENTS.md and run init again`;
  if (!parentReached) return `${page.parent} ${notWritten}`;
  return `${page.parent} (kept) does not link it; add a link to ${posix.relative(posix.dirname(page.parent), page.path)} there and run init again`;
}
