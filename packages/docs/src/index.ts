// agent-harness-docs runs only as a check: `harness check docs` loads it through the `./check` entry
// (docs-check.ts). This entry, the one public entry every package has (docs/architecture.md), exports
// only what another package needs (knip reports an export that none uses): `harness init` reads docs
// sites with the same detection the check uses.
export type { DocSite } from './doc-sites.js';
export { findSites } from './doc-sites.js';
