// Applies every edge and file rule to the import graph and returns the raw findings, before
// suppressions and the baseline.
import type { Diagnostic } from '@harness/diagnostics';
import type { ImportGraph } from './build-import-graph.js';
import type { FileClass, LayerModel } from './layer-model.js';
import { docsLink, edgeRules, fileRules } from './layer-rules.js';
import type { EdgeFacts } from './rules/layer-rule.js';
import { targetName } from './rules/layer-rule.js';

/** A finding about one edge or file, with the classes the graph view needs. */
export interface Violation extends Diagnostic {
  /** The rule id without the `layers/` prefix. */
  ruleId: string;
}

export function findViolations(graph: ImportGraph, model: LayerModel): { violations: Violation[]; classes: Map<string, FileClass> } {
  const classes = new Map<string, FileClass>();
  const classOf = (path: string): FileClass => {
    let found = classes.get(path);
    if (found === undefined) {
      found = model.classify(path);
      classes.set(path, found);
    }
    return found;
  };
  const violations: Violation[] = [];
  for (const file of graph.files) {
    const from = classOf(file.path);
    for (const rule of fileRules) {
      const verdict = rule.check(file.path, from, model);
      if (verdict !== undefined) violations.push(finding(rule.id, file.path, verdict));
    }
    for (const edge of file.imports) {
      const target = edge.target;
      if (target.kind === 'unresolved') continue;
      const facts: EdgeFacts = { file: file.path, from, edge, target, model };
      if (target.kind === 'file') facts.to = classOf(target.path);
      for (const rule of edgeRules) {
        if (edge.typeOnly && model.allowTypeOnly.has(rule.id)) continue;
        const verdict = rule.check(facts);
        if (verdict === undefined) continue;
        violations.push({
          ...finding(rule.id, file.path, verdict),
          line: edge.line,
          column: edge.column,
          target: targetName(target),
          typeOnly: edge.typeOnly,
        });
      }
    }
  }
  return { violations, classes };
}

function finding(ruleId: string, file: string, verdict: { message: string; fix: string }): Violation {
  return {
    check: 'layers',
    rule: `layers/${ruleId}`,
    ruleId,
    severity: 'error',
    file,
    message: verdict.message,
    fix: verdict.fix,
    docs: docsLink(ruleId),
  };
}
