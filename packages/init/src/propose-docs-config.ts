// The docs section init proposes, from what the repository already has (issue #19): the knowledge
// base's folder (beside a documentation site, never inside the pages it publishes), its existing
// plan and decision folders, and only the front-matter keys its docs already carry. Nothing init
// writes may produce a docs finding of its own, so its own pages are never held to those keys.
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { testFixtureGlobs } from 'agent-harness-config';
import type { DocSite } from 'agent-harness-docs';
import { findSites } from 'agent-harness-docs';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import type { InitInspection } from './prepare-init.js';
import type { RepoFacts } from './repo-facts.js';

/** A part of the knowledge base: init's skeleton folder, or the repository's own folder for it. */
export interface DocsRole {
  key: 'design' | 'plans' | 'specs' | 'references' | 'generated';
  /** The folder: the repository's own when it has one, else init's, under the knowledge base. */
  dir: string;
  /** True when the folder already holds the repository's documents. */
  existing: boolean;
}

export interface DocsLayout {
  /** The knowledge base's folder (docs.root). */
  root: string;
  roles: DocsRole[];
  sites: DocSite[];
  /** Markdown the repository already has under the root and in its role folders. */
  existingDocs: string[];
}

export interface DocsProposal {
  section: { map: string; root: string; maxLines: number; frontmatter: Record<string, string[]> };
  /** Comment lines for harness.config.yaml: where each value came from. */
  explanation: string[];
  layout: DocsLayout;
}

/** The folder names that already play a role, looked up under the knowledge base (then at the root for plans). */
const roleFolders: ReadonlyArray<{ key: DocsRole['key']; skeleton: string; names: readonly string[] }> = [
  { key: 'design', skeleton: 'design-docs', names: ['design-docs', 'adr', 'adrs', 'decisions', 'rfcs'] },
  { key: 'plans', skeleton: 'exec-plans', names: ['exec-plans', 'plans'] },
  { key: 'specs', skeleton: 'product-specs', names: ['product-specs', 'specs'] },
  { key: 'references', skeleton: 'references', names: ['references'] },
  { key: 'generated', skeleton: 'generated', names: ['generated'] },
];

/** The pages init writes directly in the knowledge base's folder. */
export const rootPages = ['index.md', 'architecture.md'];
/** Where the knowledge base goes when docs/ is a site's pages. */
const besideSite = 'agent-docs';
/** A key is required when at least this share of a folder's documents carries it (nine in ten). */
const keyShare = 0.9;
const markdown = /\.(?:md|mdx)$/i;
const isForeign = picomatch([...testFixtureGlobs, '**/templates/**', '**/node_modules/**'], { dot: true });

export type ReadText = (path: string) => string | undefined;

const proposals = new WeakMap<RepoFacts, DocsProposal>();

/** The proposal for these facts (computed once: the config and the skeleton plan both read it). */
export function proposeDocsConfig(
  facts: RepoFacts,
  maxLines = 150,
  read: ReadText = readRepoText(facts.root),
): DocsProposal {
  const known = proposals.get(facts);
  if (known !== undefined && known.section.maxLines === maxLines) return known;
  const layout = docsLayout(facts, read);
  const { frontmatter, notes } = proposeFrontmatter(facts, layout, read);
  const explanation = [
    `The AGENTS.md map and the ${layout.root}/ knowledge base (harness check docs).`,
    ...layout.sites.map(
      (s) =>
        `${s.config} is a ${siteName(s)} site; its pages (${s.content.map((c) => `${c.dir || '.'}/`).join(', ')}) are checked as the site reads them${layout.root === besideSite ? `, and the knowledge base is ${besideSite}/ so init writes nothing the site would publish` : ''}.`,
    ),
    ...notes,
  ];
  const proposal = { section: { map: 'AGENTS.md', root: layout.root, maxLines, frontmatter }, explanation, layout };
  proposals.set(facts, proposal);
  return proposal;
}

/** The knowledge base's folder and the folders that already play a part in it. */
function docsLayout(facts: RepoFacts, read: ReadText, root?: string): DocsLayout {
  const dirs = folderSet(facts.files);
  const sites = findSites(
    facts.files.filter((f) => !isForeign(f)),
    dirs,
    read,
  );
  const published = sites.flatMap((s) => [...s.content.map((c) => c.dir), ...s.statics]);
  const inSite = (dir: string) => published.some((p) => p === '' || dir === p || dir.startsWith(`${p}/`));
  const base = root ?? (inSite('docs') ? besideSite : 'docs');
  const mdUnder = (dir: string) =>
    facts.files.filter((f) => f.startsWith(`${dir}/`) && markdown.test(f) && !isForeign(f));
  const roles = roleFolders.map(({ key, skeleton, names }): DocsRole => {
    const candidates = [...names.map((n) => `${base}/${n}`), ...(key === 'plans' ? ['plans'] : [])];
    const found = candidates.find((dir) => !inSite(dir) && mdUnder(dir).length > 0);
    return found === undefined
      ? { key, dir: `${base}/${skeleton}`, existing: false }
      : { key, dir: found, existing: true };
  });
  const existingDocs = [
    ...new Set([...mdUnder(base), ...roles.filter((r) => r.existing).flatMap((r) => mdUnder(r.dir))]),
  ]
    .filter((f) => !inSite(posix.dirname(f)))
    .sort();
  return { root: base, roles, sites, existingDocs };
}

interface FrontmatterProposal {
  frontmatter: Record<string, string[]>;
  notes: string[];
}

/**
 * Per folder (each first-level folder of the knowledge base and of each site's pages, and their
 * loose files), the keys that at least 90% of its documents carry; index pages init writes there
 * are left out of the glob, so they need none.
 */
function proposeFrontmatter(facts: RepoFacts, layout: DocsLayout, read: ReadText): FrontmatterProposal {
  const frontmatter: Record<string, string[]> = {};
  const notes: string[] = [];
  const bases = [
    layout.root,
    ...layout.roles.filter((r) => r.existing && !r.dir.startsWith(`${layout.root}/`)).map((r) => r.dir),
    ...layout.sites.flatMap((s) => s.content.filter((c) => c.kind === 'docs').map((c) => c.dir)),
  ];
  for (const base of [...new Set(bases)].filter((b) => b !== '')) {
    const docs = facts.files.filter((f) => f.startsWith(`${base}/`) && markdown.test(f) && !isForeign(f));
    for (const group of groupsOf(base, docs, initWritesUnder(base, layout))) {
      const keys = commonKeys(group.docs, read);
      if (keys.length === 0) continue;
      const glob = group.loose ? looseGlob(base, layout) : folderGlob(group.dir, layout);
      frontmatter[glob] = keys;
      notes.push(
        `frontmatter "${glob}": ${keys.join(', ')}, which at least 90% of the ${group.docs.length} documents there carry.`,
      );
    }
  }
  if (notes.length === 0) notes.push('No front matter is required: the repository’s docs carry no keys in common.');
  return { frontmatter, notes };
}

interface Group {
  dir: string;
  loose: boolean;
  docs: string[];
}

/** One group for a folder init writes nothing in; else one per first-level folder, and the loose files. */
function groupsOf(base: string, docs: readonly string[], split: boolean): Group[] {
  if (!split) return docs.length >= 2 ? [{ dir: base, loose: false, docs: [...docs] }] : [];
  const groups = new Map<string, Group>();
  for (const doc of docs) {
    const rest = doc.slice(base.length + 1);
    const slash = rest.indexOf('/');
    const dir = slash === -1 ? base : `${base}/${rest.slice(0, slash)}`;
    const group = groups.get(dir) ?? { dir, loose: slash === -1, docs: [] };
    group.docs.push(doc);
    groups.set(dir, group);
  }
  return [...groups.values()].filter((g) => g.docs.length >= 2);
}

/** The keys (in the order the documents write them) that at least 90% of the documents carry. */
function commonKeys(docs: readonly string[], read: ReadText): string[] {
  const counts = new Map<string, number>();
  for (const doc of docs)
    for (const key of frontmatterKeys(read(doc) ?? '')) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= keyShare * docs.length).map(([key]) => key);
}

/** The top-level keys of a document's YAML front matter; none when it has none or it is not a mapping. */
export function frontmatterKeys(text: string): string[] {
  const match = /^(?:\uFEFF)?---\r?\n([\s\S]*?)\r?\n---\r?(?:\n|$)/.exec(text);
  if (match === null) return [];
  try {
    const data = parseYaml(match[1] ?? '') as unknown;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
    return Object.entries(data)
      .filter(([, value]) => value !== null && value !== undefined && value !== '')
      .map(([key]) => key);
  } catch {
    return [];
  }
}

/** True when init writes pages under `base`: the knowledge base, or a part's folder it merges into. */
function initWritesUnder(base: string, layout: DocsLayout): boolean {
  return (
    base === layout.root || layout.roles.some((r) => r.existing && (r.dir === base || r.dir.startsWith(`${base}/`)))
  );
}

/** A folder's glob; without the index pages init may write there (they list, they are not documents). */
function folderGlob(dir: string, layout: DocsLayout): string {
  const initWrites = layout.roles.some((r) => r.existing && (r.dir === dir || r.dir.startsWith(`${dir}/`)));
  return initWrites ? `${dir}/**/!(index).md` : `${dir}/**`;
}

/** The loose files of a folder, without the pages init writes there (its root pages, or a merged index). */
function looseGlob(base: string, layout: DocsLayout): string {
  if (base === layout.root) return `${base}/!(${rootPages.map((p) => p.replace(/\.md$/, '')).join('|')}).md`;
  return layout.roles.some((r) => r.existing && r.dir === base) ? `${base}/!(index).md` : `${base}/*`;
}

function siteName(site: DocSite): string {
  const names: Record<DocSite['generator'], string> = {
    docusaurus: 'Docusaurus',
    vitepress: 'VitePress',
    starlight: 'Starlight',
    nextra: 'Nextra',
    mkdocs: 'MkDocs',
    mdbook: 'mdBook',
  };
  return names[site.generator];
}

export function describeSite(site: DocSite): string {
  return `${siteName(site)} (\`${site.config}\`)`;
}

function folderSet(files: readonly string[]): Set<string> {
  const dirs = new Set<string>(['']);
  for (const f of files) for (let d = posix.dirname(f); d !== '.' && !dirs.has(d); d = posix.dirname(d)) dirs.add(d);
  return dirs;
}

/** Files from facts.files: inspectRepo kept only files (and links to files) inside the repository. */
export function readRepoText(root: string): ReadText {
  return (path) => {
    try {
      return readFileSync(join(root, path), 'utf8');
    } catch {
      return undefined;
    }
  };
}

/** The layout init's pages follow: the kept config's docs.root when init keeps a config, else the proposal's. */
export function planLayout(inspection: InitInspection, force: boolean): DocsLayout {
  const { facts } = inspection;
  const kept = force ? undefined : inspection.existingConfig?.config?.docs?.root;
  return kept === undefined ? proposeDocsConfig(facts).layout : docsLayout(facts, readRepoText(facts.root), kept);
}
