// Phase one of init: look at the repository and propose a layers section,
// before any question is asked or any file planned.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HarnessConfig } from 'agent-harness-config';
import { configError, configFileName, validateConfig } from 'agent-harness-config';
import { inspectRepo } from './inspect-repo.js';
import { HarnessError } from 'agent-harness-diagnostics';
import type { MigrationSource } from './migrate/migration.js';
import { migrationSources } from './migrate/migration.js';
import { proposeContracts } from './migrate/propose-contracts.js';
import { readMigrations } from './migrate/read-migrations.js';
import type { LayerEdgeCount } from './order-layers.js';
import type { LayerImportCounter, LayersProposal } from './propose-layers.js';
import { proposeLayers } from './propose-layers.js';
import { readImportEdges } from './read-import-edges.js';
import { readInside } from './repo-entry.js';
import type { RepoFacts } from './repo-facts.js';
import { buildSourceTree } from './source-tree.js';

export interface InitInspection {
  facts: RepoFacts;
  layers: LayersProposal;
  /** harness.config.yaml as it is now: its text and, when valid, the parsed config. */
  existingConfig: { text: string; config: HarnessConfig | undefined } | undefined;
  /** Lines of the existing AGENTS.md. */
  mapLines: number | undefined;
}

export interface PrepareOptions {
  cwd: string;
  /** With --force an invalid existing config is replaced instead of stopping init. */
  force?: boolean;
  /** `--from`: carry over this tool's architecture rules (a config it cannot read stops init). */
  from?: MigrationSource | (string & {});
}

export async function prepareInit(options: PrepareOptions): Promise<InitInspection> {
  const from = migrationSourceOf(options.from);
  const facts = await inspectRepo(options.cwd);
  const sources = facts.files.filter((f) => sourceFile.test(f));
  const layers = proposeContracts(
    await proposeLayers(facts, importCounter(facts)),
    await readMigrations(facts.root, sources, from),
  );
  const configText = await readOptional(join(facts.root, configFileName));
  let existingConfig: InitInspection['existingConfig'];
  if (configText !== undefined) {
    const result = validateConfig(configText, configFileName);
    if (!result.ok && options.force !== true) throw configError(result.problems);
    existingConfig = { text: configText, config: result.ok ? result.config : undefined };
  }
  // Through readInside: a map linked out of the repository is not read.
  const mapText = facts.agentsMd === undefined ? undefined : await readInside(facts.root, facts.agentsMd);
  return { facts, layers, existingConfig, mapLines: mapText === undefined ? undefined : countLines(mapText) };
}

function migrationSourceOf(value: string | undefined): MigrationSource | undefined {
  if (value === undefined) return undefined;
  const found = migrationSources.find((s) => s === value);
  if (found !== undefined) return found;
  throw new HarnessError('USAGE', `--from ${value} is not a tool init reads`, {
    fix: `Use --from with one of: ${migrationSources.join(', ')}.`,
  });
}

const sourceFile = /\.[cm]?[jt]sx?$/;

export function countLines(text: string): number {
  const trimmed = text.replace(/\n$/, '');
  return trimmed === '' ? 0 : trimmed.split('\n').length;
}

function importCounter(facts: RepoFacts): LayerImportCounter {
  const tree = buildSourceTree(facts.files);
  const tsconfig = facts.tsconfigs.includes('tsconfig.json') ? 'tsconfig.json' : facts.tsconfigs[0];
  return async (layerOf) => {
    const files = tree.files.filter((f) => layerOf(f) !== undefined);
    if (files.length === 0) return [];
    const counts = new Map<string, LayerEdgeCount>();
    for (const edge of await readImportEdges(facts.root, files, tsconfig)) {
      const from = layerOf(edge.from);
      const to = layerOf(edge.to);
      if (from === undefined || to === undefined || from.group !== to.group || from.layer === to.layer) continue;
      const key = `${from.layer}\0${to.layer}`;
      const entry = counts.get(key) ?? { from: from.layer, to: to.layer, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
    return [...counts.values()];
  };
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}
