// Runs before each test file (setupFiles): the file gets a TMPDIR of its own inside the run's
// (global-setup.ts), so that whatever it leaves behind is reported under its name.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { expect } from 'vitest';
import { testFileMarker } from './global-setup.js';

const runRoot = process.env.HARNESS_TEST_TMPDIR;
const testPath = expect.getState().testPath;
if (runRoot !== undefined && testPath !== undefined) {
  const file = relative(process.cwd(), testPath);
  // Short names: tests put Unix sockets under TMPDIR, whose paths may not exceed 107 bytes.
  const id = createHash('sha256').update(file).digest('hex').slice(0, 6);
  const dir = join(
    runRoot,
    `${basename(file)
      .replace(/\.test\.ts$/, '')
      .slice(0, 20)}-${id}`,
  );
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, testFileMarker), `${file}\n`);
  process.env.TMPDIR = dir;
}
