export type { CheckLayersInput, CheckLayersResult } from './check-layers.js';
export { checkLayers } from './check-layers.js';
export { layersCheck } from './layers-check.js';
export type { LayersGraphResult } from './layers-graph.js';
export { buildLayersGraph } from './layers-graph.js';
export type { BuildImportGraphOptions } from './build-import-graph.js';
export { buildImportGraph } from './build-import-graph.js';
export type { ResolvedTarget } from './create-import-resolver.js';
export type { EdgeKind, GraphEdge, GraphFile, ImportGraph, ImportRecord } from './layers-types.js';
export { layerRules } from './layer-rules.js';
export { compileContracts } from './contract-model.js';
export type { CompiledContract } from './layers-types.js';
export {
  type CheckFileSyncInput,
  type CheckFileSyncResult,
  checkFileSync,
  prepareCheckFileSync,
  wholeRunLayerRules,
} from './check-file-sync.js';
