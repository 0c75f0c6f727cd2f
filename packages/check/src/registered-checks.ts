// Every guardrail harness ships. A check's package is listed here once it
// exists; there are no placeholders that pretend to run.
import { budgetCheck } from '@harness/budget';
import type { Check } from '@harness/config';
import { docsCheck } from '@harness/docs';
import { layersCheck } from '@harness/layers';
import { rulesetsCheck } from '@harness/rulesets';

export const registeredChecks: readonly Check[] = [layersCheck, docsCheck, budgetCheck, rulesetsCheck];
