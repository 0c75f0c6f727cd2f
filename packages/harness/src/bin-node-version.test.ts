// The Node.js version check at the top of bin/harness.js, run from the bin's own text with a
// stand-in `process`, so it is tested with version strings without spawning old Node releases.
import { readFileSync } from 'node:fs';
import { createContext, Script } from 'node:vm';
import { describe, expect, it } from 'vitest';

const binText = readFileSync(new URL('../bin/harness.js', import.meta.url), 'utf8');
const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  engines: { node: string };
};

interface BinGlobals {
  requiredNode: string;
  nodeVersionProblem(version: string, required: string): string;
  process: { exitCode: number | undefined };
}

/** Runs the bin as a plain script (the syntax an old Node reads) under a stand-in process. */
function runBin(version: string): { globals: BinGlobals; stderr: string } {
  let stderr = '';
  const process = {
    versions: { node: version },
    exitCode: undefined as number | undefined,
    stderr: { write: (text: string) => void (stderr += text) },
  };
  const context = createContext({ process }) as unknown as BinGlobals;
  new Script(binText, { filename: 'harness.js' }).runInContext(context);
  return { globals: context, stderr };
}

describe('the bin’s Node.js version check', () => {
  it('refuses an older Node before loading anything: exit 2 naming the version needed', () => {
    const { globals, stderr } = runBin('20.20.2');
    expect(globals.process.exitCode).toBe(2);
    expect(stderr).toBe(
      'error TOOL_MISSING: harness needs Node.js 22.12.0 or newer; this is Node.js 20.20.2\n' +
        '  fix: Install Node.js 22 LTS or newer (https://nodejs.org/, or `nvm install 22`), then run harness again.\n',
    );
  });

  it.each([
    ['22.12.0', true],
    ['22.12.1', true],
    ['22.13.0', true],
    ['23.0.0', true],
    ['24.11.1', true],
    ['v22.12.0', true],
    ['22.11.9', false],
    ['22.2.0', false],
    ['20.20.2', false],
    ['18.0.0', false],
    ['0.10.48', false],
  ])('Node.js %s is accepted: %s', (version, accepted) => {
    const { globals } = runBin('0.0.0');
    expect(globals.nodeVersionProblem(version, globals.requiredNode) === '').toBe(accepted);
  });

  it('needs what package.json’s engines says', () => {
    const { globals } = runBin('0.0.0');
    expect(packageJson.engines.node).toBe(`>=${globals.requiredNode.replace(/\.0$/, '')}`);
  });
});
