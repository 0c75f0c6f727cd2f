// `harness init --split`: an over-long AGENTS.md becomes a short map. Every
// `##` section moves, line for line, into its own file under docs/agents/
// (agents/ in the knowledge base's folder: agent-docs/agents/ beside a docs site),
// the text before the first section into overview.md there; the map keeps the
// title and links to each file. Relative link targets are rewritten so they
// still point where they did; nothing else in a line changes.

export const splitDir = 'docs/agents';

export interface SplitFile {
  path: string;
  title: string;
  content: string;
}

export interface SplitResult {
  /** The title line kept in the map (`# …`), when the file had one. */
  title: string | undefined;
  files: SplitFile[];
}

interface Section {
  title: string;
  lines: string[];
}

export function splitMap(text: string, dir: string = splitDir): SplitResult {
  const lines = text.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
  const title = lines[0]?.startsWith('# ') === true ? lines[0] : undefined;
  const sections: Section[] = [{ title: 'Overview', lines: [] }];
  let fence: string | undefined;
  for (const line of lines) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker !== undefined) {
      if (fence === undefined) fence = marker;
      else if (marker.startsWith(fence)) fence = undefined;
    }
    const heading = fence === undefined && marker === undefined ? /^##\s+(.+?)\s*#*\s*$/.exec(line)?.[1] : undefined;
    if (heading !== undefined) sections.push({ title: heading, lines: [] });
    sections.at(-1)?.lines.push(line);
  }
  const used = new Set<string>();
  const files = sections
    .filter((s) => s.lines.some((l) => l.trim() !== ''))
    .map((s) => {
      const path = `${dir}/${uniqueSlug(s.title, used)}.md`;
      const up = '../'.repeat(dir.split('/').length);
      const body = trimBlank(s.lines).map((line) => rewriteLinks(line, up));
      return { path, title: s.title, content: `${body.join('\n')}\n` };
    });
  return { title, files };
}

/** Relative link and image targets, and reference definitions, re-rooted from the repo root to the split folder. */
export function rewriteLinks(line: string, up = '../../'): string {
  const inline = line.replace(/(\]\()(<?)([^)\s>]+)/g, (whole, open: string, angle: string, target: string) =>
    isRelative(target) ? `${open}${angle}${up}${target}` : whole,
  );
  return inline.replace(/^(\s{0,3}\[[^\]]+\]:\s+<?)(\S+)/, (whole, head: string, target: string) =>
    isRelative(target) ? `${head}${up}${target.replace(/>$/, '')}${target.endsWith('>') ? '>' : ''}` : whole,
  );
}

function isRelative(target: string): boolean {
  return !/^(?:[a-z][a-z0-9+.-]*:|#|\/|\\)/i.test(target);
}

function uniqueSlug(title: string, used: Set<string>): string {
  const base =
    title
      .toLowerCase()
      .replace(/[`*_[\]()]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'section';
  let slug = base === 'index' ? 'index-section' : base;
  for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
  used.add(slug);
  return slug;
}

function trimBlank(lines: readonly string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]?.trim() === '') start++;
  while (end > start && lines[end - 1]?.trim() === '') end--;
  return lines.slice(start, end);
}
