// Reading rules out of an ESLint flat config (https://eslint.org/docs/latest/use/configure/configuration-files):
// an array (possibly nested) of objects with `files`, `ignores`, `settings`, `rules`.
import { isRecord, stringList } from './migration.js';

export interface FlatBlock {
  files: string[] | undefined;
  ignores: string[];
  settings: Record<string, unknown>;
  rules: Record<string, unknown>;
}

/** The config objects in order; a non-array default export is one block. */
export function flatBlocks(config: unknown): FlatBlock[] {
  const list = Array.isArray(config) ? (config.flat(Infinity) as unknown[]) : [config];
  return list.filter(isRecord).map((block) => ({
    files: stringList(Array.isArray(block.files) ? block.files.flat(Infinity) : block.files)?.map(stripDotSlash),
    ignores: (stringList(block.ignores) ?? []).map(stripDotSlash),
    settings: isRecord(block.settings) ? block.settings : {},
    rules: isRecord(block.rules) ? block.rules : {},
  }));
}

/** A rule's severity and options: `'error'`, `2`, `['error', {...}]`. */
export function ruleEntry(value: unknown): { on: boolean; options: unknown[] } | undefined {
  if (value === undefined) return undefined;
  const [severity, ...options]: unknown[] = Array.isArray(value) ? (value as unknown[]) : [value];
  return { on: severity !== 'off' && severity !== 0, options };
}

export function stripDotSlash(path: string): string {
  return path.replace(/^(!?)\.\//, '$1');
}

/** Where a rule is switched off again for some files: those files are not judged. */
export function offFiles(blocks: readonly FlatBlock[], rule: string, after: number): string[] {
  return blocks
    .slice(after + 1)
    .flatMap((block) => (ruleEntry(block.rules[rule])?.on === false ? (block.files ?? []) : []));
}
