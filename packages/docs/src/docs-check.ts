// The `docs` guardrail as harness check runs it; with no docs section it runs on SPEC's defaults.
import type { Check } from '@harness/config';
import { sectionDefaults } from '@harness/config';
import { checkDocs } from './check-docs.js';

export const docsCheck: Check = {
  name: 'docs',
  description: 'The AGENTS.md map and docs/: size and Codex chain, links and anchors, orphans, paths, front matter, staleness, shims, imports, commands.',
  section: 'docs',
  async run({ root, config, options }) {
    const result = await checkDocs({
      root,
      config: config.docs ?? sectionDefaults('docs'),
      updateBaseline: options.updateBaseline === true,
      allowGrowth: options.allowGrowth === true,
      fix: options.fix === true,
      dryRun: options.dryRun === true,
    });
    return { diagnostics: result.diagnostics, files: result.files, notes: result.notes };
  },
};
