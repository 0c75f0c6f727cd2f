import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HarnessConfig } from 'agent-harness-config';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createBudgetCheck } from './budget-check.js';
import { appendHistoryEntry, historyFile } from './history.js';
import { entry } from './history-entry.fixture.js';

const head = 'h'.repeat(40);
const check = createBudgetCheck({
  readGitState: () => Promise.resolve({ commit: head, branch: 'main', dirty: false }),
});
const config: HarnessConfig = {
  version: 1,
  budgets: [
    { name: 'build', command: 'pnpm build', seconds: 10 },
    { name: 'test', command: 'pnpm test', seconds: 10 },
  ],
};

async function repo(entries: ReturnType<typeof entry>[]): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'harness-budget-check-'));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  writeFileSync(
    join(root, 'harness.config.yaml'),
    'version: 1\nbudgets:\n  - name: build\n    command: pnpm build\n    seconds: 10\n',
  );
  for (const e of entries) await appendHistoryEntry(root, e);
  return root;
}

describe('budgetCheck', () => {
  it('is skipped, with the reason, when nothing was recorded for HEAD', async () => {
    const root = await repo([entry({ commit: 'o'.repeat(40), durationMs: 99_000 })]);
    expect(await check.run({ root, config, options: {} })).toEqual({
      diagnostics: [],
      skipped: 'no recorded result for HEAD (hhhhhhh) in .harness/budget/history.jsonl; run `harness budget` first',
    });
  });

  it('judges the latest invocation at HEAD against the current config, and notes budgets without a result', async () => {
    const root = await repo([
      entry({ commit: head, invocation: 'old', durationMs: 99_000 }),
      entry({ commit: head, invocation: 'new', run: 1, runs: 2, durationMs: 12_000 }),
      entry({ commit: head, invocation: 'new', run: 2, runs: 2, durationMs: 11_000 }),
      entry({ commit: 'o'.repeat(40), invocation: 'other', durationMs: 1000 }),
    ]);
    appendFileSync(join(root, historyFile), 'not json\n');
    const outcome = await check.run({ root, config, options: {} });
    expect(outcome.diagnostics.map((d) => [d.rule, d.line, d.message])).toEqual([
      ['budget/over-budget', 5, 'budget "build": median 11.5 s of 2 runs is over its 10 s budget by 1.50 s (+15%).'],
    ]);
    expect(outcome.notes).toEqual([
      'budget: 1 unreadable lines in .harness/budget/history.jsonl skipped',
      'budget test: no recorded result for hhhhhhh; run `harness budget test`',
    ]);
  });
});
