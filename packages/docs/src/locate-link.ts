// The file a link reaches, the way the page is read: a path that exists as written; else, in any
// repository, the page an extensionless link names (X.md, X.mdx, X/index.md(x), X/README.md); in a
// documentation site, the page or static file its URL is served from (`/docs/x`, `/img/x.png`,
// `@site/x`). A link rooted at a URL nothing in the repository serves (`/product/latest/x` of a site
// built elsewhere) cannot be judged here: it is a `site` target, counted in a note, not reported.
import { posix } from 'node:path';
import type { DocSite, SiteContent } from './doc-sites.js';
import type { MarkdownDoc } from './docs-model.js';
import type { MarkdownLink } from './markdown-facts.js';
import type { LinkTarget } from './resolve-link.js';
import { resolveLink } from './resolve-link.js';
import { contentRoutes } from './site-routes.js';

type LocatedTarget = LinkTarget | { kind: 'site'; url: string };

export interface ResolvedLink {
  link: MarkdownLink;
  target: LocatedTarget;
}

export interface LinkWorld {
  files: ReadonlySet<string>;
  dirs: ReadonlySet<string>;
  docs: ReadonlyMap<string, MarkdownDoc>;
  sites: readonly DocSite[];
}

const pageForms = ['.md', '.mdx', '/index.md', '/index.mdx', '/README.md'];
const targetsByDoc = new WeakMap<object, readonly ResolvedLink[]>();
const routesByContent = new WeakMap<SiteContent, Map<string, string>>();
const targetsByFolder = new WeakMap<LinkWorld, Map<string, Map<string, LocatedTarget>>>();

/**
 * Each of a doc's links with the file it reaches, in order: worked out once per doc and shared by
 * the rules (four of them read every link).
 */
export function linkTargets(
  world: LinkWorld,
  doc: { path: string; links: readonly MarkdownLink[] },
): readonly ResolvedLink[] {
  let targets = targetsByDoc.get(doc);
  if (targets === undefined) {
    const site = siteOf(world, doc.path);
    // Pages name the same few targets over and over (a sidebar, "see also"): each URL is located once
    // per folder, where it means the same for every page, except a link to the page itself.
    const byUrl = urlsOfFolder(world, site, doc.path);
    targets = doc.links.map((link) => {
      let target = byUrl.get(link.url);
      if (target === undefined) {
        target = locate(world, site, doc.path, link.url);
        if (target.kind !== 'repo' || !target.selfAnchor) byUrl.set(link.url, target);
      }
      return { link, target };
    });
    targetsByDoc.set(doc, targets);
  }
  return targets;
}

/**
 * The URLs located for pages in the doc's folder: the same site holds them all, and a relative link
 * is joined to the folder. A Docusaurus page resolves a link against its own URL: its own map.
 */
function urlsOfFolder(world: LinkWorld, site: DocSite | undefined, docPath: string): Map<string, LocatedTarget> {
  if (site?.generator === 'docusaurus') return new Map();
  let byFolder = targetsByFolder.get(world);
  if (byFolder === undefined) targetsByFolder.set(world, (byFolder = new Map<string, Map<string, LocatedTarget>>()));
  const folder = docPath.slice(0, Math.max(docPath.lastIndexOf('/'), 0));
  let byUrl = byFolder.get(folder);
  if (byUrl === undefined) byFolder.set(folder, (byUrl = new Map<string, LocatedTarget>()));
  return byUrl;
}

function locate(world: LinkWorld, site: DocSite | undefined, docPath: string, url: string): LocatedTarget {
  const written = url.trim();
  const aliased =
    site !== undefined && written.startsWith('@site/') ? `/${posix.join(site.root, written.slice(6))}` : written;
  const target = resolveLink(docPath, aliased);
  if (target.kind === 'outside' && site?.generator === 'docusaurus')
    return urlRelative(world, site, docPath, aliased) ?? target;
  if (target.kind !== 'repo' || target.selfAnchor || exists(world, target.path)) return target;
  const found =
    (site === undefined ? undefined : inSite(world, site, target.path, aliased)) ?? asPage(world, target.path);
  if (found !== undefined) return { ...target, path: found };
  const relative =
    site?.generator === 'docusaurus' && !aliased.startsWith('/')
      ? urlRelative(world, site, docPath, aliased)
      : undefined;
  if (relative !== undefined) return relative;
  if (aliased.startsWith('/') && !aliased.startsWith('//') && unservedUrl(world, site, target.path))
    return { kind: 'site', url: written };
  return target;
}

function exists(world: LinkWorld, path: string): boolean {
  return world.files.has(path) || world.dirs.has(path);
}

/** The page an extensionless path names, when there is one. */
function asPage(world: LinkWorld, path: string): string | undefined {
  const bare = path.replace(/\.html$/, '');
  for (const form of pageForms) if (world.files.has(`${bare}${form}`)) return `${bare}${form}`;
  return undefined;
}

/** The file a site serves at a URL: a page (by route), a static file, or, for a relative link, the page its folder path names. */
function inSite(world: LinkWorld, site: DocSite, path: string, url: string): string | undefined {
  if (url.startsWith('/')) {
    const urlPath = path.replace(/\.(?:html|md|mdx)$/, '');
    for (const content of site.content) {
      const routed = route(world, site, content, urlPath);
      if (routed !== undefined) return routed;
    }
    for (const dir of site.statics) if (world.files.has(joinDir(dir, path))) return joinDir(dir, path);
    return undefined;
  }
  // A relative link resolved on disk: the page served at the URL of that path under its content folder.
  const content = site.content.find((c) => c.dir === '' || path.startsWith(`${c.dir}/`));
  if (content === undefined) return undefined;
  const rest = content.dir === '' ? path : path.slice(content.dir.length + 1);
  return route(world, site, content, [content.route, rest.replace(/\.html$/, '')].filter((s) => s !== '').join('/'));
}

/**
 * Docusaurus resolves a link without a file extension as a URL, relative to the page's own URL
 * (`../../x` from /a/b is /x): the page or static file served there, if any.
 */
function urlRelative(world: LinkWorld, site: DocSite, docPath: string, url: string): LocatedTarget | undefined {
  const content = site.content.find((c) => c.dir === '' || docPath.startsWith(`${c.dir}/`));
  if (content === undefined) return undefined;
  const own = [...routesOf(world, site, content)].find(([, file]) => file === docPath)?.[0];
  if (own === undefined) return undefined;
  const hash = url.indexOf('#');
  const joined = posix.join(`/${posix.dirname(own)}`, hash === -1 ? url : url.slice(0, hash));
  const target = resolveLink(docPath, `${joined}${hash === -1 ? '' : url.slice(hash)}`);
  if (target.kind !== 'repo') return undefined;
  const found = inSite(world, site, target.path, joined);
  return found === undefined ? undefined : { ...target, path: found };
}

function routesOf(world: LinkWorld, site: DocSite, content: SiteContent): Map<string, string> {
  let routes = routesByContent.get(content);
  if (routes === undefined) {
    routes = contentRoutes(site, content, { files: world.files, frontmatter: (p) => world.docs.get(p)?.frontmatter });
    routesByContent.set(content, routes);
  }
  return routes;
}

function route(world: LinkWorld, site: DocSite, content: SiteContent, urlPath: string): string | undefined {
  if (content.route !== '' && urlPath !== content.route && !urlPath.startsWith(`${content.route}/`)) return undefined;
  const routes = routesOf(world, site, content);
  return routes.get(urlPath) ?? routes.get(urlPath.toLowerCase());
}

/**
 * True when no part of the repository serves the URL, so it cannot be judged here: outside a site,
 * its first folder is not one of the repository's; in a site, it is under none of the site's routes.
 */
function unservedUrl(world: LinkWorld, site: DocSite | undefined, path: string): boolean {
  const first = path.split('/')[0] ?? '';
  // A markdown file is a file of this repository (`/CONTRIBUTING.md`), never a page's URL.
  if (site === undefined) return !exists(world, first) && !/\.(?:md|mdx|markdown)$/i.test(path);
  if (
    site.content.some(
      (c) => c.route !== '' && c.kind !== 'pages' && (path === c.route || path.startsWith(`${c.route}/`)),
    )
  )
    return false;
  // A site with its docs at the root: a URL whose first segment is one of the docs' folders is a doc.
  return !site.content.some((c) => c.route === '' && exists(world, joinDir(c.dir, first)));
}

/** The site whose pages (or config folder) hold the doc: the deepest match. */
export function siteOf(world: LinkWorld, path: string): DocSite | undefined {
  let best: DocSite | undefined;
  let depth = -1;
  for (const site of world.sites) {
    for (const dir of [site.root, ...site.content.map((c) => c.dir)]) {
      if ((dir === '' || path.startsWith(`${dir}/`)) && dir.length > depth) {
        best = site;
        depth = dir.length;
      }
    }
  }
  return best;
}

function joinDir(dir: string, path: string): string {
  return dir === '' ? path : `${dir}/${path}`;
}
