// Applies every edge and file rule to the import graph and returns the raw findings, before
// suppressions and the baseline. Files whose findings the cache still holds are not re-checked.
import type { Diagnostic } from 'agent-harness-diagnostics';
import type {
  CompiledContract,
  ContractEdge,
  FileClass,
  GraphEdge,
  GraphFile,
  ImportGraph,
  LayerModel,
} from './layers-types.js';
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
  judge: (file: GraphFile) => Violation[] = createFileJudge(model),
): ViolationsFound {
  const violations: Violation[] = [];
  const byFile = new Map<string, Violation[]>();
  for (const file of graph.files) {
    const cached = cachedFindings.get(file.path);
    if (cached !== undefined) {
      violations.push(...cached);
      if (cached.length > 0) byFile.set(file.path, [...cached]);
      continue;
    }
    const found = judge(file);
    violations.push(...found);
    if (found.length > 0) byFile.set(file.path, found);
  }
  return { violations, byFile };
}

/**
 * Every edge and file rule applied to one file: what findViolations does for each file it judges.
 * A file's findings depend only on it, its edges' targets and the model, so a cold check judges each
 * file as soon as its imports are resolved (check-layers.ts), while other files are still read.
 */
export function createFileJudge(model: LayerModel): (file: GraphFile) => Violation[] {
  const classOf = createClassifier(model);
  const { contracts } = model;
  // Each contract's group of each target (`to`), asked once per target rather than once per edge.
  const targetGroups = new Map<string, ReadonlyArray<string | undefined>>();
  const groupsOf = (target: string): ReadonlyArray<string | undefined> => {
    let groups = targetGroups.get(target);
    if (groups === undefined) {
      groups = contracts.map((contract) => contract.groupOf(target, 'to'));
      targetGroups.set(target, groups);
    }
    return groups;
  };
  const contractsJudgeTypeOnly = !model.allowTypeOnly.has('contract');
  return (file) => {
    const from = classOf(file.path);
    const found = judgeFile(file, from, model);
    // Only the contracts this file is an importer in judge its edges.
    const fromGroups = contracts.map((c) => c.groupOf(file.path, 'from'));
    const judging = fromGroups.some((group) => group !== undefined);
    for (const edge of file.imports) {
      const target = edge.target;
      if (target.kind === 'unresolved') continue;
      if (judging && (contractsJudgeTypeOnly || !edge.typeOnly)) {
        const judged = { from: file.path, to: targetName(target), typeOnly: edge.typeOnly };
        judgeContracts(judged, edge, fromGroups, groupsOf(judged.to), contracts, found);
      }
      const facts: EdgeFacts = { file: file.path, from, edge, target, model };
      if (target.kind === 'file') facts.to = classOf(target.path);
      judgeEdge(facts, found);
    }
    return found;
  };
}

/** A file's own findings: it does not parse, or a file rule breaks. */
function judgeFile(file: GraphFile, from: FileClass, model: LayerModel): Violation[] {
  const found: Violation[] = [];
  if (file.error !== undefined) {
    const { line, ...verdict } = describeSyntaxError(file.path, file.error);
    found.push({ ...finding('syntax-error', file.path, verdict), ...(line === undefined ? {} : { line }) });
  }
  for (const rule of fileRules) {
    const verdict = rule.check(file.path, from, model);
    if (verdict !== undefined) found.push(finding(rule.id, file.path, verdict));
  }
  return found;
}

/** The edge rules' findings about one resolved edge, added to `found`. */
function judgeEdge(facts: EdgeFacts, found: Violation[]): void {
  const { edge, target, model } = facts;
  for (const rule of edgeRules) {
    if (edge.typeOnly && model.allowTypeOnly.has(rule.id)) continue;
    const verdict = rule.check(facts);
    if (verdict === undefined) continue;
    found.push({
      ...finding(rule.id, facts.file, verdict),
      line: edge.line,
      column: edge.column,
      target: targetName(target),
      typeOnly: edge.typeOnly,
    });
  }
}

/** The findings of layers.contracts about one edge, one per contract it breaks, added to `found`. */
function judgeContracts(
  judged: ContractEdge,
  edge: GraphEdge,
  fromGroups: ReadonlyArray<string | undefined>,
  toGroups: ReadonlyArray<string | undefined>,
  contracts: readonly CompiledContract[],
  found: Violation[],
): void {
  for (let i = 0; i < contracts.length; i++) {
    const from = fromGroups[i];
    const to = toGroups[i];
    // An end in none of the contract's groups: the contract has nothing to say about the edge.
    if (from === undefined || to === undefined) continue;
    const contract = contracts[i] as CompiledContract;
    const verdict = contract.judgeGroups(judged, from, to);
    if (verdict === undefined) continue;
    found.push({
      ...finding('contract', judged.from, verdict),
      line: edge.line,
      column: edge.column,
      target: judged.to,
      typeOnly: edge.typeOnly,
      contract: contract.name,
    });
  }
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
