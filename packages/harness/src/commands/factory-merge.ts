// `harness factory merge <pr>`: the guarded merge the agent must use (docs/factory.md, "Merging").
// Inside a factory turn (HARNESS_FACTORY_SOCKET set) the running loop merges, with its own token;
// outside one, a person merges with GITHUB_TOKEN.
import { HarnessError } from 'agent-harness-diagnostics';
import type { MergeResult } from 'agent-harness-factory';
import type { CliIo, CommandArgs, CommandSpec } from '../command-spec.js';
import { factoryPackage, githubPackage } from '../packages.js';
import { loadFactoryConfig } from '../cli/factory-config.js';
import { repoFlag, repoOption } from '../cli/github-options.js';

export const factoryMergeCommand: CommandSpec = {
  name: 'factory merge',
  summary:
    'Merge a PR only when its required checks are green on the current head, it is mergeable and no review thread is unresolved; queue it when the branch requires a merge queue.',
  description:
    'The one way a factory agent merges. Exits 1 with the reasons when it refuses. The merge is sent with the checked head SHA, so GitHub refuses it if the head moved. ' +
    "Inside a factory turn (HARNESS_FACTORY_SOCKET set), it asks the running loop over that socket, and the loop merges the turn's own PR with its token; the agent has none. " +
    'Outside a turn, it needs GITHUB_TOKEN.',
  positionals: [{ name: 'pr', description: 'The pull request number.' }],
  options: [repoOption],
  examples: ['harness factory merge 42', 'harness factory merge 42 --format json'],
  async run(args, io) {
    const pr = Number(args.positionals[0]);
    if (!Number.isInteger(pr) || pr < 1)
      throw new HarnessError('USAGE', `factory merge takes a PR number, not "${args.positionals[0] ?? ''}"`, {
        fix: 'For example: harness factory merge 42',
      });
    const socket = io.env.HARNESS_FACTORY_SOCKET;
    const result =
      socket === undefined || socket === ''
        ? await mergeWithToken(args, io, pr)
        : await (await factoryPackage()).askLoopToMerge(socket, pr);
    if (args.global.format === 'json') io.stdout(`${JSON.stringify({ version: 1, pr, ...result }, null, 2)}\n`);
    else if (result.ok)
      io.stdout(
        `PR #${pr} ${result.action === 'queued' ? 'added to the merge queue' : 'merged'} at ${result.sha.slice(0, 7)}.\n`,
      );
    else io.stdout(`Not merging PR #${pr}:\n${result.reasons.map((r) => `  - ${r}`).join('\n')}\n`);
    return { ok: result.ok };
  },
};

/** A person's merge: the guarded merge with GITHUB_TOKEN and the config's base branch. */
async function mergeWithToken(args: CommandArgs, io: CliIo, pr: number): Promise<MergeResult> {
  const { root, config } = await loadFactoryConfig(args, io);
  const [{ createGithubClient, resolveRepository }, { githubPullGateway, mergePull }] = await Promise.all([
    githubPackage(),
    factoryPackage(),
  ]);
  const repository = await resolveRepository({ flag: repoFlag(args), env: io.env, cwd: root });
  return mergePull(githubPullGateway(createGithubClient({ env: io.env, repository })), pr, config.base);
}
