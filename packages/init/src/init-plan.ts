// The plan `harness init` shows before it writes, and prints with --format json.
import type { LayersProposal } from './propose-layers.js';
import type { ImportCache } from './read-graph-view.js';

export type FileAction =
  /** A new file. */
  | 'create'
  /** An existing file replaced because of --force. */
  | 'overwrite'
  /** An existing file changed on purpose: package.json's devDependencies, AGENTS.md with --split. */
  | 'update'
  /** An existing file left as it is (the reason says why and how to replace it). */
  | 'keep'
  /** The file already has exactly the content init would write. */
  | 'unchanged'
  /** Not written at all (the reason says why). */
  | 'skip';

export interface PlannedFile {
  path: string;
  action: FileAction;
  reason: string;
  /** The content written for create, overwrite and update. */
  content?: string;
  /** The path is a symbolic link that this write replaces (only ever with --force); the link's target is never written. */
  replacesLink?: boolean;
}

export interface InitFacts {
  packageManager: string;
  packageManagerSource: string | undefined;
  workspaces: string[];
  tsconfigs: string[];
  sourceRoots: string[];
  found: string[];
  scripts: string[];
}

/** What init carried over from another tool's config, for the JSON plan. */
export interface PlannedMigration {
  source: string;
  file: string;
  contracts: string[];
  unmapped: { rule: string; reason: string }[];
  notes: string[];
}

export interface InitPlan {
  root: string;
  facts: InitFacts;
  layers: {
    mode: 'domains' | 'paths' | 'contracts' | 'none' | 'existing';
    explanation: string[];
    migrations?: PlannedMigration[];
    /** The contracts chosen from the import graph and the candidates not offered, with their fit. */
    fit?: LayersProposal['fit'];
  };
  files: PlannedFile[];
  /** Checks whose findings are recorded as baselines after the files are written. */
  baselineChecks: string[];
  /** Run the configured checks after writing and report whether they are green. */
  confirm: boolean;
  /** The install command run with --install, or the one to run by hand. */
  installCommand: string | undefined;
  notes: string[];
  /** The layers check's cache from reading the import graph; written before the checks run (not shown). */
  importCache?: ImportCache | undefined;
}

/** True when applying the plan writes nothing. */
export function planIsEmpty(plan: InitPlan): boolean {
  return plan.files.every((f) => f.action === 'keep' || f.action === 'unchanged' || f.action === 'skip');
}
