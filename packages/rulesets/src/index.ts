export type { ApplyOptions, ApplyResult } from './apply-rulesets.js';
export { applyRulesets } from './apply-rulesets.js';
export type { Comparison, FieldChange } from './compare-rulesets.js';
export { compareRuleset } from './compare-rulesets.js';
export type { CreatedState } from './created-state.js';
export { createdStateFile, readCreatedState } from './created-state.js';
export type { ExportedFile, ExportOptions, ExportResult } from './export-rulesets.js';
export { exportFileName, exportRulesets } from './export-rulesets.js';
export type { PlanAction, PlanEntry, RulesetsOptions, RulesetsPlan } from './plan-rulesets.js';
export { hasDrift, planRulesets } from './plan-rulesets.js';
export {
  renderApplyJson,
  renderApplyPretty,
  renderExportPretty,
  renderPlanJson,
  renderPlanPretty,
} from './render-plan.js';
export { readOnlyKeys, toExportFormat, toRequestBody } from './request-body.js';
export type { RulesetFile } from './ruleset-file.js';
export { parseRulesetFile, readRulesetFiles } from './ruleset-file.js';
export { checkRulesets } from './check-rulesets.js';
export { createRulesetsCheck, rulesetsCheck } from './rulesets-check.js';
export type { RulesetsRuleId } from './rulesets-rules.js';
export { planDiagnostics, rulesetsDocs, rulesetsRules } from './rulesets-rules.js';
