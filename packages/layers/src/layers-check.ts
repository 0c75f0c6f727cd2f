// The `layers` guardrail as harness check runs it. This module is the package's `./check` entry:
// light, so that listing the checks loads none of them; the checker is imported when it runs.
import type { Check } from 'agent-harness-config';

export const layersCheck: Check = {
  name: 'layers',
  description: 'Layer and boundary rules: forward-only layers, domains, providers, shared code, package placement.',
  section: 'layers',
  ruleIds: async () => (await import('./layer-rules.js')).qualifiedRuleIds,
  ruleDefaults: async () =>
    Object.fromEntries((await import('./layer-rules.js')).layerRules.map((r) => [`layers/${r.id}`, r.severity])),
  prepare(cwd) {
    // A cold run reads and lexes every file on worker threads too: they start while the config loads.
    void Promise.all([
      import('./scan-in-parallel.js'),
      import('./build-import-graph.js'),
      import('agent-harness-config/load'),
    ])
      .then(([{ prewarmScanWorkers }, { cacheFileName }, { locateConfig }]) =>
        prewarmScanWorkers(locateConfig({ cwd }).root, cacheFileName),
      )
      .catch(() => undefined); // only a head start: the run starts its workers itself
  },
  async run({ root, config, options }) {
    const { checkLayers } = await import('./check-layers.js');
    // The section's defaults come from the schema (zod), loaded only when the section is missing.
    const layers = config.layers ?? (await import('agent-harness-config')).sectionDefaults('layers');
    const result = await checkLayers({
      root,
      config: layers,
      updateBaseline: options.updateBaseline === true,
      allowGrowth: options.allowGrowth === true,
      dryRun: options.dryRun === true,
      judgedByBase: options.judgedByBase,
    });
    const { unmatchedGlobs } = result;
    return { diagnostics: result.diagnostics, files: result.files, notes: result.notes, unmatchedGlobs };
  },
};
