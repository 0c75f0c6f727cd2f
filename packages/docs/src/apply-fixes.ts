// `harness check docs --fix`: plan, then apply. Only findings that carry an edit are fixed (a
// moved file found by git rename, a heading renamed once); every file is re-read and each edit's
// expected text checked, so nothing changed since the check is overwritten, and each file is
// written atomically. With dryRun the plan is returned and nothing is written. A file that is a
// symbolic link is left alone: writing would change its target (another file of the repository, fixed
// as itself, or one outside it); every write is checked to land inside the repository.
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HarnessError } from 'agent-harness-diagnostics';
import { writeFileInside } from 'agent-harness-system';
import type { Finding, TextEdit } from './rules/docs-rule.js';

export interface FixPlan {
  /** One line per edit: file:line: old → new. */
  lines: string[];
  /** Findings the plan fixes. */
  fixed: Finding[];
}

export function planFixes(findings: readonly Finding[]): FixPlan {
  const fixed = findings.filter((f): f is Finding & { edit: TextEdit } => f.edit !== undefined);
  return { fixed, lines: fixed.map((f) => `${f.file}:${f.line ?? 1}: ${f.edit.expected} → ${f.edit.replacement}`) };
}

export interface AppliedFixes {
  /** Files written. */
  files: number;
  /** Files with edits that were not written because they are symbolic links. */
  skipped: string[];
}

export async function applyFixes(root: string, plan: FixPlan): Promise<AppliedFixes> {
  const byFile = new Map<string, TextEdit[]>();
  for (const f of plan.fixed)
    if (f.edit !== undefined) byFile.set(f.edit.file, [...(byFile.get(f.edit.file) ?? []), f.edit]);
  const outputs: Array<{ path: string; text: string }> = [];
  const skipped: string[] = [];
  for (const [file, edits] of byFile) {
    if ((await lstat(join(root, file))).isSymbolicLink()) {
      skipped.push(file);
      continue;
    }
    const text = await readFile(join(root, file), 'utf8');
    let out = text;
    // Back to front, so earlier offsets stay valid.
    for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
      if (text.slice(edit.start, edit.end) !== edit.expected) {
        throw new HarnessError('IO_FAILED', `${file} changed while harness was checking it; no fix was applied`, {
          place: { file },
          fix: 'Run `harness check docs --fix` again.',
        });
      }
      out = out.slice(0, edit.start) + edit.replacement + out.slice(edit.end);
    }
    outputs.push({ path: file, text: out });
  }
  for (const o of outputs) await writeFileInside(root, o.path, o.text);
  return { files: outputs.length, skipped };
}
