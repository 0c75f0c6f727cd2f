import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runInstall } from './install-adapter.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fakeTool(script: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'harness-init-install-'));
  made.push(dir);
  writeFileSync(join(dir, 'pm'), `#!/bin/sh\n${script}\n`);
  chmodSync(join(dir, 'pm'), 0o755);
  return dir;
}

describe.skipIf(process.platform === 'win32')('runInstall', () => {
  it('runs the package manager with git prompts off and no stdin, handing its output on', async () => {
    const dir = fakeTool(
      'echo "prompt=$GIT_TERMINAL_PROMPT"; if read -r line; then echo stdin=open; else echo stdin=closed; fi',
    );
    let output = '';
    await runInstall(dir, `${join(dir, 'pm')} install`, (text) => (output += text));
    expect(output).toBe('prompt=0\nstdin=closed\n');
  });

  it('a failing install is IO_FAILED naming the command and its exit code', async () => {
    const dir = fakeTool('exit 3');
    await expect(runInstall(dir, `${join(dir, 'pm')} install`, () => undefined)).rejects.toMatchObject({
      code: 'IO_FAILED',
      message: expect.stringContaining('exited with 3') as unknown,
    });
  });
});
