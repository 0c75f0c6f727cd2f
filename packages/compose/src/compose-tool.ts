// The compose adapter: finds the installed compose tool (Compose v2, legacy
// docker-compose v1, podman compose) and the engine CLI that goes with it.
// Specs: https://docs.docker.com/reference/cli/docker/compose/ (v2),
// https://github.com/docker/compose/tree/1.29.2 (v1, `docker-compose --help`),
// https://docs.podman.io/en/latest/markdown/podman-compose.1.html
import { HarnessError } from 'agent-harness-diagnostics';
import type { Env, ProcessResult } from 'agent-harness-system';
import { runProcess } from 'agent-harness-system';
import type { VersionCache } from './tool-version-cache.js';
import { cachedVersion, findOnPath, rememberVersion } from './tool-version-cache.js';

export type ComposeKind = 'v2' | 'v1' | 'podman';

/** The engine CLI alone: what `ps`, `gc` and readiness need. */
export interface EngineCli {
  engine: 'docker' | 'podman';
}

export interface ComposeTool extends EngineCli {
  kind: ComposeKind;
  /** The program and the words before compose's own arguments: `docker compose`, `docker-compose`. */
  command: [string, ...string[]];
  /** What `version` printed, first line. */
  version: string;
}

interface Candidate {
  command: [string, ...string[]];
  engine: 'docker' | 'podman';
  kind: (versionText: string) => ComposeKind;
}

const candidates: Candidate[] = [
  { command: ['docker', 'compose'], engine: 'docker', kind: () => 'v2' },
  // The standalone binary is v1 (Python) or a v2 binary installed under the old name.
  { command: ['docker-compose'], engine: 'docker', kind: (text) => (/version v?2\./i.test(text) ? 'v2' : 'v1') },
  { command: ['podman', 'compose'], engine: 'podman', kind: () => 'podman' },
  { command: ['podman-compose'], engine: 'podman', kind: () => 'podman' },
];

const installHint =
  'Install Docker with Compose v2 (https://docs.docker.com/engine/install/), or on Debian/Ubuntu ' +
  '`sudo apt-get install docker.io docker-compose`, or Podman with `podman compose`; ' +
  'HARNESS_COMPOSE picks one explicitly (`docker compose`, `docker-compose`, `podman compose`).';

/**
 * The first compose tool that answers `version`, in the order v2, v1, podman; HARNESS_COMPOSE
 * (e.g. `docker-compose`) picks one explicitly.
 */
export async function detectComposeTool(env: Env = process.env, cacheFile?: VersionCache): Promise<ComposeTool> {
  const wanted = env.HARNESS_COMPOSE?.trim();
  const list = wanted ? candidates.filter((c) => c.command.join(' ') === wanted) : candidates;
  if (wanted && list.length === 0) {
    throw new HarnessError('USAGE', `HARNESS_COMPOSE="${wanted}" is not a compose tool harness knows`, {
      fix: 'Set it to `docker compose`, `docker-compose`, `podman compose` or `podman-compose`, or unset it.',
    });
  }
  for (const candidate of list) {
    const version = await versionOf(candidate, env, cacheFile);
    if (version === undefined) continue;
    return { kind: candidate.kind(version), command: candidate.command, engine: candidate.engine, version };
  }
  throw new HarnessError(
    'TOOL_MISSING',
    wanted
      ? `${wanted} is not installed`
      : 'no compose tool is installed (tried `docker compose`, `docker-compose`, `podman compose`, `podman-compose`)',
    {
      fix: installHint,
    },
  );
}

/** What the candidate's `version` prints (first line); undefined when it is not installed. */
async function versionOf(
  candidate: Candidate,
  env: Env,
  cacheFile: VersionCache | undefined,
): Promise<string | undefined> {
  const [file, ...words] = candidate.command;
  // A standalone binary is looked up first: absent is then free, and its answer can be cached.
  const standalone = words.length === 0 ? findOnPath(file, env) : undefined;
  if (words.length === 0 && standalone === undefined) return undefined;
  if (standalone !== undefined) {
    const cached = await cachedVersion(cacheFile, standalone);
    if (cached !== undefined) return cached;
  }
  const result = await runProcess(file, [...words, 'version'], { env });
  if (result.code !== 0) return undefined;
  const version = result.stdout.trim().split('\n')[0] ?? '';
  if (standalone !== undefined) await rememberVersion(cacheFile, standalone, version);
  return version;
}

/**
 * The engine CLI without the compose tool (`ps`, `gc` need no more): podman when HARNESS_COMPOSE
 * names a podman tool, else docker, else podman; its daemon must answer.
 */
export async function detectEngine(env: Env = process.env): Promise<EngineCli> {
  const order: EngineCli['engine'][] =
    env.HARNESS_COMPOSE?.trim().startsWith('podman') === true ? ['podman', 'docker'] : ['docker', 'podman'];
  for (const engine of order) {
    const reachable = await engineReachable({ engine }, env);
    if (reachable !== 'missing') return { engine };
  }
  throw new HarnessError('TOOL_MISSING', 'neither docker nor podman is installed', { fix: installHint });
}

async function engineReachable(tool: EngineCli, env: Env): Promise<'missing' | 'ok'> {
  // podman's info has no ServerVersion; `--format json` is its whole document.
  const format = tool.engine === 'docker' ? '{{json .ServerVersion}}' : 'json';
  const result = await runProcess(tool.engine, ['info', '--format', format], { env });
  if (result.missing) return 'missing';
  if (result.code !== 0) {
    const detail = lastLine(result);
    throw new HarnessError('COMPOSE_FAILED', `the ${tool.engine} daemon is not reachable: ${detail}`, {
      fix:
        tool.engine === 'docker'
          ? 'Start it (`sudo systemctl start docker`, or `sudo dockerd &`), or point DOCKER_HOST at a running engine; your user needs access to its socket.'
          : 'Start the Podman socket (`systemctl --user start podman.socket`) or check `podman info`.',
    });
  }
  return 'ok';
}

/** Fails with a clear error when the compose tool's engine is missing or its daemon cannot be reached. */
export async function assertEngineReachable(tool: ComposeTool, env: Env = process.env): Promise<void> {
  if ((await engineReachable(tool, env)) === 'missing') {
    throw new HarnessError(
      'TOOL_MISSING',
      `${tool.engine} is not installed (it comes with ${tool.command.join(' ')})`,
      { fix: installHint },
    );
  }
}

export function lastLine(result: ProcessResult): string {
  const lines = `${result.stderr}\n${result.stdout}`
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.at(-1) ?? `exit code ${result.code}`;
}

export interface ComposeCall {
  project: string;
  files: readonly string[];
  /** Relative paths in the files resolve here; omitted: the first file's folder (compose's default). */
  projectDirectory?: string;
  cwd: string;
  env?: Env;
}

/** `<tool> -p P -f F… [--project-directory D] <args…>` as program and arguments. */
function composeArgv(tool: ComposeTool, call: ComposeCall, args: readonly string[]): [string, ...string[]] {
  const [file, ...words] = tool.command;
  const global = ['-p', call.project, ...call.files.flatMap((f) => ['-f', f])];
  // podman-compose has no --project-directory; the rendered file holds absolute paths only, so it is not needed there.
  if (call.projectDirectory !== undefined && tool.kind !== 'podman')
    global.push('--project-directory', call.projectDirectory);
  return [file, ...words, ...global, ...args];
}

/** Runs `<tool> -p P -f F… [--project-directory D] <args…>`. */
export function runCompose(tool: ComposeTool, call: ComposeCall, args: readonly string[]): Promise<ProcessResult> {
  const [file, ...rest] = composeArgv(tool, call, args);
  return runProcess(file, rest, { cwd: call.cwd, ...(call.env === undefined ? {} : { env: call.env }) });
}

/** The same call as a shell command line a user can paste (words with spaces or quotes single-quoted). */
export function composeCommandLine(tool: ComposeTool, call: ComposeCall, args: readonly string[]): string {
  return composeArgv(tool, call, args)
    .map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`))
    .join(' ');
}
