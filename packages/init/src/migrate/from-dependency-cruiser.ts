// dependency-cruiser's `forbidden` rules as `type: forbidden` contracts
// (https://github.com/sverweij/dependency-cruiser/blob/main/doc/rules-reference.md).
// A rule maps when it speaks of imports between repository files by path:
// `from`/`to` with `path`/`pathNot`. `pathNot` becomes an `except` edge.
// Everything else (cycles, orphans, reachability, npm or core dependencies,
// license, instability, `$1` group matching) is reported rule by rule.
import type { ContractExcept, ContractProposal, Migration, UnmappedRule } from './migration.js';
import { contractName, isRecord, stringList } from './migration.js';
import { regexToGlobs } from './regex-to-globs.js';

/** dependencyTypes that name an import between repository files, however it was resolved. */
const localTypes = new Set([
  'local',
  'localmodule',
  'aliased',
  'aliased-subpath-import',
  'aliased-tsconfig',
  'aliased-tsconfig-base-url',
  'aliased-tsconfig-paths',
  'aliased-webpack',
  'aliased-workspace',
]);
const pathKeys = new Set(['path', 'pathNot']);
const toKeys = new Set([...pathKeys, 'dependencyTypes', 'dependencyTypesNot']);

type Mapped = { contract: ContractProposal; note?: string } | { reason: string };

export function migrateDependencyCruiser(config: unknown, file: string): Migration {
  const migration: Migration = { source: 'dependency-cruiser', file, contracts: [], unmapped: [], notes: [] };
  const root = isRecord(config) ? config : {};
  const forbidden = Array.isArray(root.forbidden) ? root.forbidden : [];
  const taken = new Set<string>();
  forbidden.forEach((rule: unknown, index) => {
    const label = isRecord(rule) && typeof rule.name === 'string' ? rule.name : `forbidden[${index}]`;
    const mapped = mapRule(rule, contractName(label, taken));
    if ('reason' in mapped) migration.unmapped.push({ rule: label, reason: mapped.reason });
    else {
      migration.contracts.push(mapped.contract);
      if (mapped.note !== undefined) migration.notes.push(`${label}: ${mapped.note}`);
    }
  });
  migration.unmapped.push(...otherSections(root));
  if (forbidden.length === 0 && !Array.isArray(root.allowed) && !Array.isArray(root.required)) {
    migration.notes.push('no `forbidden` rules found (a config that only `extends` another is not followed)');
  } else if (root.extends !== undefined) {
    migration.notes.push('`extends` is not followed: rules of the extended config are not read');
  }
  return migration;
}

function mapRule(rule: unknown, name: string): Mapped {
  if (!isRecord(rule)) return { reason: 'not a rule object' };
  if (rule.severity === 'ignore') return { reason: 'severity `ignore`: the rule is switched off' };
  if (rule.scope === 'folder') return { reason: '`scope: folder` judges folders, not files' };
  const from = isRecord(rule.from) ? rule.from : {};
  const to = isRecord(rule.to) ? rule.to : {};
  const extra = [
    ...Object.keys(from)
      .filter((k) => !pathKeys.has(k))
      .map((k) => `from.${k}`),
    ...Object.keys(to)
      .filter((k) => !toKeys.has(k))
      .map((k) => `to.${k}`),
  ];
  if (extra.length > 0) return { reason: `${extra.map((k) => `\`${k}\``).join(', ')}: ${explainKey(extra[0] ?? '')}` };
  const types = dependencyTypesProblem(to);
  if (types !== undefined) return { reason: types };
  const sides = [side(from, 'from'), side(to, 'to')];
  for (const s of sides) if ('reason' in s) return { reason: s.reason + independentHint(from) };
  const [f, t] = sides as [SideGlobs, SideGlobs];
  if (t.globs.some((g) => g.includes('node_modules')))
    return {
      reason:
        'to.path names node_modules: contracts judge imports between repository files (`layers.packages` restricts npm packages by layer)',
    };
  const except: ContractExcept[] = [
    ...(f.not.length > 0 ? [{ from: f.not }] : []),
    ...(t.not.length > 0 ? [{ to: t.not }] : []),
  ];
  const contract: ContractProposal = {
    name,
    type: 'forbidden',
    from: f.globs,
    to: t.globs,
    ...(except.length > 0 ? { except } : {}),
  };
  const severity = typeof rule.severity === 'string' ? rule.severity : 'warn';
  return severity === 'error'
    ? { contract }
    : {
        contract,
        note: `severity \`${severity}\` in dependency-cruiser; a contract finding is an error (set \`rules: { layers/contract: warn }\` to keep it a warning)`,
      };
}

interface SideGlobs {
  globs: string[];
  not: string[];
}

function side(part: Record<string, unknown>, which: 'from' | 'to'): SideGlobs | { reason: string } {
  const paths = part.path === undefined ? ['^'] : stringList(part.path);
  const nots = part.pathNot === undefined ? [] : stringList(part.pathNot);
  if (paths === undefined || nots === undefined)
    return { reason: `${which}.path and ${which}.pathNot are regular expressions (strings)` };
  const globs = convert(paths, `${which}.path`);
  if ('reason' in globs) return globs;
  const not = convert(nots, `${which}.pathNot`);
  if ('reason' in not) return not;
  return { globs: part.path === undefined ? ['**'] : globs.globs, not: not.globs };
}

/** The documented `$1` shape, "each folder under P may import only itself": that is `type: independent`. */
function independentHint(from: Record<string, unknown>): string {
  const match = typeof from.path === 'string' ? /^\^([\w./-]+)\/\(\[\^\/\]\+\)\/?$/.exec(from.path) : null;
  if (match === null) return '';
  return `; if the folders under ${match[1] ?? ''}/ may not import each other, write a \`type: independent\` contract with \`modules: ["${match[1] ?? ''}/*"]\``;
}

function convert(regexes: readonly string[], key: string): { globs: string[] } | { reason: string } {
  const globs: string[] = [];
  for (const regex of regexes) {
    if (regex === '^' || regex === '') continue;
    const result = regexToGlobs(regex);
    if (!result.ok) return { reason: `${key} ${result.reason}` };
    globs.push(...result.globs);
  }
  return { globs };
}

function dependencyTypesProblem(to: Record<string, unknown>): string | undefined {
  const types = to.dependencyTypes === undefined ? undefined : stringList(to.dependencyTypes);
  const nots = to.dependencyTypesNot === undefined ? undefined : stringList(to.dependencyTypesNot);
  const other = (types ?? []).filter((t) => !localTypes.has(t));
  if (other.length > 0) return `to.dependencyTypes ${other.map((t) => `\`${t}\``).join(', ')}: ${typeReason(other)}`;
  const negatedLocal = (nots ?? []).filter((t) => localTypes.has(t) || (!t.startsWith('npm') && t !== 'core'));
  if (negatedLocal.length > 0)
    return `to.dependencyTypesNot ${negatedLocal.map((t) => `\`${t}\``).join(', ')}: a contract judges every import between repository files, whatever its kind`;
  return undefined;
}

function typeReason(types: readonly string[]): string {
  if (
    types.some(
      (t) => t.startsWith('npm') || t === 'core' || t === 'unknown' || t === 'undetermined' || t === 'deprecated',
    )
  ) {
    return 'rules about npm packages or Node built-ins are not contracts (`layers.packages` restricts npm packages by layer)';
  }
  return 'a contract judges every import between repository files, not only one kind of import';
}

function explainKey(key: string): string {
  const reasons: Record<string, string> = {
    'from.orphan': 'orphan detection is not a contract',
    'to.circular': 'cycle detection is not a contract',
    'to.reachable': 'reachability is not a contract (a contract judges direct imports)',
    'to.couldNotResolve': 'unresolvable imports are `layers/unresolved`, always on',
    'to.via': 'cycle paths are not a contract',
    'to.viaOnly': 'cycle paths are not a contract',
    'to.license': 'licenses are not a contract',
    'to.licenseNot': 'licenses are not a contract',
    'to.moreUnstable': 'instability metrics are not a contract',
    'to.dynamic': 'a contract judges every kind of import alike',
    'to.preCompilationOnly': 'a contract judges type-only imports unless `allowTypeOnly` (set it by hand)',
  };
  return reasons[key] ?? 'no contract equivalent';
}

/** `allowed` and `required` have no contract equivalent; each is one line of the report. */
function otherSections(root: Record<string, unknown>): UnmappedRule[] {
  const out: UnmappedRule[] = [];
  if (Array.isArray(root.allowed) && root.allowed.length > 0) {
    out.push({
      rule: `allowed (${root.allowed.length} rules)`,
      reason:
        'an allow-list over the whole graph has no contract equivalent; a `type: layers` contract with `allow` states a DAG between named layers',
    });
  }
  if (Array.isArray(root.required)) {
    for (const [index, rule] of root.required.entries()) {
      out.push({
        rule: isRecord(rule) && typeof rule.name === 'string' ? rule.name : `required[${index}]`,
        reason: '`required` rules (a module must import another) are not contracts',
      });
    }
  }
  return out;
}
