// The `layers` guardrail as harness check runs it.
import type { Check } from '@harness/config';
import { sectionDefaults } from '@harness/config';
import { checkLayers } from './check-layers.js';

export const layersCheck: Check = {
  name: 'layers',
  description: 'Layer and boundary rules: forward-only layers, domains, providers, shared code, package placement.',
  section: 'layers',
  async run({ root, config, options }) {
    const result = await checkLayers({
      root,
      config: config.layers ?? sectionDefaults('layers'),
      updateBaseline: options.updateBaseline === true,
      allowGrowth: options.allowGrowth === true,
      dryRun: options.dryRun === true,
    });
    return { diagnostics: result.diagnostics, files: result.files, notes: result.notes };
  },
};
