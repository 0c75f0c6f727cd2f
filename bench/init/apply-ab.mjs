// An A/B of init --yes's apply phase in one process, on the init benchmark's repository (run
// bench/init/run.ts first to generate it): 'old' applies the plan the way init did before issue #19's
// speed work (record the baselines, then a bare confirming run; no graph handed to the layers check,
// no Check.prepare), 'new' is applyInit. Prints wall time, CPU time (threads included) and peak memory.
// Run after a build, interleaved on a clean work tree: node bench/init/apply-ab.mjs bench/.work/init-repo old|new
import { resolve } from 'node:path';
const init = await import(new URL('../../packages/init/dist/index.js', import.meta.url).href);
const { registeredChecks, runChecks } = await import(
  new URL('../../packages/check/dist/index.js', import.meta.url).href
);
const { loadConfig } = await import(new URL('../../packages/config/dist/index.js', import.meta.url).href);
const cwd = resolve(process.argv[2] ?? '');
const mode = process.argv[3];
const cpu = () => {
  const u = process.resourceUsage();
  return (u.userCPUTime + u.systemCPUTime) / 1e6;
};
const t0 = performance.now();
const inspection = await init.prepareInit({ cwd, willCheck: mode === 'new' });
let plan = await init.planInit(inspection, { harnessVersion: '0.1.0', today: '2026-12-05' });
if (mode === 'old') {
  plan = { ...plan, importCache: undefined, confirm: false };
  await init.applyInit(plan);
  const loaded = await loadConfig({ cwd });
  const env = { GITHUB_TOKEN: undefined, GH_TOKEN: undefined };
  await runChecks({
    checks: registeredChecks,
    names: plan.baselineChecks,
    root: loaded.root,
    config: loaded.config,
    options: { updateBaseline: true, env },
  });
  const doc = (
    await runChecks({ checks: registeredChecks, root: loaded.root, config: loaded.config, options: { env } })
  ).document;
  console.log(
    mode,
    'ok',
    doc.ok,
    'wall',
    ((performance.now() - t0) / 1000).toFixed(2),
    'cpu',
    cpu().toFixed(2),
    'rss',
    (process.resourceUsage().maxRSS / 1024).toFixed(0),
  );
} else {
  const r = await init.applyInit(plan);
  console.log(
    mode,
    'ok',
    r.check.ok,
    'wall',
    ((performance.now() - t0) / 1000).toFixed(2),
    'cpu',
    cpu().toFixed(2),
    'rss',
    (process.resourceUsage().maxRSS / 1024).toFixed(0),
  );
}
