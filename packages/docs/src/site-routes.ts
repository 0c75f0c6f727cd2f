// The URL each page of a documentation site is served at, as its generator computes it: the path
// under the content folder without its extension, an index page at its folder's URL, and for
// Docusaurus number prefixes dropped, `id` renaming the page, `slug` replacing its URL, blog posts
// without their date; Starlight lowercases. Used to find the file a site URL (`/docs/x`) names.
import { posix } from 'node:path';
import type { DocSite, SiteContent } from './doc-sites.js';
import { trimSlashes } from './doc-sites.js';
import type { Frontmatter } from './markdown-facts.js';

const page = /\.(?:md|mdx|markdown)$/i;
const scriptPage = /\.(?:[jt]sx?)$/;

export interface RouteSource {
  files: ReadonlySet<string>;
  frontmatter(path: string): Frontmatter | undefined;
}

/** URL path (no leading or trailing slash) → file, for one content folder. */
export function contentRoutes(site: DocSite, content: SiteContent, source: RouteSource): Map<string, string> {
  const routes = new Map<string, string>();
  const prefix = content.dir === '' ? '' : `${content.dir}/`;
  for (const file of source.files) {
    if (!file.startsWith(prefix) || !(page.test(file) || (content.kind === 'pages' && scriptPage.test(file)))) continue;
    const url = pageUrl(site, content, file.slice(prefix.length), source.frontmatter(file));
    if (url === undefined) continue;
    const full = [content.route, url].filter((s) => s !== '').join('/');
    if (!routes.has(full)) routes.set(full, file);
    if (!routes.has(full.toLowerCase())) routes.set(full.toLowerCase(), file);
  }
  return routes;
}

function pageUrl(
  site: DocSite,
  content: SiteContent,
  rel: string,
  frontmatter: Frontmatter | undefined,
): string | undefined {
  const data = frontmatter?.kind === 'data' ? frontmatter.data : {};
  const slug = typeof data.slug === 'string' ? data.slug : undefined;
  const docusaurus = site.generator === 'docusaurus';
  let segments = rel.replace(page, '').replace(scriptPage, '').split('/');
  if (docusaurus) {
    // Partials and underscore folders are not pages; number prefixes (01-intro) are not in docs' URLs, dates not in posts'.
    if (segments.some((s) => s.startsWith('_'))) return undefined;
    segments = content.kind === 'blog' ? blogSegments(segments) : segments.map((s) => s.replace(/^\d+[-_.]/, ''));
  }
  let name = segments.pop() ?? '';
  if (docusaurus && typeof data.id === 'string') name = data.id;
  const folder = segments.at(-1);
  const isIndex = /^(?:index|readme)$/i.test(name) || (docusaurus && name === folder && typeof data.id !== 'string');
  const dir = segments.join('/');
  if (slug !== undefined && docusaurus)
    return slug.startsWith('/') ? trimSlashes(slug) : trimSlashes(posix.join(dir, slug));
  if (slug !== undefined) return trimSlashes(slug);
  const url = isIndex ? dir : [dir, name].filter((s) => s !== '').join('/');
  return site.generator === 'starlight' ? url.toLowerCase() : url;
}

/** A blog post's URL segments: 2024-05-27-title.md and 2024/05/27/title.md are /blog/title. */
function blogSegments(segments: string[]): string[] {
  const joined = segments.join('/');
  const dated = /^(?:.*\/)?\d{4}[-/]\d{2}[-/]\d{2}[-/](.+)$/.exec(joined);
  if (dated === null) return segments;
  const rest = (dated[1] ?? '').split('/');
  // 2024-05-27-title/index.md
  if (rest.length > 1 && /^index$/i.test(rest.at(-1) ?? '')) rest.pop();
  return rest;
}
