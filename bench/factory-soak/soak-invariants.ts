// What a soak must end with, read from the stand-in's state and request log, origin's ref log and
// the loop's state.json: one PR per issue, no duplicate comment, label or merge, no person's commit
// forced over, no merge with red CI, dependencies merged first, every issue merged or with a person.
// No runtime import of a sibling module (the CI slice imports this file).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SoakWorld, StandinModule } from './soak-world.js';

export interface Verdict {
  name: string;
  ok: boolean;
  problems: string[];
}

export type Phases = Map<number, string>;

/** Each issue's phase in the loop's `.harness/factory/state.json`. */
export function readPhases(root: string): Phases {
  const file = join(root, '.harness', 'factory', 'state.json');
  if (!existsSync(file)) return new Map();
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as { issues?: Record<string, { phase?: string }> };
    return new Map(Object.entries(state.issues ?? {}).map(([n, r]) => [Number(n), r.phase ?? '']));
  } catch {
    // Written whole by rename: a read never sees half a file, but be calm about it anyway.
    return new Map();
  }
}

const done = new Set(['merged', 'human', 'parked']);

/** Each issue's end, or undefined while it is still under way. A dependent of an issue a person has is waiting on a person too. */
export function finalStates(world: SoakWorld, phases: Phases): Map<number, string | undefined> {
  const result = new Map<number, string | undefined>();
  const endOf = (n: number, seen: Set<number>): string | undefined => {
    if (result.has(n)) return result.get(n);
    const phase = phases.get(n);
    if (phase !== undefined && done.has(phase)) return phase;
    const blocker = world.issues.find((i) => i.number === n)?.dependsOn;
    if ((phase === undefined || phase === 'queued') && blocker !== undefined && !seen.has(blocker)) {
      const blockerEnd = endOf(blocker, new Set([...seen, n]));
      if (blockerEnd !== undefined && blockerEnd !== 'merged') return `waiting on a person (#${blocker})`;
    }
    return undefined;
  };
  for (const issue of world.issues) result.set(issue.number, endOf(issue.number, new Set()));
  return result;
}

const verdict = (name: string, problems: string[]): Verdict => ({ name, ok: problems.length === 0, problems });
const branchOf = (n: number) => `harness/issue-${n}`;
const marker = /<!-- harness-factory issue=\d+ turn=\d+ -->/;

type Pull = ReturnType<StandinModule['pullsOf']>['pulls'] extends Map<number, infer P> ? P : never;
type Thread = ReturnType<StandinModule['issuesOf']>['issues'] extends Map<number, infer T> ? T : never;
type Recorded = SoakWorld['standin']['requests'][number];

interface Facts {
  world: SoakWorld;
  phases: Phases;
  pulls: Pull[];
  threads: Thread[];
  /** Successful requests by kind. */
  created: Recorded[];
  labelPosts: Recorded[];
  mergePuts: Recorded[];
  /** Each issue's findings, concatenated (a plain function: the checks destructure it). */
  byIssue: (check: (n: number, kind: string) => string[]) => string[];
}

const succeeded = (r: Recorded, method: string, suffix: string) =>
  r.method === method && r.path.endsWith(suffix) && r.status >= 200 && r.status < 300;
const numberIn = (path: string, suffix: string) =>
  Number(new RegExp(`/(?:issues|pulls)/(\\d+)/${suffix}$`).exec(path)?.[1]);
const headOf = (r: Recorded) => (r.body as { head?: string } | undefined)?.head;

export function checkInvariants(world: SoakWorld, mod: StandinModule, phases: Phases): Verdict[] {
  const requests = world.standin.requests;
  const facts: Facts = {
    world,
    phases,
    pulls: [...mod.pullsOf(world.repo).pulls.values()],
    threads: [...mod.issuesOf(world.repo).issues.values()],
    created: requests.filter((r) => succeeded(r, 'POST', '/pulls')),
    labelPosts: requests.filter((r) => succeeded(r, 'POST', '/labels')),
    mergePuts: requests.filter((r) => succeeded(r, 'PUT', '/merge')),
    byIssue: (check) => world.issues.flatMap((i) => check(i.number, i.kind)),
  };
  return [
    verdict('one PR per issue', onePullPerIssue(facts)),
    verdict('no duplicate comment', duplicateComments(facts)),
    verdict('no duplicate label', duplicateLabels(facts)),
    verdict('one merge per issue', repeatedMerges(facts)),
    verdict('no push over a person', pushesOverPeople(facts)),
    verdict('no merge with red checks', redMerges(facts)),
    verdict('dependencies merged first', dependenciesOutOfOrder(facts)),
    verdict(
      'the loop agrees with GitHub',
      facts.byIssue((n) => {
        const merged = facts.pulls.some((p) => p.head === branchOf(n) && p.merged);
        const phase = phases.get(n);
        return merged !== (phase === 'merged')
          ? [`#${n}: the loop says ${phase ?? 'nothing'}, PR merged: ${merged}`]
          : [];
      }),
    ),
    verdict('every issue merged or with a person', unfinished(facts)),
    verdict('no request GitHub would refuse', [...world.standin.violations]),
  ];
}

function onePullPerIssue({ pulls, created, byIssue }: Facts): string[] {
  return byIssue((n) => {
    const count = pulls.filter((p) => p.head === branchOf(n)).length;
    const posts = created.filter((r) => headOf(r) === branchOf(n)).length;
    return count > 1 || posts > 1 ? [`#${n}: ${count} PRs, ${posts} created`] : [];
  });
}

function duplicateComments({ threads }: Facts): string[] {
  return threads.flatMap((t) => {
    const bodies = t.comments.map((c) => c.body);
    const markers = bodies.map((b) => marker.exec(b)?.[0]).filter((m) => m !== undefined);
    const twice = (list: string[]) => list.filter((b, i) => list.indexOf(b) !== i);
    const repeated = [...new Set([...twice(markers), ...twice(bodies)])];
    return repeated.map((b) => `#${t.number}: posted twice: ${b.split('\n')[0] ?? ''}`);
  });
}

/** A label is written once per hand-over (each hand-over posts one comment with the marker). */
function duplicateLabels({ threads, labelPosts }: Facts): string[] {
  return threads.flatMap((t) => {
    const adds = labelPosts.filter((r) => numberIn(r.path, 'labels') === t.number).length;
    const handovers = t.comments.filter((c) => marker.test(c.body)).length;
    return adds > handovers ? [`#${t.number}: ${adds} label writes for ${handovers} hand-overs`] : [];
  });
}

function repeatedMerges({ pulls, mergePuts, byIssue }: Facts): string[] {
  return [
    ...pulls.flatMap((p) => {
      const n = mergePuts.filter((r) => numberIn(r.path, 'merge') === p.issue.number).length;
      return n > 1 ? [`PR #${p.issue.number} merged ${n} times`] : [];
    }),
    ...byIssue((n) => {
      const merged = pulls.filter((p) => p.head === branchOf(n) && p.merged).length;
      return merged > 1 ? [`#${n}: ${merged} PRs merged`] : [];
    }),
  ];
}

function pushesOverPeople({ world }: Facts): string[] {
  return [
    ...world
      .refUpdates()
      .filter((u) => !u.fastForward)
      .map((u) => `${u.ref} forced from ${u.old.slice(0, 7)} to ${u.new.slice(0, 7)}`),
    ...world.foreign
      .filter((f) => !world.isAncestor(f.sha, `refs/heads/${f.branch}`))
      .map((f) => `${f.branch}: the person's ${f.sha.slice(0, 7)} is not in the branch`),
  ];
}

function redMerges({ world, byIssue }: Facts): string[] {
  const updates = world.refUpdates();
  return [
    ...world.merges.flatMap((m) =>
      m.ci.at(-1) === 'success' ? [] : [`PR #${m.pr} merged at ${m.sha.slice(0, 7)} with ci [${m.ci.join(', ')}]`],
    ),
    ...byIssue((n, kind) =>
      kind === 'red' && updates.some((u) => u.ref === `refs/heads/${branchOf(n)}`)
        ? [`#${n}: pushed although its check is always red`]
        : [],
    ),
  ];
}

function dependenciesOutOfOrder({ world, created, byIssue }: Facts): string[] {
  return byIssue((n) => {
    const blocker = world.issues.find((i) => i.number === n)?.dependsOn;
    const opened = world.standin.requests.findIndex((r) => created.includes(r) && headOf(r) === branchOf(n));
    if (blocker === undefined || opened === -1) return [];
    const merged = world.merges.find((m) => m.branch === branchOf(blocker));
    return merged === undefined || merged.requestIndex > opened
      ? [`#${n}'s PR was opened before its blocker #${blocker} was merged`]
      : [];
  });
}

function unfinished({ world, phases, byIssue }: Facts): string[] {
  const ends = finalStates(world, phases);
  return byIssue((n) => (ends.get(n) === undefined ? [`#${n} is still ${phases.get(n) ?? 'not admitted'}`] : []));
}
