// `harness factory status`: the loop's issues, phases, turns and tokens, read from .harness/factory/.
import type { CommandSpec } from '../command-spec.js';
import { factoryPackage } from '../packages.js';
import { loadFactoryConfig } from '../cli/factory-config.js';
import { integerOption } from '../cli/integer-option.js';
import { waitForInterrupt } from '../cli/with-interrupt.js';

export const factoryStatusCommand: CommandSpec = {
  name: 'factory status',
  summary: 'Show what the factory loop is doing: issues in flight, phase, PR, last outcome, turns, tokens.',
  description:
    'Reads .harness/factory/ only (no GitHub call), so it works while the loop runs and after it stopped. --json prints the same document the status page serves at /api/state.',
  options: [
    { name: 'json', type: 'boolean', description: 'Print the status as JSON (same as --format json).' },
    { name: 'serve', type: 'boolean', description: 'Serve the status page on 127.0.0.1 until interrupted.' },
    { name: 'port', type: 'string', valueName: 'port', description: 'With --serve: the port (default: a free one).' },
  ],
  examples: ['harness factory status', 'harness factory status --json', 'harness factory status --serve --port 7070'],
  async run(args, io) {
    const { readFactoryStatus, renderStatusPretty, serveStatusPage } = await factoryPackage();
    const { root } = await loadFactoryConfig(args, io);
    if (args.options.serve === true) {
      const port = integerOption(args, 'port', { max: 65535, example: 7070 }) ?? 0;
      const page = await serveStatusPage(root, port);
      io.stderr(`status page: ${page.url} (Ctrl-C to stop)\n`);
      await waitForInterrupt();
      await page.close();
      return { ok: true };
    }
    const status = readFactoryStatus(root);
    io.stdout(
      args.options.json === true || args.global.format === 'json'
        ? `${JSON.stringify(status, null, 2)}\n`
        : renderStatusPretty(status),
    );
    return { ok: true };
  },
};
