// `harness layers graph` as a library call: the mermaid pictures of the current repository, the
// domain model's and one per contract (layers.contracts).
import type { LayersConfig } from 'agent-harness-config';
import { closestWord, HarnessError } from 'agent-harness-diagnostics';
import { checkLayers } from './check-layers.js';
import { classifyGraph } from './find-violations.js';
import { createLayerModel } from './layer-model.js';
import { renderContractGraph } from './render-contract-graph.js';
import { renderLayersGraph } from './render-layers-graph.js';

interface LayersDiagram {
  /** `layers` for the domain model, `contract <name>` for a contract. */
  title: string;
  mermaid: string;
  /** What was folded to stay below mermaid's limits, when anything was. */
  folded?: string;
}

export interface LayersGraphResult {
  /** The domain model's picture (kept for callers that draw only it). */
  mermaid: string;
  /** The domain model's picture when it has layers, then one per contract (or only `contract`). */
  diagrams: LayersDiagram[];
  /** Import findings still reported (red arrows). */
  violations: number;
}

export async function buildLayersGraph(input: {
  root: string;
  config: LayersConfig;
  contract?: string;
}): Promise<LayersGraphResult> {
  const model = createLayerModel(input.config);
  const selected = selectContracts(model, input.contract);
  const result = await checkLayers({ root: input.root, config: input.config });
  const classes = classifyGraph(result.graph, model);
  // The domain picture shows the domain rules' findings; each contract has its own picture.
  const domainFindings = result.violations.filter((v) => v.ruleId !== 'contract');
  const domain = renderLayersGraph({
    graph: result.graph,
    classes,
    violations: domainFindings,
    active: result.diagnostics,
    order: input.config.order,
  });
  const diagrams: LayersDiagram[] = [];
  const hasModel =
    input.config.domains.length > 0 || Object.keys(input.config.paths).length > 0 || model.contracts.length === 0;
  if (input.contract === undefined && hasModel) diagrams.push({ title: 'layers', ...domain });
  for (const contract of selected) {
    diagrams.push({
      title: `contract ${contract.name}`,
      ...renderContractGraph({
        graph: result.graph,
        contract,
        violations: result.violations,
        active: result.diagnostics,
      }),
    });
  }
  const violations = result.diagnostics.filter(
    (d) =>
      d.target !== undefined &&
      d.rule !== 'layers/stale-baseline' &&
      (input.contract === undefined || d.contract === input.contract),
  ).length;
  return { mermaid: domain.mermaid, diagrams, violations };
}

/** The contracts drawn: all, or the one named (a name that is none of them is a usage error). */
function selectContracts(
  model: ReturnType<typeof createLayerModel>,
  contract: string | undefined,
): ReturnType<typeof createLayerModel>['contracts'] {
  const selected = model.contracts.filter((c) => contract === undefined || c.name === contract);
  if (contract !== undefined && selected.length === 0) {
    const names = model.contracts.map((c) => c.name);
    const guess = closestWord(names, contract);
    throw new HarnessError(
      'USAGE',
      `no contract is named "${contract}"${guess === undefined ? '' : `: did you mean "${guess}"?`}`,
      {
        fix:
          names.length === 0 ? 'layers.contracts is empty in harness.config.yaml.' : `Contracts: ${names.join(', ')}.`,
      },
    );
  }
  return selected;
}
