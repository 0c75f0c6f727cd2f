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

const comment = /\/\/[ \t]*harness-ignore[ \t]+(layers\/[\w-]*)[ \t]*(?::[ \t]*(.*?))?[ \t]*\r?$/gm;

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
    found.push({ line, rule: match[1] ?? '', reason: match[2] ?? '' });
  }
  return found;
}
