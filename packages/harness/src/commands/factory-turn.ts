// `harness factory turn`: the job side of dispatch mode (docs/factory.md "Dispatch mode"), run by
// the workflow `harness init --factory-dispatch` writes, in the runner's checkout.
import { HarnessError } from 'agent-harness-diagnostics';
import type { CommandSpec } from '../command-spec.js';
import { factoryPackage } from '../packages.js';
import { loadFactoryConfig } from '../cli/factory-config.js';
import { repoFlag, repoOption } from '../cli/github-options.js';

const required = (value: unknown, name: string): string => {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  throw new HarnessError('USAGE', `factory turn needs --${name}`, {
    fix: 'The workflow passes them from its inputs: harness factory turn --issue "$ISSUE" --attempt "$ATTEMPT" --lease "$LEASE"',
  });
};

export const factoryTurnCommand: CommandSpec = {
  name: 'factory turn',
  summary:
    'Run one agent turn of a dispatched issue in this checkout (a GitHub Actions job of dispatch mode) and push the work and the answer for the loop.',
  description:
    "Checks that the loop that dispatched the run still holds the issue's lease (refs/harness/lease/issue-N), takes the prompt from refs/harness/turn/issue-N, runs factory.agent with no GitHub token in its environment, commits its work and pushes it with the answer to the same ref; the loop checks it and pushes the PR branch. Needs GITHUB_TOKEN (the workflow's own).",
  options: [
    { name: 'issue', type: 'string', valueName: 'N', description: 'The issue the turn is for.' },
    {
      name: 'attempt',
      type: 'string',
      valueName: 'ID',
      description: 'The dispatch this run answers (from its inputs).',
    },
    {
      name: 'lease',
      type: 'string',
      valueName: 'HOLDER',
      description: 'The loop that holds the lease and dispatched the run.',
    },
    repoOption,
  ],
  examples: ['harness factory turn --issue 12 --attempt 3f9c0a1b2c3d --lease build-host-4242-a1b2c3d4'],
  async run(args, io) {
    const issue = Number(required(args.options.issue, 'issue'));
    if (!Number.isInteger(issue) || issue < 1)
      throw new HarnessError('USAGE', `--issue takes an issue number, not "${String(args.options.issue)}"`, {
        fix: 'For example: harness factory turn --issue 12 --attempt ID --lease HOLDER',
      });
    const attempt = required(args.options.attempt, 'attempt');
    const lease = required(args.options.lease, 'lease');
    const { root, config } = await loadFactoryConfig(args, io);
    const { factoryTurn } = await factoryPackage();
    const result = await factoryTurn({ root, config, env: io.env, repo: repoFlag(args), issue, attempt, lease });
    if (args.global.format === 'json') io.stdout(`${JSON.stringify({ version: 1, ...result }, null, 2)}\n`);
    else
      io.stdout(
        `Turn for #${issue}: the agent exited ${result.exitCode ?? 'killed'}; ${
          result.commit === undefined ? 'no change' : `committed ${result.commit.slice(0, 7)}`
        }; pushed to refs/harness/turn/issue-${issue} for the loop.\n`,
      );
    return { ok: true };
  },
};
