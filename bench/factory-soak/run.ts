// The factory's long soak (issue #22; docs/factory.md, "Soak"): many issues of every kind the soak
// agent plays (soak-agent.mjs), some depending on others, worked by the built `harness factory` as a
// child process against the GitHub stand-in and a real bare origin, while seeded faults hit it:
// `kill -9` of the loop's process group at random moments and right after GitHub did a write, a
// person's push to a PR branch, a label taken off an issue and put back, `harness:human` put on an
// issue, a PR closed by a person. It ends when every issue is merged or with a person (or at the time
// cap), then checks the invariants (soak-invariants.ts), prints a summary and exits 1 if one fails.
// Run from the repository root after `pnpm build`:
//   node bench/factory-soak/run.ts [--issues 40] [--seed N] [--minutes 30] [--kills 20] [--concurrency 4] [--keep]
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { IssueKind, StandinModule } from './soak-world.ts';
import { createSoakWorld } from './soak-world.ts';
import { createLoopRunner } from './soak-loop.ts';
import type { LoopExit } from './soak-loop.ts';
import { checkInvariants, finalStates, readPhases } from './soak-invariants.ts';
import { createFaults, createRandom } from './soak-faults.ts';

const rootDir = new URL('../..', import.meta.url).pathname;
const harnessBin = join(rootDir, 'packages/harness/bin/harness.js');
const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: '40' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    minutes: { type: 'string', default: '30' },
    kills: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '4' },
    'kill-every': { type: 'string', default: '15' },
    keep: { type: 'boolean', default: false },
  },
});
const seed = Number(values.seed);
const count = Number(values.issues);
const random = createRandom(seed);
const standinModule = (await import(join(rootDir, 'packages/github-standin/dist/index.js'))) as StandinModule;

const kinds: [IssueKind, number][] = [
  ['normal', 0.5],
  ['redci', 0.15],
  ['stall', 0.1],
  ['human', 0.1],
  ['red', 0.15],
];
const pickKind = (): IssueKind => {
  let roll = random.next();
  for (const [kind, weight] of kinds) if ((roll -= weight) < 0) return kind;
  return 'normal';
};
const specs: { kind: IssueKind; dependsOn?: number }[] = [];
for (let i = 1; i <= count; i += 1) {
  const kind = pickKind();
  const blockers = specs.flatMap((s, j) => (s.kind === 'red' || s.kind === 'human' ? [] : [j + 1]));
  const dependsOn = i > 1 && blockers.length > 0 && random.next() < 0.25 ? random.pick(blockers) : undefined;
  specs.push(dependsOn === undefined ? { kind } : { kind, dependsOn });
}

const world = await createSoakWorld({
  standinModule,
  harnessBin,
  parent: join(tmpdir(), 'harness-factory-soak'),
  issues: specs,
  concurrency: Number(values.concurrency),
  docs: true,
  ciDelayMs: () => Math.floor(random.next() * 4000),
});
const logDir = join(world.dir, 'logs');
mkdirSync(logDir);
const started = performance.now();
const loadBefore = loadavg();
console.log(
  `factory soak: seed ${seed}, ${count} issues (${kinds.map(([k]) => `${specs.filter((s) => s.kind === k).length} ${k}`).join(', ')}; ` +
    `${specs.filter((s) => s.dependsOn !== undefined).length} depend on another), concurrency ${values.concurrency}, ` +
    `up to ${values.kills} kills, ${values.minutes} min cap, Node ${process.version}; in ${world.dir}`,
);

const unexpected: LoopExit[] = [];
const runner = createLoopRunner({
  harnessBin,
  root: world.root,
  env: world.env,
  args: [],
  logDir,
  afterExit(exit) {
    if (!exit.killed) unexpected.push(exit);
    return true;
  },
});
const faults = createFaults({
  world,
  runner,
  random,
  kills: Number(values.kills),
  killEverySeconds: Number(values['kill-every']),
});
runner.start();

const deadline = started + Number(values.minutes) * 60_000;
for (;;) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const ends = finalStates(world, readPhases(world.root));
  if ([...ends.values()].every((e) => e !== undefined) || performance.now() > deadline) break;
  faults.tick(readPhases(world.root));
}
faults.stop();
await runner.stop(60_000);
// A person may have put a label back after the loop parked the issue; it stays parked (docs/factory.md).
const phases = readPhases(world.root);
const ends = finalStates(world, phases);
const verdicts = [
  ...checkInvariants(world, standinModule, phases),
  {
    name: 'the loop never stopped by itself',
    ok: unexpected.length === 0,
    problems: unexpected.map((e) => `run ${e.run} exited with ${e.code ?? e.signal ?? '?'}:\n${e.log}`),
  },
];
const wall = (performance.now() - started) / 1000;
const tally = (list: (string | undefined)[]) =>
  [...new Set(list)].map((v) => `${list.filter((x) => x === v).length} ${v ?? 'unfinished'}`).join(', ');
console.log(
  `wall ${wall.toFixed(0)} s; load ${loadBefore.map((l) => l.toFixed(1)).join(' ')} before, ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} after`,
);
console.log(`loop started ${runner.starts} times; ${faults.summary()}`);
console.log(`ends: ${tally([...ends.values()].map((e) => e?.replace(/ \(#\d+\)$/, '')))}`);
console.log(
  `requests: ${world.standin.requests.length} (${world.standin.writes().length} writes), ${world.merges.length} merges`,
);
console.log('invariants:');
for (const v of verdicts) {
  console.log(`  ${v.ok ? '✔' : '✘'} ${v.name}`);
  for (const p of v.problems.slice(0, 10)) console.log(`      ${p.replace(/\n/g, '\n      ')}`);
}
const failed = verdicts.some((v) => !v.ok);
if (failed) console.log(`FAILED: replay with --seed ${seed} --issues ${count}; the world is kept in ${world.dir}`);
await world.close();
if (!failed && values.keep !== true) rmSync(world.dir, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;
