// The `docs` guardrail as harness check runs it; with no docs section it runs on the schema's defaults.
// This module is the package's `./check` entry: light, so that listing the checks loads none of
// them; the checker itself is imported when the check runs.
import type { Check } from 'agent-harness-config';
import { docsCacheFile } from './parse-cache.js';
import { prewarmParseWorkers } from './parse-workers.js';

export const docsCheck: Check = {
  name: 'docs',
  description:
    'The AGENTS.md map and docs/: size and Codex chain, links and anchors, orphans, paths, front matter, staleness, shims, imports, commands.',
  section: 'docs',
  ruleIds: async () => (await import('./docs-rules.js')).docsRules.map((r) => `docs/${r.id}`),
  ruleDefaults: async () =>
    Object.fromEntries((await import('./docs-rules.js')).docsRules.map((r) => [`docs/${r.id}`, r.severity])),
  prepare(cwd) {
    prewarmParseWorkers(cwd, docsCacheFile);
  },
  async run({ root, config, options }) {
    const [{ docsDefaults }, { checkDocs }] = await Promise.all([
      import('./docs-defaults.js'),
      import('./check-docs.js'),
    ]);
    const result = await checkDocs({
      root,
      config: config.docs ?? docsDefaults(),
      updateBaseline: options.updateBaseline === true,
      allowGrowth: options.allowGrowth === true,
      fix: options.fix === true,
      dryRun: options.dryRun === true,
      judgedByBase: options.judgedByBase,
    });
    return { diagnostics: result.diagnostics, files: result.files, notes: result.notes };
  },
};
