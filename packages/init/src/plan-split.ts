// Plans `--split`: the section files under docs/agents/ and the short map that
// replaces AGENTS.md. A section file that exists with other content stops the
// split (AGENTS.md is kept), so no earlier text is ever overwritten.
import type { PlannedFile } from './init-plan.js';
import { entryOf, readInside } from './repo-entry.js';
import type { SplitFile } from './split-map.js';
import { splitDir, splitMap } from './split-map.js';

export interface SplitPlan {
  /** Section files (create or unchanged), or the reason AGENTS.md is kept. */
  planned: PlannedFile[];
  /** Paths of the section files, for the map and the docs index. */
  docs: string[];
  /** When set, AGENTS.md is replaced by a map with these sections. */
  sections: SplitFile[] | undefined;
  title: string | undefined;
  notes: string[];
}

export async function planSplit(
  root: string,
  maxLines: number,
  lines: number,
  dir: string = splitDir,
): Promise<SplitPlan> {
  if (lines <= maxLines) return keptMap(`--split: ${lines} lines, within the limit of ${maxLines}; nothing to split`);
  const { title, files } = splitMap((await readInside(root, 'AGENTS.md')) ?? '', dir);
  const planned: PlannedFile[] = [];
  for (const file of files) {
    const entry = await entryOf(root, file.path);
    const current = entry.kind === 'file' ? await readInside(root, file.path) : undefined;
    if (entry.kind !== 'missing' && current !== file.content) {
      return keptMap(
        `--split stopped: ${file.path} exists${entry.kind === 'file' ? ' with other content' : ` as a ${entry.kind === 'link' ? 'symbolic link' : 'folder'}`}; move it away and run init again`,
      );
    }
    planned.push(
      current === undefined
        ? {
            path: file.path,
            action: 'create',
            reason: `section "${file.title}" of AGENTS.md, line for line`,
            content: file.content,
          }
        : { path: file.path, action: 'unchanged', reason: `section "${file.title}" of AGENTS.md, already split out` },
    );
  }
  return {
    planned,
    docs: files.map((f) => f.path),
    sections: files,
    title,
    notes: [
      `--split: AGENTS.md had ${lines} lines (limit ${maxLines}); its ${files.length} sections move to ${dir}/ and the map links them.`,
    ],
  };
}

/** No split: AGENTS.md is kept, for this reason. */
function keptMap(reason: string): SplitPlan {
  return {
    planned: [{ path: 'AGENTS.md', action: 'keep', reason }],
    docs: [],
    sections: undefined,
    title: undefined,
    notes: [],
  };
}
