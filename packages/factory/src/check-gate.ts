// The gate before every push: `harness check` in the worktree, through the same
// library call and the same registered checks as the CLI (docs/contract.md, "Commands"),
// with the base branch known, so the guard (docs/guard.md) compares the change with it.
import { registeredChecks, runChecks } from 'agent-harness-check';
import { loadConfig, noConfigError } from 'agent-harness-config';
import type { ResultDocument } from 'agent-harness-diagnostics';
import { renderResult } from 'agent-harness-diagnostics';
import type { Env } from 'agent-harness-system';
import { refName, runGit } from 'agent-harness-system';
import type { CheckGate, GateResult, GuardFinding } from './factory-context.js';

/** The rule the guard reports a loosened guardrail with: only a person may accept it. */
const guardRule = 'guard/loosened';

/** The gate's verdict on a result document: guard findings apart, since the agent must not settle them. */
export function gateResult(document: ResultDocument, report: string): GateResult {
  const errors = document.diagnostics.filter((d) => d.severity === 'error');
  const guard: GuardFinding[] = errors
    .filter((d) => d.rule === guardRule)
    .map((d) => ({ file: d.file, ...(d.line === undefined ? {} : { line: d.line }), message: d.message, fix: d.fix }));
  if (guard.length === 0) return { ok: document.ok, report };
  const failedChecks = document.checks.filter((c) => !c.ok && c.name !== 'guard');
  return { ok: false, report, guard, okApartFromGuard: errors.length === guard.length && failedChecks.length === 0 };
}

/** The merge base of the worktree's HEAD and `origin/<base>`, as the guard's base; undefined when there is none. */
async function baseOf(worktree: string, base: string): Promise<{ ref: string; commit: string } | undefined> {
  const ref = `origin/${refName(base, 'base branch')}`;
  const found = await runGit(worktree, ['merge-base', 'HEAD', ref], { okCodes: [1, 128] });
  const commit = found.stdout.trim();
  return found.code === 0 && commit !== '' ? { ref, commit } : undefined;
}

export function createCheckGate(env: Env, base?: string): CheckGate {
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
    const judgedAgainst = base === undefined ? undefined : await baseOf(worktree, base);
    const { document } = await runChecks({
      checks: registeredChecks,
      root: loaded.root,
      config: loaded.config,
      options: { env, ...(judgedAgainst === undefined ? {} : { base: judgedAgainst }) },
    });
    return gateResult(document, renderResult(document, 'pretty', { color: false, toolVersion: 'factory' }));
  };
}
