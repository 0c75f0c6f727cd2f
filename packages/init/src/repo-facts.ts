// What `harness init` learns about a repository before proposing anything.
import type { Agent, AgentName } from 'package-manager-detector';

export interface PackageManagerFacts {
  name: AgentName;
  /** Agent with version family, e.g. `yarn@berry`, for command resolution. */
  agent: Agent;
  /** The lockfile or package.json field it was read from; undefined when defaulted to npm. */
  source: string | undefined;
}

export interface WorkspacePackage {
  /** Folder relative to the root. */
  dir: string;
  name: string;
  /** Names of other workspace packages it depends on (any dependency field). */
  internalDeps: string[];
}

export interface WorkflowFacts {
  path: string;
  runsHarness: boolean;
  nodeVersion: string | undefined;
  branches: string[];
}

export interface RepoFacts {
  root: string;
  /** package.json name, else the folder name. */
  name: string;
  packageManager: PackageManagerFacts;
  /** Raw text of the root package.json, when there is one. */
  packageJsonText: string | undefined;
  scripts: Record<string, string>;
  workspacePatterns: string[];
  workspaces: WorkspacePackage[];
  tsconfigs: string[];
  /** Every file git tracks or would track, relative, `/`-separated. */
  files: string[];
  /** Top-level source folders (src/, app/, lib/, or each workspace package's src/). */
  sourceRoots: string[];
  agentsMd: string | undefined;
  claudeMd: boolean;
  readme: string | undefined;
  /** Markdown files under docs/ that already exist. */
  docsFiles: string[];
  workflows: WorkflowFacts[];
  composeFiles: string[];
  /** `.nvmrc` or `.node-version`, for actions/setup-node. */
  nodeVersionFile: string | undefined;
  branch: string | undefined;
  /** package.json author, for the owner of the design docs. */
  owner: string | undefined;
}
