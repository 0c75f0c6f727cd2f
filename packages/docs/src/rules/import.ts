// docs/import: an `@path` import in CLAUDE.md or GEMINI.md (or a file they import) whose target
// is missing, that lies more than 5 hops from the instruction file (Claude Code stops there), or
// that imports a file already on the import path (a cycle).
import type { DocsModel } from '../docs-model.js';
import { findImports, isImportingFile } from '../find-imports.js';
import type { DocsRule, Finding } from './docs-rule.js';

const maxImportHops = 5;

export const importRule: DocsRule = {
  id: 'import',
  severity: 'error',
  finds: 'an @path import in CLAUDE.md or GEMINI.md whose target is missing, deeper than 5 hops, or cyclic',
  why: 'Claude Code silently skips an import that is missing, too deep or cyclic, so the instructions it names are lost.',
  fix: 'Point the import at an existing file, import deep files from nearer the instruction file, import each file once.',
  docs: 'docs/rules/docs.md#import',
  check(model) {
    const findings = new Map<string, Finding>();
    const add = (f: Finding): void => {
      const key = `${f.file}\0${f.line ?? 0}\0${f.target ?? ''}`;
      if (!findings.has(key)) findings.set(key, f);
    };
    for (const path of model.docs.keys()) if (isImportingFile(path)) walk(model, path, [path], add);
    return [...findings.values()];
  },
};

function walk(model: DocsModel, file: string, stack: readonly string[], add: (f: Finding) => void): void {
  const doc = model.docs.get(file);
  if (doc === undefined) return;
  const root = stack[0] ?? file;
  for (const ref of findImports(doc)) {
    if (ref.path === undefined) continue; // ~/… and /… live outside the repository
    const at = {
      rule: 'import' as const,
      severity: 'error' as const,
      file,
      line: ref.line,
      column: ref.column,
      target: ref.path,
    };
    if (!model.files.has(ref.path)) {
      add({
        ...at,
        message: `${file} imports @${ref.spec}, but ${ref.path} does not exist, so the agent silently loads nothing.`,
        fix: 'Point the import at an existing file (paths are relative to the importing file, e.g. @AGENTS.md), or remove it.',
      });
      continue;
    }
    if (stack.includes(ref.path)) {
      add({
        ...at,
        message: `@${ref.spec} closes an import cycle: ${[...stack, ref.path].join(' → ')}.`,
        fix: `Remove the import of ${ref.path} from ${file}; each file should be imported once, from above.`,
      });
      continue;
    }
    if (stack.length > maxImportHops) {
      add({
        ...at,
        message: `@${ref.spec} is ${stack.length} hops from ${root} (${[...stack, ref.path].join(' → ')}); Claude Code follows at most ${maxImportHops}, so ${ref.path} never loads.`,
        fix: `Import ${ref.path} from a file nearer ${root} (or from ${root} itself), so the chain is at most ${maxImportHops} hops.`,
      });
      continue;
    }
    walk(model, ref.path, [...stack, ref.path], add);
  }
}
