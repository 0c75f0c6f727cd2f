// The anchors a site's generator gives a page besides GitHub's heading slugs: an explicit heading
// id (`## Title {#custom-id}`, read by Docusaurus, VitePress, MkDocs' attr_list, Pandoc), and
// VitePress's own slugs, which turn punctuation into hyphens (`vi.fn` → `#vi-fn`, GitHub: `#vifn`).
import type { DocSite } from './doc-sites.js';
import type { Heading } from './markdown-facts.js';

const customId = /\s*\{#([^\s}]+)\}\s*$/;
// @mdit-vue/shared's slugify, which VitePress uses for heading anchors.
const special = /[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g;

/** Lowercased anchors of the headings that GitHub's slugs (the doc's `anchors`) do not cover. */
export function siteAnchors(site: DocSite | undefined, headings: readonly Heading[]): Set<string> {
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

export function vitepressSlug(text: string): string {
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
