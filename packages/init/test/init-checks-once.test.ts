// After writing, init runs each check once (issue #19, speed): the baseline checks record today's
// findings while the others run as `harness check` runs them, and that one run is the "green after
// init" confirmation. What init reports must still be what a fresh `harness check` finds, also when
// a file a check writes during the run changes another check's finding.
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { registeredChecks, runChecks } from 'agent-harness-check';
import type { Check, CheckContext } from 'agent-harness-config';
import { configFileName, loadConfig } from 'agent-harness-config';
import type { ResultDocument } from 'agent-harness-diagnostics';
import { afterAll, describe, expect, it } from 'vitest';
import type { InitPlan } from '../src/index.js';
import { applyInit, planInit, prepareInit } from '../src/index.js';
import { fixtureRepo, removeFixtureRepos } from './fixture-repo.js';

afterAll(removeFixtureRepos);

async function plan(root: string): Promise<InitPlan> {
  return planInit(await prepareInit({ cwd: root }), { harnessVersion: '0.1.0', today: '2026-12-05' });
}

/** `harness check` as it stands now: every configured check, no token. */
async function checkNow(root: string): Promise<ResultDocument> {
  const loaded = await loadConfig({ cwd: root });
  const env = { GITHUB_TOKEN: undefined, GH_TOKEN: undefined };
  return (await runChecks({ checks: registeredChecks, root, config: loaded.config, options: { env } })).document;
}

/** A result without its timings, to compare two runs. */
function outcome(document: ResultDocument | undefined) {
  return {
    ok: document?.ok,
    checks: document?.checks.map(({ durationMs: _ms, ...summary }) => summary),
    findings: document?.diagnostics.map((d) => `${d.rule} ${d.file}${d.target === undefined ? '' : ` → ${d.target}`}`),
  };
}

/** The plan with its config changed: `layers.baseline` set to `path`. */
function withLayersBaseline(planned: InitPlan, path: string): InitPlan {
  const files = planned.files.map((f) =>
    f.path === configFileName && f.content !== undefined
      ? { ...f, content: f.content.replace(/^layers:\n/m, `layers:\n  baseline: ${path}\n`) }
      : f,
  );
  expect(files.find((f) => f.path === configFileName)?.content).toContain(`baseline: ${path}`);
  return { ...planned, files };
}

describe('init runs each check once', () => {
  it('every configured check runs once, the baseline checks recording; init reports what a fresh harness check finds', async () => {
    const root = fixtureRepo('shop');
    const planned = await plan(root);
    expect(planned.baselineChecks).toEqual(['layers', 'docs']);
    const runs: string[] = [];
    const counted = registeredChecks.map(
      (c): Check => ({
        ...c,
        run: (context: CheckContext) => {
          runs.push(`${c.name}${context.options.updateBaseline === true ? ' --update-baseline' : ''}`);
          return c.run(context);
        },
      }),
    );
    const result = await applyInit(planned, { checks: counted });
    expect(runs.filter((r) => r.startsWith('layers') || r.startsWith('docs')).sort()).toEqual([
      'docs --update-baseline',
      'layers --update-baseline',
    ]);
    expect(new Set(runs.map((r) => r.split(' ')[0])).size).toBe(runs.length);
    // shop has one import against its model: recorded, so init and the check after it are green.
    expect(result.baselines.map((b) => b.path).sort()).toEqual([
      '.harness/baseline/docs.json',
      '.harness/baseline/layers.json',
    ]);
    expect(result.check?.ok).toBe(true);
    expect(outcome(result.check)).toEqual(outcome(await checkNow(root)));
  });

  it('a docs finding about a file the run wrote (a link to layers.baseline, looked at before it existed) is checked again: init reports the failure harness check finds', async () => {
    const root = fixtureRepo('shop');
    // A page linking the layers baseline, which the layers check writes during init's run.
    writeFileSync(
      join(root, 'DEBT.md'),
      '# Debt\n\nImports accepted for now: [the layers baseline](layers-baseline.json).\n',
    );
    const planned = withLayersBaseline(await plan(root), 'layers-baseline.json');
    // The docs check looks first; the layers check writes its baseline only after that.
    let docsLooked = (): void => undefined;
    const looked = new Promise<void>((resolve) => (docsLooked = resolve));
    const ordered = registeredChecks.map((c): Check => {
      if (c.name === 'docs') return { ...c, run: (context) => c.run(context).finally(docsLooked) };
      if (c.name === 'layers') return { ...c, run: (context) => looked.then(() => c.run(context)) };
      return c;
    });
    const result = await applyInit(planned, { checks: ordered });
    const fresh = await checkNow(root);
    // The link now resolves, so the entry the docs baseline took for it is stale: not green.
    expect(fresh.diagnostics.map((d) => `${d.rule} ${d.file}`)).toContain(
      'docs/stale-baseline .harness/baseline/docs.json',
    );
    expect(result.check?.ok).toBe(false);
    expect(outcome(result.check)).toEqual(outcome(fresh));
    expect(result.notes.filter((n) => n.startsWith('init: ran docs again'))).toHaveLength(1);
  });

  it('the layers check judges the import graph init read for its proposal instead of reading every file again', async () => {
    const root = fixtureRepo('shop');
    const model = join(root, 'src/modules/cart/model/cart.ts');
    const modified = new Date('2026-01-01T00:00:00Z');
    utimesSync(model, modified, modified);
    const planned = await plan(root);
    // After init has read it, the model imports its repo (against the model), in a file of the same
    // size and modification time: only a check that reads every file again sees the change.
    const before = readFileSync(model, 'utf8');
    const changed = "import { x } from '../repo/cart-repo.js';\nexport const y = x;\n";
    writeFileSync(model, changed + '/'.repeat(before.length - changed.length));
    utimesSync(model, modified, modified);
    expect(statSync(model).size).toBe(Buffer.byteLength(before));
    await applyInit(planned);
    const baseline = JSON.parse(readFileSync(join(root, '.harness/baseline/layers.json'), 'utf8')) as {
      entries: Array<{ file: string; rule: string }>;
    };
    // The shop's own import against its model (a repo importing a service), and not the model's new one.
    expect(baseline.entries.map((e) => e.file)).toEqual([expect.stringMatching(/\/repo\//)]);
  });

  it('when the checks will run, their slow setup (Check.prepare) starts before init looks at the repository; not for a dry run', async () => {
    const root = fixtureRepo('shop');
    const prepared: string[] = [];
    const checks = registeredChecks.map((c): Check => ({ ...c, prepare: (cwd) => prepared.push(`${c.name} ${cwd}`) }));
    await prepareInit({ cwd: root, checks });
    expect(prepared).toEqual([]);
    await prepareInit({ cwd: root, checks, willCheck: true });
    expect(prepared).toEqual(registeredChecks.map((c) => `${c.name} ${root}`));
  });
});
