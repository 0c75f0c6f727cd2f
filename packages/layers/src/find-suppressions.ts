// `// harness-ignore layers/<rule>: <reason>` comments (docs/layers.md, "Suppressions"): each silences that
// rule's findings on the next line. Other checks' suppressions (`docs/…`) are left alone.
// ESLint's own comments are found too (eslint-suppressions.ts decides which of them count, from
// layers.suppressions.eslint), so that the cached list does not depend on the config.

export interface SuppressionComment {
  /** 1-based line of the comment (for an ESLint comment: the line it applies from). */
  line: number;
  /**
   * `layers/<rule>` as written; or, for an ESLint comment, its directive: `eslint-disable-next-line`,
   * `eslint-disable-line`, `eslint-disable` or `eslint-enable`.
   */
  rule: string;
  /** Empty when missing. For an ESLint comment: its rule names joined by ",", empty for all rules. */
  reason: string;
}

// The rule, then the rest of the line: a reason follows a colon. Without one the comment is still
// found, so that it can be reported instead of silently doing nothing.
// A placeholder such as `layers/<rule>` in prose is not a suppression.
const comment = /\/\/[ \t]*harness-ignore[ \t]+(layers\/[\w-]+)(?=[\s:]|$)([^\r\n]*)/gm;

// `// eslint-disable-next-line a, b -- why`, `/* eslint-disable a */`, `/* eslint-enable */`, …
const eslintComment =
  /\/\/[ \t]*(eslint-disable-next-line|eslint-disable-line)(?![\w-])([^\r\n]*)|\/\*[ \t\r\n*]*(eslint-disable-next-line|eslint-disable-line|eslint-disable|eslint-enable)(?![\w-])([\s\S]*?)\*\//g;

export function findSuppressions(source: string): SuppressionComment[] {
  const eslint = source.includes('eslint-') ? findEslintComments(source) : [];
  if (!source.includes('harness-ignore')) return eslint;
  const found: SuppressionComment[] = [...eslint];
  let lineStart = 0;
  let line = 1;
  for (const match of source.matchAll(comment)) {
    for (let i = source.indexOf('\n', lineStart); i !== -1 && i < match.index; i = source.indexOf('\n', i + 1)) {
      line += 1;
      lineStart = i + 1;
    }
    const rest = (match[2] ?? '').trim();
    found.push({ line, rule: match[1] ?? '', reason: rest.startsWith(':') ? rest.slice(1).trim() : '' });
  }
  return found;
}

function findEslintComments(source: string): SuppressionComment[] {
  const found: SuppressionComment[] = [];
  let line = 1;
  let at = 0;
  for (const match of source.matchAll(eslintComment)) {
    line += countNewlines(source, at, match.index);
    at = match.index;
    const directive = match[1] ?? match[3] ?? '';
    const body = match[2] ?? match[4] ?? '';
    // A block `eslint-disable-next-line` spanning lines is counted from its last line.
    const applies =
      directive === 'eslint-disable-next-line' ? line + countNewlines(match[0], 0, match[0].length) : line;
    const rules = (body.split(/\s--\s|\s--$/)[0] ?? '')
      .split(',')
      .map((r) => r.trim())
      .filter((r) => r !== '');
    found.push({ line: applies, rule: directive, reason: rules.join(',') });
  }
  return found;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count += 1;
  return count;
}
