// Reading one source file that is new or changed since the cache: its bytes, their hash and, when
// the hash is not the cached one, its imports. The main thread and the scan workers
// (scan-in-parallel.ts) both read files through here.
import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LexedFile } from './lex-imports.js';
import { lexImports, loadParserFallback, ParserFallbackNeeded } from './lex-imports.js';

export interface SourceRead {
  /** The content hash (the cache's key for a file's imports). */
  digest: string;
  /** The file's imports; none when its hash is the expected one (touched, not changed). */
  lexed?: LexedFile;
}

export function hashBytes(bytes: Uint8Array): string {
  return hash('sha1', bytes, 'base64url');
}

/** Undefined when the file cannot be read (deleted since it was listed): it is not part of this run. */
export async function readSource(
  absolute: string,
  path: string,
  expected: string | undefined,
): Promise<SourceRead | undefined> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch {
    return undefined;
  }
  const digest = hashBytes(bytes);
  if (digest === expected) return { digest };
  return { digest, lexed: await lexFile(bytes.toString('utf8'), path) };
}

/** A file's imports; oxc-parser is loaded for the first file the lexer cannot read (JSX), not before. */
async function lexFile(text: string, path: string): Promise<LexedFile> {
  try {
    return lexImports(text, path);
  } catch (error) {
    if (!(error instanceof ParserFallbackNeeded)) throw error;
    await loadParserFallback();
    return lexImports(text, path);
  }
}
