// Everything a command needs to know about "this worktree's stack": where the worktree and the
// repository are, the compose tool, the project names, the labels and the generated files' paths.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ComposeConfig } from 'agent-harness-config';
import { HarnessError } from 'agent-harness-diagnostics';
import type { Env } from 'agent-harness-system';
import type { ComposeTool, EngineCli } from './compose-tool.js';
import { assertEngineReachable, detectComposeTool, detectEngine } from './compose-tool.js';
import type { WorktreeInfo } from './git-worktree.js';
import { readWorktree } from './git-worktree.js';
import { registryPaths } from './port-registry.js';
import { sharedProjectName, worktreeProjectName } from './project-name.js';

export const labelKeys = {
  project: 'dev.harness.project',
  worktree: 'dev.harness.worktree',
  repo: 'dev.harness.repo',
  shared: 'dev.harness.shared',
} as const;

/** Compose's own default file names, in the order `docker compose` looks for them. */
export const defaultComposeFiles = [
  'compose.yaml',
  'compose.yml',
  'docker-compose.yml',
  'docker-compose.yaml',
] as const;

export interface StackContext extends WorktreeInfo {
  engine: EngineCli;
  project: string;
  sharedProject: string;
  labels: Record<string, string>;
  sharedLabels: Record<string, string>;
  /** The user's compose files, absolute. */
  files: string[];
  /** `.harness/compose/` in the worktree: the generated files. */
  outputDir: string;
  envFile: string;
  composeFile: string;
  sharedComposeFile: string;
  config: ComposeConfig;
}

export interface StackOptions {
  /** Any folder inside the worktree. */
  cwd: string;
  /** The `compose` section; undefined: the defaults. */
  config?: ComposeConfig | undefined;
  env?: Env;
  /** A compose tool already detected (skips detection). */
  tool?: ComposeTool;
}

const defaultConfig: ComposeConfig = { files: ['compose.yaml'], shared: [], sharedVolumes: [] };

/** The user's compose files: `compose.files`, or compose's default names when the section is absent. */
export function resolveComposeFiles(worktree: string, config: ComposeConfig | undefined): string[] {
  const usesDefault = config === undefined || (config.files.length === 1 && config.files[0] === 'compose.yaml');
  if (usesDefault) {
    const found = defaultComposeFiles.map((name) => join(worktree, name)).find((path) => existsSync(path));
    if (found !== undefined) return [found];
    throw new HarnessError(
      'CONFIG_NOT_FOUND',
      `no compose file in ${worktree} (looked for ${defaultComposeFiles.join(', ')})`,
      {
        fix: 'Add a compose.yaml, or list your files under `compose.files` in harness.config.yaml.',
      },
    );
  }
  return config.files.map((file) => {
    const path = join(worktree, file);
    if (!existsSync(path)) {
      throw new HarnessError('CONFIG_INVALID', `compose file ${file} does not exist in ${worktree}`, {
        place: { file: 'harness.config.yaml', key: 'compose.files' },
        fix: 'Fix the path under `compose.files` (relative to the repository root).',
      });
    }
    return path;
  });
}

/** Finds the worktree and names, without touching the engine. */
export async function readStackNames(cwd: string): Promise<WorktreeInfo & { project: string; sharedProject: string }> {
  const info = await readWorktree(cwd);
  return {
    ...info,
    project: worktreeProjectName(info.repoName, info.worktree),
    sharedProject: sharedProjectName(info.repoName, info.commonDir),
  };
}

export interface ComposeStackContext extends StackContext {
  tool: ComposeTool;
}

/** The stack as `up` and `down` see it: with the compose tool (and, for up, the user's files). */
export async function openComposeStack(
  options: StackOptions,
  { needFiles }: { needFiles: boolean },
): Promise<ComposeStackContext> {
  const names = await readStackNames(options.cwd);
  const files = needFiles ? resolveComposeFiles(names.worktree, options.config) : [];
  const cache = { root: names.commonDir, file: join(registryPaths(names.commonDir).dir, 'compose-tool.json') };
  const tool = options.tool ?? (await detectComposeTool(options.env, cache));
  await assertEngineReachable(tool, options.env);
  return { ...contextOf(names, options, files, tool), tool };
}

/** The stack as `ps` and `gc` see it: labels and the engine CLI are enough. */
export async function openStack(options: StackOptions): Promise<StackContext> {
  const names = await readStackNames(options.cwd);
  const engine = options.tool ?? (await detectEngine(options.env));
  return contextOf(names, options, [], engine);
}

function contextOf(
  names: Awaited<ReturnType<typeof readStackNames>>,
  options: StackOptions,
  files: string[],
  engine: EngineCli,
): StackContext {
  const config = options.config ?? defaultConfig;
  const outputDir = join(names.worktree, '.harness', 'compose');
  return {
    ...names,
    engine,
    labels: {
      [labelKeys.project]: names.project,
      [labelKeys.worktree]: names.worktree,
      [labelKeys.repo]: names.commonDir,
    },
    sharedLabels: {
      [labelKeys.project]: names.sharedProject,
      [labelKeys.repo]: names.commonDir,
      [labelKeys.shared]: 'true',
    },
    files,
    outputDir,
    envFile: join(names.worktree, '.harness', 'env'),
    composeFile: join(outputDir, 'compose.yaml'),
    sharedComposeFile: join(outputDir, 'shared.yaml'),
    config,
  };
}
