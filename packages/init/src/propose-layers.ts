// The `layers` section init proposes, and why (docs/init.md, "The layers proposal"): the
// contracts chooseModel picked because the code already obeys them (measured over the import
// graph the layers check builds), each with its fit, and the candidates it did not offer; or,
// when nothing fits, no layers model and how to write one.
import type { ContractProposal, Migration } from './migrate/migration.js';
import type { Candidate, ChosenModel, Fit } from './proposals/candidate.js';
import type { GraphRead } from './read-graph-view.js';
import { proposalIgnores } from './read-graph-view.js';

export interface LayersSection {
  domains?: string[];
  order: string[];
  paths?: Record<string, string[]>;
  providers?: string[];
  shared?: string[];
  ignore: string[];
}

export interface DomainEntry {
  path: string;
  layers: string[];
}

/** A contract proposed or not offered, with how well the code obeys it. */
export interface ProposalFit {
  name: string;
  kind: Candidate['kind'];
  fit: Fit;
  /** Why it was not offered (rejected candidates only). */
  why?: string | undefined;
}

export interface LayersProposal {
  /**
   * contracts: `layers.contracts`, carried over from another tool's config (dependency-cruiser,
   * ESLint) or chosen because the code obeys them (then `fit` says how well).
   */
  mode: 'domains' | 'paths' | 'contracts' | 'none';
  section: LayersSection | undefined;
  explanation: string[];
  /** Domain mode: every domain with the layer folders it has (the architecture map). */
  domains: DomainEntry[];
  /** `layers.contracts`. */
  contracts?: ContractProposal[];
  /** `layers.ignore` written with contracts init chose: what the fit was measured without. */
  ignore?: string[];
  /** What each tool's config gave, and what it could not. */
  migrations?: Migration[];
  /** The contracts chosen from the import graph and the candidates not offered, with their fit. */
  fit?: { chosen: ProposalFit[]; rejected: ProposalFit[] };
}

export function proposeLayers(model: ChosenModel, graph: GraphRead): LayersProposal {
  const chosen = model.chosen.map(({ candidate, fit }) => fitOf(candidate, fit));
  const rejected = model.rejected.map(({ candidate, fit, why }) => ({ ...fitOf(candidate, fit), why }));
  const unresolved = resolutionLines(graph);
  if (model.chosen.length === 0) {
    const none = model.none ?? { why: 'No candidate fits the code.', how: 'See docs/layers.md.' };
    return {
      mode: 'none',
      section: undefined,
      domains: [],
      explanation: [`No layers model: ${none.why}`, none.how, ...unresolved],
      fit: { chosen, rejected },
    };
  }
  return {
    mode: 'contracts',
    section: undefined,
    domains: [],
    contracts: model.chosen.map(({ candidate }) => candidate.contract as unknown as ContractProposal),
    ignore: proposalIgnores,
    explanation: [
      `Read from the import graph (${graph.view.files.length} source files, ${graph.view.edges.length} imports between them; tests, stories and examples left out): the code already obeys ${model.chosen.length === 1 ? 'this contract' : `these ${model.chosen.length} contracts`}${againstNote(model.chosen)}.`,
      ...model.chosen.flatMap(({ candidate }) => candidate.explanation),
      ...unresolved,
    ],
    fit: { chosen, rejected },
  };
}

function resolutionLines(graph: GraphRead): string[] {
  const lines: string[] = [];
  if (graph.unbuilt > 0)
    lines.push(
      `${graph.unbuilt} ${graph.unbuilt === 1 ? 'import names' : 'imports name'} a workspace package whose build output is absent and whose sources could not be found: counted at the package for the fit; harness check judges them once the packages are built (or give each package a "source" export condition, docs/layers.md).`,
    );
  if (graph.unresolved > 0)
    lines.push(
      `${graph.unresolved} ${graph.unresolved === 1 ? 'import' : 'imports'} resolved to no file (harness check reports those that land outside git-ignored build output as layers/unresolved).`,
    );
  return lines;
}

function fitOf(candidate: Candidate, fit: Fit): ProposalFit {
  const name = typeof candidate.contract.name === 'string' ? candidate.contract.name : candidate.kind;
  return { name, kind: candidate.kind, fit };
}

/** One line per contract: files assigned, imports judged, imports against, share of files against. */
export function describeFit(entry: ProposalFit): string {
  const { fit } = entry;
  const share = fit.filesAssigned === 0 ? 0 : (100 * fit.filesAgainst) / fit.filesAssigned;
  const head = `${entry.name} (${entry.kind}): ${fit.filesAssigned} of ${fit.filesTotal} files assigned, ${fit.edgesJudged} imports judged, ${fit.edgesAgainst} against (in ${fit.filesAgainst} ${fit.filesAgainst === 1 ? 'file' : 'files'}, ${share.toFixed(1)}% of those assigned)`;
  return entry.why === undefined ? head : `${head}: not offered, ${entry.why}`;
}

/** The imports against the chosen contracts, which the baseline records for you to fix. */
function againstNote(chosen: readonly { fit: { edgesAgainst: number } }[]): string {
  const against = chosen.reduce((sum, c) => sum + c.fit.edgesAgainst, 0);
  if (against === 0) return '';
  return ` but for ${against} ${against === 1 ? 'import' : 'imports'}, recorded in the baseline for you to fix`;
}
