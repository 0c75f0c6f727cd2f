// `harness layers graph`: the domains × layers picture of `harness check layers` as mermaid.
import type { CommandSpec } from '../command-spec.js';
import { configPackage, layersPackage } from '../packages.js';

export const layersGraphCommand: CommandSpec = {
  name: 'layers graph',
  summary: 'Print the domains × layers import graph as a mermaid flowchart, violating edges in red.',
  description:
    'One box per domain with its layers, plus the path layers, providers, shared and cross-cutting code; one arrow per pair ' +
    'with the number of imports ("imports" reads along the arrow). Arrows that carry a layers finding are red and name the rules ' +
    '(a finding accepted by a suppression or the baseline is dotted). `--format markdown` wraps it in a ```mermaid block for $GITHUB_STEP_SUMMARY; ' +
    'any other format prints the bare flowchart. Exits 0: `harness check layers` is the gate.',
  examples: ['harness layers graph', 'harness layers graph --format markdown >> "$GITHUB_STEP_SUMMARY"'],
  async run(args, io) {
    const [{ loadConfig, sectionDefaults }, { buildLayersGraph }] = await Promise.all([configPackage(), layersPackage()]);
    const loaded = await loadConfig({ cwd: io.cwd, ...(args.global.config === undefined ? {} : { configPath: args.global.config }) });
    const { mermaid, violations } = await buildLayersGraph({ root: loaded.root, config: loaded.config.layers ?? sectionDefaults('layers') });
    if (args.global.format === 'markdown') {
      const summary = violations === 0 ? 'No import breaks a layer rule.' : `${violations} import(s) break a layer rule (red arrows).`;
      io.stdout(`### Layers\n\n${summary}\n\n\`\`\`mermaid\n${mermaid}\`\`\`\n`);
    } else io.stdout(mermaid);
    return { ok: true };
  },
};
