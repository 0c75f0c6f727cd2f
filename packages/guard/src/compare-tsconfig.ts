// tsconfig*.json files (any folder, JSONC): options that reroute where an import lands, so that an
// import the layers check would judge goes somewhere else: `compilerOptions.paths` entries added or
// pointed elsewhere, `baseUrl` set or moved, `extends` set or changed, `rootDirs` entries added.
// A mapping removed reroutes nothing new and is not a loosening.
// Spec: https://www.typescriptlang.org/tsconfig/#paths, #baseUrl, #extends, #rootDirs
import type { GuardInput, Loosening, SurfaceComparer } from './guard-types.js';
import { isJsonObject, objectAt, parseJsonDocument } from './json-document.js';
import type { JsonObject, JsonValue } from './json-document.js';

const tsconfigFile = /(^|\/)tsconfig[^/]*\.json$/;

interface Change {
  path: string[];
  what: string;
}

export const compareTsconfig: SurfaceComparer = async (input) => {
  const files = input.changedFiles.filter((file) => tsconfigFile.test(file));
  if (files.length === 0) return [];
  const baseFiles = await input.base.listFiles();
  const found = await Promise.all(files.map((file) => compareFile(input, file, baseFiles)));
  return found.flat();
};

async function compareFile(input: GuardInput, file: string, baseFiles: readonly string[]): Promise<Loosening[]> {
  const [baseText, headText] = await Promise.all([input.base.readFile(file), input.head.readFile(file)]);
  if (headText === undefined) return [];
  // A new tsconfig in a folder the base has no file in (a new package) decides only new imports;
  // those the layers check judges where they land.
  const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  if (baseText === undefined && !baseFiles.some((f) => f.startsWith(folder))) return [];
  const head = parseJsonDocument(headText);
  if (head === undefined || !isJsonObject(head.value))
    return [
      { surface: 'tsconfig', file, line: 1, what: 'no longer valid JSON: where imports land cannot be compared' },
    ];
  const parsed = baseText === undefined ? undefined : parseJsonDocument(baseText)?.value;
  const base = isJsonObject(parsed) ? parsed : {};
  return compareOptions(base, head.value).map((c) => ({
    surface: 'tsconfig',
    file,
    line: head.lineAt(c.path),
    what: `${c.what}: reroutes imports`,
  }));
}

function show(value: JsonValue | undefined): string {
  return JSON.stringify(value ?? null);
}

/** Every option of `head` that sends imports somewhere `base` did not. */
function compareOptions(base: JsonObject, head: JsonObject): Change[] {
  const changes: Change[] = [];
  const was = objectAt(base, 'compilerOptions');
  const is = objectAt(head, 'compilerOptions');
  if (head.extends !== undefined && show(head.extends) !== show(base.extends))
    changes.push({
      path: ['extends'],
      what: `extends: ${base.extends === undefined ? 'added' : show(base.extends)} → ${show(head.extends)}`,
    });
  if (is.baseUrl !== undefined && is.baseUrl !== was.baseUrl)
    changes.push({
      path: ['compilerOptions', 'baseUrl'],
      what: `compilerOptions.baseUrl: ${was.baseUrl === undefined ? 'added' : show(was.baseUrl)} → ${show(is.baseUrl)}`,
    });
  const paths = objectAt(was, 'paths');
  for (const [pattern, targets] of Object.entries(objectAt(is, 'paths'))) {
    if (show(paths[pattern]) === show(targets)) continue;
    const before = paths[pattern] === undefined ? 'added' : show(paths[pattern]);
    changes.push({
      path: ['compilerOptions', 'paths', pattern],
      what: `compilerOptions.paths "${pattern}": ${before} → ${show(targets)}`,
    });
  }
  const rootDirs = Array.isArray(was.rootDirs) ? was.rootDirs.map(show) : [];
  for (const dir of Array.isArray(is.rootDirs) ? is.rootDirs : [])
    if (!rootDirs.includes(show(dir)))
      changes.push({ path: ['compilerOptions', 'rootDirs'], what: `compilerOptions.rootDirs: ${show(dir)} added` });
  return changes;
}
