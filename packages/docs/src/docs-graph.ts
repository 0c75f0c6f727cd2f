// The docs graph: from the map and every AGENTS.md, follow links and path mentions in code spans
// alike (many maps name their docs in code spans), transitively. A folder reaches its index.md or
// README.md, else every markdown file directly in it.
import type { DocsModel, MarkdownDoc } from './docs-model.js';
import { codeMentions } from './path-mentions.js';
import { linkTargets } from './locate-link.js';
import { folderEntries } from './resolve-link.js';
import { isAgentsFile } from './rules/docs-rule.js';

/** Every markdown file reachable from the map and the AGENTS.md files. */
export function reachableDocs(model: DocsModel): Set<string> {
  const markdownFiles = [...model.docs.keys()];
  const markdownByDir = new Map<string, string[]>();
  for (const f of markdownFiles) {
    const slash = f.lastIndexOf('/');
    const dir = slash === -1 ? '' : f.slice(0, slash);
    const list = markdownByDir.get(dir);
    if (list === undefined) markdownByDir.set(dir, [f]);
    else list.push(f);
  }
  const start = markdownFiles.filter((p) => p === model.config.map || isAgentsFile(p));
  const reached = new Set(start);
  const queue = [...start];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const doc = model.docs.get(next);
    if (doc === undefined) continue;
    for (const target of outgoing(model, markdownByDir, doc)) {
      if (!reached.has(target) && model.docs.has(target)) {
        reached.add(target);
        queue.push(target);
      }
    }
  }
  return reached;
}

function outgoing(model: DocsModel, markdownByDir: ReadonlyMap<string, readonly string[]>, doc: MarkdownDoc): string[] {
  const targets: string[] = [];
  const reach = (path: string, isDir: boolean): void => {
    if (isDir) targets.push(...folderEntries(path, model.files, markdownByDir));
    else targets.push(path);
  };
  for (const { target } of linkTargets(model, doc)) {
    if (target.kind !== 'repo' || target.selfAnchor) continue;
    if (model.dirs.has(target.path)) reach(target.path, true);
    else reach(target.path, false);
  }
  for (const { resolution } of codeMentions(model, doc)) {
    if (resolution.kind === 'file' || resolution.kind === 'dir') reach(resolution.path, resolution.kind === 'dir');
  }
  return targets;
}
