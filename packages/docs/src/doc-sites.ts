// Documentation sites, found from their generator's config and read the way the generator reads
// them: which folders hold pages (and under which URL), which folders are served as they are
// (`static/`, `public/`). Configs are code: they are never run; the few values needed are read
// from the text (a string literal after the key), and each generator's documented defaults fill in
// the rest (docs/docs-check.md lists them).
import { posix } from 'node:path';
import { parse as parseToml } from 'smol-toml';

type Generator = 'docusaurus' | 'vitepress' | 'starlight' | 'nextra' | 'mkdocs' | 'mdbook';

export interface SiteContent {
  /** Repository-relative folder of the pages ('' for the root). */
  dir: string;
  /** The URL path it is served under, without slashes ('' for the site root). */
  route: string;
  kind: 'docs' | 'blog' | 'pages';
}

export interface DocSite {
  generator: Generator;
  /** The config file, repository-relative. */
  config: string;
  /** The config's folder ('' for the root). */
  root: string;
  content: SiteContent[];
  /** Folders served as they are, at the site root. */
  statics: string[];
}

const configNames: Array<[RegExp, Generator]> = [
  [/(?:^|\/)docusaurus\.config\.[cm]?[jt]s$/, 'docusaurus'],
  [/(?:^|\/)\.vitepress\/config\.[cm]?[jt]s$/, 'vitepress'],
  [/(?:^|\/)astro\.config\.[cm]?[jt]s$/, 'starlight'],
  [/(?:^|\/)theme\.config\.[jt]sx?$/, 'nextra'],
  [/(?:^|\/)mkdocs\.ya?ml$/, 'mkdocs'],
  [/(?:^|\/)book\.toml$/, 'mdbook'],
];

const configFile = /(?:config\.[cm]?[jt]sx?|mkdocs\.ya?ml|book\.toml)$/;

/** The sites whose config is among `files`; `read` gives a file's text (undefined when unreadable). */
export function findSites(
  files: readonly string[],
  dirs: ReadonlySet<string>,
  read: (path: string) => string | undefined,
): DocSite[] {
  const sites: DocSite[] = [];
  for (const file of files) {
    if (!configFile.test(file)) continue;
    const generator = configNames.find(([pattern]) => pattern.test(file))?.[1];
    if (generator === undefined) continue;
    const text = read(file);
    if (text === undefined) continue;
    const site = readSite(generator, file, text, dirs);
    if (site !== undefined && site.content.length > 0) sites.push(site);
  }
  return sites;
}

function readSite(generator: Generator, config: string, text: string, dirs: ReadonlySet<string>): DocSite | undefined {
  const root = generator === 'vitepress' ? parentOf(parentOf(config)) : parentOf(config);
  const at = (path: string): string | undefined => inRepo(root, path);
  const site = (content: Array<SiteContent | undefined>, statics: Array<string | undefined>): DocSite => ({
    generator,
    config,
    root,
    content: content.filter((c): c is SiteContent => c !== undefined && dirs.has(c.dir)),
    statics: statics.filter((s): s is string => s !== undefined && dirs.has(s)),
  });
  switch (generator) {
    case 'docusaurus':
      return docusaurusSite(site, at, text, dirs);
    case 'vitepress': {
      const src = at(stringAfter(text, 'srcDir') ?? '.');
      return site(
        [src === undefined ? undefined : { dir: src, route: '', kind: 'docs' }],
        [src === undefined ? undefined : joinDir(src, 'public')],
      );
    }
    case 'starlight':
      if (!/starlight/.test(text)) return undefined;
      return site([{ dir: joinDir(root, 'src/content/docs'), route: '', kind: 'docs' }], [at('public')]);
    case 'nextra':
      return site(
        [
          { dir: joinDir(root, 'pages'), route: '', kind: 'pages' },
          { dir: joinDir(root, 'content'), route: '', kind: 'docs' },
        ],
        [at('public')],
      );
    case 'mkdocs': {
      const docsDir = at(/^docs_dir:\s*['"]?([^'"\s#]+)/m.exec(text)?.[1] ?? 'docs');
      return site([docsDir === undefined ? undefined : { dir: docsDir, route: '', kind: 'docs' }], [docsDir]);
    }
    case 'mdbook': {
      const src = at(bookSource(text));
      return site([src === undefined ? undefined : { dir: src, route: '', kind: 'docs' }], [src]);
    }
  }
}

type SiteMaker = (content: Array<SiteContent | undefined>, statics: Array<string | undefined>) => DocSite;

/**
 * Docusaurus: each docs plugin instance (an object with `path`/`routeBasePath`, the preset's `docs`
 * and `blog`), defaults docs → /docs and blog → /blog, versioned copies under
 * `versioned_docs/version-X` (served at /docs/X), pages in src/pages, `staticDirectories` (default static/).
 */
function docusaurusSite(
  site: SiteMaker,
  at: (path: string) => string | undefined,
  text: string,
  dirs: ReadonlySet<string>,
): DocSite {
  const content = docusaurusPlugins(at, text);
  addVersionedDocs(content, dirs, at('.') ?? '');
  const statics = /\bstaticDirectories\s*:\s*\[([^\]]*)\]/.exec(text)?.[1];
  const staticDirs =
    statics === undefined ? ['static'] : [...statics.matchAll(/(['"`])([^'"`]*)\1/g)].map((m) => m[2] ?? '');
  return site(content, staticDirs.map(at));
}

/** The docs and blog plugin instances, the preset's docs and blog (unless turned off), and src/pages. */
function docusaurusPlugins(at: (path: string) => string | undefined, text: string): Array<SiteContent | undefined> {
  const content: Array<SiteContent | undefined> = [];
  const add = (path: string | undefined, route: string | undefined, kind: SiteContent['kind']): void => {
    const dir = path === undefined ? undefined : at(path);
    if (dir !== undefined) content.push({ dir, route: trimSlashes(route ?? ''), kind });
  };
  for (const object of objectsWith(text, /\brouteBasePath\s*:/g))
    add(
      stringAfter(object, 'path') ?? 'docs',
      stringAfter(object, 'routeBasePath'),
      /\bblog/i.test(object) && !/sidebar/i.test(object) ? 'blog' : 'docs',
    );
  const docsOff = /\bdocs\s*:\s*false/.test(text);
  const blogOff = /\bblog\s*:\s*false/.test(text);
  const blog = objectsWith(text, /\bblog\s*:\s*\{/g)[0];
  if (!blogOff && !content.some((c) => c?.kind === 'blog'))
    add(stringAfter(blog ?? '', 'path') ?? 'blog', stringAfter(blog ?? '', 'routeBasePath') ?? 'blog', 'blog');
  const docs = objectsWith(text, /\bdocs\s*:\s*\{/g)[0];
  if (!docsOff && !content.some((c) => c?.dir === at(stringAfter(docs ?? '', 'path') ?? 'docs')))
    add(stringAfter(docs ?? '', 'path') ?? 'docs', stringAfter(docs ?? '', 'routeBasePath') ?? 'docs', 'docs');
  add('src/pages', '', 'pages');
  return content;
}

/** `versioned_docs/version-X` folders (of the site at `root`), served under the docs route at /X. */
function addVersionedDocs(content: Array<SiteContent | undefined>, dirs: ReadonlySet<string>, root: string): void {
  for (const dir of dirs) {
    const versioned = /^(?:(.+)_)?versioned_docs\/version-([^/]+)$/.exec(
      root === '' ? dir : dir.startsWith(`${root}/`) ? dir.slice(root.length + 1) : '',
    );
    if (versioned === null) continue;
    const base = content.find((c) => c?.kind === 'docs')?.route ?? 'docs';
    content.push({ dir, route: [base, versioned[2]].filter((s) => s !== '').join('/'), kind: 'docs' });
  }
}

/** The text of each object literal (from `{` to its `}`) that contains a match of `key`. */
function objectsWith(text: string, key: RegExp): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(key)) {
    let start = match[0].endsWith('{') ? match.index + match[0].length - 1 : -1;
    for (let depth = 0, i = match.index; start === -1 && i >= 0; i--) {
      if (text[i] === '}') depth++;
      else if (text[i] === '{' && depth-- === 0) start = i;
    }
    if (start === -1) continue;
    let end = start;
    for (let depth = 0; end < text.length; end++) {
      if (text[end] === '{') depth++;
      else if (text[end] === '}' && --depth === 0) break;
    }
    found.push(text.slice(start, end + 1));
  }
  return found;
}

/** The string literal after `key:` (not after a longer key such as sidebarPath). */
function stringAfter(text: string, key: string): string | undefined {
  return new RegExp(`(?<![\\w$.])${key}\\s*:\\s*(['"\`])([^'"\`]*)\\1`).exec(text)?.[2];
}

function bookSource(text: string): string {
  try {
    const book = (parseToml(text) as { book?: { src?: unknown } }).book;
    return typeof book?.src === 'string' ? book.src : 'src';
  } catch {
    return 'src';
  }
}

function parentOf(path: string): string {
  const dir = posix.dirname(path);
  return dir === '.' ? '' : dir;
}

function joinDir(dir: string, path: string): string {
  return dir === '' ? path : `${dir}/${path}`;
}

/** `path` (relative to the site's folder) as a repository path, or undefined when it leaves the repository. */
function inRepo(root: string, path: string): string | undefined {
  const joined = posix.normalize(posix.join(root === '' ? '.' : root, path)).replace(/\/+$/, '');
  if (joined === '..' || joined.startsWith('../') || joined.startsWith('/')) return undefined;
  return joined === '.' ? '' : joined;
}

export function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}
