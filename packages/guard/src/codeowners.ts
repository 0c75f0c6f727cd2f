// CODEOWNERS as GitHub reads it:
// https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/customizing-your-repository/about-code-owners
// The first of .github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS is the file; a line is a pattern and its
// owners (`@user`, `@org/team`, an email); the last matching line wins, and a line without owners
// leaves its paths unowned. Patterns follow gitignore's with GitHub's differences: no `!` negation, no
// `[ ]` ranges, no `\#` escape, paths are case-sensitive, and `docs/*` matches only docs' own files,
// not deeper ones (gitignore would take the folder `docs/x` and everything in it).
import picomatch from 'picomatch';
import type { GuardSnapshot } from './guard-types.js';

/** Where GitHub looks for the file, in the order it looks. */
export const codeownersLocations = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

export interface CodeownersRule {
  pattern: string;
  /** `@user`, `@org/team` or an email, as written. Empty: the paths are unowned. */
  owners: string[];
  /** 1-based line in the file. */
  line: number;
  matches: (path: string) => boolean;
}

export interface Codeowners {
  /** Repository-relative path of the file. */
  file: string;
  rules: CodeownersRule[];
  /** Lines GitHub would reject (and ignore), with why. */
  invalid: { line: number; reason: string }[];
}

/** The rule that decides the owners of `path` (the last one matching), or undefined when none does. */
export function ruleFor(codeowners: Codeowners, path: string): CodeownersRule | undefined {
  for (let i = codeowners.rules.length - 1; i >= 0; i -= 1) {
    const rule = codeowners.rules[i] as CodeownersRule;
    if (rule.matches(path)) return rule;
  }
  return undefined;
}

/** The owners of `path`; empty when no rule matches or the matching rule names nobody. */
export function ownersOf(codeowners: Codeowners | undefined, path: string): string[] {
  return codeowners === undefined ? [] : (ruleFor(codeowners, path)?.owners ?? []);
}

/** The CODEOWNERS file of one side of a change, or undefined when it has none. */
export async function readCodeowners(side: GuardSnapshot): Promise<Codeowners | undefined> {
  for (const file of codeownersLocations) {
    const text = await side.readFile(file);
    if (text !== undefined) return parseCodeowners(text, file);
  }
  return undefined;
}

const owner = /^(@[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)?|[^@\s]+@[^@\s]+\.[^@\s]+)$/;

export function parseCodeowners(text: string, file: string): Codeowners {
  const rules: CodeownersRule[] = [];
  const invalid: Codeowners['invalid'] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const fields = splitFields(stripComment(raw));
    if (fields.length === 0) return;
    const [pattern, ...owners] = fields as [string, ...string[]];
    const problem = patternProblem(pattern) ?? owners.map(ownerProblem).find((p) => p !== undefined);
    if (problem !== undefined) invalid.push({ line, reason: problem });
    else rules.push({ pattern, owners, line, matches: compilePattern(pattern) });
  });
  return { file, rules, invalid };
}

/** A `#` starts a comment at the start of a line or after whitespace. */
function stripComment(line: string): string {
  const at = line.search(/(^|\s)#/);
  return at === -1 ? line : line.slice(0, at);
}

/** Fields split on whitespace; `\ ` keeps a space inside a pattern. */
function splitFields(line: string): string[] {
  return (line.trim().match(/(?:\\ |\S)+/g) ?? []).map((f) => f.replace(/\\ /g, ' '));
}

function patternProblem(pattern: string): string | undefined {
  if (pattern.startsWith('!')) return `"${pattern}": GitHub does not support negated patterns in CODEOWNERS`;
  if (/[[\]]/.test(pattern)) return `"${pattern}": GitHub does not support [ ] character ranges in CODEOWNERS`;
  return undefined;
}

function ownerProblem(name: string): string | undefined {
  return owner.test(name) ? undefined : `"${name}" is not an owner (@user, @org/team or an email)`;
}

/**
 * A pattern as picomatch globs. Anchored at the root when it has a `/` before its end, else at any
 * depth; a trailing `/` means the folder's whole tree; a last segment `*` means that folder's own
 * files only; any other pattern names a file or a folder (then everything under it).
 */
export function compilePattern(pattern: string): (path: string) => boolean {
  const folderOnly = pattern.endsWith('/');
  const body = pattern.replace(/^\/+/, '').replace(/\/+$/, '');
  const anchored = body.includes('/') || pattern.startsWith('/');
  const glob = anchored || body.startsWith('**') ? body : `**/${body}`;
  const globs = folderOnly ? [`${glob}/**`] : glob.endsWith('/*') ? [glob] : [glob, `${glob}/**`];
  if (body === '' || body === '*' || body === '**') return () => true;
  return picomatch(globs, { dot: true, nobrace: true, noextglob: true });
}
