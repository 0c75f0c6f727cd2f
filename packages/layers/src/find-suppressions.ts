// `// harness-ignore layers/<rule>: <reason>` comments (SPEC "Layer rules"): each silences that
// rule's findings on the next line. Other checks' suppressions (`docs/…`) are left alone.

export interface SuppressionComment {
  /** 1-based line of the comment. */
  line: number;
  /** `layers/<rule>` as written. */
  rule: string;
  /** Empty when missing. */
  reason: string;
}

// The rule, then the rest of the line: a reason follows a colon. Without one the comment is still
// found, so that it can be reported instead of silently doing nothing.
// A placeholder such as `layers/<rule>` in prose is not a suppression.
const comment = /\/\/[ \t]*harness-ignore[ \t]+(layers\/[\w-]+)(?=[\s:]|$)([^\r\n]*)/gm;

export function findSuppressions(source: string): SuppressionComment[] {
  if (!source.includes('harness-ignore')) return [];
  const found: SuppressionComment[] = [];
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
