// Applies every edge and file rule to the import graph and returns the raw findings, before
// suppressions and the baseline. Files whose findings the cache still holds are not re-checked.
import type { Diagnostic } from 'agent-harness-diagnostics';
import type { CompiledContract, FileClass, GraphEdge, ImportGraph, LayerModel } from './layers-types.js';
import { docsLink, edgeRules, fileRules } from './layer-rules.js';
import type { EdgeFacts } from './rules/layer-rule.js';
import { targetName } from './rules/layer-rule.js';
import { describeSyntaxError } from './rules/syntax-error.js';

/** A finding about one edge or file, with its rule id for the graph view. */
export interface Violation extends Diagnostic {
  /** The rule id without the `layers/` prefix. */
  ruleId: string;
}

export interface ViolationsFound {
  violations: Violation[];
  /** The same findings per importing file, for the cache. */
  byFile: Map<string, Violation[]>;
}

/** `cachedFindings`: files whose findings are known (from the cache) and are not judged again. */
export function findViolations(
  graph: ImportGraph,
  model: LayerModel,
  cachedFindings: ReadonlyMap<string, readonly Violation[]> = new Map(),
): ViolationsFound {
  const classOf = createClassifier(model);
  const violations: Violation[] = [];
  const byFile = new Map<string, Violation[]>();
  for (const file of graph.files) {
    const cached = cachedFindings.get(file.path);
    if (cached !== undefined) {
      violations.push(...cached);
      if (cached.length > 0) byFile.set(file.path, [...cached]);
      continue;
    }
    const found: Violation[] = [];
    if (file.error !== undefined) {
      const { line, ...verdict } = describeSyntaxError(file.path, file.error);
      found.push({ ...finding('syntax-error', file.path, verdict), ...(line === undefined ? {} : { line }) });
    }
    const from = classOf(file.path);
    // Only the contracts this file is an importer in judge its edges.
    const contracts = model.contracts.filter((c) => c.groupOf(file.path, 'from') !== undefined);
    for (const rule of fileRules) {
      const verdict = rule.check(file.path, from, model);
      if (verdict !== undefined) found.push(finding(rule.id, file.path, verdict));
    }
    for (const edge of file.imports) {
      const target = edge.target;
      if (target.kind === 'unresolved') continue;
      const facts: EdgeFacts = { file: file.path, from, edge, target, model };
      if (target.kind === 'file') facts.to = classOf(target.path);
      if (contracts.length > 0) found.push(...judgeContracts(file.path, edge, contracts, model));
      for (const rule of edgeRules) {
        if (edge.typeOnly && model.allowTypeOnly.has(rule.id)) continue;
        const verdict = rule.check(facts);
        if (verdict === undefined) continue;
        found.push({
          ...finding(rule.id, file.path, verdict),
          line: edge.line,
          column: edge.column,
          target: targetName(target),
          typeOnly: edge.typeOnly,
        });
      }
    }
    violations.push(...found);
    if (found.length > 0) byFile.set(file.path, found);
  }
  return { violations, byFile };
}

/** The findings of layers.contracts about one edge: one per contract it breaks. */
function judgeContracts(
  file: string,
  edge: GraphEdge,
  contracts: readonly CompiledContract[],
  model: LayerModel,
): Violation[] {
  if (edge.target.kind === 'unresolved') return [];
  if (edge.typeOnly && model.allowTypeOnly.has('contract')) return [];
  const target = targetName(edge.target);
  const found: Violation[] = [];
  for (const contract of contracts) {
    const verdict = contract.judge({ from: file, to: target, typeOnly: edge.typeOnly });
    if (verdict === undefined) continue;
    found.push({
      ...finding('contract', file, verdict),
      line: edge.line,
      column: edge.column,
      target,
      typeOnly: edge.typeOnly,
      contract: contract.name,
    });
  }
  return found;
}

/** The class of every file in the graph and of every file an import leads to. */
export function classifyGraph(graph: ImportGraph, model: LayerModel): Map<string, FileClass> {
  const classOf = createClassifier(model);
  const classes = new Map<string, FileClass>();
  for (const file of graph.files) {
    classes.set(file.path, classOf(file.path));
    for (const edge of file.imports)
      if (edge.target.kind === 'file') classes.set(edge.target.path, classOf(edge.target.path));
  }
  return classes;
}

function createClassifier(model: LayerModel): (path: string) => FileClass {
  const classes = new Map<string, FileClass>();
  return (path) => {
    let found = classes.get(path);
    if (found === undefined) {
      found = model.classify(path);
      classes.set(path, found);
    }
    return found;
  };
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
