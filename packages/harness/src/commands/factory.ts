// `harness factory`: the loop from labelled issues to merged PRs (docs/factory.md).
import { HarnessError } from '@harness/diagnostics';
import type { CommandSpec } from '../command-spec.js';
import { factoryPackage } from '../packages.js';
import { factoryRepoOption, loadFactoryConfig } from './factory-options.js';

export const factoryCommand: CommandSpec = {
  name: 'factory',
  summary:
    'Work labelled issues into merged PRs with a coding agent: worktree, agent, harness check, PR, turns until merged or a person is needed.',
  description:
    'Takes open issues carrying every label in factory.labels, in dependency order (blocked by / depends on #N, GitHub dependencies and sub-issues), ' +
    'and works each in its own worktree with factory.agent. State lives in .harness/factory/, so a killed loop resumes. Needs GITHUB_TOKEN. ' +
    'While it runs, a status page is served on 127.0.0.1 (--status-port). See docs/factory.md.',
  options: [
    factoryRepoOption,
    {
      name: 'dry-run',
      type: 'boolean',
      description: 'Fetch and order the issues, print the plan; write nothing anywhere.',
    },
    {
      name: 'once',
      type: 'boolean',
      description: 'One pass: admit issues, take every active issue as far as it goes now, then exit.',
    },
    {
      name: 'concurrency',
      type: 'string',
      valueName: 'n',
      description: 'Issues worked at the same time (default factory.concurrency).',
    },
    {
      name: 'status-port',
      type: 'string',
      valueName: 'port',
      description: 'Port of the status page on 127.0.0.1 (default: a free one; 0 with --once: none).',
    },
  ],
  examples: ['harness factory --dry-run --format json', 'harness factory --once', 'harness factory --concurrency 2'],
  async run(args, io) {
    const {
      factoryOptions,
      planFactory,
      readFactoryStatus,
      renderPlanPretty,
      renderStatusPretty,
      runFactory,
      serveStatusPage,
    } = await factoryPackage();
    const { root, config, compose } = await loadFactoryConfig(args, io);
    const repo = typeof args.options.repo === 'string' ? args.options.repo : undefined;
    const onWait = (e: { reason: string; seconds: number; method: string; url: string }) =>
      io.stderr(`GitHub ${e.reason}: waiting ${e.seconds} s before retrying ${e.method} ${e.url}\n`);
    if (args.options['dry-run'] === true) {
      const { plan, notes } = await planFactory({ root, config, env: io.env, repo, onWait });
      if (args.global.format === 'json') {
        for (const note of notes) io.stderr(`note: ${note}\n`);
        io.stdout(`${JSON.stringify(plan, null, 2)}\n`);
      } else io.stdout(renderPlanPretty(plan, notes));
      return { ok: true };
    }
    const concurrency = parseCount(args.options.concurrency, '--concurrency');
    const once = args.options.once === true;
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const port = parseCount(args.options['status-port'], '--status-port', true);
    const page = once && port === undefined ? undefined : await serveStatusPage(root, port ?? 0);
    if (page !== undefined) io.stderr(`status page: ${page.url}\n`);
    try {
      const options = await factoryOptions({
        root,
        config,
        compose,
        env: io.env,
        repo,
        once,
        concurrency,
        signal: controller.signal,
        onWait,
        onEvent: (e) => io.stderr(`${describeEvent(e)}\n`),
      });
      await runFactory(options);
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      await page?.close();
    }
    const status = readFactoryStatus(root);
    io.stdout(args.global.format === 'json' ? `${JSON.stringify(status, null, 2)}\n` : renderStatusPretty(status));
    return { ok: true };
  },
};

function parseCount(value: unknown, flag: string, zeroOk = false): number | undefined {
  if (typeof value !== 'string') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < (zeroOk ? 0 : 1))
    throw new HarnessError('USAGE', `${flag} takes a whole number${zeroOk ? '' : ' of at least 1'}, not "${value}"`, {
      fix: `For example ${flag} 2.`,
    });
  return n;
}

function describeEvent(event: Record<string, unknown>): string {
  const { issue, event: name, phase, ...rest } = event;
  const detail = Object.entries(rest)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v.split('\n')[0] : JSON.stringify(v)}`)
    .join(' ');
  return `#${typeof issue === 'number' ? issue : '-'} ${String(name)} [${typeof phase === 'string' ? phase : ''}] ${detail}`.trimEnd();
}
