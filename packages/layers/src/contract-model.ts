// `layers.contracts` compiled into judges of one import edge each (docs/layers.md,
// "Contracts"): a `layers` contract (layer globs or folder segments, forward-only
// or an `allow` DAG), a `forbidden` contract (from → to), an `independent` contract (modules that
// may not import each other). Every contract sees every edge of the one graph; `except` edges and,
// with allowTypeOnly, type-only imports are not judged.
import type { ContractConfig } from 'agent-harness-config';
import { closestWord, HarnessError } from 'agent-harness-diagnostics';
import picomatch from 'picomatch';
import { createFolderMatcher } from './create-folder-matcher.js';
import type { CompiledContract, ContractEdge, RuleVerdict } from './layers-types.js';
import { describeForbidden, describeIndependent, describeLayerContract } from './rules/contract.js';

export function compileContracts(contracts: readonly ContractConfig[]): CompiledContract[] {
  const seen = new Set<string>();
  return contracts.map((contract, index) => {
    if (seen.has(contract.name)) {
      throw new HarnessError(
        'CONFIG_INVALID',
        `layers.contracts[${index}] repeats the contract name "${contract.name}"`,
        {
          place: { file: 'harness.config.yaml', key: `layers.contracts.${index}.name` },
          fix: 'Give every contract its own name: findings and the baseline name the contract.',
        },
      );
    }
    seen.add(contract.name);
    const finders = compileFinders(contract);
    const judge = compileJudge(contract, index);
    const excepted = compileExcept(contract);
    const groups = compileGroups(contract, finders);
    const judgeGroups: CompiledContract['judgeGroups'] = (edge, from, to) => {
      if (edge.typeOnly && contract.allowTypeOnly) return undefined;
      const verdict = judge(edge, from, to);
      return verdict === undefined || excepted(edge) ? undefined : verdict;
    };
    return {
      name: contract.name,
      ...groups,
      judgeGroups,
      judge(edge) {
        const from = groups.groupOf(edge.from, 'from');
        const to = from === undefined ? undefined : groups.groupOf(edge.to, 'to');
        return to === undefined || from === undefined ? undefined : judgeGroups(edge, from, to);
      },
    };
  });
}

/** The memoized path questions of one contract, shared by its judge and its picture. */
interface Finders {
  isFrom: (path: string) => boolean;
  isTo: (path: string) => boolean;
  moduleOf: (path: string) => string | undefined;
  layerOf: (path: string) => string | undefined;
}

function compileFinders(contract: ContractConfig): Finders {
  const never = (): undefined => undefined;
  return {
    isFrom: contract.type === 'forbidden' ? memo(createFolderMatcher(contract.from ?? [])) : () => false,
    isTo: contract.type === 'forbidden' ? memo(createTargetMatcher(contract.to ?? [])) : () => false,
    moduleOf: contract.type === 'independent' ? memo(createModuleFinder(contract.modules ?? [])) : never,
    layerOf:
      contract.type !== 'layers'
        ? never
        : memo(
            contract.segments === undefined
              ? createLayerFinder(contract.layers ?? {})
              : createSegmentFinder(contract.segments),
          ),
  };
}

/** The verdict on an edge whose ends are in groups of the contract (compileGroups: `from` and `to`). */
function compileJudge(
  contract: ContractConfig,
  index: number,
): (edge: ContractEdge, from: string, to: string) => RuleVerdict | undefined {
  if (contract.type === 'forbidden') return (edge) => describeForbidden(contract, edge);
  if (contract.type === 'independent') {
    return (edge, from, to) => (to === from ? undefined : describeIndependent(contract, edge, from, to));
  }
  const names = contract.segments ?? Object.keys(contract.layers ?? {});
  const allowed = allowedImports(contract, names, index);
  return (edge, from, to) => {
    if (from === to) return undefined;
    const mayImport = allowed.get(from) ?? [];
    return mayImport.includes(to)
      ? undefined
      : describeLayerContract(contract, edge, {
          from,
          to,
          mayImport,
          forwardOnly: contract.allow === undefined,
          order: names,
        });
  };
}

function compileGroups(
  contract: ContractConfig,
  { isFrom, isTo, moduleOf, layerOf }: Finders,
): Pick<CompiledContract, 'groups' | 'groupOf'> {
  if (contract.type === 'forbidden') {
    const groups = [`from: ${(contract.from ?? []).join(', ')}`, `to: ${(contract.to ?? []).join(', ')}`] as const;
    return {
      groups,
      groupOf: (path, role) =>
        role === 'from' ? (isFrom(path) ? groups[0] : undefined) : isTo(path) ? groups[1] : undefined,
    };
  }
  if (contract.type === 'independent') return { groups: [], groupOf: (path) => moduleOf(path) };
  return { groups: contract.segments ?? Object.keys(contract.layers ?? {}), groupOf: (path) => layerOf(path) };
}

/** What each layer may import besides itself: the `allow` DAG, or the layers written before it. */
function allowedImports(
  contract: ContractConfig,
  names: readonly string[],
  index: number,
): Map<string, readonly string[]> {
  const allowed = new Map<string, readonly string[]>();
  if (contract.allow === undefined) {
    names.forEach((name, i) => allowed.set(name, names.slice(0, i)));
    return allowed;
  }
  for (const [layer, targets] of Object.entries(contract.allow)) {
    for (const [key, name] of [
      [`allow.${layer}`, layer],
      ...targets.map((t, i) => [`allow.${layer}.${i}`, t] as const),
    ] as const) {
      if (names.includes(name)) continue;
      const guess = closestWord(names, name);
      throw new HarnessError(
        'CONFIG_INVALID',
        `layers.contracts[${index}] (${contract.name}): ${key} names "${name}", which is not one of its layers${guess === undefined ? '' : `: did you mean "${guess}"?`}`,
        {
          place: { file: 'harness.config.yaml', key: `layers.contracts.${index}.${key}` },
          fix: `Use the contract's layers (${names.join(', ')}).`,
        },
      );
    }
    allowed.set(layer, targets);
  }
  return allowed;
}

function compileExcept(contract: ContractConfig): (edge: ContractEdge) => boolean {
  const rules = contract.except.map((e) => ({
    from: e.from === undefined ? () => true : memo(createFolderMatcher(e.from)),
    to: e.to === undefined ? () => true : memo(createTargetMatcher(e.to)),
  }));
  return (edge) => rules.some((r) => r.from(edge.from) && r.to(edge.to));
}

/** Path globs match a file or one of its folders; `npm:` globs match package targets. */
function createTargetMatcher(patterns: readonly string[]): (target: string) => boolean {
  const paths = createFolderMatcher(patterns.filter((p) => !p.startsWith('npm:')));
  const packageGlobs = patterns.filter((p) => p.startsWith('npm:')).map((p) => p.slice(4));
  const packages = packageGlobs.length === 0 ? () => false : picomatch(packageGlobs);
  return (target) => (target.startsWith('npm:') ? packages(target.slice(4)) : paths(target));
}

/** A `layers` map: the first layer (in written order) one of whose globs matches the file. */
function createLayerFinder(layers: Readonly<Record<string, readonly string[]>>): (file: string) => string | undefined {
  const matchers = Object.entries(layers).map(([name, globs]) => ({ name, matches: createFolderMatcher(globs) }));
  return (file) => (file.startsWith('npm:') ? undefined : matchers.find((m) => m.matches(file))?.name);
}

/** `segments`: the last folder of the path that names a layer (src/base/common/worker/x.ts → common). */
function createSegmentFinder(segments: readonly string[]): (file: string) => string | undefined {
  const names = new Set(segments);
  return (file) => {
    if (file.startsWith('npm:')) return undefined;
    const folders = file.split('/');
    for (let i = folders.length - 2; i >= 0; i--) if (names.has(folders[i] ?? '')) return folders[i];
    return undefined;
  };
}

/**
 * `modules`: the outermost folder of the path that a module glob matches, else the file itself when
 * the glob matches it (`src/commands/*` makes each command file a module).
 */
function createModuleFinder(globs: readonly string[]): (file: string) => string | undefined {
  const matches = picomatch(globs.map((g) => g.replace(/\/+$/, '')));
  return (file) => {
    if (file.startsWith('npm:')) return undefined;
    for (let i = file.indexOf('/'); i !== -1; i = file.indexOf('/', i + 1))
      if (matches(file.slice(0, i))) return file.slice(0, i);
    return matches(file) ? file : undefined;
  };
}

function memo<T>(fn: (path: string) => T): (path: string) => T {
  const cache = new Map<string, T>();
  return (path) => {
    const hit = cache.get(path);
    if (hit !== undefined || cache.has(path)) return hit as T;
    const value = fn(path);
    cache.set(path, value);
    return value;
  };
}
