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

export function checkInvariants(world: SoakWorld, mod: StandinModule, phases: Phases): Verdict[] {
  const pulls = [...mod.pullsOf(world.repo).pulls.values()];
  const threads = [...mod.issuesOf(world.repo).issues.values()];
  const requests = world.standin.requests;
  const ok = (r: { status: number }) => r.status >= 200 && r.status < 300;
  const numberIn = (path: string, suffix: string) =>
    Number(new RegExp(`/(?:issues|pulls)/(\\d+)/${suffix}$`).exec(path)?.[1]);
  const created = requests.filter((r) => r.method === 'POST' && r.path.endsWith('/pulls') && ok(r));
  const labelPosts = requests.filter((r) => r.method === 'POST' && r.path.endsWith('/labels') && ok(r));
  const mergePuts = requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/merge') && ok(r));
  const ends = finalStates(world, phases);
  const byIssue = (check: (n: number, kind: string) => string[]) =>
    world.issues.flatMap((i) => check(i.number, i.kind));

  return [
    verdict(
      'one PR per issue',
      byIssue((n) => {
        const count = pulls.filter((p) => p.head === branchOf(n)).length;
        const posts = created.filter((r) => (r.body as { head?: string } | undefined)?.head === branchOf(n)).length;
        return count > 1 || posts > 1 ? [`#${n}: ${count} PRs, ${posts} created`] : [];
      }),
    ),
    verdict(
      'no duplicate comment',
      threads.flatMap((t) => {
        const bodies = t.comments.map((c) => c.body);
        const markers = bodies.map((b) => marker.exec(b)?.[0]).filter((m) => m !== undefined);
        const twice = (list: string[]) => list.filter((b, i) => list.indexOf(b) !== i);
        const repeated = [...new Set([...twice(markers), ...twice(bodies)])];
        return repeated.map((b) => `#${t.number}: posted twice: ${b.split('\n')[0] ?? ''}`);
      }),
    ),
    verdict(
      'no duplicate label',
      threads.flatMap((t) => {
        const adds = labelPosts.filter((r) => numberIn(r.path, 'labels') === t.number).length;
        const handovers = t.comments.filter((c) => marker.test(c.body)).length;
        return adds > handovers ? [`#${t.number}: ${adds} label writes for ${handovers} hand-overs`] : [];
      }),
    ),
    verdict('one merge per issue', [
      ...pulls.flatMap((p) => {
        const n = mergePuts.filter((r) => numberIn(r.path, 'merge') === p.issue.number).length;
        return n > 1 ? [`PR #${p.issue.number} merged ${n} times`] : [];
      }),
      ...byIssue((n) => {
        const merged = pulls.filter((p) => p.head === branchOf(n) && p.merged).length;
        return merged > 1 ? [`#${n}: ${merged} PRs merged`] : [];
      }),
    ]),
    verdict('no push over a person', [
      ...world
        .refUpdates()
        .filter((u) => !u.fastForward)
        .map((u) => `${u.ref} forced from ${u.old.slice(0, 7)} to ${u.new.slice(0, 7)}`),
      ...world.foreign
        .filter((f) => !world.isAncestor(f.sha, `refs/heads/${f.branch}`))
        .map((f) => `${f.branch}: the person's ${f.sha.slice(0, 7)} is not in the branch`),
    ]),
    verdict('no merge with red checks', [
      ...world.merges.flatMap((m) =>
        m.ci.at(-1) === 'success' ? [] : [`PR #${m.pr} merged at ${m.sha.slice(0, 7)} with ci [${m.ci.join(', ')}]`],
      ),
      ...byIssue((n, kind) =>
        kind === 'red' && world.refUpdates().some((u) => u.ref === `refs/heads/${branchOf(n)}`)
          ? [`#${n}: pushed although its check is always red`]
          : [],
      ),
    ]),
    verdict(
      'dependencies merged first',
      byIssue((n) => {
        const blocker = world.issues.find((i) => i.number === n)?.dependsOn;
        if (blocker === undefined) return [];
        const opened = requests.findIndex(
          (r) => created.includes(r) && (r.body as { head?: string } | undefined)?.head === branchOf(n),
        );
        const merged = world.merges.find((m) => m.branch === branchOf(blocker));
        if (opened === -1) return [];
        return merged === undefined || merged.requestIndex > opened
          ? [`#${n}'s PR was opened before its blocker #${blocker} was merged`]
          : [];
      }),
    ),
    verdict(
      'the loop agrees with GitHub',
      byIssue((n) => {
        const merged = pulls.some((p) => p.head === branchOf(n) && p.merged);
        const phase = phases.get(n);
        return merged !== (phase === 'merged')
          ? [`#${n}: the loop says ${phase ?? 'nothing'}, PR merged: ${merged}`]
          : [];
      }),
    ),
    verdict(
      'every issue merged or with a person',
      byIssue((n) => (ends.get(n) === undefined ? [`#${n} is still ${phases.get(n) ?? 'not admitted'}`] : [])),
    ),
    verdict('no request GitHub would refuse', [...world.standin.violations]),
  ];
}
