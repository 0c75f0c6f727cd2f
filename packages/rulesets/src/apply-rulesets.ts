// `harness rulesets apply`: makes the repository match the files. Creates and
// updates send the complete desired object; nothing is sent for a ruleset that
// is unchanged; deletes touch only what harness created (or, with --prune, any
// repository ruleset no file defines), never organization rulesets.
import { assertInsideRoot } from 'agent-harness-system';
import { createRuleset, deleteRuleset, updateRuleset } from 'agent-harness-github';
import { createdStatePath, writeCreatedState } from './created-state.js';
import type { PlanEntry, RulesetsOptions, RulesetsPlan } from './plan-rulesets.js';
import { planRulesetsWithContext } from './plan-rulesets.js';

export interface ApplyOptions extends RulesetsOptions {
  /** Plan only, send nothing. */
  dryRun?: boolean;
}

export interface ApplyResult {
  plan: RulesetsPlan;
  /** Entries whose change was sent to GitHub (none with dryRun). */
  applied: PlanEntry[];
  dryRun: boolean;
}

export async function applyRulesets(options: ApplyOptions): Promise<ApplyResult> {
  const { client, created, plan } = await planRulesetsWithContext(options);
  const dryRun = options.dryRun === true;
  if (dryRun) return { plan, applied: [], dryRun };
  // Before GitHub is changed: the state file that records it must be writable where it belongs.
  await assertInsideRoot(options.root, createdStatePath(options.dir));
  const createdHere = { ...(created.created[plan.repository] ?? {}) };
  const stateBefore = JSON.stringify(createdHere);
  const applied: PlanEntry[] = [];
  try {
    for (const entry of plan.entries) {
      if (entry.action === 'create' && entry.body !== undefined) {
        const made = await createRuleset(client, entry.body);
        createdHere[entry.name] = Number(made.id);
        applied.push({ ...entry, id: Number(made.id) });
      } else if (entry.action === 'update' && entry.body !== undefined && entry.id !== undefined) {
        await updateRuleset(client, entry.id, entry.body);
        applied.push(entry);
      }
    }
    for (const entry of plan.entries) {
      if (entry.action !== 'delete' || entry.id === undefined) continue;
      await deleteRuleset(client, entry.id, entry.name);
      for (const [name, id] of Object.entries(createdHere)) if (id === entry.id) delete createdHere[name];
      applied.push(entry);
    }
  } finally {
    // Record what was created even when a later call failed, so the next apply knows it.
    if (JSON.stringify(createdHere) !== stateBefore) {
      await writeCreatedState(options.root, options.dir, {
        version: 1,
        created: { ...created.created, [plan.repository]: createdHere },
      });
    }
  }
  return { plan, applied, dryRun };
}
