// New `// harness-ignore layers/<rule>: <reason>` comments, and new ESLint disable comments that the
// BASE config honours as harness-ignore (`layers.suppressions.eslint`, docs/layers.md "ESLint
// suppressions"). The grammar is the layers check's own (findSuppressions), so the guard sees exactly
// the comments that silence findings. A comment already in the base file (same text, counted as a
// multiset) is not new: moving lines is not a loosening.
import { testFixtureGlobs } from 'agent-harness-config';
import picomatch from 'picomatch';
import type { GuardInput, Loosening, SurfaceComparer } from './guard-types.js';
import { countItems, takeItem } from './line-of.js';

// The files the layers check scans (its sourceExtensions, list-project-files.ts): no declaration
// files, nothing in a dot folder, a test fixture folder or what the base's `layers.ignore` names.
const sourceFile = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const declaration = /\.d\.[cm]?ts$/;
const dotSegment = /(^|\/)\./;
const alwaysIgnored = ['**/node_modules/**', '**/dist/**'];
const disables = new Set(['eslint-disable-next-line', 'eslint-disable-line', 'eslint-disable']);

interface Comment {
  line: number;
  /** The comment as the layers check reads it: the same key on both sides means the same comment. */
  key: string;
  what: string;
}

export const compareSuppressions: SurfaceComparer = async (input) => {
  // Without a layers section on the base there is no layers check for a comment to silence.
  const layers = input.baseConfig?.layers;
  if (layers === undefined) return [];
  const names = layers.suppressions.eslint;
  const scanned = scannedByLayers(layers.ignore);
  const files = input.changedFiles.filter(scanned);
  if (files.length === 0) return [];
  const found = await Promise.all(files.map((file) => compareFile(input, file, names)));
  return found.flat();
};

/** Whether the layers check reads `file`: a source file outside what it leaves out. */
function scannedByLayers(ignore: readonly string[]): (file: string) => boolean {
  const globs = [...alwaysIgnored, ...testFixtureGlobs, ...ignore].map((glob) => glob.replace(/\/+$/, ''));
  const ignored = picomatch(globs, { dot: true });
  return (file) => {
    if (!sourceFile.test(file) || declaration.test(file) || dotSegment.test(file) || ignored(file)) return false;
    // A glob naming a folder leaves out everything in it.
    for (let i = file.indexOf('/'); i !== -1; i = file.indexOf('/', i + 1)) if (ignored(file.slice(0, i))) return false;
    return true;
  };
}

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
