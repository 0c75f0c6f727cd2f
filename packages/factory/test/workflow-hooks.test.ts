// WORKFLOW.md from the base branch as the prompt, settings reloaded before each pass
// (an invalid file keeps the last good ones), the workspace hooks, and a parked issue's
// worktree removed: run through the loop against the stand-in with the scripted agent.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { issuesOf } from 'agent-harness-github-standin';
import { beforeEach, describe, expect, it } from 'vitest';
import { runFactory } from '../src/run-factory.js';
import { withWorkflow } from '../src/settings.js';
import { useWorld } from './factory-fixture.js';

let hooksLog: string;

const world = useWorld();

beforeEach(() => {
  hooksLog = join(dirname(world().origin), 'hooks.log');
});

/** Commits WORKFLOW.md to origin's main, as a person would. */
function pushWorkflow(text: string): void {
  const clone = join(dirname(world().origin), `clone-${Date.now()}-${Math.random()}`);
  world().git(dirname(world().origin), 'clone', '--quiet', world().origin, clone);
  writeFileSync(join(clone, 'WORKFLOW.md'), text);
  world().git(clone, 'add', 'WORKFLOW.md');
  world().git(clone, '-c', 'user.name=p', '-c', 'user.email=p@p', 'commit', '--quiet', '-m', 'workflow');
  world().git(clone, 'push', '--quiet', 'origin', 'HEAD:main');
}

const hook = (name: string) => `echo "${name} $HARNESS_FACTORY_ISSUE" >> "${hooksLog}"`;

function options(extra: { hooks?: Record<string, unknown> } = {}) {
  const base = world().options({
    config: {
      hooks: {
        afterCreate: hook('afterCreate'),
        beforeRun: hook('beforeRun'),
        afterRun: hook('afterRun'),
        beforeRemove: hook('beforeRemove'),
        timeoutSeconds: 30,
        ...extra.hooks,
      },
    },
  });
  const events: Record<string, unknown>[] = [];
  return {
    events,
    options: {
      ...base,
      reload: () => withWorkflow(world().root, base.config),
      onEvent: (e: Record<string, unknown>) => events.push(e),
    },
  };
}

describe('WORKFLOW.md and the workspace hooks', () => {
  it('renders the base branch WORKFLOW.md as the prompt and runs the hooks around the agent', async () => {
    pushWorkflow(
      '---\nmaxTurns: 3\n---\nIssue {{ issue.number }}: {{ issue.title }} ({{ issue.body }}), attempt {{ attempt }}.\n',
    );
    world().addIssue({ title: 'One', body: 'make a.txt' });
    world().script_([{ write: { 'a.txt': 'x\n' }, print: ['{"outcome":"continue"}'] }]);
    const { options: run } = options();
    await runFactory(run);
    const prompt = readFileSync(`${world().script}.prompt-1`, 'utf8');
    expect(prompt).toContain('Issue 1: One (make a.txt), attempt 1.');
    expect(prompt).toContain('print exactly one JSON object');
    expect(readFileSync(hooksLog, 'utf8').split('\n').slice(0, 3)).toEqual([
      'afterCreate 1',
      'beforeRun 1',
      'afterRun 1',
    ]);
  });

  it('an invalid WORKFLOW.md is logged and the loop goes on; an issue that lost its label is parked and its worktree removed', async () => {
    pushWorkflow('---\nmaxTurn: 3\n---\nhello\n');
    world().addIssue({ title: 'One' });
    world().script_([
      {
        write: { 'a.txt': 'x\n' },
        print: ['{"outcome":"continue"}'],
        onPr: { print: ['{"outcome":"sleep","seconds":600}'] },
      },
    ]);
    const first = options();
    const state = await runFactory(first.options);
    const invalid = first.events.find((e) => e.event === 'settings-invalid');
    expect(String(invalid?.error)).toContain('WORKFLOW.md:2');
    expect(String(invalid?.error)).toContain('maxTurns');
    expect(state.issues[1]?.phase).toBe('pr-open');
    const worktree = state.issues[1]?.worktree ?? '';
    expect(existsSync(worktree)).toBe(true);
    const issue = issuesOf(world().repo).issues.get(1);
    if (issue) issue.labels = [];
    const again = await runFactory(options().options);
    expect([again.issues[1]?.phase, again.issues[1]?.lastReason]).toEqual([
      'parked',
      'issue #1 lost the label agent-ready',
    ]);
    expect(existsSync(worktree)).toBe(false);
    expect(readFileSync(hooksLog, 'utf8')).toContain('beforeRemove 1');
  });

  it('a failing beforeRun hook fails the attempt visibly, without running the agent', async () => {
    world().addIssue({ title: 'One' });
    world().script_([{ write: { 'a.txt': 'x\n' }, print: ['{"outcome":"continue"}'] }]);
    const state = await runFactory(options({ hooks: { beforeRun: 'echo no database >&2; exit 3' } }).options);
    expect(state.issues[1]?.lastReason).toContain('the beforeRun hook');
    expect(state.issues[1]?.lastReason).toContain('exited with 3: no database');
    expect(existsSync(`${world().script}.count`)).toBe(false);
  });

  it('the hooks get no GitHub token: they run in the worktree, where the code the agent wrote (install scripts, tests) runs', async () => {
    world().addIssue({ title: 'One' });
    world().script_([{ write: { 'a.txt': 'x\n' }, print: ['{"outcome":"continue"}'] }]);
    const tokens = 'token=${GITHUB_TOKEN:-none} gh=${GH_TOKEN:-none}';
    const { options: run } = options({
      hooks: {
        afterCreate: `echo "afterCreate ${tokens}" >> "${hooksLog}"`,
        afterRun: `echo "afterRun ${tokens}" >> "${hooksLog}"`,
      },
    });
    await runFactory({ ...run, env: { ...run.env, GH_TOKEN: 'g' } });
    const lines = readFileSync(hooksLog, 'utf8')
      .split('\n')
      .filter((l) => l.includes('token='));
    expect(lines.filter((l) => l.startsWith('afterCreate '))).toEqual(['afterCreate token=none gh=none']);
    expect(lines.filter((l) => l.startsWith('afterRun ')).length).toBeGreaterThan(0);
    expect(new Set(lines.map((l) => l.replace(/^\w+ /, '')))).toEqual(new Set(['token=none gh=none']));
  });
});

describe('live reconciliation in the loop', () => {
  it('kills a running agent whose issue a person closed, parks the issue and says why', async () => {
    world().addIssue({ title: 'One' });
    world().script_([{ print: ['working'], stall: true }]);
    const base = world().options({ config: { stallMinutes: 600, agentTimeoutMinutes: 600 } });
    const killed: number[] = [];
    const state = await runFactory({
      ...base,
      pollSeconds: 0.05,
      runAgent: (agent) =>
        base.runAgent({
          ...agent,
          onStart: (pid) => {
            agent.onStart?.(pid);
            const issue = issuesOf(world().repo).issues.get(1);
            if (issue) issue.state = 'closed';
          },
        }),
      killAgent: (pid) => {
        killed.push(pid);
        process.kill(-pid, 'SIGKILL');
      },
    });
    expect(killed).toHaveLength(1);
    expect([state.issues[1]?.phase, state.issues[1]?.lastReason]).toEqual(['parked', 'issue #1 was closed']);
    expect(state.issues[1]?.agentPid).toBeUndefined();
  });
});
