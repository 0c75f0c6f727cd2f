// Every guardrail harness ships. A check's package is listed here once it
// exists; there are no placeholders that pretend to run. Each comes from its package's light
// `./check` entry, which imports the checker only when the check runs.
import { budgetCheck } from 'agent-harness-budget/check';
import type { Check } from 'agent-harness-config';
import { docsCheck } from 'agent-harness-docs/check';
import { guardCheck } from 'agent-harness-guard/check';
import { layersCheck } from 'agent-harness-layers/check';
import { rulesetsCheck } from 'agent-harness-rulesets/check';

export const registeredChecks: readonly Check[] = [layersCheck, docsCheck, budgetCheck, rulesetsCheck, guardCheck];
