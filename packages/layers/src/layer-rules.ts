// Every rule `harness check layers` reports, in the order of its docs page, then the rules about suppressions
// and the baseline. A test keeps this list, the rule tests and docs/rules/layers.md in step.
import { contract } from './rules/contract.js';
import { crossDomain } from './rules/cross-domain.js';
import { forwardOnly } from './rules/forward-only.js';
import { invalidSuppression } from './rules/invalid-suppression.js';
import type { EdgeRule, FileRule, LayerRule } from './rules/layer-rule.js';
import { packagePlacement } from './rules/package-placement.js';
import { providersOnly } from './rules/providers-only.js';
import { sharedPurity } from './rules/shared-purity.js';
import { staleBaseline } from './rules/stale-baseline.js';
import { syntaxError } from './rules/syntax-error.js';
import { unassigned } from './rules/unassigned.js';
import { unresolved } from './rules/unresolved.js';
import { unusedSuppression } from './rules/unused-suppression.js';

export const layerRules: readonly LayerRule[] = [
  forwardOnly,
  crossDomain,
  providersOnly,
  sharedPurity,
  packagePlacement,
  unassigned,
  unresolved,
  contract,
  syntaxError,
  unusedSuppression,
  invalidSuppression,
  staleBaseline,
];

export const edgeRules: readonly EdgeRule[] = layerRules.filter((r): r is EdgeRule => r.kind === 'edge');
export const fileRules: readonly FileRule[] = layerRules.filter((r): r is FileRule => r.kind === 'file');

/** `layers/<id>`, as findings and suppressions name rules. */
export const qualifiedRuleIds: readonly string[] = layerRules.map((r) => `layers/${r.id}`);

export const rulesDocsPath = 'docs/rules/layers.md';

export function docsLink(ruleId: string): string {
  return `${rulesDocsPath}#${ruleId}`;
}
