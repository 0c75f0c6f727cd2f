// The one result every reporter is tested against: an error with a target,
// a warning without a column, text that needs escaping, and a skipped check.
import type { ResultDocument } from '../diagnostic.js';
import { createResultDocument } from '../diagnostic.js';

export const canonicalResult: ResultDocument = createResultDocument(
  [
    { name: 'layers', ok: false, durationMs: 412, files: 5210 },
    { name: 'docs', ok: true, durationMs: 35, files: 12 },
    { name: 'budget', ok: true, durationMs: 0, skipped: 'no budgets section in harness.config.yaml' },
  ],
  [
    {
      check: 'docs',
      rule: 'docs/broken-link',
      severity: 'warning',
      file: 'docs/guide.md',
      line: 7,
      message: 'Link to "setup.md#install, then run" has no target: 100% | broken,\nsecond line: here.',
      fix: 'Point the link at docs/setup.md, which exists.',
      docs: 'docs/rules/docs.md#broken-link',
    },
    {
      check: 'layers',
      rule: 'layers/forward-only',
      severity: 'error',
      file: 'src/domains/billing/service/charge.ts',
      line: 3,
      column: 1,
      target: 'src/domains/billing/ui/button.tsx',
      message:
        'service may not import ui: layers only depend forward (types → config → repo → service → runtime → ui).',
      fix: 'Move the shared code down to service or a lower layer, or invert the dependency through a type in types.',
      docs: 'docs/rules/layers.md#forward-only',
    },
  ],
);

export const emptyResult: ResultDocument = createResultDocument(
  [{ name: 'layers', ok: true, durationMs: 3, files: 2 }],
  [],
);
