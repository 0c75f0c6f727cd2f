// The gate before every push: `harness check` in the worktree, through the same
// library call and the same registered checks as the CLI (docs/contract.md, "Commands").
import { registeredChecks, runChecks } from 'agent-harness-check';
import { loadConfig, noConfigError } from 'agent-harness-config';
import { renderResult } from 'agent-harness-diagnostics';
import type { Env } from 'agent-harness-system';
import type { CheckGate } from './factory-context.js';

export function createCheckGate(env: Env): CheckGate {
  return async (worktree) => {
    const loaded = await loadConfig({ cwd: worktree });
    // As a bare `harness check`: without a config file every check is skipped, and a gate that ran
    // nothing is not green. The agent reads why in the report.
    if (loaded.path === undefined) {
      const error = noConfigError(
        loaded.root,
        'the factory gate runs a bare `harness check`, which has no check to run',
      );
      return { ok: false, report: `${error.message}\nfix: ${error.fix ?? ''}\n` };
    }
    const { document } = await runChecks({
      checks: registeredChecks,
      root: loaded.root,
      config: loaded.config,
      options: { env },
    });
    return { ok: document.ok, report: renderResult(document, 'pretty', { color: false, toolVersion: 'factory' }) };
  };
}
