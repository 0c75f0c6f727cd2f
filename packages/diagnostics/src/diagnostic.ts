// The result document every checking command prints with `--format json`.
// Shape: docs/contract.md, "The result document". Changing it is a breaking change.

export type Severity = 'error' | 'warning' | 'info';

/** One finding, written for a coding agent that must fix it alone. */
export interface Diagnostic {
  /** The check that produced it: `layers`, `docs`, `budget`, `rulesets`. */
  check: string;
  /** `<check>/<rule-id>`, e.g. `layers/forward-only`. */
  rule: string;
  severity: Severity;
  /** Repository-relative path with `/` separators. */
  file: string;
  line?: number;
  column?: number;
  /** For findings about an import: the resolved file, or `npm:<package>`. */
  target?: string;
  /** For import findings: the edge is a type-only import. */
  typeOnly?: boolean;
  /** For `layers/contract` findings: the name of the contract (layers.contracts) the import breaks. */
  contract?: string;
  message: string;
  /** What to change, and where. */
  fix: string;
  /** Repository-relative docs link that explains the rule, with its anchor. */
  docs: string;
}

/** One guardrail's summary line in the result document. */
export interface CheckSummary {
  name: string;
  ok: boolean;
  durationMs: number;
  /** How many files the check read, when that means something. */
  files?: number;
  /** Why the check did not run (its section is missing, no token, shallow clone…). */
  skipped?: string;
}

export interface ResultDocument {
  version: 1;
  ok: boolean;
  checks: CheckSummary[];
  diagnostics: Diagnostic[];
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The contract's order: by file, then line, then rule (then column and target, for stable output). */
function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareStrings(a.file, b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    compareStrings(a.rule, b.rule) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    compareStrings(a.target ?? '', b.target ?? '') ||
    severityRank[a.severity] - severityRank[b.severity]
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

/** Builds the result document: sorted diagnostics, `ok` derived from error findings. */
export function createResultDocument(
  checks: readonly CheckSummary[],
  diagnostics: readonly Diagnostic[],
): ResultDocument {
  const sorted = sortDiagnostics(diagnostics);
  return {
    version: 1,
    ok: checks.every((c) => c.ok) && !sorted.some((d) => d.severity === 'error'),
    checks: [...checks],
    diagnostics: sorted,
  };
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] += 1;
  return counts;
}
