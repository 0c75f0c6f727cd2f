// Tests leave nothing in the temporary folder. The run gets a fresh TMPDIR, and each test file a
// folder of its own inside it (temp-dir-per-file.ts); at the end, anything still there fails the
// run, listed under the test file that left it. Child processes that tests start with a clean
// environment (no TMPDIR) write to the machine's temporary folder and are not seen here.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Names the test file a per-file folder belongs to; the guard's own, never a leftover. */
export const testFileMarker = '.harness-test-file';
/** Node's module compile cache, which npm and npx (run by the packed-install test) keep under TMPDIR by design. */
const ignored = new Set([testFileMarker, 'node-compile-cache']);

interface SharedTempRoot {
  root: string;
  outer: string | undefined;
  projects: number;
}

// Each project (unit, integration) runs this setup; they share one folder and the last teardown checks it.
const sharedKey = 'harnessTestTempRoot';
const shared = globalThis as typeof globalThis & { [sharedKey]?: SharedTempRoot };

/** @public vitest calls it: `globalSetup` in vitest.config.ts. */
export function setup(): void {
  shared[sharedKey] ??= {
    root: mkdtempSync(join(tmpdir(), 'harness-vitest-')),
    outer: process.env.TMPDIR,
    projects: 0,
  };
  shared[sharedKey].projects += 1;
  process.env.TMPDIR = shared[sharedKey].root;
  process.env.HARNESS_TEST_TMPDIR = shared[sharedKey].root;
}

/** @public vitest calls it after the run: `globalSetup` in vitest.config.ts. */
export function teardown(): void {
  const state = shared[sharedKey];
  if (state === undefined || --state.projects > 0) return;
  delete shared[sharedKey];
  if (state.outer === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = state.outer;
  delete process.env.HARNESS_TEST_TMPDIR;
  const found = leftovers(state.root);
  rmSync(state.root, { recursive: true, force: true });
  if (found.length > 0) {
    throw new Error(
      `tests left files in the temporary folder (remove them in afterEach/afterAll or onTestFinished):\n${found.join('\n')}`,
    );
  }
}

/** `<test file>: <entry>` for each leftover of a per-file folder, `<entry>` for one outside them. */
function leftovers(root: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (ignored.has(entry.name)) continue;
    const marker = join(root, entry.name, testFileMarker);
    if (!entry.isDirectory() || !existsSync(marker)) {
      found.push(`  (no test file known): ${entry.name}`);
      continue;
    }
    const testFile = readFileSync(marker, 'utf8').trim();
    for (const left of readdirSync(join(root, entry.name))) {
      if (!ignored.has(left)) found.push(`  ${testFile}: ${left}`);
    }
  }
  return found.sort();
}
