// The factory with a compose section, on a real Docker engine: every issue's
// worktree gets its own stack before the agent's first turn, the agent sees the
// stack's ports in its environment, nothing of the stack lands in the PR, and the
// stack and its volumes are gone once the PR is merged.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pullsOf } from 'agent-harness-github-standin';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildBusyboxImage, removeImage } from '../../compose/test/busybox-image.js';
import { runFactory } from '../src/run-factory.js';
import { composeStackHooks } from '../src/worktree-stack.js';
import { useWorld } from './factory-fixture.js';

const image = `harness-factory-test-${process.pid}`;

function stackContainers(worktree: string): string[] {
  const out = execFileSync('docker', ['ps', '-aq', '--filter', `label=dev.harness.worktree=${worktree}`], {
    encoding: 'utf8',
  });
  return out.split('\n').filter((line) => line !== '');
}

beforeAll(() => buildBusyboxImage(image));
afterAll(() => removeImage(image));

const world = useWorld({
  beforeClose: ({ root }) => {
    // A failed test must not leave its stack on the engine: everything labelled with this world's repo goes.
    const label = `label=dev.harness.repo=${join(root, '.git')}`;
    const ids = (kind: string[]) =>
      execFileSync('docker', [...kind, '-q', '--filter', label], { encoding: 'utf8' })
        .split('\n')
        .filter((id) => id !== '');
    const containers = ids(['ps', '-a']);
    if (containers.length > 0) execFileSync('docker', ['rm', '-f', ...containers]);
    const networks = ids(['network', 'ls']);
    if (networks.length > 0) execFileSync('docker', ['network', 'rm', ...networks]);
    const volumes = ids(['volume', 'ls']);
    if (volumes.length > 0) execFileSync('docker', ['volume', 'rm', '-f', ...volumes]);
  },
});

beforeEach(() => {
  const { git, root } = world();
  writeFileSync(
    join(root, 'compose.yaml'),
    `services:\n  web:\n    image: ${image}\n    command: ["httpd", "-f", "-p", "8080", "-h", "/www"]\n    ports: ["8080:8080"]\n    volumes: ["data:/data"]\nvolumes:\n  data: {}\n`,
  );
  git(root, 'add', 'compose.yaml');
  git(root, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '-m', 'compose');
  git(root, 'push', '--quiet', 'origin', 'HEAD:main');
});

describe('the factory with a compose section', () => {
  it('brings the worktree’s stack up for the agent and takes it down, volumes too, after the merge', async () => {
    const issue = world().addIssue({ title: 'Add a greeting', body: 'Write hello.txt.' });
    world().script_([
      { write: { 'hello.txt': 'hello\n' }, print: [JSON.stringify({ outcome: 'continue' })] },
      { print: [JSON.stringify({ outcome: 'sleep', seconds: 120 })] },
      { merge: true, print: [JSON.stringify({ outcome: 'merged' })] },
    ]);
    const env = { ...world().env, HOME: process.env.HOME ?? '/root' };
    const hooks = composeStackHooks({ files: ['compose.yaml'], shared: [], sharedVolumes: [] }, env);
    let state = await runFactory(world().options(hooks));
    const record = state.issues[issue];
    expect(record?.phase).toBe('pr-open');
    const worktree = record?.worktree ?? '';

    // The agent ran against the stack: its port is in the environment, and the stack answers there.
    const seen = JSON.parse(readFileSync(`${world().script}.env-1`, 'utf8')) as Record<string, string>;
    expect(seen.HARNESS_PROJECT).toMatch(/^[a-z0-9][a-z0-9_-]*$/);
    expect(Number(seen.HARNESS_PORT_WEB_8080)).toBeGreaterThan(0);
    expect(Number(seen.HARNESS_PORT_WEB_8080)).not.toBe(8080);
    expect(stackContainers(worktree)).toHaveLength(1);
    const volume = execFileSync(
      'docker',
      ['volume', 'ls', '-q', '--filter', `label=dev.harness.worktree=${worktree}`],
      { encoding: 'utf8' },
    ).trim();
    expect(volume).not.toBe('');

    // Nothing of the stack (.harness/env, the rendered compose file) was committed to the PR.
    const files = world().git(world().origin, 'ls-tree', '-r', '--name-only', 'harness/issue-1').split('\n');
    expect(files.filter((f) => f.startsWith('.harness/'))).toEqual([]);

    // Something changes on the PR (a status arrives), so the agent gets its turn and merges.
    pullsOf(world().repo).statuses.push({
      id: 1,
      sha: world().git(world().origin, 'rev-parse', 'harness/issue-1'),
      context: 'ci',
      state: 'success',
      description: null,
    });
    world().clock.offsetMs = 400_000;
    state = await runFactory(world().options(hooks));
    expect(state.issues[issue]?.phase).toBe('merged');
    expect(pullsOf(world().repo).pulls.get(2)?.merged).toBe(true);
    expect(stackContainers(worktree)).toEqual([]);
    expect(
      execFileSync('docker', ['volume', 'ls', '-q', '--filter', `name=${volume}`], { encoding: 'utf8' }).trim(),
    ).toBe('');
    expect(readFileSync(join(world().root, '.harness', 'factory', 'events.jsonl'), 'utf8')).toContain(
      '"event":"stack-down"',
    );
  });
});
