// A layers config that selects nothing is a config error, not a green check: a glob defining a
// domain or a layer that matches no file (a typo, a moved folder), and an `ignore` that leaves no
// file to check. `ignore` globs that match nothing, and the other lists, are fine: precautions.
import type { LayersConfig } from '@harness/config';
import { HarnessError } from '@harness/diagnostics';
import picomatch from 'picomatch';
import { createFolderMatcher } from './layer-model.js';

const configFile = 'harness.config.yaml';

export function checkConfigGlobs(config: LayersConfig, sources: readonly string[], ignoredSources: number): void {
  if (sources.length === 0 && ignoredSources > 0) {
    throw new HarnessError('CONFIG_INVALID', `layers.ignore leaves no file to check: it matches all ${ignoredSources} source file(s)`, {
      place: { file: configFile, key: 'layers.ignore' },
      fix: 'Narrow layers.ignore to the files that should not be checked (`src/*` ignores everything under src/; `src/generated/**` only that folder).',
    });
  }
  // With no source file at all (a new repository) there is nothing a glob could match yet.
  if (sources.length === 0) return;
  const folders = new Set<string>();
  for (const file of sources) for (let i = file.indexOf('/'); i !== -1; i = file.indexOf('/', i + 1)) folders.add(file.slice(0, i));
  config.domains.forEach((glob, index) => {
    const matches = picomatch(glob.replace(/\/+$/, ''));
    if (![...folders].some((folder) => matches(folder))) throw emptyGlob(`layers.domains[${index}]`, glob, 'folder');
  });
  for (const [layer, globs] of Object.entries(config.paths)) {
    globs.forEach((glob, index) => {
      const matches = createFolderMatcher([glob]);
      if (!sources.some((file) => matches(file))) throw emptyGlob(`layers.paths.${layer}[${index}]`, glob, 'file');
    });
  }
}

function emptyGlob(key: string, glob: string, what: 'file' | 'folder'): HarnessError {
  return new HarnessError('CONFIG_INVALID', `${key} "${glob}" matches no ${what} with source files to check`, {
    place: { file: configFile, key },
    fix: `Correct the glob (paths are relative to the repository root, like src/domains/*), or remove it; files listed in layers.ignore do not count.`,
  });
}
