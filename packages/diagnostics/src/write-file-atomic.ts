// Every file harness writes goes through here: npm's write-file-atomic writes a temporary file
// beside the target, fsyncs it and renames it over the target, so a crash, a Ctrl-C or a
// concurrent reader never sees half a file, and the temporary file is removed on failure or exit.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import atomicWriteFile from 'write-file-atomic';

/** Writes `contents` to `path` in one step, creating its folder first. */
export async function writeFileAtomic(path: string, contents: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await atomicWriteFile(path, contents);
}
