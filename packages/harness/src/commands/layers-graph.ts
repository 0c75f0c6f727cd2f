// `harness layers graph`: the domains × layers picture of `harness check layers` as mermaid, and one
// picture per contract (layers.contracts).
import type { CommandSpec } from '../command-spec.js';
import { loadCommandConfig } from '../cli/load-command-config.js';
import { configPackage, layersPackage } from '../packages.js';

export const layersGraphCommand: CommandSpec = {
  name: 'layers graph',
  summary:
    'Print the layers import graph as mermaid flowcharts (the domain model, then one per contract), violating edges in red.',
  description:
    'One box per domain with its layers, plus the path layers, providers, shared and cross-cutting code; one arrow per pair ' +
    'with the number of imports ("imports" reads along the arrow). Then one flowchart per contract in layers.contracts, ' +
    'files grouped by layer (or module). Arrows that carry a finding are red and name the rules ' +
    "(a finding accepted by a suppression or the baseline is dotted). A chart stays below mermaid's default limits " +
    '(50,000 characters, 500 edges): past 400 arrows the ones with the fewest imports and no finding are folded, and the chart says how many. ' +
    '`--format markdown` wraps each in a ```mermaid block for $GITHUB_STEP_SUMMARY; any other format prints bare flowcharts, ' +
    'each after a `%% <title>` line (use --contract NAME for exactly one). Exits 0: `harness check layers` is the gate.',
  options: [{ name: 'contract', type: 'string', valueName: 'name', description: 'Draw only this contract.' }],
  examples: [
    'harness layers graph',
    'harness layers graph --contract environments',
    'harness layers graph --format markdown >> "$GITHUB_STEP_SUMMARY"',
  ],
  async run(args, io) {
    const [{ sectionDefaults }, { buildLayersGraph }, loaded] = await Promise.all([
      configPackage(),
      layersPackage(),
      loadCommandConfig(args, io),
    ]);
    const contract = typeof args.options.contract === 'string' ? args.options.contract : undefined;
    const { diagrams, violations } = await buildLayersGraph({
      root: loaded.root,
      config: loaded.config.layers ?? sectionDefaults('layers'),
      ...(contract === undefined ? {} : { contract }),
    });
    for (const d of diagrams) if (d.folded !== undefined) io.stderr(`layers graph: ${d.title}: ${d.folded}.\n`);
    if (args.global.format === 'markdown') {
      const summary =
        violations === 0
          ? 'No import breaks a layer rule.'
          : `${violations} import(s) break a layer rule (red arrows).`;
      const blocks = diagrams.map(
        (d) =>
          (diagrams.length === 1 && d.title === 'layers' ? '' : `#### ${d.title}\n\n`) +
          `\`\`\`mermaid\n${d.mermaid}\`\`\`\n`,
      );
      io.stdout(`### Layers\n\n${summary}\n\n${blocks.join('\n')}`);
    } else if (diagrams.length === 1) io.stdout(diagrams[0]?.mermaid ?? '');
    else io.stdout(diagrams.map((d) => `%% ${d.title}\n${d.mermaid}`).join('\n'));
    return { ok: true };
  },
};
