// docs/stale: by git history, a doc that has not changed for staleAfterDays while code it links to
// (or names in a code span) has changed since. Needs full history: on a shallow clone the rule is
// skipped and check-docs says so.
import type { DocsModel, MarkdownDoc } from '../docs-model.js';
import { createMentionIndex, readMention, resolveMention } from '../path-mentions.js';
import type { MentionIndex } from '../path-mentions.js';
import { resolveLink } from '../resolve-link.js';
import type { DocsRule, Finding } from './docs-rule.js';

const day = 86_400;
const markdown = /\.(?:md|markdown|mdx)$/i;

export const stale: DocsRule = {
  id: 'stale',
  summary: 'a doc not changed for staleAfterDays while code it links to has changed since',
  async check(model) {
    const history = await model.history();
    if (history === undefined) return [];
    const index = createMentionIndex(model);
    const dirTimes = new Map<string, number>();
    const timeOf = (path: string): number | undefined => {
      const file = history.lastChanged.get(path);
      if (file !== undefined || !model.dirs.has(path)) return file;
      let latest = dirTimes.get(path);
      if (latest === undefined) {
        latest = 0;
        for (const [p, t] of history.lastChanged) if (p.startsWith(`${path}/`) && t > latest) latest = t;
        dirTimes.set(path, latest);
      }
      return latest;
    };
    const findings: Finding[] = [];
    const limit = model.config.staleAfterDays;
    for (const doc of model.docs.values()) {
      const docTime = history.lastChanged.get(doc.path);
      if (docTime === undefined || model.now - docTime < limit * day) continue;
      const changed = codeTargets(model, index, doc)
        .map((path) => ({ path, time: timeOf(path) ?? 0 }))
        .filter((t) => t.time > docTime)
        .sort((a, b) => b.time - a.time);
      if (changed.length === 0) continue;
      const shown = changed.slice(0, 3).map((c) => `${c.path} (${date(c.time)})`).join(', ');
      const more = changed.length > 3 ? ` and ${changed.length - 3} more` : '';
      findings.push({
        rule: 'stale',
        severity: 'warning',
        file: doc.path,
        message: `${doc.path} last changed on ${date(docTime)}, ${Math.floor((model.now - docTime) / day)} days ago (docs.staleAfterDays is ${limit}), but code it points to changed since: ${shown}${more}.`,
        fix: `Read ${changed[0]?.path ?? 'that code'} and bring ${doc.path} up to date with it (commit the doc even if only a "last reviewed" line changes), or remove links to code it no longer describes.`,
      });
    }
    return findings;
  },
};

/** Non-markdown repository paths the doc links to or names. */
function codeTargets(model: DocsModel, index: MentionIndex, doc: MarkdownDoc): string[] {
  const targets = new Set<string>();
  for (const link of doc.links) {
    const target = resolveLink(doc.path, link.url);
    if (target.kind === 'repo' && !target.selfAnchor && (model.files.has(target.path) || model.dirs.has(target.path))) targets.add(target.path);
  }
  for (const run of doc.runs) {
    if (run.kind !== 'code') continue;
    const mention = readMention(run.value);
    if (mention === undefined) continue;
    const resolved = resolveMention(model, index, doc.path, mention);
    if (resolved.kind === 'file' || resolved.kind === 'dir') targets.add(resolved.path);
  }
  return [...targets].filter((p) => !markdown.test(p) && p !== '');
}

function date(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}
