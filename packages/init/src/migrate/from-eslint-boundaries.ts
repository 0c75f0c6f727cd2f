// eslint-plugin-boundaries as contracts (https://github.com/javierbrea/eslint-plugin-boundaries):
// `boundaries/elements` (type + micromatch pattern) become layers, and the
// `boundaries/element-types` (v5: `boundaries/dependencies`) rule becomes
// a `type: layers` contract with an `allow` DAG under `default: disallow`,
// or one `type: forbidden` contract per `disallow` rule under `default: allow`.
import picomatch from 'picomatch';
import type { FlatBlock } from './flat-config.js';
import { ruleEntry } from './flat-config.js';
import type { ContractProposal, Migration } from './migration.js';
import { contractName, isRecord, stringList } from './migration.js';

const ruleNames = ['boundaries/element-types', 'boundaries/dependencies'];

export function migrateBoundaries(blocks: readonly FlatBlock[], file: string): Migration {
  const migration: Migration = { source: 'eslint-plugin-boundaries', file, contracts: [], unmapped: [], notes: [] };
  const elements = blocks.map((b) => b.settings['boundaries/elements']).findLast((e) => e !== undefined);
  const layers = readElements(elements, migration);
  const rules = blocks
    .flatMap((b) => ruleNames.map((name) => ({ name, entry: ruleEntry(b.rules[name]) })))
    .filter((r) => r.entry !== undefined);
  const last = rules.at(-1);
  if (last === undefined || last.entry?.on !== true) {
    migration.notes.push(`no ${ruleNames.join(' or ')} rule is switched on`);
    return migration;
  }
  const options = isRecord(last.entry.options[0]) ? last.entry.options[0] : {};
  const list = Array.isArray(options.rules) ? (options.rules as unknown[]) : [];
  if (options.default === 'disallow') migration.contracts.push(...allowContract(layers, list, last.name, migration));
  else migration.contracts.push(...forbiddenContracts(layers, list, last.name, migration));
  return migration;
}

/** Element type → globs, in the order the elements are declared. */
function readElements(elements: unknown, migration: Migration): Map<string, string[]> {
  const layers = new Map<string, string[]>();
  (Array.isArray(elements) ? elements : []).forEach((element: unknown, index) => {
    const patterns = isRecord(element) ? stringList(element.pattern) : undefined;
    if (!isRecord(element) || typeof element.type !== 'string' || patterns === undefined) {
      migration.unmapped.push({
        rule: `boundaries/elements[${index}]`,
        reason: 'an element needs `type` and `pattern`',
      });
      return;
    }
    const globs = patterns.map((p) => elementGlob(p, element.mode, element.basePattern));
    layers.set(element.type, [...(layers.get(element.type) ?? []), ...globs]);
  });
  return layers;
}

/** folder and file modes match the end of a path (`**\/` in front); full mode the whole path. */
function elementGlob(pattern: string, mode: unknown, basePattern: unknown): string {
  const plain = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
  if (mode === 'full') return plain;
  if (typeof basePattern === 'string') return `${basePattern.replace(/\/+$/, '')}/**/${plain}`;
  return plain.startsWith('**/') ? plain : `**/${plain}`;
}

function allowContract(
  layers: Map<string, string[]>,
  rules: readonly unknown[],
  ruleName: string,
  migration: Migration,
): ContractProposal[] {
  if (layers.size === 0) {
    migration.unmapped.push({
      rule: ruleName,
      reason: 'no `boundaries/elements` setting: there are no element types to make layers of',
    });
    return [];
  }
  const allow = new Map<string, Set<string>>();
  rules.forEach((rule, index) => {
    const label = `${ruleName} rules[${index}]`;
    const read = readRule(rule, layers);
    if (typeof read === 'string') return migration.unmapped.push({ rule: label, reason: read });
    if (read.disallow !== undefined)
      return migration.unmapped.push({
        rule: label,
        reason:
          '`disallow` under `default: disallow` narrows an `allow` by captured values or order; an `allow` DAG has no such step',
      });
    for (const from of read.from)
      for (const to of read.allow ?? []) if (to !== from) allow.set(from, (allow.get(from) ?? new Set()).add(to));
    return undefined;
  });
  // A pattern with a wildcard matches many elements of one type; boundaries judges imports between them.
  const many = [...layers.entries()]
    .filter(([, globs]) => globs.some((g) => g.replace(/^\*\*\//, '').includes('*')))
    .map(([type]) => type);
  const selfless = many.filter((type) => !rules.some((r) => allowsItself(readRule(r, layers), type)));
  if (selfless.length > 0)
    migration.notes.push(
      `boundaries also judges imports between two elements of one type; a harness layer may import itself (types not allowed to import their own type: ${selfless.join(', ')}): add a \`type: independent\` contract where that matters`,
    );
  const contract: ContractProposal = {
    name: 'boundaries',
    type: 'layers',
    layers: Object.fromEntries(layers),
    allow: Object.fromEntries(
      [...layers.keys()].filter((t) => allow.has(t)).map((t) => [t, [...(allow.get(t) ?? [])]]),
    ),
  };
  return [contract];
}

function allowsItself(read: ReadRule | string, type: string): boolean {
  return typeof read !== 'string' && read.from.includes(type) && (read.allow ?? []).includes(type);
}

function forbiddenContracts(
  layers: Map<string, string[]>,
  rules: readonly unknown[],
  ruleName: string,
  migration: Migration,
): ContractProposal[] {
  const contracts: ContractProposal[] = [];
  const taken = new Set<string>();
  rules.forEach((rule, index) => {
    const label = `${ruleName} rules[${index}]`;
    const read = readRule(rule, layers);
    if (typeof read === 'string') return migration.unmapped.push({ rule: label, reason: read });
    if (read.disallow === undefined)
      return migration.unmapped.push({
        rule: label,
        reason: '`allow` under `default: allow` only undoes an earlier `disallow`; not carried over',
      });
    const globsOf = (types: readonly string[]) => types.flatMap((t) => layers.get(t) ?? []);
    contracts.push({
      name: contractName(`${read.from.join('-')}-not-to-${read.disallow.join('-')}`, taken),
      type: 'forbidden',
      from: globsOf(read.from),
      to: globsOf(read.disallow),
    });
    return undefined;
  });
  return contracts;
}

interface ReadRule {
  from: string[];
  allow: string[] | undefined;
  disallow: string[] | undefined;
}

/** A rule with plain element-type matchers (micromatch patterns over type names); captures and import kinds are refused. */
function readRule(rule: unknown, layers: Map<string, string[]>): ReadRule | string {
  if (!isRecord(rule)) return 'not a rule object';
  if (rule.importKind !== undefined)
    return '`importKind`: a contract judges every kind of import (see `allowTypeOnly`)';
  const from = types(rule.from ?? rule.target, layers);
  const allow = rule.allow === undefined ? undefined : types(rule.allow, layers);
  const disallow = rule.disallow === undefined ? undefined : types(rule.disallow, layers);
  for (const side of [from, allow, disallow]) if (typeof side === 'string') return side;
  return { from: from as string[], allow: allow as string[] | undefined, disallow: disallow as string[] | undefined };
}

function types(matchers: unknown, layers: Map<string, string[]>): string[] | string {
  const list = stringList(matchers);
  if (list === undefined) return 'an element matcher with captured values (`[type, { … }]`) has no contract equivalent';
  const known = [...layers.keys()];
  const out = list.flatMap((m) => known.filter((type) => picomatch(m)(type)));
  if (out.length === 0) return `\`${list.join(', ')}\` names no element type in \`boundaries/elements\``;
  return [...new Set(out)];
}
