// The docs graph: from the map and every AGENTS.md, follow links and path mentions in code spans
// alike (many maps name their docs in code spans), transitively. A folder reaches its index.md or
// README.md, else every markdown file directly in it.
import type { DocsModel, MarkdownDoc } from './docs-model.js';
import { createMentionIndex, readMention, resolveMention } from './path-mentions.js';
import type { MentionIndex } from './path-mentions.js';
import { folderEntries, resolveLink } from './resolve-link.js';
import { isAgentsFile } from './rules/docs-rule.js';

/** Every markdown file reachable from the map and the AGENTS.md files. */
export function reachableDocs(model: DocsModel): Set<string> {
  const index = createMentionIndex(model);
  const markdownFiles = [...model.docs.keys()];
  const start = markdownFiles.filter((p) => p === model.config.map || isAgentsFile(p));
  const reached = new Set(start);
  const queue = [...start];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const doc = model.docs.get(next);
    if (doc === undefined) continue;
    for (const target of outgoing(model, index, markdownFiles, doc)) {
      if (!reached.has(target) && model.docs.has(target)) {
        reached.add(target);
        queue.push(target);
      }
    }
  }
  return reached;
}

function outgoing(model: DocsModel, index: MentionIndex, markdownFiles: readonly string[], doc: MarkdownDoc): string[] {
  const targets: string[] = [];
  const reach = (path: string, isDir: boolean): void => {
    if (isDir) targets.push(...folderEntries(path, model.files, markdownFiles));
    else targets.push(path);
  };
  for (const link of doc.links) {
    const target = resolveLink(doc.path, link.url);
    if (target.kind !== 'repo' || target.selfAnchor) continue;
    if (model.dirs.has(target.path)) reach(target.path, true);
    else reach(target.path, false);
  }
  for (const run of doc.runs) {
    if (run.kind !== 'code') continue;
    const mention = readMention(run.value);
    if (mention === undefined) continue;
    const resolved = resolveMention(model, index, doc.path, mention);
    if (resolved.kind === 'file' || resolved.kind === 'dir') reach(resolved.path, resolved.kind === 'dir');
  }
  return targets;
}
