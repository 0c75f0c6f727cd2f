// `@path` imports as Claude Code (CLAUDE.md, https://code.claude.com/docs/en/memory) and Gemini
// CLI (GEMINI.md, memport) read them: an @ followed by a path, in prose only (never inside code
// spans or blocks), relative to the importing file.
import { posix } from 'node:path';
import type { MarkdownDoc } from './docs-model.js';

export interface ImportRef {
  /** As written after the @. */
  spec: string;
  /** Repository-relative target; undefined for ~/ (a home-directory file outside the repository). */
  path?: string;
  absolute: boolean;
  line: number;
  column: number;
}

const importToken = /(^|\s)@((?:\.{1,2}\/|~\/|\/)?[^\s@`<>()[\]]+)/g;
const extension = /\.[A-Za-z][A-Za-z0-9]{0,9}$/;

export function findImports(doc: MarkdownDoc): ImportRef[] {
  const refs: ImportRef[] = [];
  for (const run of doc.runs) {
    if (run.kind !== 'text') continue;
    for (const m of run.value.matchAll(importToken)) {
      const spec = (m[2] ?? '').replace(/[.,;:!?]+$/, '');
      if (!spec.includes('/') && !extension.test(spec)) continue; // @mentions of people and teams
      const before = run.value.slice(0, (m.index ?? 0) + (m[1] ?? '').length);
      const lineOffset = before.split('\n').length - 1;
      const column = lineOffset === 0 ? run.column + before.length : before.length - before.lastIndexOf('\n');
      const ref: ImportRef = { spec, absolute: spec.startsWith('/'), line: run.line + lineOffset, column };
      if (!spec.startsWith('~/') && !spec.startsWith('/')) {
        const joined = posix.normalize(posix.join(posix.dirname(doc.path), spec));
        if (!joined.startsWith('../')) ref.path = joined;
      }
      refs.push(ref);
    }
  }
  return refs;
}

/** Files whose @imports agents follow. */
export function isImportingFile(path: string): boolean {
  return /(?:^|\/)(?:CLAUDE|CLAUDE\.local|GEMINI)\.md$/.test(path);
}
