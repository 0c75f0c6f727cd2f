export type { CheckDocsInput, CheckDocsResult } from './check-docs.js';
export { checkDocs } from './check-docs.js';
export { docsCheck } from './docs-check.js';
export { docsRules } from './docs-rules.js';
export type { CodexChain } from './codex-chain.js';
export { simulateCodexChains } from './codex-chain.js';
export { buildDocsModel } from './docs-model.js';
export type { DocsModel } from './docs-model.js';
