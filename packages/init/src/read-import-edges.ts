// Reads which source files import which, the way TypeScript resolves them
// (tsconfig paths and baseUrl, `.js` specifiers for `.ts` files, index files),
// to check a proposed layer order against the code. ts-morph is used only for
// the TypeScript compiler it bundles; nothing is type-checked.
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type * as TsMorph from 'ts-morph';

export interface ImportEdge {
  from: string;
  to: string;
}

/** At most this many files are read: enough to see a layer order, cheap on a big repo. */
const importSampleLimit = 3000;

export async function readImportEdges(
  root: string,
  files: readonly string[],
  tsconfig: string | undefined,
): Promise<ImportEdge[]> {
  const { ts } = await import('ts-morph');
  const options =
    tsconfig === undefined ? defaultOptions(ts) : (readOptions(ts, join(root, tsconfig)) ?? defaultOptions(ts));
  const host = ts.createModuleResolutionCache(root, (f) => f, options);
  const edges: ImportEdge[] = [];
  for (const file of files.slice(0, importSampleLimit)) {
    const absolute = join(root, file);
    let text: string;
    try {
      text = await readFile(absolute, 'utf8');
    } catch {
      continue;
    }
    for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
      const resolved = ts.resolveModuleName(imported.fileName, absolute, options, ts.sys, host).resolvedModule;
      if (resolved === undefined || resolved.isExternalLibraryImport === true) continue;
      const to = relative(root, resolved.resolvedFileName).split(sep).join('/');
      if (!to.startsWith('..')) edges.push({ from: file, to });
    }
  }
  return edges;
}

type Ts = typeof TsMorph.ts;

function defaultOptions(ts: Ts) {
  return {
    allowJs: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.Preserve,
  };
}

function readOptions(ts: Ts, path: string) {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  if (parsed === undefined) return undefined;
  // Module resolution only: keep the user's paths/baseUrl, and accept .js sources.
  return { ...parsed.options, allowJs: true, noEmit: true };
}
