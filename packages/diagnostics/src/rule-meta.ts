// The one description every rule of every check has. docs/style.md: a rule is a triple (its source file,
// its test, and a docs section with a failing and a passing example and "How to fix"); the
// registry of each check is a list of these, and `findRuleRegistryProblems` keeps the three in step.
import type { Severity } from './diagnostic.js';

export interface RuleMeta<Id extends string = string> {
  /** The id within its check (`forward-only`); findings name the rule `<check>/<id>`. */
  id: Id;
  /** The severity of its findings, unless the `rules` map of harness.config.yaml sets another. */
  severity: Severity;
  /** One line: what the rule finds. */
  finds: string;
  /** Why that is worth a finding. */
  why: string;
  /** How to fix a finding in general; each finding's own `fix` says it for its case. */
  fix: string;
  /** Repository-relative docs link with the rule's anchor: `docs/rules/layers.md#forward-only`. */
  docs: string;
}

/** `docs/rules/<check>.md#<id>`: where a rule's section is, and the `docs` of its findings. */
export function ruleDocsLink(page: string, id: string): string {
  return `${page}#${id}`;
}
