// `harness factory merge <pr>`: the only way the agent merges (docs/factory.md
// "Merging"). Refuses unless every required check (rulesets and classic branch protection; every
// reported check when none is required) is green on the current head,
// GitHub calls the PR mergeable, no review thread is unresolved (outdated ones
// included: a person resolves them), and the head is still the one that was
// checked; then merges with that SHA as a guard, or queues when the branch
// requires a merge queue.
import type { PullGateway } from './pull-gateway.js';

export type MergeResult = { ok: true; action: 'merged' | 'queued'; sha: string } | { ok: false; reasons: string[] };

const green = new Set(['success', 'neutral', 'skipped']);

/**
 * Required checks (rulesets and classic branch protection) must be green. When the branch names
 * none, every check reported on the head must be green, and a head with no check is still pending.
 */
function checkReasons(results: Map<string, string>, required: string[], head: string): string[] {
  if (required.length === 0) {
    if (results.size === 0) return [`no check has reported on ${head} yet, and the branch names no required check`];
    return [...results].filter(([, r]) => !green.has(r)).map(([name, r]) => `check "${name}" is ${r} on ${head}`);
  }
  return required.flatMap((name) => {
    const result = results.get(name);
    if (result === undefined) return [`required check "${name}" has not reported on ${head}`];
    return green.has(result) ? [] : [`required check "${name}" is ${result} on ${head}`];
  });
}

export async function mergePull(pulls: PullGateway, pr: number, base: string): Promise<MergeResult> {
  const bundle = await pulls.bundle(pr);
  const pull = bundle.pull;
  if (pull.merged) return { ok: true, action: 'merged', sha: pull.headSha };
  const reasons: string[] = [];
  if (pull.state !== 'open') reasons.push(`PR #${pr} is ${pull.state}`);
  const rules = await pulls.branchRules(base);
  const results = new Map<string, string>();
  for (const run of bundle.checkRuns)
    results.set(run.name, run.status === 'completed' ? (run.conclusion ?? 'pending') : run.status);
  for (const status of bundle.statuses) results.set(status.context, status.state);
  reasons.push(...checkReasons(results, rules.requiredChecks, pull.headSha.slice(0, 7)));
  const mergeableState =
    ['clean', 'unstable', 'has_hooks'].includes(pull.mergeableState) ||
    (rules.mergeQueue && pull.mergeableState === 'blocked');
  if (pull.mergeable !== true || !mergeableState) {
    reasons.push(
      `GitHub does not call it mergeable (mergeable ${String(pull.mergeable)}, state ${pull.mergeableState})`,
    );
  }
  if (reasons.length > 0) return { ok: false, reasons };
  // Threads last: they cost a GraphQL call, needed only when everything else is ready.
  const open = (await pulls.reviewThreads(pr)).filter((t) => !t.resolved);
  if (open.length > 0)
    return {
      ok: false,
      reasons: [`${open.length} review thread(s) unresolved: ${[...new Set(open.map((t) => t.path))].join(', ')}`],
    };
  // The head may have moved while we looked: GitHub refuses the merge (409) unless it is still this SHA.
  if (rules.mergeQueue) await pulls.enqueue(pr, pull.headSha);
  else await pulls.merge(pr, pull.headSha);
  return { ok: true, action: rules.mergeQueue ? 'queued' : 'merged', sha: pull.headSha };
}
