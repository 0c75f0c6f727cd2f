// The soak's faults, drawn from a seeded generator: `kill -9` of the loop's process group at a random
// moment or right after the k-th write GitHub answers next (before the loop hears the answer), a
// person's push to an open PR's branch, a factory label taken off an issue under way and put back
// later, `harness:human` put on an issue under way, an open PR closed. The seed fixes the sequence
// of decisions; what each one hits depends on where the loop is when it is drawn.
import type { LoopRunner } from './soak-loop.ts';
import type { Phases } from './soak-invariants.ts';
import type { SoakWorld } from './soak-world.ts';

export interface Random {
  next(): number;
  pick<T>(list: T[]): T;
}

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function createRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: (list) => list[Math.floor(next() * list.length)] as (typeof list)[number] };
}

export interface FaultOptions {
  world: SoakWorld;
  runner: LoopRunner;
  random: Random;
  kills: number;
  killEverySeconds: number;
}

export interface Faults {
  tick(phases: Phases): void;
  stop(): void;
  summary(): string;
}

const underWay = new Set(['implementing', 'checking', 'pr-open']);

export function createFaults(options: FaultOptions): Faults {
  const killer = createKiller(options);
  const person = createPerson(options);
  return {
    tick(phases) {
      killer.tick();
      person.tick(phases);
    },
    stop() {
      killer.stop();
      person.stop();
    },
    summary: () => `${killer.summary()}; faults: ${person.summary()}`,
  };
}

/** `kill -9` every `killEverySeconds` or so: half at once, half right after the k-th write (1–4) GitHub answers next. */
function createKiller({ world, runner, random, kills, killEverySeconds }: FaultOptions) {
  const done = { now: 0, afterWrite: 0 };
  const writes: string[] = [];
  const gap = () => killEverySeconds * 1000 * (0.25 + 1.5 * random.next());
  let nextKillAt = Date.now() + gap();
  let armed = 0;
  let stopped = false;
  world.onRequest((request) => {
    if (stopped || armed === 0 || request.method === 'GET' || request.path === '/graphql') return;
    armed -= 1;
    if (armed === 0 && runner.kill()) {
      done.afterWrite += 1;
      writes.push(`${request.method} ${request.path.replace('/repos/octo/app', '')} ${request.status}`);
    }
  });
  return {
    tick() {
      if (done.now + done.afterWrite >= kills || Date.now() < nextKillAt || !runner.running() || armed > 0) return;
      nextKillAt = Date.now() + gap();
      if (random.next() < 0.5) {
        if (runner.kill()) done.now += 1;
      } else armed = 1 + Math.floor(random.next() * 4);
    },
    stop: () => void (stopped = true),
    summary: () =>
      `kills ${done.now + done.afterWrite} (${done.now} at a random moment, ${done.afterWrite} right after a write: ` +
      `${[...new Set(writes.map((w) => w.replace(/\/\d+/g, '/N')))].join('; ')})`,
  };
}

/** A person's pushes, label changes and closed PRs, on issues under way, each kind within its budget. */
function createPerson({ world, random }: FaultOptions) {
  const n = world.issues.length;
  const budget = {
    push: Math.ceil(n / 5),
    relabel: Math.ceil(n / 10),
    human: Math.ceil(n / 20),
    close: Math.ceil(n / 20),
  };
  const done = { push: 0, pushRefused: 0, relabel: 0, human: 0, close: 0 };
  const relabels: { issue: number; at: number }[] = [];
  const openPull = (issue: number) => world.openPulls().find((p) => p.head === `harness/issue-${issue}`);
  const due = (kind: keyof typeof budget, targets: number[], chance: number) =>
    done[kind] < budget[kind] && targets.length > 0 && random.next() < chance;
  return {
    tick(phases: Phases) {
      for (const r of relabels.filter((r) => r.at <= Date.now())) {
        world.person.addLabel(r.issue, 'agent-ready');
        relabels.splice(relabels.indexOf(r), 1);
      }
      const live = world.issues.filter((i) => underWay.has(phases.get(i.number) ?? '')).map((i) => i.number);
      const withPull = live.filter((i) => openPull(i) !== undefined);
      if (due('push', withPull, 0.1)) {
        const issue = random.pick(withPull);
        done.push += 1;
        if (world.person.push(`harness/issue-${issue}`, `${issue}-${done.push}`) === undefined) done.pushRefused += 1;
      }
      if (due('relabel', live, 0.05)) {
        const issue = random.pick(live);
        if (world.person.removeLabel(issue, 'agent-ready')) {
          done.relabel += 1;
          relabels.push({ issue, at: Date.now() + 5000 + random.next() * 35_000 });
        }
      }
      if (due('human', live, 0.03)) {
        done.human += 1;
        world.person.addLabel(random.pick(live), 'harness:human');
      }
      if (due('close', withPull, 0.03)) {
        const pull = openPull(random.pick(withPull));
        if (pull !== undefined && world.person.closePull(pull.number)) done.close += 1;
      }
    },
    stop() {
      for (const r of relabels) world.person.addLabel(r.issue, 'agent-ready');
    },
    summary: () =>
      `${done.push} pushes by a person (${done.pushRefused} refused: the branch had moved), ` +
      `${done.relabel} labels taken off and put back, ${done.human} harness:human added, ${done.close} PRs closed`,
  };
}
