import { describe, expect, it } from 'vitest';
import { parseRuleDocs } from './rule-examples.js';

const page = [
  '# Rules',
  '',
  '```yaml',
  '# harness.config.yaml',
  'docs: {}',
  '```',
  '',
  '## orphan',
  '',
  '### Failing example',
  '',
  '```md',
  '<!-- AGENTS.md, the map -->',
  '# Map',
  '```',
  '',
  '```text',
  'docs/x.md   # an illustration, not a file',
  '```',
  '',
  '### Passing example',
  '',
  '```ts',
  '// src/a.ts, committed 2026-01-10',
  'export {};',
  '```',
  '',
  '```yaml',
  '# harness.config.yaml',
  'docs: { maxLines: 5 }',
  '```',
  '',
  '### How to fix',
  '',
  '## Not a rule',
  '',
  '## shim',
  '',
  '### Failing example',
  '',
  '```json',
  '{ "no": "path comment" }',
  '```',
].join('\n');

describe('parseRuleDocs', () => {
  const [orphan, shim, ...rest] = parseRuleDocs(page);

  it('reads the rule sections and their subheadings', () => {
    expect(rest).toEqual([]);
    expect(orphan?.id).toBe('orphan');
    expect(orphan?.line).toBe(8);
    expect(orphan?.subheadings).toEqual(['Failing example', 'Passing example', 'How to fix']);
    expect(shim?.id).toBe('shim');
  });

  it('takes the file blocks of an example, with the page-level files, without the path comment', () => {
    expect(orphan?.failing?.files).toEqual({ 'harness.config.yaml': 'docs: {}\n', 'AGENTS.md': '# Map\n' });
    expect(orphan?.failing?.notes).toEqual({ 'AGENTS.md': 'the map' });
  });

  it("lets an example's own file replace the page-level one", () => {
    expect(orphan?.passing?.files).toEqual({
      'harness.config.yaml': 'docs: { maxLines: 5 }\n',
      'src/a.ts': 'export {};\n',
    });
    expect(orphan?.passing?.notes).toEqual({ 'src/a.ts': 'committed 2026-01-10' });
  });

  it('has no example where no block names a file', () => {
    expect(shim?.failing).toBeUndefined();
    expect(shim?.passing).toBeUndefined();
  });
});
