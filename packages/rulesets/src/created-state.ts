// Which rulesets harness created, so `apply` deletes those (and only those,
// without --prune) once their file is gone. GitHub rulesets have no field to
// carry such a mark, so it lives next to the files, in
// `<rulesets.dir>/.harness-created.json`, committed with them:
// {"version": 1, "created": {"owner/repo": {"<name>": <id>}}}.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HarnessError } from 'agent-harness-diagnostics';
import { writeFileInside } from 'agent-harness-system';
import { isJsonObject } from './ruleset-file.js';

export const createdStateFile = '.harness-created.json';

export interface CreatedState {
  version: 1;
  /** By repository (`owner/repo`), the rulesets harness created there: name → id. */
  created: Record<string, Record<string, number>>;
}

export function createdStatePath(dir: string): string {
  return `${dir.replace(/\\/g, '/').replace(/\/+$/, '')}/${createdStateFile}`;
}

export async function readCreatedState(root: string, dir: string): Promise<CreatedState> {
  const file = createdStatePath(dir);
  let text: string;
  try {
    text = await readFile(join(root, file), 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, created: {} };
    throw new HarnessError('IO_FAILED', `cannot read ${file}`, { cause, place: { file } });
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (isJsonObject(parsed) && parsed.version === 1 && isJsonObject(parsed.created))
      return parsed as unknown as CreatedState;
  } catch {
    // fall through to the error below
  }
  throw new HarnessError('CONFIG_INVALID', `${file} is not a harness rulesets state file`, {
    place: { file },
    fix: `Restore it from git (git checkout -- ${file}); it records which rulesets harness created, so apply can delete them when their file is removed.`,
  });
}

/** Written atomically, so a crash never leaves half a file. */
export async function writeCreatedState(root: string, dir: string, state: CreatedState): Promise<void> {
  const sorted: CreatedState = {
    version: 1,
    created: Object.fromEntries(
      Object.entries(state.created)
        .filter(([, names]) => Object.keys(names).length > 0)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([repository, names]) => [
          repository,
          Object.fromEntries(Object.entries(names).sort(([a], [b]) => a.localeCompare(b))),
        ]),
    ),
  };
  await writeFileInside(root, createdStatePath(dir), `${JSON.stringify(sorted, null, 2)}\n`);
}
