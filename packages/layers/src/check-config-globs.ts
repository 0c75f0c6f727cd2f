// A layers config that selects nothing is a config error, not a green check: a glob defining a
// domain or a layer that matches no file (a typo, a moved folder), and an `ignore` that leaves no
// file to check. `ignore` globs that match nothing, and the other lists, are fine: precautions.
import type { ContractConfig, LayersConfig } from 'agent-harness-config';
import { HarnessError } from 'agent-harness-diagnostics';
import picomatch from 'picomatch';

const configFile = 'harness.config.yaml';

/**
 * Throws for a glob that selects nothing (hands it to `unmatched` instead when given: judged by the
 * base's config, the change may have deleted the folder); returns notes for segments naming no folder.
 */
export function checkConfigGlobs(
  config: LayersConfig,
  sources: readonly string[],
  ignoredSources: number,
  unmatched?: (key: string, glob: string) => void,
): string[] {
  const emptyGlob = (key: string, glob: string, what: GlobKind): HarnessError | undefined => {
    if (unmatched === undefined) return emptyGlobError(key, glob, what);
    unmatched(key, glob);
    return undefined;
  };
  if (sources.length === 0 && ignoredSources > 0) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `layers.ignore leaves no file to check: it matches all ${ignoredSources} source file(s)`,
      {
        place: { file: configFile, key: 'layers.ignore' },
        fix: 'Narrow layers.ignore to the files that should not be checked (`src/*` ignores everything under src/; `src/generated/**` only that folder).',
      },
    );
  }
  // With no source file at all (a new repository) there is nothing a glob could match yet.
  if (sources.length === 0) return [];
  const folders = new Set<string>();
  for (const file of sources)
    for (let i = file.indexOf('/'); i !== -1; i = file.indexOf('/', i + 1)) folders.add(file.slice(0, i));
  config.domains.forEach((glob, index) => {
    const matches = picomatch(glob.replace(/\/+$/, ''));
    if (![...folders].some((folder) => matches(folder))) throwIf(emptyGlob(`layers.domains[${index}]`, glob, 'folder'));
  });
  for (const [layer, globs] of Object.entries(config.paths)) {
    globs.forEach((glob, index) => {
      if (!selectsFile(glob, sources, folders)) throwIf(emptyGlob(`layers.paths.${layer}[${index}]`, glob, 'file'));
    });
  }
  return config.contracts.flatMap((contract, index) =>
    checkContractGlobs(contract, `layers.contracts.${index}`, sources, folders, emptyGlob),
  );
}

/**
 * Every glob that defines a contract's layers, `from`, `to` or modules selects something (`except`
 * globs are precautions). Segments are names: an environment an ESLint config lists before any code
 * has it is a note, but a contract none of whose segments names a folder is an error.
 */
function checkContractGlobs(
  contract: ContractConfig,
  key: string,
  sources: readonly string[],
  folders: ReadonlySet<string>,
  emptyGlob: (key: string, glob: string, what: GlobKind) => HarnessError | undefined,
): string[] {
  const fileGlobs = (list: readonly string[] | undefined, at: string): void => {
    (list ?? []).forEach((glob, index) => {
      if (glob.startsWith('npm:')) return;
      if (!selectsFile(glob, sources, folders)) throwIf(emptyGlob(`${key}.${at}[${index}]`, glob, 'file'));
    });
  };
  for (const [layer, globs] of Object.entries(contract.layers ?? {})) fileGlobs(globs, `layers.${layer}`);
  fileGlobs(contract.from, 'from');
  fileGlobs(contract.to, 'to');
  // A module is a folder or a file (`src/commands/*`: each command file).
  (contract.modules ?? []).forEach((glob, index) => {
    const matches = picomatch(glob.replace(/\/+$/, ''));
    if (![...folders].some((folder) => matches(folder)) && !sources.some((file) => matches(file)))
      throwIf(emptyGlob(`${key}.modules[${index}]`, glob, 'folder or file'));
  });
  const names = new Set([...folders].map((folder) => folder.slice(folder.lastIndexOf('/') + 1)));
  const segments = contract.segments ?? [];
  const absent = segments.filter((segment) => !names.has(segment));
  if (absent.length > 0 && absent.length === segments.length) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `${key}.segments: none of ${segments.join(', ')} names a folder with source files to check`,
      {
        place: { file: configFile, key: `${key}.segments` },
        fix: 'A segment is a folder name (common, node), not a path or a glob; correct the names or remove the contract.',
      },
    );
  }
  return absent.length === 0
    ? []
    : [
        `layers: contract "${contract.name}": no folder is named ${absent.join(', ')} yet, so those layers have no files.`,
      ];
}

/**
 * Whether a folder glob (createFolderMatcher's kind) covers some source file: a file is covered when
 * it or one of its folders matches, and every folder in `folders` holds a source file, so the ~hundreds
 * of folders are asked first and each file only once, instead of every folder of every file per glob.
 */
function selectsFile(glob: string, sources: readonly string[], folders: ReadonlySet<string>): boolean {
  const matches = picomatch(glob.replace(/\/+$/, ''));
  for (const folder of folders) if (matches(folder)) return true;
  return sources.some((file) => matches(file));
}

type GlobKind = 'file' | 'folder' | 'folder or file';

function throwIf(error: HarnessError | undefined): void {
  if (error !== undefined) throw error;
}

function emptyGlobError(key: string, glob: string, what: GlobKind): HarnessError {
  return new HarnessError('CONFIG_INVALID', `${key} "${glob}" matches no ${what} with source files to check`, {
    place: { file: configFile, key },
    fix: `Correct the glob (paths are relative to the repository root, like src/domains/*), or remove it; files listed in layers.ignore do not count.`,
  });
}
