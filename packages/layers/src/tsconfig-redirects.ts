// TypeScript resolves an import that lands in a referenced project's output (`dist/index.d.ts`)
// to that project's source file (https://www.typescriptlang.org/docs/handbook/project-references.html).
// Workspace packages whose `exports` point at their build output get the same treatment here, so an
// edge always ends at a source file. tsconfig files are read with get-tsconfig (extends chains).
import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { isHarnessError } from 'agent-harness-diagnostics';
import { parseTsconfig } from 'get-tsconfig';
import { checkTsconfigText, tsconfigExtendsError } from './tsconfig-errors.js';

export interface OutputRedirect {
  /** Absolute output folder, with a trailing separator. */
  outDir: string;
  /** Absolute source folders to try, in order. */
  rootDirs: string[];
}

export interface TsconfigFacts {
  redirects: OutputRedirect[];
  /** `customConditions` of every tsconfig: TypeScript adds them to the export conditions. */
  conditions: string[];
  /** Unreadable tsconfig files that decide no import (not a `tsconfig.json`), with why. */
  skipped: string[];
}

export function readTsconfigFacts(root: string, tsconfigFiles: readonly string[]): TsconfigFacts {
  const redirects: OutputRedirect[] = [];
  const conditions = new Set<string>();
  const skipped: string[] = [];
  const texts = new Map(tsconfigFiles.map((file) => [file, readFileSync(join(root, file), 'utf8')]));
  let named: Set<string> | undefined;
  for (const [file, text] of texts) {
    let options;
    try {
      options = readCompilerOptions(root, file, text);
    } catch (error) {
      // A tsconfig.json that cannot be read is a config error, not a file to skip: every import it
      // decides would resolve nowhere and the check would pass on a graph it could not see. Other
      // names (tsconfig.dev.json, tsconfig.build.json) decide no import unless another tsconfig
      // extends or references them: one that no tsconfig names is only noted (seen in a real
      // repository: an example's tsconfig.dev.json extending a file long gone).
      named ??= namedByOthers(texts);
      if (basename(file) === 'tsconfig.json' || named.has(basename(file)) || !isHarnessError(error)) throw error;
      skipped.push(`${file} (${error.message})`);
      continue;
    }
    if (options === undefined) continue;
    for (const condition of options.customConditions ?? []) conditions.add(condition);
    const base = dirname(join(root, file));
    const outDir = options.outDir ?? options.declarationDir;
    if (outDir === undefined) continue;
    const rootDirs = options.rootDir === undefined ? [join(base, 'src'), base] : [join(base, options.rootDir)];
    redirects.push({ outDir: join(base, outDir) + sep, rootDirs });
  }
  return { redirects, conditions: [...conditions].sort(), skipped };
}

/** File names that some other tsconfig's text names (in `extends` or `references`): those are in use. */
function namedByOthers(texts: ReadonlyMap<string, string>): Set<string> {
  const names = new Set([...texts.keys()].map((file) => basename(file)).filter((name) => name !== 'tsconfig.json'));
  const used = new Set<string>();
  for (const [file, text] of texts) {
    for (const name of names) if (name !== basename(file) && text.includes(name)) used.add(name);
  }
  return used;
}

function readCompilerOptions(
  root: string,
  file: string,
  text: string,
): ReturnType<typeof parseTsconfig>['compilerOptions'] {
  checkTsconfigText(file, text);
  try {
    return parseTsconfig(join(root, file)).compilerOptions;
  } catch (error) {
    throw tsconfigExtendsError(file, text, error);
  }
}

const outputExtension = /\.(d\.ts|d\.mts|d\.cts|js|mjs|cjs|jsx)$/;
const sourceExtensionsFor: Record<string, string[]> = {
  'd.ts': ['.ts', '.tsx', '.js', '.jsx'],
  'd.mts': ['.mts', '.mjs'],
  'd.cts': ['.cts', '.cjs'],
  js: ['.ts', '.tsx', '.js', '.jsx'],
  jsx: ['.tsx', '.jsx'],
  mjs: ['.mts', '.mjs'],
  cjs: ['.cts', '.cjs'],
};

/** The source file behind a build output, when one of the known sources exists. */
export function redirectOutput(
  target: string,
  redirects: readonly OutputRedirect[],
  exists: (absolute: string) => boolean,
): string | undefined {
  for (const redirect of redirects) {
    if (!target.startsWith(redirect.outDir)) continue;
    const match = outputExtension.exec(target);
    if (match === null) continue;
    const inner = relative(redirect.outDir, target.slice(0, match.index));
    for (const rootDir of redirect.rootDirs) {
      for (const extension of sourceExtensionsFor[match[1] ?? 'js'] ?? []) {
        const candidate = join(rootDir, inner + extension);
        if (exists(candidate)) return candidate;
      }
    }
  }
  return undefined;
}
