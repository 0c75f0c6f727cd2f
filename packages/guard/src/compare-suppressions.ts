// New `// harness-ignore layers/<rule>: <reason>` comments, and new ESLint disable comments that the
// BASE config honours as harness-ignore (`layers.suppressions.eslint`, docs/layers.md "ESLint
// suppressions"). The grammar is the layers check's own (findSuppressions), so the guard sees exactly
// the comments that silence findings. A comment already in the base file (same text, counted as a
// multiset) is not new: moving lines is not a loosening.
import type { GuardInput, Loosening, SurfaceComparer } from './guard-types.js';
import { countItems, takeItem } from './line-of.js';

// The files the layers check scans (agent-harness-layers' sourceExtensions).
const sourceFile = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const disables = new Set(['eslint-disable-next-line', 'eslint-disable-line', 'eslint-disable']);

interface Comment {
  line: number;
  /** The comment as the layers check reads it: the same key on both sides means the same comment. */
  key: string;
  what: string;
}

export const compareSuppressions: SurfaceComparer = async (input) => {
  const names = input.baseConfig?.layers?.suppressions.eslint ?? [];
  const files = input.changedFiles.filter((file) => sourceFile.test(file));
  if (files.length === 0) return [];
  const found = await Promise.all(files.map((file) => compareFile(input, file, names)));
  return found.flat();
};

async function compareFile(input: GuardInput, file: string, names: readonly string[]): Promise<Loosening[]> {
  const head = await input.head.readFile(file);
  if (head === undefined || !mayHold(head, names)) return [];
  const base = (await input.base.readFile(file)) ?? '';
  const before = countItems((await readComments(base, names)).map((c) => c.key));
  const loosenings: Loosening[] = [];
  for (const comment of await readComments(head, names)) {
    if (takeItem(before, comment.key)) continue;
    loosenings.push({ surface: 'suppression', file, line: comment.line, what: comment.what });
  }
  return loosenings;
}

/** Whether `text` can hold a comment that counts: ESLint's only when the base honours some. */
function mayHold(text: string, names: readonly string[]): boolean {
  return text.includes('harness-ignore') || (names.length > 0 && text.includes('eslint-disable'));
}

async function readComments(text: string, names: readonly string[]): Promise<Comment[]> {
  if (!mayHold(text, names)) return [];
  // Loaded only for a changed source file that holds such a comment: the layers package is large.
  const { findSuppressions } = await import('agent-harness-layers');
  const comments: Comment[] = [];
  for (const s of findSuppressions(text)) {
    if (s.rule.startsWith('layers/')) {
      const reason = s.reason === '' ? 'without a reason' : `"${s.reason}"`;
      comments.push({ line: s.line, key: `${s.rule}: ${s.reason}`, what: `new harness-ignore ${s.rule} ${reason}` });
      continue;
    }
    if (!disables.has(s.rule) || !honoured(s.reason, names)) continue;
    const rules = s.reason === '' ? 'every rule' : s.reason.split(',').join(', ');
    comments.push({
      line: s.line,
      key: `${s.rule} ${s.reason}`,
      what: `new ${s.rule} of ${rules}, which layers.suppressions.eslint honours as harness-ignore`,
    });
  }
  return comments;
}

/** Whether the base config makes the ESLint comment silence layer findings (all rules, or a listed one). */
function honoured(rules: string, names: readonly string[]): boolean {
  if (names.length === 0) return false;
  return rules === '' || rules.split(',').some((rule) => names.includes(rule));
}
