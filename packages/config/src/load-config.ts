// Finding, reading and validating harness.config.yaml.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { HarnessError } from '@harness/diagnostics';
import { LineCounter, parseDocument } from 'yaml';
import type { ConfigProblem } from './config-error.js';
import { problemsFromZod } from './config-error.js';
import type { HarnessConfig } from './schema.js';
import { configSchema } from './schema.js';

export const configFileName = 'harness.config.yaml';

export interface LoadedConfig {
  /** The repository root: the config file's folder, else the git root, else the working directory. */
  root: string;
  /** Absolute path of the config file, when there is one. */
  path: string | undefined;
  config: HarnessConfig;
}

export type ValidationResult = { ok: true; config: HarnessConfig } | { ok: false; problems: ConfigProblem[] };

/** Walks up from `cwd` to the file system root looking for harness.config.yaml. */
export function findConfigFile(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, configFileName);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The nearest folder at or above `cwd` that holds `.git` (a folder, or a worktree's file). */
export function findGitRoot(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Parses and validates config text; problems come back as data, never thrown. */
export function validateConfig(text: string, file: string): ValidationResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return { file, line: pos.line, column: pos.col, key: '(yaml)', message: e.message.split('\n')[0] ?? e.message };
      }),
    };
  }
  const parsed = configSchema.safeParse(doc.toJS() ?? {});
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, problems: problemsFromZod(parsed.error, doc, lines, file) };
}

/** Turns problems into the one exit-2 error the CLI prints; every problem is named with its place. */
export function configError(problems: readonly ConfigProblem[]): HarnessError {
  const [first] = problems;
  const message =
    problems.length === 1 && first !== undefined
      ? `${first.key}: ${first.message}`
      : `${problems.length} problems in ${configFileName}:\n${problems.map((p) => `  ${p.file}:${p.line}:${p.column} ${p.key}: ${p.message}`).join('\n')}`;
  return new HarnessError('CONFIG_INVALID', message, {
    ...(first === undefined ? {} : { place: { file: first.file, line: first.line, column: first.column, key: first.key } }),
    fix: first?.suggestion
      ? `Rename "${first.key.split('.').at(-1) ?? ''}" to "${first.suggestion}". The schema is @harness/config/schema.json.`
      : 'Correct the keys named above; the schema is @harness/config/schema.json (editors complete it).',
  });
}

export interface LoadConfigOptions {
  cwd?: string;
  /** An explicit config file instead of searching. */
  configPath?: string;
}

/** Finds and validates the config; without a file, an empty config rooted at the git root. */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const path = options.configPath === undefined ? findConfigFile(cwd) : resolve(cwd, options.configPath);
  if (path === undefined) {
    return { root: findGitRoot(cwd) ?? cwd, path: undefined, config: { version: 1 } };
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new HarnessError('CONFIG_NOT_FOUND', `cannot read ${path}`, {
      place: { file: path },
      fix: 'Check the path given with --config, or run `npx harness init`.',
      cause,
    });
  }
  const root = dirname(path);
  const result = validateConfig(text, relative(cwd, path) || configFileName);
  if (!result.ok) throw configError(result.problems);
  return { root, path, config: result.config };
}
