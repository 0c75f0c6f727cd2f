// Paths named in code spans (`src/x/y.ts`), and the resolution ladder a mention must fail before
// it counts as missing: the doc's folder, the repository root, workspace package roots, a suffix
// match, package names, build output, globs. Precision first: prose such as `CPU/CUDA` or
// `and/or` is not a path, because a noisy mention check is worse than none.
import { posix } from 'node:path';
import type { DocsModel, MarkdownDoc } from './docs-model.js';
import { insideRoot } from './git-paths.js';
import type { TextRun } from './parse-markdown.js';
import { cleanPath, joinPath } from './resolve-link.js';
import { isInstructionFile } from './rules/docs-rule.js';

interface Mention {
  /** The path as written, without a :line suffix or #anchor. */
  path: string;
  /** True when the mention contains a "/", so a failed resolution is worth reporting. */
  reportable: boolean;
}

const globChars = /[*?[\]{}]/;
const notPath = /[\s<>…$`'"(),;|=\\^]|\.\.\.|:\/\/|^[-~]|^\/(?:Users|home)\//;
const extension = /[A-Za-z0-9_-]\.[A-Za-z][A-Za-z0-9]{0,9}$/;
const bareNames =
  /^(?:Makefile|GNUmakefile|Dockerfile|Containerfile|Justfile|justfile|LICENSE|Procfile|Gemfile|Rakefile|Brewfile|CODEOWNERS)$/;
const buildOutputs = new Set([
  'node_modules',
  'dist',
  'build',
  'out',
  'coverage',
  '.turbo',
  '.next',
  '.nuxt',
  '.output',
  'target',
  '.cache',
  '.venv',
  '__pycache__',
  '.harness',
]);

/** The path a code span names, or undefined when it is not a path. */
function readMention(code: string): Mention | undefined {
  let s = code
    .trim()
    .replace(/(?::\d+){1,2}$/, '')
    .replace(/#[^/]*$/, '');
  if (s === '' || notPath.test(s) || /^[A-Za-z]:/.test(s)) return undefined;
  if (s.includes(':')) return undefined; // node:fs, npm:pkg, key: value
  if (s.startsWith('./')) s = s.slice(2);
  if (s === '' || s === '.' || s === '/') return undefined;
  const hasSlash = s.replace(/\/$/, '').includes('/') || s.endsWith('/');
  if (!hasSlash && !extension.test(s)) return undefined;
  // A file has an extension or a well-known bare name; a folder is written with a trailing "/".
  // Anything else (`docs/stale`, a rule id; `api/users`, a route) is not reported when missing.
  const looksLikePath = extension.test(s) || s.endsWith('/') || bareNames.test(s.slice(s.lastIndexOf('/') + 1));
  return { path: s, reportable: hasSlash && looksLikePath };
}

type MentionResolution =
  | { kind: 'file' | 'dir'; path: string }
  | { kind: 'known'; why: string }
  | { kind: 'missing'; tried: string[] };

export interface MentionIndex {
  byBasename: Map<string, string[]>;
  packageDirs: string[];
  packageNames: string[];
  /** Resolutions by doc folder, then mention: maps name the same paths over and over. */
  resolved: Map<string, Map<string, MentionResolution>>;
  /** What each code span's text names (null: not a path), read once per text. */
  mentions: Map<string, Mention | null>;
}

const indexes = new WeakMap<DocsModel, MentionIndex>();

/** The lookup tables for resolving mentions, built once per model and shared by the rules. */
export function createMentionIndex(model: DocsModel): MentionIndex {
  const known = indexes.get(model);
  if (known !== undefined) return known;
  const byBasename = new Map<string, string[]>();
  const add = (p: string): void => {
    const base = posix.basename(p);
    const list = byBasename.get(base);
    if (list === undefined) byBasename.set(base, [p]);
    else list.push(p);
  };
  for (const f of model.files) add(f);
  for (const d of model.dirs) if (d !== '') add(d);
  const packageNames = new Set<string>();
  for (const p of model.workspace.packages) {
    if (p.name !== undefined) packageNames.add(p.name);
    for (const d of p.dependencies) packageNames.add(d);
  }
  const index: MentionIndex = {
    byBasename,
    packageDirs: model.workspace.packages.map((p) => p.dir).filter((d) => d !== ''),
    packageNames: [...packageNames],
    resolved: new Map(),
    mentions: new Map(),
  };
  indexes.set(model, index);
  return index;
}

/** The resolutions already worked out for docs in the place's folder (and kind). */
function resolvedIn(index: MentionIndex, place: MentionPlace): Map<string, MentionResolution> {
  const key = place.instructions ? `${place.docDir}\0instructions` : place.docDir;
  let inDir = index.resolved.get(key);
  if (inDir === undefined) index.resolved.set(key, (inDir = new Map<string, MentionResolution>()));
  return inDir;
}

/** Where a relative path may live: the doc's folder, the root, each workspace package. */
function* bases(index: MentionIndex, docDir: string, path: string): Generator<string> {
  yield joinPath(docDir, path);
  yield cleanPath(path) ? path : posix.normalize(path);
  for (const d of index.packageDirs) yield joinPath(d, path);
}

/**
 * Where a mention's first folder must be for the mention to be a path of this repository: the doc's
 * folder, the root, the doc's own package; for instruction files (which speak for the whole
 * repository) every workspace package. A guide's `src/routes/x.tsx` with `src/` only in other
 * packages names a path of the reader's project.
 */
function evidenceBases(index: MentionIndex, place: MentionPlace, first: string): string[] {
  if (place.instructions) return [...bases(index, place.docDir, first)];
  const own = index.packageDirs.filter((d) => place.docDir === d || place.docDir.startsWith(`${d}/`));
  return [joinPath(place.docDir, first), first, ...own.map((d) => joinPath(d, first))];
}

interface MentionPlace {
  docDir: string;
  instructions: boolean;
}

function resolveUncached(
  model: DocsModel,
  index: MentionIndex,
  place: MentionPlace,
  mention: Mention,
): MentionResolution {
  const { docDir } = place;
  const raw = mention.path.replace(/\/$/, '');
  const rooted = raw.startsWith('/') ? posix.normalize(raw.slice(1)) : undefined;
  // `/src/../../x.ts`: a path that climbs out of the repository is not one of its paths.
  if (rooted !== undefined && !insideRoot(rooted)) return { kind: 'known', why: 'outside the repository' };
  const found = rooted !== undefined ? existing(model, rooted) : firstExisting(model, index, docDir, raw);
  if (found !== undefined) return found;
  if (globChars.test(raw)) return { kind: 'known', why: 'glob' };
  const plain = rooted ?? raw.replace(/^(?:\.\.\/)+/, '');
  const named = resolveByName(model, index, plain) ?? insideSubmodule(model, index, docDir, raw);
  if (named !== undefined) return named;
  const exists = (p: string): boolean => model.files.has(p) || model.dirs.has(p);
  // Only a mention whose first folder exists is a path into this repository: `CPU/CUDA`,
  // `owner/repo` or `.codex/config.toml` in a repository without .codex/ are not.
  const first = plain.split('/')[0] ?? '';
  if (!evidenceBases(index, place, first).some(exists)) return { kind: 'known', why: 'not a path' };
  const tried = rooted !== undefined ? [rooted] : [...new Set(bases(index, docDir, raw))].filter(insideRoot);
  if (tried.length === 0) return { kind: 'known', why: 'outside the repository' };
  return { kind: 'missing', tried };
}

function existing(model: DocsModel, path: string): MentionResolution | undefined {
  if (model.files.has(path)) return { kind: 'file', path };
  if (model.dirs.has(path)) return { kind: 'dir', path };
  return undefined;
}

/** The first of bases() that exists, tried in its order without a generator (thousands of mentions per run). */
function firstExisting(
  model: DocsModel,
  index: MentionIndex,
  docDir: string,
  raw: string,
): MentionResolution | undefined {
  const found = existing(model, joinPath(docDir, raw)) ?? existing(model, cleanPath(raw) ? raw : posix.normalize(raw));
  if (found !== undefined) return found;
  for (const d of index.packageDirs) {
    const inPackage = existing(model, joinPath(d, raw));
    if (inPackage !== undefined) return inPackage;
  }
  return undefined;
}

/** A mention no base leads to: the one path that ends with it, or why it is not judged (package, build output). */
function resolveByName(model: DocsModel, index: MentionIndex, plain: string): MentionResolution | undefined {
  const suffix = (index.byBasename.get(posix.basename(plain)) ?? []).filter(
    (p) => p === plain || p.endsWith(`/${plain}`),
  );
  if (suffix.length === 1) {
    const [only] = suffix as [string];
    return { kind: model.files.has(only) ? 'file' : 'dir', path: only };
  }
  if (suffix.length > 1) return { kind: 'known', why: 'several files end with it' };
  if (index.packageNames.some((name) => plain === name || plain.startsWith(`${name}/`)))
    return { kind: 'known', why: 'package' };
  if (plain.split('/').some((segment) => buildOutputs.has(segment))) return { kind: 'known', why: 'build output' };
  return undefined;
}

/** A folder git lists as a file is a submodule (gitlink): what is inside it is not ours to check. */
function insideSubmodule(
  model: DocsModel,
  index: MentionIndex,
  docDir: string,
  raw: string,
): MentionResolution | undefined {
  const segments = raw.split('/');
  for (let i = 1; i < segments.length; i++) {
    const prefix = segments.slice(0, i).join('/');
    if ([...bases(index, docDir, prefix)].some((p) => model.files.has(p)))
      return { kind: 'known', why: 'inside a submodule' };
  }
  return undefined;
}

export interface CodeMention {
  run: TextRun;
  mention: Mention;
  resolution: MentionResolution;
}

const mentionsByDoc = new WeakMap<MarkdownDoc, readonly CodeMention[]>();

/** The paths a doc names in code spans, resolved: worked out once per doc and shared by the rules (three read them). */
export function codeMentions(model: DocsModel, doc: MarkdownDoc): readonly CodeMention[] {
  let mentions = mentionsByDoc.get(doc);
  if (mentions === undefined) {
    const index = createMentionIndex(model);
    const found: CodeMention[] = [];
    const place = { docDir: posix.dirname(doc.path), instructions: isInstructionFile(doc.path) };
    const inDir = resolvedIn(index, place);
    for (const run of doc.runs) {
      if (run.kind !== 'code') continue;
      let mention = index.mentions.get(run.value);
      if (mention === undefined) index.mentions.set(run.value, (mention = readMention(run.value) ?? null));
      if (mention === null) continue;
      // Resolved without asking git; "missing" still needs the ignored-files check (missing-path.ts).
      let resolution = inDir.get(mention.path);
      if (resolution === undefined)
        inDir.set(mention.path, (resolution = resolveUncached(model, index, place, mention)));
      found.push({ run, mention, resolution });
    }
    mentions = found;
    mentionsByDoc.set(doc, mentions);
  }
  return mentions;
}
