// Folder names that mean a layer, mapped to the canonical order of the config's
// layers section (types → config → repo → service → runtime → ui). Only names
// teams commonly use for one layer are listed; ambiguous ones (core, lib) are not.
import { defaultLayerOrder } from 'agent-harness-config';

export type CanonicalLayer = (typeof defaultLayerOrder)[number];

const synonyms: Record<CanonicalLayer, readonly string[]> = {
  types: [
    'types',
    'type',
    'model',
    'models',
    'entities',
    'entity',
    'schema',
    'schemas',
    'contracts',
    'dto',
    'dtos',
    'interfaces',
  ],
  config: ['config', 'configs', 'configuration', 'settings', 'constants'],
  repo: [
    'repo',
    'repos',
    'repository',
    'repositories',
    'data',
    'db',
    'dal',
    'persistence',
    'store',
    'stores',
    'storage',
    'adapters',
  ],
  service: ['service', 'services', 'usecases', 'use-cases', 'application', 'logic'],
  runtime: [
    'runtime',
    'api',
    'routes',
    'controllers',
    'handlers',
    'server',
    'jobs',
    'workers',
    'http',
    'cli',
    'commands',
  ],
  ui: ['ui', 'components', 'views', 'pages', 'screens', 'widgets', 'hooks', 'frontend', 'web', 'app'],
};

const rankByName = new Map<string, number>();
for (const [index, layer] of defaultLayerOrder.entries()) {
  for (const name of synonyms[layer]) rankByName.set(name, index);
}

/** The canonical layer a folder name stands for, or undefined. */
export function canonicalLayerOf(folderName: string): CanonicalLayer | undefined {
  const rank = rankByName.get(folderName.toLowerCase());
  return rank === undefined ? undefined : defaultLayerOrder[rank];
}

/** Position in the canonical order (0 = types); Infinity for an unknown name. */
export function canonicalRank(folderName: string): number {
  return rankByName.get(folderName.toLowerCase()) ?? Number.POSITIVE_INFINITY;
}
