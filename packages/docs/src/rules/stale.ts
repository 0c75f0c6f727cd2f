// docs/stale: by git history, a doc that has not changed for staleAfterDays while code it links to
// (or names in a code span) has changed since. Needs full history: on a shallow clone the rule is
// skipped and check-docs says so.
import type { DocsModel, MarkdownDoc } from '../docs-model.js';
import { codeMentions } from '../path-mentions.js';
import { linkTargets } from '../locate-link.js';
import type { StaleCandidate } from '../stale-findings.js';
import { formatDate, staleFindings } from '../stale-findings.js';
import type { DocsRule } from './docs-rule.js';

const markdown = /\.(?:md|markdown|mdx)$/i;

export const stale: DocsRule = {
  id: 'stale',
  severity: 'warning',
  finds: 'a doc not changed for staleAfterDays while code it links to has changed since',
  why: 'A doc untouched while the code it describes changed is probably wrong now.',
  fix: 'Read the changed code and bring the doc up to date; commit even a "last reviewed" change.',
  docs: 'docs/rules/docs.md#stale',
  async check(model) {
    return staleFindings(await staleCandidates(model), model.now, model.config.staleAfterDays);
  },
};

/** Every doc with code it points to that changed after it, at any age (stale-findings.ts applies the clock). */
export async function staleCandidates(model: DocsModel): Promise<StaleCandidate[]> {
  const history = await model.history();
  if (history === undefined) return [];
  // A folder changed when anything under it last changed: worked out for every folder at once.
  let dirTimes: Map<string, number> | undefined;
  const timeOf = (path: string): number | undefined => {
    const file = history.lastChanged.get(path);
    if (file !== undefined || !model.dirs.has(path)) return file;
    if (dirTimes === undefined) {
      const times = new Map<string, number>();
      for (const [p, t] of history.lastChanged) {
        for (let slash = p.lastIndexOf('/'); slash > 0; slash = p.lastIndexOf('/', slash - 1)) {
          const dir = p.slice(0, slash);
          if ((times.get(dir) ?? -1) < t) times.set(dir, t);
        }
      }
      dirTimes = times;
    }
    return dirTimes.get(path) ?? 0;
  };
  const candidates: StaleCandidate[] = [];
  for (const doc of model.docs.values()) {
    const docTime = history.lastChanged.get(doc.path);
    if (docTime === undefined) continue;
    const changed = codeTargets(model, doc)
      .map((path) => ({ path, time: timeOf(path) ?? 0 }))
      .filter((t) => t.time > docTime)
      .sort((a, b) => b.time - a.time);
    if (changed.length === 0) continue;
    const shown = changed
      .slice(0, 3)
      .map((c) => `${c.path} (${formatDate(c.time)})`)
      .join(', ');
    candidates.push({ file: doc.path, docTime, shown, changed: changed.length, newest: changed[0]?.path ?? '' });
  }
  return candidates;
}

/** Non-markdown repository paths the doc links to or names. */
function codeTargets(model: DocsModel, doc: MarkdownDoc): string[] {
  const targets = new Set<string>();
  for (const { target } of linkTargets(model, doc)) {
    if (target.kind === 'repo' && !target.selfAnchor && (model.files.has(target.path) || model.dirs.has(target.path)))
      targets.add(target.path);
  }
  for (const { resolution } of codeMentions(model, doc)) {
    if (resolution.kind === 'file' || resolution.kind === 'dir') targets.add(resolution.path);
  }
  return [...targets].filter((p) => !markdown.test(p) && p !== '');
}
