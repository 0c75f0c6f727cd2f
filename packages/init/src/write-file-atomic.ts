// Writes that are never half done: the content goes to a temporary file next
// to the target, then a rename replaces the target in one step (POSIX rename(2)
// is atomic within a file system). The temporary name is fixed per target, so a
// run interrupted between the two steps leaves a file the next run overwrites.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export function temporaryPathFor(path: string): string {
  return `${path}.harness-init-tmp`;
}

export async function writeFileAtomic(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = temporaryPathFor(path);
  try {
    await writeFile(temporary, content, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Removes what an interrupted earlier run may have left. */
export async function removeLeftover(path: string): Promise<void> {
  await rm(temporaryPathFor(path), { force: true });
}
