// The agent's environment carries no GitHub token (docs/factory.md "Merging"): whatever protocol
// speaks to it, the variables a GitHub token travels in are taken out before the agent starts, and
// everything else (the socket that merges for it, PATH, the repository's own variables) is kept.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { runAgent } from '../src/run-agent.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const printEnv = `"${process.execPath}" -e "require('node:fs').writeFileSync(process.env.ENV_OUT, JSON.stringify(process.env))"`;

it.each(['command', 'codex-app-server', 'claude-stream-json'] as const)(
  'an agent spoken to as %s sees no GitHub token',
  async (protocol) => {
    const dir = mkdtempSync(join(tmpdir(), 'factory-env-'));
    made.push(dir);
    const out = join(dir, 'env.json');
    await runAgent({
      command: printEnv,
      protocol,
      cwd: dir,
      prompt: 'hello',
      env: {
        PATH: process.env.PATH ?? '',
        ENV_OUT: out,
        GITHUB_TOKEN: 'ghp_loop',
        GH_TOKEN: 'gho_cli',
        GITHUB_PAT: 'github_pat_x',
        GH_ENTERPRISE_TOKEN: 'ghe',
        GITHUB_ENTERPRISE_TOKEN: 'ghe2',
        HARNESS_FACTORY_SOCKET: '/tmp/x.sock',
        MY_APP_SETTING: 'kept',
      },
      timeoutMs: 60_000,
      stallMs: 60_000,
    });
    const seen = JSON.parse(readFileSync(out, 'utf8')) as Record<string, string>;
    expect(Object.keys(seen).filter((k) => /TOKEN|_PAT$/.test(k))).toEqual([]);
    expect(Object.values(seen).filter((v) => /^(ghp_|gho_|github_pat_|ghe)/.test(v))).toEqual([]);
    expect(seen).toMatchObject({ HARNESS_FACTORY_SOCKET: '/tmp/x.sock', MY_APP_SETTING: 'kept' });
  },
);
