// Before init writes anything it checks that every write can be made: inside
// the repository, not through a link that leaves it, not onto a folder or a
// symbolic link (only --force replaces a link), into a folder that exists or
// can be created and is writable. One failed check stops init with nothing
// written, instead of an error halfway through.
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { isAbsolute, join, posix } from 'node:path';
import { HarnessError } from 'agent-harness-diagnostics';
import type { PlannedFile } from './init-plan.js';
import { entryOf, escapingFolder, nearestExisting } from './repo-entry.js';

export interface WriteProblem {
  path: string;
  message: string;
  fix: string;
}

/** Every reason a planned write could not be made; empty when all can. */
export async function findWriteProblems(root: string, files: readonly PlannedFile[]): Promise<WriteProblem[]> {
  const problems: WriteProblem[] = [];
  for (const file of files) {
    const problem = await problemOf(root, file);
    if (problem !== undefined) problems.push(problem);
  }
  return problems;
}

async function problemOf(root: string, file: PlannedFile): Promise<WriteProblem | undefined> {
  const { path } = file;
  const normal = posix.normalize(path);
  if (isAbsolute(path) || normal === '..' || normal.startsWith('../')) {
    return {
      path,
      message: `${path} is outside the repository`,
      fix: 'This is a bug in harness: init writes only inside the repository; please report it.',
    };
  }
  const escape = await escapingFolder(root, path);
  if (escape !== undefined) {
    return {
      path,
      message: `${escape} is a symbolic link that leaves the repository`,
      fix: `init writes only inside the repository: replace the link ${escape} with a folder, or move it away.`,
    };
  }
  const entry = await entryOf(root, path);
  if (entry.kind === 'directory')
    return { path, message: `${path} is a folder`, fix: `Move or rename the folder ${path}, then run init again.` };
  if (entry.kind === 'other')
    return { path, message: `${path} is not a regular file`, fix: `Move ${path} away, then run init again.` };
  if (entry.kind === 'link' && file.replacesLink !== true) {
    return {
      path,
      message: `${path} is a symbolic link`,
      fix: `Remove the link ${path}, or run init with --force to replace the link (never what it points to).`,
    };
  }
  const folder = await nearestExisting(root, path);
  const shown = folder === '' ? 'the repository root' : folder;
  const folderEntry = folder === '' ? { kind: 'directory' as const } : await entryOf(root, folder);
  const isFolder =
    folderEntry.kind === 'directory' || (folderEntry.kind === 'link' && folderEntry.resolves === 'directory');
  if (!isFolder)
    return { path, message: `${shown} is a file, not a folder`, fix: `Move ${shown} away, then run init again.` };
  try {
    await access(join(root, folder), constants.W_OK | constants.X_OK);
  } catch {
    return {
      path,
      message: `${shown} is not writable`,
      fix: `Make ${shown} writable (\`chmod u+w ${folder === '' ? '.' : folder}\`) or run init as its owner, then run init again.`,
    };
  }
  return undefined;
}

/** One line per distinct problem, for the plan: `cannot write docs/index.md and 9 more: docs is not writable. fix` */
export function describeWriteProblems(problems: readonly WriteProblem[]): string[] {
  const groups = new Map<string, WriteProblem[]>();
  for (const problem of problems) groups.set(problem.message, [...(groups.get(problem.message) ?? []), problem]);
  return [...groups.entries()].map(
    ([message, [first, ...rest]]) =>
      `cannot write ${first?.path ?? ''}${rest.length > 0 ? ` and ${rest.length} more` : ''}: ${message}. ${first?.fix ?? ''}`,
  );
}

/** The error for writes that cannot be made: every problem, the first one's place, each fix once. */
export function writeProblemsError(problems: readonly WriteProblem[]): HarnessError {
  const fixes = [...new Set(problems.map((p) => p.fix))];
  const messages = [...new Set(problems.map((p) => p.message))];
  return new HarnessError('IO_FAILED', `${messages.join('; ')}, so init cannot write there; nothing was written`, {
    place: { file: problems[0]?.path ?? '.' },
    fix: fixes.join(' '),
  });
}
