// Every part of the guardrail surface the guard compares (docs/guard.md "What it compares"). Each
// comparer lives in its own file and returns the loosenings it sees; `harness check guard` runs them
// all on the same input. To add one: import it here and add it to the list.
import { compareBaselines } from './compare-baselines.js';
import { compareCodeowners } from './compare-codeowners.js';
import { compareCodex } from './compare-codex.js';
import { compareConfig } from './compare-config.js';
import { compareFactoryWorkflow } from './compare-factory-workflow.js';
import { compareGitignore } from './compare-gitignore.js';
import { compareRulesets } from './compare-rulesets.js';
import { compareSuppressions } from './compare-suppressions.js';
import { compareTsconfig } from './compare-tsconfig.js';
import { compareWorkflow } from './compare-workflow.js';
import type { SurfaceComparer } from './guard-types.js';

export const surfaceComparers: readonly SurfaceComparer[] = [
  compareConfig,
  compareBaselines,
  compareCodeowners,
  compareSuppressions,
  compareRulesets,
  compareWorkflow,
  compareCodex,
  compareGitignore,
  compareTsconfig,
  compareFactoryWorkflow,
];
