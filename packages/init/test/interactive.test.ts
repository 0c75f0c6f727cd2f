// `harness init` on a real terminal: the built CLI runs under `script`, which
// gives it a pseudo-terminal, and the test answers the prompts as a person
// would, key by key, once each question is on screen. Needs the build
// (`pnpm test` builds first).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureRepo, removeFixtureRepos, snapshotTree } from './fixture-repo.js';

afterAll(removeFixtureRepos);

const cli = fileURLToPath(new URL('../../harness/dist/run.js', import.meta.url));
const enter = '\r';
const down = '\u001b[B';
const ctrlC = '\u0003';

interface Step {
  /** Text that shows the question is on screen. */
  waitFor: string;
  keys: string;
}

/** Runs `harness init` in `cwd` on a pseudo-terminal, answering each step in turn. */
function runOnTerminal(cwd: string, steps: Step[]): Promise<{ code: number | null; screen: string }> {
  return new Promise((resolve, reject) => {
    // A pseudo-terminal made without a parent terminal has no size; give it one as a window would.
    const command = `stty cols 120 rows 40; ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} init`;
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd,
      env: { ...process.env, TERM: 'xterm', CI: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    let next = 0;
    const onData = (chunk: Buffer) => {
      // Without colour and cursor codes, the text as a person reads it.
      screen += chunk.toString('utf8').replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
      const step = steps[next];
      if (step !== undefined && screen.includes(step.waitFor)) {
        next++;
        screen += '\n';
        child.stdin.write(step.keys);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    // A prompt that never appears must not leave the process behind.
    const stop = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(stop);
      resolve({ code, screen });
    });
  });
}

describe('harness init on a terminal', () => {
  it('asks, takes the answers (layers left out here), confirms, then writes', async () => {
    const root = fixtureRepo('shop');
    const { code, screen } = await runOnTerminal(root, [
      { waitFor: 'Use the proposal (contracts the code obeys)', keys: down + enter },
      { waitFor: 'What should init set up?', keys: enter },
      { waitFor: 'Write these files?', keys: enter },
    ]);
    expect(code, screen).toBe(0);
    expect(screen).toContain('harness check: green');
    const config = readFileSync(join(root, 'harness.config.yaml'), 'utf8');
    expect(config).not.toMatch(/^layers:/m);
    expect(config).toMatch(/^docs:/m);
    expect(existsSync(join(root, 'AGENTS.md'))).toBe(true);
  });

  it('Ctrl-C at the first question writes nothing', async () => {
    const root = fixtureRepo('shop');
    const before = snapshotTree(root);
    const { code, screen } = await runOnTerminal(root, [
      { waitFor: 'Use the proposal (contracts the code obeys)', keys: ctrlC },
    ]);
    expect(code, screen).toBe(0);
    expect(screen).toContain('Cancelled: nothing was written.');
    expect(snapshotTree(root)).toEqual(before);
  });
});
