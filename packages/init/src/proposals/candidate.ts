// What init's layer proposers exchange (docs/init.md, "The layers proposal"):
// the import graph as init sees it, a candidate contract with its reasons,
// and how well the code obeys it. Proposers only read; nothing here writes.
import type { WorkspacePackage } from '../repo-facts.js';

/** The import graph the layers check builds, reduced to what proposing needs. */
export interface GraphView {
  /** Repository-relative POSIX paths of the source files judged (tests, fixtures and generated files left out). */
  files: readonly string[];
  /** Resolved imports between those files (external packages left out), repository-relative. */
  edges: readonly GraphViewEdge[];
}

export interface GraphViewEdge {
  from: string;
  to: string;
  /** `import type` (judged like any import unless a contract says allowTypeOnly); false when absent. */
  typeOnly?: boolean | undefined;
}

export type CandidateKind = 'package-tiers' | 'segments' | 'ordered-modules' | 'domains' | 'migrated';

/** One `layers.contracts` entry init could write, and why. */
export interface Candidate {
  kind: CandidateKind;
  /** The contract exactly as it goes under `layers.contracts` in harness.config.yaml. */
  contract: Record<string, unknown>;
  /** Lines for the plan: what was seen that suggested it. */
  explanation: string[];
  /**
   * What the candidate is a model of (`packages`, `segments:common,node`, `modules:src/vs`): candidates
   * sharing an axis compete and at most one of them is chosen, the first that fits in the order
   * proposeCandidates lists them; candidates on different axes are chosen together. Defaults to the kind.
   */
  axis?: string | undefined;
}

/** How well the code already obeys a candidate, counted before anything goes into a baseline. */
export interface Fit {
  /** Source files the candidate assigns a layer to, of all files in the graph. */
  filesAssigned: number;
  filesTotal: number;
  /** Imports between assigned files in different layers (what the contract judges). */
  edgesJudged: number;
  /** Judged imports the contract reports. */
  edgesAgainst: number;
  /** Files holding at least one reported import. */
  filesAgainst: number;
}

export interface ProposalInput {
  graph: GraphView;
  workspaces: readonly WorkspacePackage[];
  /** An architecture document that describes a package graph (docs/architecture.md, ARCHITECTURE.md), when there is one. */
  architectureDoc?: { path: string; text: string } | undefined;
}

export interface ChosenModel {
  /** What init writes under layers.contracts; empty when nothing fits. */
  chosen: { candidate: Candidate; fit: Fit }[];
  /** Candidates seen and not offered, with why (e.g. "contradicted in 4.2% of files"). */
  rejected: { candidate: Candidate; fit: Fit; why: string }[];
  /** When nothing fits: why, and how to write a model by hand. */
  none?: { why: string; how: string } | undefined;
}
