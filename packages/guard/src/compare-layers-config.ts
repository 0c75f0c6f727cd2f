// The layers section of harness.config.yaml, key by key (docs/guard.md "What it compares"): what the
// change lets through that the base did not. Adding a glob to what is checked, or a package to what
// is restricted, tightens and is not reported.
import type { ContractConfig, LayersConfig } from 'agent-harness-config';
import type { KeyPath, Report } from './config-findings.js';
import { quote, removed, removedKeys, reportGrowth, reportShrink, showPath } from './config-findings.js';

export function compareLayersConfig(report: Report, base: LayersConfig, head: LayersConfig): void {
  compareOrder(report, ['layers', 'order'], base.order, head.order);
  compareGlobMap(report, ['layers', 'paths'], base.paths, head.paths);
  reportShrink(report, ['layers', 'domains'], base.domains, head.domains);
  reportGrowth(report, ['layers', 'ignore'], base.ignore, head.ignore);
  reportGrowth(report, ['layers', 'providers'], base.providers, head.providers);
  reportGrowth(report, ['layers', 'shared'], base.shared, head.shared);
  // crossCutting lists what only providers may import: removing an entry frees it for everyone.
  reportShrink(report, ['layers', 'crossCutting'], base.crossCutting, head.crossCutting);
  if (base.crossDomain === 'forbid' && head.crossDomain !== 'forbid')
    report(['layers', 'crossDomain'], `layers.crossDomain: forbid → ${head.crossDomain}`);
  comparePackages(report, base.packages, head.packages);
  reportGrowth(report, ['layers', 'allowTypeOnly'], base.allowTypeOnly, head.allowTypeOnly);
  reportGrowth(report, ['layers', 'suppressions', 'eslint'], base.suppressions.eslint, head.suppressions.eslint);
  if (base.baseline !== head.baseline)
    report(['layers', 'baseline'], `layers.baseline: moved from ${quote(base.baseline)} to ${quote(head.baseline)}`);
  compareContracts(report, base.contracts, head.contracts);
}

/** A layer removed from the order, or two layers swapped (the later one may now import the other). */
function compareOrder(report: Report, path: KeyPath, base: readonly string[], head: readonly string[]): void {
  for (const layer of removed(base, head)) report(path, `${showPath(path)}: removed ${quote(layer)}`);
  const common = base.filter((layer) => head.includes(layer));
  const inHead = head.filter((layer) => common.includes(layer));
  const moved = inHead.findIndex((layer, i) => layer !== common[i]);
  if (moved === -1) return;
  const layer = inHead[moved] ?? '';
  report([...path, head.indexOf(layer)], `${showPath(path)}: ${quote(layer)} moved (was ${common.join(' → ')})`);
}

/** Layer name → globs: a layer removed, or a glob removed or rewritten (files leave the layer's rules). */
function compareGlobMap(
  report: Report,
  path: KeyPath,
  base: Readonly<Record<string, readonly string[]>>,
  head: Readonly<Record<string, readonly string[]>>,
  label = showPath(path),
): void {
  for (const key of removedKeys(base, head)) report(path, `${label}.${key}: removed`);
  for (const [key, globs] of Object.entries(base)) {
    const now = head[key];
    if (now !== undefined) reportShrink(report, [...path, key], globs, now, `${label}.${key}`);
  }
}

/** packages: npm package → the layers that may import it. A layer more, or the package freed, loosens. */
function comparePackages(
  report: Report,
  base: Readonly<Record<string, readonly string[]>>,
  head: Readonly<Record<string, readonly string[]>>,
): void {
  const layersOf = (map: Readonly<Record<string, readonly string[]>>, pkg: string): string[] =>
    Object.entries(map).flatMap(([layer, pkgs]) => (pkgs.includes(pkg) ? [layer] : []));
  const restricted = [...new Set(Object.values(base).flat())];
  for (const pkg of restricted) {
    const before = layersOf(base, pkg);
    const after = layersOf(head, pkg);
    if (after.length === 0) {
      report(['layers', 'packages'], `layers.packages: ${quote(pkg)} no longer restricted to ${before.join(', ')}`);
      continue;
    }
    for (const layer of after.filter((l) => !before.includes(l)))
      report(['layers', 'packages', layer], `layers.packages.${layer}: added ${quote(pkg)}`);
  }
}

function compareContracts(report: Report, base: readonly ContractConfig[], head: readonly ContractConfig[]): void {
  for (const contract of base) {
    const index = head.findIndex((c) => c.name === contract.name);
    const now = head[index];
    const path: KeyPath = ['layers', 'contracts', index === -1 ? head.length : index];
    const name = `layers.contracts.${contract.name}`;
    if (now === undefined) {
      report(['layers', 'contracts'], `${name}: removed`);
      continue;
    }
    if (now.type !== contract.type) {
      report([...path, 'type'], `${name}: type ${contract.type} → ${now.type}`);
      continue;
    }
    compareContract(report, path, name, contract, now);
  }
}

function compareContract(
  report: Report,
  path: KeyPath,
  name: string,
  base: ContractConfig,
  head: ContractConfig,
): void {
  const key = (part: string): [KeyPath, string] => [[...path, part], `${name}.${part}`];
  const [layersAt, layersLabel] = key('layers');
  if (base.layers !== undefined) compareGlobMap(report, layersAt, base.layers, head.layers ?? {}, layersLabel);
  for (const part of ['segments', 'from', 'to', 'modules'] as const) {
    const [at, label] = key(part);
    reportShrink(report, at, base[part] ?? [], head[part] ?? [], label);
  }
  compareAllow(report, path, name, base, head);
  const [exceptAt, exceptLabel] = key('except');
  reportGrowth(report, exceptAt, base.except, head.except, exceptLabel);
  if (!base.allowTypeOnly && head.allowTypeOnly)
    report([...path, 'allowTypeOnly'], `${name}.allowTypeOnly: false → true`);
}

/** What each layer may import: `allow` as written, or forward-only (the layers before it) without one. */
function allowed(contract: ContractConfig): Map<string, string[]> {
  const order = contract.layers !== undefined ? Object.keys(contract.layers) : (contract.segments ?? []);
  return new Map(
    order.map((layer, i) => [layer, contract.allow?.[layer] ?? (contract.allow ? [] : order.slice(0, i))]),
  );
}

function compareAllow(report: Report, path: KeyPath, name: string, base: ContractConfig, head: ContractConfig): void {
  const before = allowed(base);
  for (const [layer, targets] of allowed(head)) {
    const was = before.get(layer);
    if (was === undefined) continue;
    for (const target of targets.filter((t) => !was.includes(t) && t !== layer))
      report([...path, 'allow', layer], `${name}.allow.${layer}: may now import ${quote(target)}`);
  }
}
