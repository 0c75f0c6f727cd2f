// How a plan, an apply and an export read: a block per ruleset for people,
// one JSON document for machines.
import type { ApplyResult } from './apply-rulesets.js';
import type { ExportResult } from './export-rulesets.js';
import type { PlanAction, PlanEntry, RulesetsPlan } from './plan-rulesets.js';
import { hasDrift } from './plan-rulesets.js';
import { showValue } from './rulesets-rules.js';

const marks: Record<PlanAction, string> = {
  create: '+',
  update: '~',
  delete: '-',
  unchanged: '=',
  unmanaged: '·',
  inherited: '·',
};
const planned: Record<PlanAction, string> = {
  create: 'create',
  update: 'update',
  delete: 'delete',
  unchanged: 'unchanged',
  unmanaged: 'left alone',
  inherited: 'left alone',
};
const done: Record<PlanAction, string> = {
  create: 'created',
  update: 'updated',
  delete: 'deleted',
  unchanged: 'unchanged',
  unmanaged: 'left alone',
  inherited: 'left alone',
};

function renderEntry(entry: PlanEntry, verbs: Record<PlanAction, string>): string[] {
  const where = entry.file === undefined ? '' : `  (${entry.file})`;
  const lines = [
    `${marks[entry.action]} ${verbs[entry.action]} "${entry.name}"${where}${entry.reason === undefined ? '' : `: ${entry.reason}`}`,
  ];
  for (const change of entry.changes ?? [])
    lines.push(`    ${change.path}: ${showValue(change.github)} → ${showValue(change.file)}`);
  if (entry.bypassActorsHidden === true) lines.push('    bypass_actors: hidden from this token, not compared');
  return lines;
}

function counts(plan: RulesetsPlan): string {
  const count = (action: PlanAction) => plan.entries.filter((e) => e.action === action).length;
  const left = count('unmanaged') + count('inherited');
  return `${count('create')} to create, ${count('update')} to update, ${count('delete')} to delete, ${count('unchanged')} unchanged, ${left} left alone`;
}

export function renderPlanPretty(plan: RulesetsPlan): string {
  const lines = [`Rulesets of ${plan.repository} against ${plan.dir} (changes read GitHub → file):`];
  if (plan.entries.length === 0) lines.push('  (no rulesets on GitHub and no files)');
  for (const entry of plan.entries) lines.push(...renderEntry(entry, planned).map((l) => `  ${l}`));
  lines.push(
    hasDrift(plan)
      ? `Plan: ${counts(plan)}. Run \`harness rulesets apply\` to make GitHub match.`
      : `No changes: GitHub matches the files (${counts(plan)}).`,
  );
  return `${lines.join('\n')}\n`;
}

export function renderApplyPretty(result: ApplyResult): string {
  if (result.dryRun) return renderPlanPretty(result.plan);
  const lines = [`Rulesets of ${result.plan.repository} against ${result.plan.dir}:`];
  for (const entry of result.plan.entries) lines.push(...renderEntry(entry, done).map((l) => `  ${l}`));
  lines.push(
    result.applied.length === 0
      ? 'Nothing to do: GitHub already matches the files.'
      : `Applied ${result.applied.length} change${result.applied.length === 1 ? '' : 's'}.`,
  );
  return `${lines.join('\n')}\n`;
}

function entryJson(entry: PlanEntry): Record<string, unknown> {
  const rest: Partial<PlanEntry> = { ...entry };
  delete rest.body;
  return rest;
}

export function renderPlanJson(plan: RulesetsPlan, extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ version: 1, repository: plan.repository, dir: plan.dir, drift: hasDrift(plan), ...extra, rulesets: plan.entries.map(entryJson) }, null, 2)}\n`;
}

export function renderApplyJson(result: ApplyResult): string {
  return renderPlanJson(result.plan, {
    dryRun: result.dryRun,
    applied: result.applied.map((e) => ({ name: e.name, action: e.action, id: e.id })),
  });
}

export function renderExportPretty(result: ExportResult): string {
  const verb = result.dryRun ? 'would write' : 'wrote';
  const lines = result.files.map((f) => `${verb} ${f.file}  ("${f.name}"${f.replaced ? ', replaced' : ''})`);
  for (const skipped of result.skipped) lines.push(`skipped ${skipped}`);
  if (result.files.length === 0) lines.push(`${result.repository} has no repository rulesets to export`);
  return `${lines.join('\n')}\n`;
}
