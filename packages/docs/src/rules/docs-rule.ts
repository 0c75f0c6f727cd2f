// The shape every docs rule has: it looks at the whole docs model and returns what is wrong and
// how to fix it; the engine adds the check name, the qualified rule id and the docs link.
import type { RuleMeta, Severity } from 'agent-harness-diagnostics';
import type { DocsModel } from '../docs-model.js';

export const docsRuleIds = [
  'map-missing',
  'map-too-long',
  'broken-link',
  'orphan',
  'missing-path',
  'frontmatter',
  'stale',
  'shim',
  'import',
  'command',
  'absolute-path',
  'stale-baseline',
] as const;

type DocsRuleId = (typeof docsRuleIds)[number];

/** A replacement of text in one file, applied by `--fix` when it is unambiguous. */
export interface TextEdit {
  file: string;
  start: number;
  end: number;
  /** The exact text expected at [start, end), so a changed file is never edited blindly. */
  expected: string;
  replacement: string;
}

export interface Finding {
  rule: DocsRuleId;
  severity: Severity;
  file: string;
  line?: number;
  column?: number;
  target?: string;
  message: string;
  fix: string;
  edit?: TextEdit;
}

export interface DocsRule extends RuleMeta<DocsRuleId> {
  check(model: DocsModel): Promise<Finding[]> | Finding[];
}

/** Findings about the baseline itself; produced by check-docs.ts. */
export type MetaRule = RuleMeta<'stale-baseline'>;

/** Instruction files: what agents load as instructions, not as documentation. */
export function isInstructionFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return (
    /^(?:AGENTS|AGENTS\.override|CLAUDE|CLAUDE\.local|GEMINI)\.md$/.test(base) ||
    path === '.github/copilot-instructions.md' ||
    /^\.github\/instructions\/.+\.instructions\.md$/.test(path) ||
    /(?:^|\/)\.claude\/rules\/.+\.md$/.test(path)
  );
}

export function isAgentsFile(path: string): boolean {
  return path === 'AGENTS.md' || path.endsWith('/AGENTS.md');
}
