// How well the code already obeys a candidate contract, judged by the layers check's own contract
// model (agent-harness-layers' compileContracts): the same layer of a file, the same verdict on an
// edge, so the fit init prints is what `harness check` will report before anything is baselined.
import type { ContractConfig } from 'agent-harness-config';
import type { CompiledContract } from 'agent-harness-layers';
import { compileContracts } from 'agent-harness-layers';
import type { Candidate, Fit, GraphView } from './candidate.js';

/** A candidate's contract in the shape the layers check compiles (the schema's defaults filled in). */
function contractConfigOf(candidate: Pick<Candidate, 'contract'>): ContractConfig {
  return { except: [], allowTypeOnly: false, ...candidate.contract } as unknown as ContractConfig;
}

function compile(contract: Record<string, unknown>): CompiledContract {
  const [compiled] = compileContracts([contractConfigOf({ contract })]);
  if (compiled === undefined) throw new Error('compileContracts returned no contract');
  return compiled;
}

/** The layer (or module) the layers check gives a file under this contract, as the importer. */
export function groupFinder(contract: Record<string, unknown>): (path: string) => string | undefined {
  const compiled = compile(contract);
  return (path) => compiled.groupOf(path, 'from');
}

export function measureFit(graph: GraphView, candidate: Candidate): Fit {
  const contract = compile(candidate.contract);
  let filesAssigned = 0;
  for (const file of graph.files) if (contract.groupOf(file, 'from') !== undefined) filesAssigned++;
  let edgesJudged = 0;
  let edgesAgainst = 0;
  const against = new Set<string>();
  for (const edge of graph.edges) {
    const from = contract.groupOf(edge.from, 'from');
    const to = from === undefined ? undefined : contract.groupOf(edge.to, 'to');
    const verdict = contract.judge({ from: edge.from, to: edge.to, typeOnly: edge.typeOnly ?? false });
    if (verdict !== undefined) {
      edgesAgainst++;
      against.add(edge.from);
    }
    if (verdict !== undefined || (to !== undefined && to !== from)) edgesJudged++;
  }
  return { filesAssigned, filesTotal: graph.files.length, edgesJudged, edgesAgainst, filesAgainst: against.size };
}

/** The share of assigned files holding an import the contract reports (0 when it assigns none). */
export function againstRatio(fit: Fit): number {
  return fit.filesAssigned === 0 ? 0 : fit.filesAgainst / fit.filesAssigned;
}
