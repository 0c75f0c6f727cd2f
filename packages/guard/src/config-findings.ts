// The small vocabulary the config comparers share: a finding is a key path in harness.config.yaml and
// a sentence; lists are compared as sets (order aside), numbers by direction.

/** A key path in harness.config.yaml: `['layers', 'ignore', 2]`. */
export type KeyPath = readonly (string | number)[];

/** One loosening of harness.config.yaml, before its line is looked up in the change's file. */
export interface ConfigFinding {
  path: KeyPath;
  what: string;
}

export type Report = (path: KeyPath, what: string) => void;

/** `layers.paths.ui` for a key path (list indexes left out). */
export function showPath(path: KeyPath): string {
  return path.filter((part) => typeof part === 'string').join('.');
}

export function quote(value: unknown): string {
  return JSON.stringify(value);
}

/** Items of `head` that `base` does not hold (the list grew by them), with their index in `head`. */
function added<T>(base: readonly T[], head: readonly T[]): { item: T; index: number }[] {
  const known = new Set(base.map((item) => JSON.stringify(item)));
  return head.flatMap((item, index) => (known.has(JSON.stringify(item)) ? [] : [{ item, index }]));
}

/** Items of `base` that `head` no longer holds. */
export function removed<T>(base: readonly T[], head: readonly T[]): T[] {
  const kept = new Set(head.map((item) => JSON.stringify(item)));
  return base.filter((item) => !kept.has(JSON.stringify(item)));
}

/** Reports each item added to a list where growing it loosens (`ignore`, `shared`, `except`). */
export function reportGrowth<T>(
  report: Report,
  path: KeyPath,
  base: readonly T[],
  head: readonly T[],
  label = showPath(path),
): void {
  for (const { item, index } of added(base, head)) report([...path, index], `${label}: added ${quote(item)}`);
}

/** Reports each item removed from a list where shrinking it loosens (`domains`, `paths.<layer>`, `from`). */
export function reportShrink<T>(
  report: Report,
  path: KeyPath,
  base: readonly T[],
  head: readonly T[],
  label = showPath(path),
): void {
  for (const item of removed(base, head)) report(path, `${label}: removed ${quote(item)}`);
}

/** Reports a limit raised (`maxLines: 150 → 400`); lowering it tightens. */
export function reportRaised(report: Report, path: KeyPath, base: number, head: number): void {
  if (head > base) report(path, `${showPath(path)}: raised from ${base} to ${head}`);
}

/** Reports each key of a record (`paths`, `frontmatter`, contract `layers`) that the change removed. */
export function removedKeys(
  base: Readonly<Record<string, unknown>>,
  head: Readonly<Record<string, unknown>>,
): string[] {
  return Object.keys(base).filter((key) => !Object.hasOwn(head, key));
}
