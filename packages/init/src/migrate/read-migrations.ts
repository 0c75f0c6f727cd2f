// Which other tool's architecture rules init carries over: the one named by
// `--from`, or, without it, any dependency-cruiser config and any ESLint flat
// config that configures eslint-plugin-boundaries or import/no-restricted-paths.
// With `--from` a config that cannot be read stops init; found on its own, it is a note.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HarnessError, isHarnessError } from 'agent-harness-diagnostics';
import { flatBlocks } from './flat-config.js';
import { migrateDependencyCruiser } from './from-dependency-cruiser.js';
import { migrateBoundaries } from './from-eslint-boundaries.js';
import { migrateRestrictedPaths } from './from-restricted-paths.js';
import { keepMatchingGlobs } from './keep-matching-globs.js';
import { loadToolConfig } from './load-tool-config.js';
import type { Migration, MigrationSource } from './migration.js';

const dependencyCruiserFiles = [
  '.dependency-cruiser.js',
  '.dependency-cruiser.cjs',
  '.dependency-cruiser.mjs',
  '.dependency-cruiser.json',
];
const eslintFlatFiles = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs'];

export interface ReadMigrations {
  migrations: Migration[];
  /** Configs found but not readable (only without --from). */
  notes: string[];
}

export async function readMigrations(
  root: string,
  sourceFiles: readonly string[],
  from: MigrationSource | undefined,
): Promise<ReadMigrations> {
  const result: ReadMigrations = { migrations: [], notes: [] };
  const attempt = async (read: () => Promise<Migration[]>): Promise<void> => {
    try {
      result.migrations.push(...(await read()));
    } catch (error) {
      if (from !== undefined || !isHarnessError(error)) throw error;
      result.notes.push(`${error.message}: its rules are not carried over (--from stops on this error)`);
    }
  };
  if (from === undefined || from === 'dependency-cruiser') {
    const file = await findFirst(root, dependencyCruiserFiles);
    if (file === undefined && from !== undefined) throw missing(from, dependencyCruiserFiles);
    if (file !== undefined)
      await attempt(async () => [
        migrateDependencyCruiser(await loadToolConfig(root, file, 'dependency-cruiser'), file),
      ]);
  }
  if (from !== 'dependency-cruiser') {
    const file = await findFirst(root, eslintFlatFiles);
    if (file === undefined && from !== undefined) throw missing(from, eslintFlatFiles);
    if (file !== undefined && (from !== undefined || (await mentionsRules(join(root, file))))) {
      await attempt(async () => {
        const blocks = flatBlocks(await loadToolConfig(root, file, from ?? 'architecture'));
        const wanted = from === undefined ? ['eslint-plugin-boundaries', 'eslint-plugin-import'] : [from];
        const found = [
          ...(wanted.includes('eslint-plugin-boundaries') ? [migrateBoundaries(blocks, file)] : []),
          ...(wanted.includes('eslint-plugin-import') ? [migrateRestrictedPaths(blocks, file)] : []),
        ];
        return from === undefined ? found.filter((m) => m.contracts.length + m.unmapped.length > 0) : found;
      });
    }
  }
  result.migrations = result.migrations.map((m) => keepMatchingGlobs(m, sourceFiles));
  return result;
}

async function findFirst(root: string, names: readonly string[]): Promise<string | undefined> {
  for (const name of names) {
    if ((await readText(join(root, name))) !== undefined) return name;
  }
  return undefined;
}

/** Without --from an ESLint config is imported only when its text names one of the rules init reads. */
async function mentionsRules(path: string): Promise<boolean> {
  const text = (await readText(path)) ?? '';
  return text.includes('boundaries/') || text.includes('no-restricted-paths');
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

function missing(from: MigrationSource, names: readonly string[]): HarnessError {
  return new HarnessError('USAGE', `--from ${from}: none of ${names.join(', ')} is at the repository root`, {
    fix:
      from === 'dependency-cruiser'
        ? 'Run init at the root that holds .dependency-cruiser.js (a legacy config elsewhere can be copied there), or leave out --from.'
        : 'Run init at the root that holds the ESLint flat config (a legacy .eslintrc is not read), or leave out --from.',
  });
}
