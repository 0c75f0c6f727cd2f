// `harness layers graph` as a library call: the mermaid picture of the current repository.
import type { LayersConfig } from '@harness/config';
import { checkLayers } from './check-layers.js';
import { renderLayersGraph } from './render-layers-graph.js';

export interface LayersGraphResult {
  mermaid: string;
  /** Findings the picture marks (before suppressions and the baseline). */
  violations: number;
}

export async function buildLayersGraph(input: { root: string; config: LayersConfig }): Promise<LayersGraphResult> {
  const result = await checkLayers({ root: input.root, config: input.config });
  const mermaid = renderLayersGraph({ graph: result.graph, classes: result.classes, violations: result.violations, order: input.config.order });
  return { mermaid, violations: result.violations.filter((v) => v.target !== undefined).length };
}
