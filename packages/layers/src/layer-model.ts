// The `layers` config section turned into questions about paths: which domain and layer a file
// is in, whether it is a provider, shared or cross-cutting, which layers may import a package.
import type { LayersConfig } from 'agent-harness-config';
import { closestWord, HarnessError } from 'agent-harness-diagnostics';
import picomatch from 'picomatch';
import { compileContracts } from './contract-model.js';
import { ancestorFolders, createFolderMatcher } from './create-folder-matcher.js';
import type { FileClass, LayerModel } from './layers-types.js';
import { checkAllowTypeOnly } from './rules/layer-rule-ids.js';

const entryFile = /^index\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

export function createLayerModel(config: LayersConfig): LayerModel {
  checkLayerNames(config);
  checkAllowTypeOnly(config.allowTypeOnly);
  // `npm:<package>` names packages; `node:<module>` names builtins; anything else is a path glob.
  const packageCrossCutting = config.crossCutting
    .filter((p) => p.startsWith('npm:') || p.startsWith('node:'))
    .map((p) => (p.startsWith('npm:') ? p.slice(4) : p));
  const isCrossCuttingPackage = picomatch(packageCrossCutting.length > 0 ? packageCrossCutting : ['\0never']);
  const packageRules = Object.entries(config.packages).map(([layer, names]) => ({ layer, matches: picomatch(names) }));
  return {
    order: config.order,
    crossDomain: config.crossDomain,
    providers: config.providers,
    shared: config.shared,
    allowTypeOnly: new Set(config.allowTypeOnly),
    contracts: compileContracts(config.contracts),
    classify: createClassifier(config),
    isCrossCuttingPackage: (name) => isCrossCuttingPackage(name),
    layersForPackage(name) {
      const layers = packageRules.filter((rule) => rule.matches(name)).map((rule) => rule.layer);
      return layers.length > 0 ? layers : undefined;
    },
  };
}

function createClassifier(config: LayersConfig): (file: string) => FileClass {
  const isDomainDir = picomatch(config.domains.length > 0 ? config.domains : ['\0never']);
  const pathLayers = config.order
    .filter((layer) => (config.paths[layer] ?? []).length > 0)
    .map((layer) => ({ layer, matches: createFolderMatcher(config.paths[layer] ?? []) }));
  const isProvider = createFolderMatcher(config.providers);
  const isShared = createFolderMatcher(config.shared);
  const isCrossCuttingModule = createFolderMatcher(
    config.crossCutting.filter((p) => !p.startsWith('npm:') && !p.startsWith('node:')),
  );
  const domainCache = new Map<string, string | null>();
  const domainOf = (file: string): string | undefined => {
    for (const dir of ancestorFolders(file)) {
      let cached = domainCache.get(dir);
      if (cached === undefined) {
        cached = isDomainDir(dir) ? dir : null;
        domainCache.set(dir, cached);
      }
      if (cached !== null) return cached;
    }
    return undefined;
  };
  return (file) => {
    const result: FileClass = {
      entry: false,
      provider: isProvider(file),
      shared: isShared(file),
      crossCutting: isCrossCuttingModule(file),
    };
    const domain = domainOf(file);
    if (domain !== undefined) {
      result.domain = domain;
      const inner = file.slice(domain.length + 1);
      const slash = inner.indexOf('/');
      if (slash === -1) result.entry = entryFile.test(inner);
      else if (config.order.includes(inner.slice(0, slash))) result.layer = inner.slice(0, slash);
    } else {
      const pathLayer = pathLayers.find((p) => p.matches(file));
      if (pathLayer !== undefined) result.layer = pathLayer.layer;
    }
    return result;
  };
}

function checkLayerNames(config: LayersConfig): void {
  for (const [key, names] of [
    ['paths', Object.keys(config.paths)],
    ['packages', Object.keys(config.packages)],
  ] as const) {
    for (const name of names) {
      if (config.order.includes(name)) continue;
      const guess = closestWord(config.order, name);
      throw new HarnessError(
        'CONFIG_INVALID',
        `layers.${key}.${name} names a layer that is not in layers.order${guess === undefined ? '' : `: did you mean "${guess}"?`}`,
        {
          place: { file: 'harness.config.yaml', key: `layers.${key}.${name}` },
          fix: `Use one of the layers in layers.order (${config.order.join(', ')}), or add "${name}" to layers.order.`,
        },
      );
    }
  }
}
