// `harness layers graph` as a library call: the mermaid picture of the current repository.
import type { LayersConfig } from '@harness/config';
import { checkLayers } from './check-layers.js';
import { classifyGraph } from './find-violations.js';
import { createLayerModel } from './layer-model.js';
import { renderLayersGraph } from './render-layers-graph.js';

export interface LayersGraphResult {
  mermaid: string;
  /** Import findings still reported (red arrows). */
  violations: number;
}

export async function buildLayersGraph(input: { root: string; config: LayersConfig }): Promise<LayersGraphResult> {
  const result = await checkLayers({ root: input.root, config: input.config });
  const classes = classifyGraph(result.graph, createLayerModel(input.config));
  const mermaid = renderLayersGraph({ graph: result.graph, classes, violations: result.violations, active: result.diagnostics, order: input.config.order });
  return { mermaid, violations: result.diagnostics.filter((d) => d.target !== undefined && d.rule !== 'layers/stale-baseline').length };
}
