// eslint-plugin-import's `import/no-restricted-paths` zones as `type: forbidden` contracts
// (https://github.com/import-js/eslint-plugin-import/blob/main/docs/rules/no-restricted-paths.md):
// files in `target` may not import from `from`, except `except` (paths inside `from`).
// A plain path is a folder or a file, as a harness glob without wildcards is.
import type { FlatBlock } from './flat-config.js';
import { offFiles, ruleEntry, stripDotSlash } from './flat-config.js';
import type { ContractExcept, ContractProposal, Migration } from './migration.js';
import { isRecord, stringList } from './migration.js';

const restrictedPathsRule = 'import/no-restricted-paths';

export function migrateRestrictedPaths(blocks: readonly FlatBlock[], file: string): Migration {
  const migration: Migration = { source: 'eslint-plugin-import', file, contracts: [], unmapped: [], notes: [] };
  blocks.forEach((block, index) => {
    const entry = ruleEntry(block.rules[restrictedPathsRule]);
    if (entry?.on !== true) return;
    const options = isRecord(entry.options[0]) ? entry.options[0] : {};
    const zones = Array.isArray(options.zones) ? options.zones : [];
    if (options.basePath !== undefined) {
      migration.unmapped.push({
        rule: `${restrictedPathsRule} (block ${index + 1})`,
        reason:
          '`basePath` is set: zone paths are relative to it; write the contracts by hand from the repository root',
      });
      return;
    }
    const skip: ContractExcept[] = [
      ...(block.ignores.length > 0 ? [{ from: block.ignores }] : []),
      ...offFromAfter(blocks, index),
    ];
    if (block.files !== undefined)
      migration.notes.push(
        `${restrictedPathsRule} applies in ESLint to ${block.files.join(', ')}; a contract judges every source file the layers check reads`,
      );
    zones.forEach((zone: unknown, z) => {
      const label = `zones[${z}]${isRecord(zone) && typeof zone.target === 'string' ? ` (target ${zone.target})` : ''}`;
      const mapped = mapZone(
        zone,
        `restricted-paths-${migration.contracts.length + migration.unmapped.length + 1}`,
        skip,
      );
      if (typeof mapped === 'string') migration.unmapped.push({ rule: label, reason: mapped });
      else migration.contracts.push(mapped);
    });
  });
  if (!blocks.some((b) => ruleEntry(b.rules[restrictedPathsRule])?.on === true))
    migration.notes.push(`no ${restrictedPathsRule} rule is switched on`);
  return migration;
}

function offFromAfter(blocks: readonly FlatBlock[], index: number): ContractExcept[] {
  const files = offFiles(blocks, restrictedPathsRule, index);
  return files.length > 0 ? [{ from: files }] : [];
}

function mapZone(zone: unknown, name: string, skip: readonly ContractExcept[]): ContractProposal | string {
  if (!isRecord(zone)) return 'not a zone object';
  const target = stringList(zone.target);
  const from = stringList(zone.from);
  if (target === undefined || from === undefined)
    return 'a zone needs `target` and `from` (a path, a glob, or a list of them)';
  const targets = split(target);
  const froms = split(from);
  if (targets.yes.length === 0 || froms.yes.length === 0) return '`target` or `from` holds only negations';
  const except: ContractExcept[] = [
    ...(targets.not.length > 0 ? [{ from: targets.not }] : []),
    ...(froms.not.length > 0 ? [{ to: froms.not }] : []),
  ];
  const zoneExcept = stringList(zone.except) ?? [];
  if (zoneExcept.length > 0) {
    const [only] = froms.yes;
    const base = froms.yes.length === 1 && only !== undefined && !isGlob(only) ? only : undefined;
    except.push({
      to: zoneExcept.map((e) => (base === undefined || isGlob(e) ? asGlob(e) : joinPath(base, stripDotSlash(e)))),
    });
  }
  except.push(...skip);
  return { name, type: 'forbidden', from: targets.yes, to: froms.yes, ...(except.length > 0 ? { except } : {}) };
}

function split(paths: readonly string[]): { yes: string[]; not: string[] } {
  const yes: string[] = [];
  const not: string[] = [];
  for (const path of paths) (path.startsWith('!') ? not : yes).push(asGlob(path.replace(/^!/, '')));
  return { yes, not };
}

/** `./src/util/` → `src/util`; `.` → `**`. */
function asGlob(path: string): string {
  const plain = stripDotSlash(path).replace(/\/+$/, '');
  return plain === '' || plain === '.' ? '**' : plain;
}

function joinPath(base: string, rest: string): string {
  return `${base}/${rest.replace(/\/+$/, '')}`.replace(/\/\.?$/, '');
}

function isGlob(path: string): boolean {
  return /[*?[\]{}!]/.test(path);
}
