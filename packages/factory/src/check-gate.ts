// The gate before every push: `harness check` in the worktree, through the same
// library call and the same registered checks as the CLI (SPEC "Who uses it and how").
import { registeredChecks, runChecks } from '@harness/check';
import { loadConfig } from '@harness/config';
import { renderResult } from '@harness/diagnostics';
import type { CheckGate } from './factory-context.js';

export function createCheckGate(env: Readonly<Record<string, string | undefined>>): CheckGate {
  return async (worktree) => {
    const loaded = await loadConfig({ cwd: worktree });
    const { document } = await runChecks({ checks: registeredChecks, root: loaded.root, config: loaded.config, options: { env } });
    return { ok: document.ok, report: renderResult(document, 'pretty', { color: false, toolVersion: 'factory' }) };
  };
}
