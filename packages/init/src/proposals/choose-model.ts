// The layers proposal (docs/init.md, "The layers proposal"): every candidate model the code
// suggests, measured with the layers check's own evaluation, and the ones the code already obeys.
// Candidates on different axes (package tiers, environments, module order) are chosen together.
import type { Candidate, ChosenModel, Fit, ProposalInput } from './candidate.js';
import { buildFolderTree } from './folder-tree.js';
import { againstRatio, measureFit } from './measure-fit.js';
import { domainCandidate, findSiblingModules, orderedModuleCandidate } from './module-candidates.js';
import { packageCandidates } from './package-candidates.js';
import { segmentCandidates } from './segment-candidates.js';

/** A candidate the code contradicts in more than this share of the files it assigns is not offered. */
const maxFilesAgainst = 0.01;
/**
 * In a small repository one file is already more than 1%: a single file against is offered (its
 * imports go into the baseline) while it holds under this share of the imports judged.
 */
const maxEdgesAgainstForOneFile = 0.1;
/** …nor one that assigns fewer than this share of the graph's files. */
const minFilesAssigned = 0.1;

const howToWrite =
  'Write `layers.contracts` in harness.config.yaml by hand: a `layers` contract for an order of folders or packages, `segments` for folder names that recur (common/browser/node), `independent` for modules that may not import each other (docs/layers.md, "Contracts").';

/** Every model the layout and the imports suggest, in order of preference within each axis. */
export function proposeCandidates(input: ProposalInput): Candidate[] {
  const { graph, workspaces } = input;
  const tree = buildFolderTree(graph.files);
  const segments = segmentCandidates(graph, tree);
  const segmentNames = new Set(segments.flatMap((c) => (c.contract.segments as string[] | undefined) ?? []));
  const modules = findSiblingModules(graph, tree, segmentNames, workspaces).flatMap((siblings) => {
    const domains = domainCandidate(siblings, tree, graph.files);
    const ordered = orderedModuleCandidate(siblings);
    return [domains, ordered].filter((c): c is Candidate => c !== undefined);
  });
  return uniqueNames([...packageCandidates(graph, workspaces, input.architectureDoc), ...segments, ...modules]);
}

export function chooseModel(input: ProposalInput): ChosenModel {
  const chosen: ChosenModel['chosen'] = [];
  const rejected: ChosenModel['rejected'] = [];
  const taken = new Map<string, string>();
  for (const candidate of proposeCandidates(input)) {
    const fit = measureFit(input.graph, candidate);
    const axis = candidate.axis ?? candidate.kind;
    const winner = taken.get(axis);
    const why = winner !== undefined ? `${winner} was chosen for the same folders` : whyNotOffered(fit);
    if (why !== undefined) rejected.push({ candidate, fit, why });
    else {
      chosen.push({ candidate, fit });
      taken.set(axis, `contract ${String(candidate.contract.name)}`);
    }
  }
  if (chosen.length > 0) return { chosen, rejected };
  const why =
    rejected.length === 0
      ? 'No layering found: no workspace package graph, no folder names recurring side by side, no sibling folders importing each other.'
      : `No candidate fits the code: ${listed(rejected.map((r) => `${String(r.candidate.contract.name)} (${r.why})`))}.`;
  return { chosen, rejected, none: { why, how: howToWrite } };
}

/** Why a candidate is not offered, or undefined when it fits. */
export function whyNotOffered(fit: Fit): string | undefined {
  if (fit.filesAssigned < minFilesAssigned * fit.filesTotal)
    return `assigns ${fit.filesAssigned} of ${fit.filesTotal} files, too few to matter`;
  if (fit.edgesJudged === 0) return 'no import crosses its layers: nothing shows the code follows it';
  const ratio = againstRatio(fit);
  if (ratio > maxFilesAgainst && !oneFileInASmallRepository(fit))
    return `contradicted in ${percent(ratio)} of its files (${fit.filesAgainst} of ${fit.filesAssigned}; at most ${percent(maxFilesAgainst)})`;
  return undefined;
}

/** One file against, where one file is over 1% of the files, with few of the judged imports. */
function oneFileInASmallRepository(fit: Fit): boolean {
  return fit.filesAgainst === 1 && fit.edgesAgainst < maxEdgesAgainstForOneFile * fit.edgesJudged;
}

/** At most four reasons in the sentence, and how many more. */
function listed(items: readonly string[]): string {
  return items.slice(0, 4).join('; ') + (items.length > 4 ? `; and ${items.length - 4} more` : '');
}

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(ratio < 0.1 ? 2 : 0)}%`;
}

/** Contract names are unique in a config: a second axis wanting `modules` gets `modules-2`. */
function uniqueNames(candidates: Candidate[]): Candidate[] {
  const owners = new Map<string, string>();
  return candidates.map((c) => {
    const axis = c.axis ?? c.kind;
    const wanted = String(c.contract.name);
    let name = wanted;
    for (let n = 2; owners.has(name) && owners.get(name) !== axis; n++) name = `${wanted}-${n}`;
    owners.set(name, axis);
    return name === wanted ? c : { ...c, contract: { ...c.contract, name } };
  });
}
