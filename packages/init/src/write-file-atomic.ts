// Writes that are never half done: the content goes to a temporary file next
// to the target, then a rename replaces the target in one step (POSIX rename(2)
// is atomic within a file system). The temporary name is fixed per target, so a
// run interrupted between the two steps leaves a file the next run overwrites.
// Nothing is written through a symbolic link: rename(2) replaces a link at the
// target itself, the temporary file is created exclusively (O_EXCL never
// follows a link), and a folder on the way that links out of the repository
// stops the write.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { HarnessError } from '@harness/diagnostics';
import { escapingFolder } from './repo-entry.js';

export function temporaryPathFor(path: string): string {
  return `${path}.harness-init-tmp`;
}

/** Writes `content` to `path` (relative to `root`, `/`-separated) in one step. */
export async function writeFileAtomic(root: string, path: string, content: string): Promise<void> {
  const escape = await escapingFolder(root, path);
  if (escape !== undefined) {
    throw new HarnessError(
      'IO_FAILED',
      `${path} is not written: ${escape} is a symbolic link that leaves the repository`,
      {
        place: { file: path },
        fix: `init writes only inside the repository: replace the link ${escape} with a folder, or move it away, and run init again.`,
      },
    );
  }
  const absolute = join(root, path);
  await mkdir(dirname(absolute), { recursive: true });
  const temporary = temporaryPathFor(absolute);
  try {
    await rm(temporary, { force: true });
    await writeFile(temporary, content, { encoding: 'utf8', flag: 'wx' });
    await rename(temporary, absolute);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Removes what an interrupted earlier run may have left. */
export async function removeLeftover(root: string, path: string): Promise<void> {
  if ((await escapingFolder(root, path)) !== undefined) return;
  await rm(temporaryPathFor(join(root, path)), { force: true });
}
