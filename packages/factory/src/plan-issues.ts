// Orders the factory's candidate issues (docs/factory.md, `--dry-run --format json`):
// dependencies first (children before parents), then priority labels, then age,
// then number. An open blocker outside the plan puts an issue in `waiting`;
// closed blockers do not count; dependency cycles are reported and skipped.

export interface BlockerRef {
  number: number;
  /** Whether the blocking issue is still open. */
  open: boolean;
}

export interface CandidateIssue {
  number: number;
  title: string;
  labels: string[];
  /** ISO timestamp. */
  createdAt: string;
  /** Everything this issue waits for: body references, blocked-by dependencies, its sub-issues. */
  blockers: BlockerRef[];
}

export interface PlanEntry {
  issue: number;
  title: string;
  /** Issues in the plan that must be worked first. */
  after: number[];
}

export interface FactoryPlan {
  version: 1;
  plan: PlanEntry[];
  waiting: { issue: number; blockedBy: number[] }[];
  cycles: number[][];
}

export function planIssues(candidates: CandidateIssue[], priorityLabels: string[] = []): FactoryPlan {
  const byNumber = new Map(candidates.map((c) => [c.number, c]));
  const openBlockers = new Map(
    candidates.map((c) => [
      c.number,
      uniqueSorted(c.blockers.filter((b) => b.open && b.number !== c.number).map((b) => b.number)),
    ]),
  );
  const cycles = findCycles(
    candidates.map((c) => c.number),
    (n) => (openBlockers.get(n) ?? []).filter((b) => byNumber.has(b)),
  );
  const inCycle = new Set(cycles.flat());
  const outside = new Map<number, number[]>();
  let changed = true;
  // An issue waits when a blocker is outside the plan: not a candidate, in a cycle, or itself waiting.
  while (changed) {
    changed = false;
    for (const c of candidates) {
      if (inCycle.has(c.number) || outside.has(c.number)) continue;
      const blocked = (openBlockers.get(c.number) ?? []).filter(
        (b) => !byNumber.has(b) || inCycle.has(b) || outside.has(b),
      );
      if (blocked.length > 0) {
        outside.set(c.number, blocked);
        changed = true;
      }
    }
  }
  const planned = candidates.filter((c) => !inCycle.has(c.number) && !outside.has(c.number));
  const rank = (c: CandidateIssue) => priorityRank(c.labels, priorityLabels);
  const compare = (a: CandidateIssue, b: CandidateIssue) =>
    rank(a) - rank(b) || a.createdAt.localeCompare(b.createdAt) || a.number - b.number;
  const order = topologicalOrder(planned, (c) => openBlockers.get(c.number) ?? [], compare);
  return {
    version: 1,
    plan: order.map((c) => ({ issue: c.number, title: c.title, after: openBlockers.get(c.number) ?? [] })),
    waiting: [...outside].sort(([a], [b]) => a - b).map(([issue, blockedBy]) => ({ issue, blockedBy })),
    cycles,
  };
}

function priorityRank(labels: string[], priorityLabels: string[]): number {
  const lower = new Set(labels.map((l) => l.toLowerCase()));
  const index = priorityLabels.findIndex((p) => lower.has(p.toLowerCase()));
  return index === -1 ? priorityLabels.length : index;
}

/** Kahn's algorithm; among issues that are ready, the one `compare` puts first goes next. */
function topologicalOrder(
  items: CandidateIssue[],
  blockersOf: (c: CandidateIssue) => number[],
  compare: (a: CandidateIssue, b: CandidateIssue) => number,
): CandidateIssue[] {
  const present = new Set(items.map((c) => c.number));
  const done = new Set<number>();
  const order: CandidateIssue[] = [];
  let remaining = [...items];
  while (remaining.length > 0) {
    const ready = remaining.filter((c) => blockersOf(c).every((b) => !present.has(b) || done.has(b))).sort(compare);
    const next = ready[0];
    if (next === undefined) break; // unreachable: cycles were removed before
    order.push(next);
    done.add(next.number);
    remaining = remaining.filter((c) => c !== next);
  }
  return order;
}

/** Strongly connected components with more than one issue (Tarjan), each ascending, listed by smallest number. */
export function findCycles(nodes: number[], edges: (n: number) => number[]): number[][] {
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const stack: number[] = [];
  const onStack = new Set<number>();
  const result: number[][] = [];
  let counter = 0;
  const visit = (n: number): void => {
    index.set(n, counter);
    low.set(n, counter);
    counter += 1;
    stack.push(n);
    onStack.add(n);
    for (const m of edges(n)) {
      if (!index.has(m)) {
        visit(m);
        low.set(n, Math.min(low.get(n) ?? 0, low.get(m) ?? 0));
      } else if (onStack.has(m)) low.set(n, Math.min(low.get(n) ?? 0, index.get(m) ?? 0));
    }
    if (low.get(n) !== index.get(n)) return;
    const component: number[] = [];
    for (let m = stack.pop(); m !== undefined; m = stack.pop()) {
      onStack.delete(m);
      component.push(m);
      if (m === n) break;
    }
    if (component.length > 1) result.push(component.sort((a, b) => a - b));
  };
  for (const n of [...nodes].sort((a, b) => a - b)) if (!index.has(n)) visit(n);
  return result.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
}

function uniqueSorted(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}
