// layers/syntax-error: a source file that does not parse. The imports before the error (and the
// single-line ones after it) are still in the graph, but the rest of the file is not checked:
// a finding, not a note, so a check that could not read a file does not pass.
import type { MetaRule, RuleVerdict } from './layer-rule.js';

export const syntaxError: MetaRule = {
  id: 'syntax-error',
  kind: 'meta',
  severity: 'error',
  finds: 'a source file that does not parse, so its imports are only partly checked',
  why: 'A file that does not parse is only partly checked; a check that could not read it must not pass it.',
  fix: 'Fix the syntax error, or list a file that is broken on purpose in layers.ignore.',
  docs: 'docs/rules/layers.md#syntax-error',
};

/** The finding for a file whose lexing stopped with `error` (`<message> (line N)`). */
export function describeSyntaxError(file: string, error: string): RuleVerdict & { line?: number } {
  const at = /\(line (\d+)\)$/.exec(error);
  const verdict: RuleVerdict & { line?: number } = {
    message: `${file} does not parse (${error}): only the imports that could be lexed around the error are checked.`,
    fix: 'Fix the syntax error (the compiler reports it too). If the file is not source code (a fixture of broken code, a template), add it to layers.ignore.',
  };
  if (at !== null) verdict.line = Number(at[1]);
  return verdict;
}
