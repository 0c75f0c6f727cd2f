// Every rule `harness check docs` reports, in the order of docs/rules/docs.md, then the rule about the baseline.
// A test keeps this list, the rule tests and docs/rules/docs.md in step.
import { absolutePath } from './rules/absolute-path.js';
import { brokenLink } from './rules/broken-link.js';
import { command } from './rules/command.js';
import type { DocsRule, MetaRule } from './rules/docs-rule.js';
import { frontmatter } from './rules/frontmatter.js';
import { importRule } from './rules/import.js';
import { mapMissing } from './rules/map-missing.js';
import { mapTooLong } from './rules/map-too-long.js';
import { missingPath } from './rules/missing-path.js';
import { orphan } from './rules/orphan.js';
import { shim } from './rules/shim.js';
import { staleBaseline } from './rules/stale-baseline.js';
import { stale } from './rules/stale.js';

export const checkingRules: readonly DocsRule[] = [
  mapMissing,
  mapTooLong,
  brokenLink,
  orphan,
  missingPath,
  frontmatter,
  stale,
  shim,
  importRule,
  command,
  absolutePath,
];

export const docsRules: ReadonlyArray<DocsRule | MetaRule> = [...checkingRules, staleBaseline];

export { docsLink, rulesDocsPath } from './docs-link.js';
