export type { CheckSummary, Diagnostic, ResultDocument, Severity } from './diagnostic.js';
export { compareDiagnostics, countBySeverity, createResultDocument, sortDiagnostics } from './diagnostic.js';
export type { ErrorCode, ErrorPlace, HarnessErrorDetails } from './harness-error.js';
export { formatHarnessError, formatPlace, HarnessError, isHarnessError } from './harness-error.js';
export type { Format, RenderOptions } from './reporters/render.js';
export { formats, isFormat, renderResult } from './reporters/render.js';
export { escapeData, escapeProperty, renderGithub } from './reporters/github.js';
export { renderJson } from './reporters/json.js';
export { codeSpan, escapeCell, escapeText, renderMarkdown } from './reporters/markdown.js';
export type { PrettyOptions } from './reporters/pretty.js';
export { renderPretty, visible } from './reporters/pretty.js';
export type { SarifOptions } from './reporters/sarif.js';
export { renderSarif, sarifUri } from './reporters/sarif.js';
export type { ErrorDocument, ErrorReport } from './reporters/render-error.js';
export { createErrorDocument, errorReport, internalErrorFix, renderError } from './reporters/render-error.js';
export type {
  BaselineDocument,
  BaselineEntry,
  BaselineUpdate,
  PlannedBaseline,
  SettleBaselineInput,
  SettledBaseline,
} from './baseline.js';
export {
  applyBaseline,
  baselineKey,
  describeStaleEntry,
  planBaselineUpdate,
  planSettledBaseline,
  readBaseline,
  serializeBaseline,
} from './baseline.js';
export { closestWord } from './closest-word.js';
export type { RuleMeta } from './rule-meta.js';
export { ruleDocsLink } from './rule-meta.js';
export type { RuleDocsSection, RuleExample } from './rule-examples.js';
export { parseRuleDocs } from './rule-examples.js';
export type { RuleRegistry } from './rule-registry.js';
export { findDocsLinkProblems, findRuleRegistryProblems } from './rule-registry.js';
