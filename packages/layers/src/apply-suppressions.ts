// Drops the findings a `// harness-ignore layers/<rule>: <reason>` comment on the line before
// silences, and reports suppressions that silence nothing or lack a reason (docs/layers.md, "Suppressions").
// A file-level finding (layers/unassigned) is silenced by its comment anywhere in the file.
import type { Diagnostic } from 'agent-harness-diagnostics';
import type { GraphFile } from './layers-types.js';
import type { Violation } from './find-violations.js';
import { createEslintSilencer, isEslintComment } from './eslint-suppressions.js';
import { docsLink, qualifiedRuleIds } from './layer-rules.js';
import { describeInvalidSuppression } from './rules/invalid-suppression.js';
import { describeUnusedSuppression } from './rules/unused-suppression.js';

/** The findings about an import, which an ESLint boundary rule's disable comment also covers. */
const importRules = new Set([
  'layers/contract',
  'layers/forward-only',
  'layers/cross-domain',
  'layers/providers-only',
  'layers/shared-purity',
  'layers/package-placement',
]);

export function applySuppressions(
  files: readonly Pick<GraphFile, 'path' | 'suppressions'>[],
  violations: readonly Violation[],
  eslintNames: readonly string[] = [],
): { kept: Violation[]; problems: Diagnostic[] } {
  const byFile = new Map<string, Violation[]>();
  for (const v of violations) byFile.set(v.file, [...(byFile.get(v.file) ?? []), v]);
  const kept: Violation[] = [];
  const problems: Diagnostic[] = [];
  for (const file of files) {
    const found = byFile.get(file.path) ?? [];
    byFile.delete(file.path);
    if (file.suppressions.length === 0) {
      kept.push(...found);
      continue;
    }
    const silenced = new Set<Violation>();
    const eslintSilences = createEslintSilencer(file.suppressions, eslintNames);
    for (const v of found)
      if (v.line !== undefined && importRules.has(v.rule) && eslintSilences(v.line)) silenced.add(v);
    for (const s of file.suppressions) {
      if (isEslintComment(s)) continue;
      const where = { check: 'layers', severity: 'error' as const, file: file.path, line: s.line };
      if (!qualifiedRuleIds.includes(s.rule) || s.reason.trim() === '') {
        problems.push({
          ...where,
          rule: 'layers/invalid-suppression',
          ...describeInvalidSuppression(s.rule, qualifiedRuleIds),
          docs: docsLink('invalid-suppression'),
        });
        continue;
      }
      const matches = found.filter((v) => v.rule === s.rule && (v.line === undefined || v.line === s.line + 1));
      for (const v of matches) silenced.add(v);
      if (matches.length === 0) {
        problems.push({
          ...where,
          rule: 'layers/unused-suppression',
          ...describeUnusedSuppression(s.rule, s.line),
          docs: docsLink('unused-suppression'),
        });
      }
    }
    kept.push(...found.filter((v) => !silenced.has(v)));
  }
  for (const rest of byFile.values()) kept.push(...rest);
  return { kept, problems };
}
