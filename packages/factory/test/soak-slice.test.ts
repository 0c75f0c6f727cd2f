// A short, deterministic slice of the factory soak (bench/factory-soak, docs/factory.md "Soak"): the
// built `harness factory --once`, run again and again against the stand-in until every issue has
// ended, is killed with SIGKILL at named moments (right after GitHub did a write and before the loop
// heard the answer), while a person pushes to a PR branch and takes a label off an issue under way.
// It asserts the soak's invariants: properties of the end state, never timing.
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addIssue, issuesOf, pullsOf, startGithubStandin } from 'agent-harness-github-standin';
import { afterEach, describe, expect, it } from 'vitest';
import { checkInvariants, finalStates, readPhases } from '../../../bench/factory-soak/soak-invariants.js';
import type { LoopExit, LoopRunner } from '../../../bench/factory-soak/soak-loop.js';
import { createLoopRunner } from '../../../bench/factory-soak/soak-loop.js';
import type { SoakWorld } from '../../../bench/factory-soak/soak-world.js';
import { createSoakWorld } from '../../../bench/factory-soak/soak-world.js';

const harnessBin = join(import.meta.dirname, '..', '..', 'harness', 'bin', 'harness.js');
const standinModule = { addIssue, issuesOf, pullsOf, startGithubStandin };
let world: SoakWorld | undefined;
let runner: LoopRunner | undefined;

afterEach(async () => {
  await runner?.stop(0);
  await world?.close();
  if (world !== undefined) rmSync(world.dir, { recursive: true, force: true });
  world = undefined;
  runner = undefined;
});

type Request = Parameters<Parameters<SoakWorld['onRequest']>[0]>[0];

const created = (branch: string) => (r: Request) =>
  r.method === 'POST' && r.path.endsWith('/pulls') && r.status === 201 && (r.body as { head?: string }).head === branch;

describe('the factory soak, a slice', () => {
  it('ends with every issue merged or with a person and nothing duplicated, through kills, a push and a label change', async () => {
    const soak = await createSoakWorld({
      standinModule,
      harnessBin,
      parent: tmpdir(),
      issues: [{ kind: 'normal' }, { kind: 'redci' }, { kind: 'human' }, { kind: 'normal' }],
      concurrency: 4,
      docs: false,
      ciDelayMs: () => 0,
    });
    world = soak;
    const logDir = join(soak.dir, 'logs');
    mkdirSync(logDir);
    const exits: LoopExit[] = [];
    let relabelledAt: number | undefined;
    runner = createLoopRunner({
      harnessBin,
      root: soak.root,
      env: soak.env,
      args: ['--once'],
      logDir,
      afterExit(exit) {
        exits.push(exit);
        // The label goes back once a whole run has seen it gone; a run after that sees it back.
        const putBack = relabelledAt !== undefined && exits.length === relabelledAt + 2;
        if (relabelledAt !== undefined && exits.length > relabelledAt + 1) soak.person.addLabel(4, 'agent-ready');
        const ends = finalStates(soak, readPhases(soak.root));
        return (putBack || [...ends.values()].some((e) => e === undefined)) && exits.length < 40;
      },
    });
    const loop = runner;
    // Each trigger fires once, on the request the stand-in has just answered, before the loop reads the answer.
    const triggers: { name: string; when: (r: Request) => boolean; act: () => void; fired?: boolean }[] = [
      {
        name: "#4's PR is created; a person takes its label off",
        when: created('harness/issue-4'),
        act: () => {
          if (soak.person.removeLabel(4, 'agent-ready')) relabelledAt = exits.length;
          loop.kill();
        },
      },
      {
        name: "#1's PR is created; a person pushes to it",
        when: created('harness/issue-1'),
        act: () => void soak.person.push('harness/issue-1', 'slice'),
      },
      {
        name: 'a comment is posted',
        when: (r) => r.method === 'POST' && r.path.endsWith('/comments'),
        act: () => loop.kill(),
      },
      {
        name: 'a label is added',
        when: (r) => r.method === 'POST' && r.path.endsWith('/labels'),
        act: () => loop.kill(),
      },
      {
        name: 'a PR is merged',
        when: (r) => r.method === 'PUT' && r.path.endsWith('/merge') && r.status === 200,
        act: () => loop.kill(),
      },
    ];
    soak.onRequest((request) => {
      for (const trigger of triggers)
        if (trigger.fired !== true && trigger.when(request)) {
          trigger.fired = true;
          trigger.act();
        }
    });

    loop.start();
    await loop.finished;

    expect(triggers.filter((t) => t.fired !== true).map((t) => t.name)).toEqual([]);
    expect(loop.kills).toBe(4);
    expect(exits.filter((e) => !e.killed && e.code !== 0).map((e) => e.log)).toEqual([]);
    const phases = readPhases(soak.root);
    expect(checkInvariants(soak, standinModule, phases).filter((v) => !v.ok)).toEqual([]);
    const ends = finalStates(soak, phases);
    expect([1, 2, 3, 4].map((n) => ends.get(n))).toEqual(['merged', 'merged', 'human', 'merged']);
    expect(soak.foreign).toHaveLength(1);
    expect(soak.git(soak.origin, 'show', 'main:soak/person-slice.txt')).toBe("a person's change slice");
  }, 300_000);
});
