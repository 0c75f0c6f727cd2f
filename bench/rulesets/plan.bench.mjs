#!/usr/bin/env node
// What plan, apply and check cost in requests and time as a repository's rulesets grow, against the
// stand-in GitHub on loopback (so the time is harness's own plus the stand-in's schema checks).
// Run after `pnpm build`: node bench/rulesets/plan.bench.mjs
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGithubStandin } from '../../packages/github-standin/dist/index.js';
import { applyRulesets, checkRulesets, planRulesets } from '../../packages/rulesets/dist/index.js';

const work = new URL('../.work/rulesets/', import.meta.url).pathname;

function ruleset(i) {
  return {
    name: `ruleset-${i}`,
    enforcement: 'active',
    conditions: { ref_name: { include: [`refs/heads/team-${i}/*`], exclude: [] } },
    rules: [
      { type: 'deletion' },
      { type: 'non_fast_forward' },
      {
        type: 'pull_request',
        parameters: {
          required_approving_review_count: 1,
          dismiss_stale_reviews_on_push: false,
          require_code_owner_review: false,
          require_last_push_approval: false,
          required_review_thread_resolution: true,
        },
      },
      {
        type: 'required_status_checks',
        parameters: {
          strict_required_status_checks_policy: false,
          required_status_checks: [{ context: 'ci-ok' }, { context: 'lint' }],
        },
      },
    ],
    bypass_actors: [{ actor_id: 5, actor_type: 'RepositoryRole', bypass_mode: 'always' }],
  };
}

async function timed(run) {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

const started = performance.now();
const warm = await startGithubStandin();
await warm.close();
console.log(
  `stand-in: OpenAPI description loaded and validator compiled in ${(performance.now() - started).toFixed(0)} ms (once per process)`,
);

for (const count of [1, 10, 50]) {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, '.github/rulesets'), { recursive: true });
  for (let i = 0; i < count; i++)
    writeFileSync(join(work, `.github/rulesets/ruleset-${i}.json`), JSON.stringify(ruleset(i), null, 2));
  const standin = await startGithubStandin();
  standin.state.addToken('t');
  standin.state.addRepository('bench/repo');
  // waitUnitMs 1: GitHub's one-second spacing between writes is left out of the measurement.
  const options = {
    root: work,
    dir: '.github/rulesets',
    env: { GITHUB_TOKEN: 't', GITHUB_API_URL: standin.url },
    repo: 'bench/repo',
    waitUnitMs: 1,
  };
  const requests = () => standin.requests.length;
  const line = [];
  for (const [name, run] of [
    ['plan (all missing)', () => planRulesets(options)],
    ['apply (create all)', () => applyRulesets(options)],
    ['check (no drift)', () => checkRulesets(options)],
    ['apply (no-op)', () => applyRulesets(options)],
  ]) {
    const before = requests();
    const writes = standin.writes().length;
    const { ms } = await timed(run);
    line.push(
      `${name}: ${ms.toFixed(0)} ms, ${requests() - before} requests, ${standin.writes().length - writes} writes`,
    );
  }
  if (standin.violations.length > 0) throw new Error(standin.violations.join('\n'));
  await standin.close();
  console.log(`${count} rulesets: ${line.join(' | ')}`);
}
rmSync(work, { recursive: true, force: true });
