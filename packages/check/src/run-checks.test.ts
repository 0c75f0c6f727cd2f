import type { Check, CheckContext } from 'agent-harness-config';
import { HarnessError } from 'agent-harness-diagnostics';
import { describe, expect, it } from 'vitest';
import { runChecks, selectChecks } from './run-checks.js';

function fakeCheck(
  name: string,
  section: Check['section'],
  run: (ctx: CheckContext) => Promise<Awaited<ReturnType<Check['run']>>>,
): Check {
  return { name, description: name, section, run };
}

const finding = (file: string, line: number) => ({
  check: 'layers',
  rule: 'layers/forward-only',
  severity: 'error' as const,
  file,
  line,
  message: 'm',
  fix: 'f',
  docs: 'docs/rules/layers.md#forward-only',
});

const layers = fakeCheck('layers', 'layers', () =>
  Promise.resolve({ diagnostics: [finding('b.ts', 2), finding('a.ts', 9)], files: 2 }),
);
const docs = fakeCheck('docs', 'docs', () => Promise.resolve({ diagnostics: [], files: 7 }));

describe('runChecks', () => {
  it("hands every check the default severities of all checks' rules", async () => {
    let seen: [string, string][] = [];
    const reader: Check = {
      ...fakeCheck('reader', undefined, async (ctx) => {
        seen = [...((await ctx.ruleDefaults?.()) ?? new Map())];
        return { diagnostics: [] };
      }),
      ruleDefaults: () => Promise.resolve({ 'reader/own': 'info' }),
    };
    const other: Check = { ...docs, ruleDefaults: () => Promise.resolve({ 'docs/orphan': 'warning' }) };
    await runChecks({ checks: [reader, other], names: ['reader'], root: '/repo', config: { version: 1 } });
    expect(seen.sort()).toEqual([
      ['docs/orphan', 'warning'],
      ['reader/own', 'info'],
    ]);
  });

  it('runs configured checks, skips the others once, and merges sorted findings', async () => {
    let clock = 0;
    const { document, notes } = await runChecks({
      checks: [layers, docs],
      root: '/repo',
      config: { version: 1, layers: {} as never },
      now: () => (clock += 5),
    });
    expect(document).toEqual({
      version: 1,
      ok: false,
      checks: [
        { name: 'layers', ok: false, durationMs: 5, files: 2 },
        { name: 'docs', ok: true, durationMs: 0, skipped: 'no docs section in harness.config.yaml' },
      ],
      diagnostics: [finding('a.ts', 9), finding('b.ts', 2)],
    });
    expect(notes).toEqual(['docs: skipped (no docs section in harness.config.yaml)']);
  });

  it('runs a check without a config section in a bare run (the guard), with the options it was given', async () => {
    let seen: CheckContext['options'] | undefined;
    const guard = fakeCheck('guard', undefined, (ctx) => {
      seen = ctx.options;
      return Promise.resolve({ diagnostics: [] });
    });
    const base = { ref: 'main', commit: 'c0ffee' };
    const { document } = await runChecks({ checks: [guard], root: '/r', config: { version: 1 }, options: { base } });
    expect(document.checks).toEqual([{ name: 'guard', ok: true, durationMs: expect.any(Number) }]);
    expect(seen?.base).toEqual(base);
  });

  it('runs a named check even when its section is missing', async () => {
    const { document } = await runChecks({
      checks: [layers, docs],
      names: ['docs'],
      root: '/repo',
      config: { version: 1 },
    });
    expect(document.ok).toBe(true);
    expect(document.checks.map((c) => c.name)).toEqual(['docs']);
  });

  it('waits for every check to stop before reporting one that could not run', async () => {
    // A check that throws (exit 2) must not leave the others still writing baselines and caches
    // behind the caller's back: init undoes its writes only after every check has stopped.
    let docsFinished = false;
    const failing = fakeCheck('layers', 'layers', () => Promise.reject(new HarnessError('CONFIG_INVALID', 'bad glob')));
    const slower = fakeCheck('docs', 'docs', async () => {
      await new Promise((resolve) => setImmediate(resolve));
      docsFinished = true;
      return { diagnostics: [] };
    });
    await expect(
      runChecks({ checks: [failing, slower], names: ['layers', 'docs'], root: '/repo', config: { version: 1 } }),
    ).rejects.toThrow('bad glob');
    expect(docsFinished).toBe(true);
  });

  it('runs checks concurrently', async () => {
    const started: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = fakeCheck('layers', 'layers', async () => {
      started.push('layers');
      await gate;
      return { diagnostics: [] };
    });
    const fast = fakeCheck('docs', 'docs', () => {
      started.push('docs');
      release();
      return Promise.resolve({ diagnostics: [] });
    });
    await runChecks({ checks: [slow, fast], names: ['layers', 'docs'], root: '/r', config: { version: 1 } });
    expect(started).toEqual(['layers', 'docs']);
  });

  it('passes a check’s own skip reason through', async () => {
    const budget = fakeCheck('budget', 'budgets', () =>
      Promise.resolve({ diagnostics: [], skipped: 'no recorded result for this commit' }),
    );
    const { document } = await runChecks({ checks: [budget], names: ['budget'], root: '/r', config: { version: 1 } });
    expect(document.checks[0]).toMatchObject({
      name: 'budget',
      ok: true,
      skipped: 'no recorded result for this commit',
    });
  });
});

describe('selectChecks', () => {
  it('rejects an unknown check with a suggestion', () => {
    expect(() => selectChecks([layers, docs], ['layrs'])).toThrow(HarnessError);
    expect(() => selectChecks([layers, docs], ['layrs'])).toThrow('did you mean "layers"?');
  });
});
