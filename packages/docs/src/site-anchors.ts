// The anchors a site's generator gives a page besides GitHub's heading slugs: an explicit heading
// id (`## Title {#custom-id}`, read by Docusaurus, VitePress, MkDocs' attr_list, Pandoc), and
// VitePress's own slugs, which turn punctuation into hyphens (`vi.fn` → `#vi-fn`, GitHub: `#vifn`).
import { posix } from 'node:path';
import type { DocSite } from './doc-sites.js';
import type { MarkdownDoc } from './docs-model.js';
import type { LinkWorld } from './locate-link.js';
import { siteOf } from './locate-link.js';
import type { Heading } from './markdown-facts.js';

const customId = /\s*\{#([^\s}]+)\}\s*$/;
// @mdit-vue/shared's slugify, which VitePress uses for heading anchors.
const special = /[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g;

const cache = new WeakMap<MarkdownDoc, Set<string>>();
const include = /<!--\s*@include:\s*([^\s#{]+)[^>]*-->/g;

/**
 * Lowercased anchors a page has on its site beyond GitHub's slugs (the doc's `anchors`): explicit
 * ids, VitePress's slugs, and in VitePress the anchors of the files it includes
 * (`<!--@include: ./part.md-->`).
 */
export function siteAnchors(world: LinkWorld, doc: MarkdownDoc, depth = 0): Set<string> {
  let anchors = cache.get(doc);
  if (anchors !== undefined) return anchors;
  const site = siteOf(world, doc.path);
  anchors = headingAnchors(site, doc.headings);
  if (site?.generator === 'vitepress' && depth < 3 && doc.text.includes('@include')) {
    for (const [, path = ''] of doc.text.matchAll(include)) {
      const included = world.docs.get(posix.normalize(posix.join(posix.dirname(doc.path), path)));
      if (included === undefined) continue;
      for (const a of included.anchors) anchors.add(a);
      for (const a of siteAnchors(world, included, depth + 1)) anchors.add(a);
    }
  }
  cache.set(doc, anchors);
  return anchors;
}

function headingAnchors(site: DocSite | undefined, headings: readonly Heading[]): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const heading of headings) {
    const id = customId.exec(heading.text)?.[1];
    if (id !== undefined) anchors.add(id.toLowerCase());
    if (site?.generator !== 'vitepress' || id !== undefined) continue;
    const slug = vitepressSlug(heading.text);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

function vitepressSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036F]/g, '')
    .replace(/[\u0000-\u001F]/g, '')
    .replace(special, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^(\d)/, '_$1')
    .toLowerCase();
}
