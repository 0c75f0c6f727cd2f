// `harness factory`: the loop from labelled issues to merged PRs (docs/factory.md).
import type { CommandSpec } from '../command-spec.js';
import { loadFactoryConfig } from '../cli/factory-config.js';
import { repoFlag, repoOption, reportGithubWait } from '../cli/github-options.js';
import { integerOption } from '../cli/integer-option.js';
import { withInterrupt } from '../cli/with-interrupt.js';
import { factoryPackage } from '../packages.js';

export const factoryCommand: CommandSpec = {
  name: 'factory',
  summary:
    'Work labelled issues into merged PRs with a coding agent: worktree, agent, harness check, PR, turns until merged or a person is needed.',
  description:
    'Takes open issues carrying every label in factory.labels, in dependency order (blocked by / depends on #N, GitHub dependencies and sub-issues), ' +
    'and works each in its own worktree with factory.agent. State lives in .harness/factory/, so a killed loop resumes. Needs GITHUB_TOKEN. ' +
    'While it runs, a status page is served on 127.0.0.1 (--status-port). See docs/factory.md.',
  options: [
    repoOption,
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
      name: 'keep',
      type: 'boolean',
      description:
        'Keep the worktrees of merged or parked issues (removed by default; their compose stacks still go down).',
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
    const factory = await factoryPackage();
    const { root, config, compose } = await loadFactoryConfig(args, io);
    const repo = repoFlag(args);
    const onWait = reportGithubWait(io);
    if (args.options['dry-run'] === true) {
      const { plan, notes } = await factory.planFactory({ root, config, env: io.env, repo, onWait });
      if (args.global.format === 'json') {
        for (const note of notes) io.stderr(`note: ${note}\n`);
        io.stdout(`${JSON.stringify(plan, null, 2)}\n`);
      } else io.stdout(factory.renderPlanPretty(plan, notes));
      return { ok: true };
    }
    const concurrency = integerOption(args, 'concurrency', { min: 1, example: 2 });
    const port = integerOption(args, 'status-port', { max: 65535, example: 7070 });
    const once = args.options.once === true;
    await withInterrupt(async (signal) => {
      const page = once && port === undefined ? undefined : await factory.serveStatusPage(root, port ?? 0);
      if (page !== undefined) io.stderr(`status page: ${page.url}\n`);
      try {
        const options = await factory.factoryOptions({
          root,
          config,
          compose,
          env: io.env,
          repo,
          once,
          concurrency,
          keep: args.options.keep === true,
          signal,
          onWait,
          onEvent: (e) => io.stderr(`${describeEvent(e)}\n`),
        });
        await factory.runFactory(options);
      } finally {
        await page?.close();
      }
    });
    const status = factory.readFactoryStatus(root);
    io.stdout(
      args.global.format === 'json' ? `${JSON.stringify(status, null, 2)}\n` : factory.renderStatusPretty(status),
    );
    return { ok: true };
  },
};

function describeEvent(event: Record<string, unknown>): string {
  const { issue, event: name, phase, ...rest } = event;
  const detail = Object.entries(rest)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v.split('\n')[0] : JSON.stringify(v)}`)
    .join(' ');
  return `#${typeof issue === 'number' ? issue : '-'} ${String(name)} [${typeof phase === 'string' ? phase : ''}] ${detail}`.trimEnd();
}
