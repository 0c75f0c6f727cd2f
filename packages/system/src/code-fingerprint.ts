// What identifies a build of a package for its caches: the version in its package.json and the
// names, sizes and times of its modules. A cache written by another version, or by a build whose
// code has since changed (in a checkout of harness), is not trusted. A stat per module, not a
// read, all on libuv's threads: callers ask while they do other work (listing the files).
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

const fingerprints = new Map<string, Promise<string>>();

/**
 * `<version>+<hash>` of the build folder `dir` (dist/, or src/ where the sources run): the version
 * of `dir/../package.json`, and every .js/.ts module below `dir` but tests. Computed once per process.
 */
export function codeFingerprint(dir: string): Promise<string> {
  let fingerprint = fingerprints.get(dir);
  if (fingerprint === undefined) {
    fingerprint = fingerprintOf(dir);
    fingerprints.set(dir, fingerprint);
  }
  return fingerprint;
}

async function fingerprintOf(dir: string): Promise<string> {
  const [manifest, entries] = await Promise.all([
    readFile(join(dir, '..', 'package.json'), 'utf8'),
    readdir(dir, { recursive: true, encoding: 'utf8' }),
  ]);
  const modules = entries.filter((entry) => /\.[cm]?[jt]s$/.test(entry) && !entry.endsWith('.test.ts'));
  const code = await Promise.all(
    modules.map(async (entry) => {
      const { size, mtimeMs } = await stat(join(dir, entry));
      return `${entry}:${size}:${mtimeMs}`;
    }),
  );
  const hash = createHash('sha1').update(code.sort().join('\n')).digest('base64url').slice(0, 16);
  return `${String((JSON.parse(manifest) as { version?: unknown }).version)}+${hash}`;
}
