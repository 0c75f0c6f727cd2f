// Phase one of init: look at the repository and propose a layers section,
// before any question is asked or any file planned.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { registeredChecks } from 'agent-harness-check';
import type { Check, HarnessConfig } from 'agent-harness-config';
import { configError, configFileName, validateConfig } from 'agent-harness-config';
import { inspectRepo } from './inspect-repo.js';
import { HarnessError } from 'agent-harness-diagnostics';
import type { MigrationSource } from './migrate/migration.js';
import { migrationSources } from './migrate/migration.js';
import { proposeContracts } from './migrate/propose-contracts.js';
import type { ReadMigrations } from './migrate/read-migrations.js';
import { readMigrations } from './migrate/read-migrations.js';
import { chooseModel } from './proposals/choose-model.js';
import type { LayersProposal } from './propose-layers.js';
import { proposeLayers } from './propose-layers.js';
import type { ImportCache } from './read-graph-view.js';
import { readGraphView } from './read-graph-view.js';
import { readInside } from './repo-entry.js';
import type { RepoFacts } from './repo-facts.js';

export interface InitInspection {
  facts: RepoFacts;
  layers: LayersProposal;
  /** harness.config.yaml as it is now: its text and, when valid, the parsed config. */
  existingConfig: { text: string; config: HarnessConfig | undefined } | undefined;
  /** Lines of the existing AGENTS.md. */
  mapLines: number | undefined;
  /** The layers check's cache as reading the import graph left it, when it changed (read-graph-view.ts). */
  importCache?: ImportCache | undefined;
}

export interface PrepareOptions {
  cwd: string;
  /** With --force an invalid existing config is replaced instead of stopping init. */
  force?: boolean;
  /** `--from`: carry over this tool's architecture rules (a config it cannot read stops init). */
  from?: MigrationSource | (string & {});
  /**
   * init will write and run the checks (not --dry-run): their slow setup (Check.prepare: the docs
   * check's parser threads, the layers check's scan threads) starts now, while init looks.
   */
  willCheck?: boolean;
  /** The checks to prepare (default: every registered check). */
  checks?: readonly Check[];
}

export async function prepareInit(options: PrepareOptions): Promise<InitInspection> {
  const from = migrationSourceOf(options.from);
  if (options.willCheck === true) for (const check of options.checks ?? registeredChecks) check.prepare?.(options.cwd);
  const facts = await inspectRepo(options.cwd);
  const sources = facts.files.filter((f) => sourceFile.test(f));
  const migrations = await readMigrations(facts.root, sources, from);
  const { proposal, importCache } = await proposeFromGraph(facts, migrations);
  const layers = proposeContracts(proposal, migrations);
  const configText = await readOptional(join(facts.root, configFileName));
  let existingConfig: InitInspection['existingConfig'];
  if (configText !== undefined) {
    const result = validateConfig(configText, configFileName);
    if (!result.ok && options.force !== true) throw configError(result.problems);
    existingConfig = { text: configText, config: result.ok ? result.config : undefined };
  }
  // Through readInside: a map linked out of the repository is not read.
  const mapText = facts.agentsMd === undefined ? undefined : await readInside(facts.root, facts.agentsMd);
  const mapLines = mapText === undefined ? undefined : countLines(mapText);
  return { facts, layers, existingConfig, mapLines, importCache };
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

/** The repository's own architecture rules win: the graph is read only when no tool states them. */
async function proposeFromGraph(
  facts: RepoFacts,
  migrations: ReadMigrations,
): Promise<{ proposal: LayersProposal; importCache: ImportCache | undefined }> {
  if (migrations.migrations.some((m) => m.contracts.length > 0))
    return { proposal: { mode: 'none', section: undefined, domains: [], explanation: [] }, importCache: undefined };
  const graph = await readGraphView(facts.root);
  const architectureDoc = await readArchitectureDoc(facts);
  const model = chooseModel({ graph: graph.view, workspaces: facts.workspaces, architectureDoc });
  return { proposal: proposeLayers(model, graph), importCache: graph.cache };
}

const architectureDocs = ['docs/architecture.md', 'ARCHITECTURE.md', 'docs/ARCHITECTURE.md', 'architecture.md'];

/** The first architecture document the repository has, read through readInside (never out of the repository). */
async function readArchitectureDoc(facts: RepoFacts): Promise<{ path: string; text: string } | undefined> {
  for (const path of architectureDocs) {
    if (!facts.files.includes(path)) continue;
    const text = await readInside(facts.root, path);
    if (text !== undefined) return { path, text };
  }
  return undefined;
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}
