// docs/broken-link: a relative link (or image, or reference definition) to a file git does not
// know, or to a heading anchor the target does not have. The fix names the file the link most
// likely meant (a git rename, else the one file with the same name) and, for anchors, the heading
// it was renamed to; the unambiguous ones carry an edit for `--fix`.
import { posix } from 'node:path';
import { closestWord, HarnessError } from 'agent-harness-diagnostics';
import type { DocsModel, MarkdownDoc } from '../docs-model.js';
import { readFileVersions } from '../git.js';
import type { MarkdownLink } from '../parse-markdown.js';
import type { LinkTarget } from '../resolve-link.js';
import { siteAnchors } from '../site-anchors.js';
import { linkTargets } from '../locate-link.js';
import type { DocsRule, Finding, TextEdit } from './docs-rule.js';

export const brokenLink: DocsRule = {
  id: 'broken-link',
  severity: 'error',
  finds: 'a relative link to a missing file, or to a missing heading anchor',
  why: 'A broken link leaves an agent at a dead end, and a missing anchor sends it to the wrong place.',
  fix: "Point the link at the file's current path or at a heading the target has (`--fix` rewrites renames).",
  docs: 'docs/rules/docs.md#broken-link',
  async check(model) {
    const findings: Finding[] = [];
    const unjudged: string[] = [];
    for (const doc of model.docs.values()) {
      for (const { link, target } of linkTargets(model, doc)) {
        if (target.kind === 'site') unjudged.push(target.url);
        else {
          // Judged without waiting: only a broken link waits, for git's answer about it (one at a time).
          const finding = checkLink(model, doc, link, target);
          if (finding !== undefined) findings.push(typeof finding === 'function' ? await finding() : finding);
        }
      }
    }
    if (unjudged.length > 0) {
      const examples = [...new Set(unjudged)].slice(0, 2).join(', ');
      model.notes.push(
        `docs/broken-link: ${unjudged.length} link(s) rooted at a site URL that nothing in the repository serves (${examples}) were not checked: the site is built elsewhere or its routes are not read from its config.`,
      );
    }
    return findings;
  },
};

/** A link's finding: none, one at once, or one that needs git's history (a function to call). */
function checkLink(
  model: DocsModel,
  doc: MarkdownDoc,
  link: MarkdownLink,
  target: LinkTarget,
): Finding | (() => Promise<Finding>) | undefined {
  if (target.kind === 'outside') {
    return {
      rule: 'broken-link',
      severity: 'error',
      file: doc.path,
      line: link.line,
      column: link.column,
      target: target.path,
      message: `the link ${link.url} leaves the repository (${target.path}).`,
      fix: 'Link to a file inside the repository, or use a full https:// URL for anything outside it.',
    };
  }
  if (target.kind !== 'repo') return undefined;
  if (!model.files.has(target.path) && !model.dirs.has(target.path)) {
    // Inside a submodule (a path git lists as one file): not checked out here, not ours to judge.
    if (insideSubmodule(model, target.path)) return undefined;
    return () => missingFile(model, doc, link, target.path, target.anchor);
  }
  if (target.anchor === undefined || model.dirs.has(target.path)) return undefined;
  const targetDoc = model.docs.get(target.path);
  if (targetDoc === undefined) return undefined; // anchors of non-markdown files are line anchors (#L10)
  const anchor = target.anchor.toLowerCase();
  if (targetDoc.anchors.has(anchor) || targetDoc.anchors.has(target.anchor)) return undefined;
  if (siteAnchors(model, targetDoc).has(anchor)) return undefined;
  const missing = target.anchor;
  return () => missingAnchor(model, doc, link, targetDoc, missing);
}

async function missingFile(
  model: DocsModel,
  doc: MarkdownDoc,
  link: MarkdownLink,
  path: string,
  anchor: string | undefined,
): Promise<Finding> {
  const at = {
    rule: 'broken-link' as const,
    severity: 'error' as const,
    file: doc.path,
    line: link.line,
    column: link.column,
    target: path,
  };
  const message = `the link ${link.url} points to ${path}, which does not exist${model.inGit ? ' in the files git knows' : ''}.`;
  const history = await model.history();
  const renamed = history?.renamedTo.get(path);
  if (renamed !== undefined && model.files.has(renamed)) {
    const url = relativeUrl(doc.path, renamed, anchor);
    const edit = urlEdit(doc, link, url);
    return {
      ...at,
      message: `${message} git shows it was moved to ${renamed}.`,
      fix: `Change the link to ${url} (git rename of ${path} → ${renamed}); \`harness check docs --fix\` does it.`,
      ...(edit === undefined ? {} : { edit }),
    };
  }
  const base = posix.basename(path);
  const sameName = [...model.files].filter((f) => posix.basename(f) === base);
  if (sameName.length === 1) {
    const [only] = sameName as [string];
    return {
      ...at,
      message,
      fix: `It most likely meant ${only}: change the link to ${relativeUrl(doc.path, only, anchor)}, or remove it.`,
    };
  }
  const hint = sameName.length > 1 ? ` Files with that name: ${sameName.slice(0, 5).join(', ')}.` : '';
  return {
    ...at,
    message,
    fix: `Point the link at the file's current path (relative to ${doc.path}), or remove it.${hint}`,
  };
}

async function missingAnchor(
  model: DocsModel,
  doc: MarkdownDoc,
  link: MarkdownLink,
  target: MarkdownDoc,
  anchor: string,
): Promise<Finding> {
  const at = {
    rule: 'broken-link' as const,
    severity: 'error' as const,
    file: doc.path,
    line: link.line,
    column: link.column,
    target: `${target.path}#${anchor}`,
  };
  const message = `the link ${link.url} names the heading #${anchor}, which ${target.path} does not have.`;
  const renamed = await renamedHeading(model, target, anchor.toLowerCase());
  if (renamed !== undefined) {
    const url = `${link.url.slice(0, link.url.indexOf('#'))}#${renamed}`;
    const edit = urlEdit(doc, link, url);
    return {
      ...at,
      message: `${message} Its heading was renamed to #${renamed}.`,
      fix: `Change the link to ${url}; \`harness check docs --fix\` does it.`,
      ...(edit === undefined ? {} : { edit }),
    };
  }
  const slugs = target.headings.map((h) => h.slug);
  const guess = closestWord(slugs, anchor);
  const fix =
    guess === undefined
      ? `Link to one of the headings ${target.path} has (${
          slugs
            .slice(0, 8)
            .map((s) => `#${s}`)
            .join(', ') || 'it has none'
        }), or drop the anchor.`
      : `Did you mean #${guess}? Change the anchor to one of ${target.path}'s headings, or drop it.`;
  return { ...at, message, fix };
}

/** The heading the anchor's heading became, when git shows exactly one heading renamed in the change that dropped it. */
async function renamedHeading(model: DocsModel, target: MarkdownDoc, anchor: string): Promise<string | undefined> {
  // A file committed once has no renamed heading; asking git about it costs a process per link.
  const commits = (await model.history())?.commits.get(target.path) ?? 0;
  if (commits === 0 || (commits === 1 && !(await model.modified()).has(target.path))) return undefined;
  const versions = [target.headings.map((h) => h.slug), ...(await headingVersions(model, target.path))];
  const had = versions.findIndex((slugs) => slugs.includes(anchor));
  if (had < 1) return undefined;
  const before = new Set(versions[had]);
  const after = new Set(versions[had - 1]);
  const removed = [...before].filter((s) => !after.has(s));
  const added = [...after].filter((s) => !before.has(s));
  if (removed.length !== 1 || added.length !== 1) return undefined;
  const [renamed] = added as [string];
  return target.anchors.has(renamed) ? renamed : undefined;
}

const versionCache = new WeakMap<DocsModel, Map<string, Promise<string[][]>>>();
const historyFailed = new WeakMap<DocsModel, Promise<void>>();

/** The heading slugs of the file's committed versions, newest first; read once per file and run. */
function headingVersions(model: DocsModel, path: string): Promise<string[][]> {
  let byPath = versionCache.get(model);
  if (byPath === undefined) {
    byPath = new Map<string, Promise<string[][]>>();
    versionCache.set(model, byPath);
  }
  let versions = byPath.get(path);
  if (versions === undefined) {
    // The suggestion is a help: a history git cannot read (a damaged or partial clone) gives none,
    // and after the first failure git is not asked again (one note, not one per file).
    const unreadable = historyFailed.get(model);
    versions =
      unreadable !== undefined
        ? unreadable.then(() => [])
        : readFileVersions(model.root, path, 20).then(
            async (list) => {
              const { parseMarkdown } = await import('../parse-markdown.js');
              return list.map((v) => parseMarkdown(v.text).headings.map((h) => h.slug));
            },
            (error: unknown) => {
              if (!(error instanceof HarnessError)) throw error;
              if (!historyFailed.has(model)) {
                historyFailed.set(model, Promise.resolve());
                // git may read it next time: this run's findings are not kept (result-cache.ts).
                model.trace.unrepeatable = 'git could not read a file history';
                model.notes.push(
                  `docs/broken-link: renamed headings not looked up (from ${path} on): ${error.message}.`,
                );
              }
              return [];
            },
          );
    byPath.set(path, versions);
  }
  return versions;
}

function insideSubmodule(model: DocsModel, path: string): boolean {
  for (let dir = posix.dirname(path); dir !== '.' && dir !== ''; dir = posix.dirname(dir))
    if (model.files.has(dir)) return true;
  return false;
}

function relativeUrl(from: string, to: string, anchor: string | undefined): string {
  const rel = posix.relative(posix.dirname(from), to);
  return `${rel === '' ? posix.basename(to) : rel}${anchor === undefined ? '' : `#${anchor}`}`;
}

function urlEdit(doc: MarkdownDoc, link: MarkdownLink, url: string): TextEdit | undefined {
  const source = doc.text.slice(link.start, link.end);
  const at = source.lastIndexOf(link.url);
  if (at === -1) return undefined;
  const start = link.start + at;
  return { file: doc.path, start, end: start + link.url.length, expected: link.url, replacement: url };
}
