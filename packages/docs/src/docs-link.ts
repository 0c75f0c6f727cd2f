// Where each docs rule is explained: a light module, so that a run whose findings are kept
// (result-cache.ts) links them without loading the rules.
export const rulesDocsPath = 'docs/rules/docs.md';

export function docsLink(ruleId: string): string {
  return `${rulesDocsPath}#${ruleId}`;
}
