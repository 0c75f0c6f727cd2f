import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillTemplate, placeholdersOf } from './render-template.js';
import { templatesDir } from './templates-dir.js';

describe('fillTemplate', () => {
  it('fills inline placeholders and indents a multi-line value placed alone on its line', () => {
    expect(fillTemplate('a {{x}} b\n  {{list}}\nend', { x: '1', list: '- one\n- two' })).toBe(
      'a 1 b\n  - one\n  - two\nend',
    );
  });

  it('leaves GitHub expressions alone', () => {
    expect(fillTemplate('if: ${{ !cancelled() }}', {})).toBe('if: ${{ !cancelled() }}');
  });

  it('throws on a placeholder without a value', () => {
    expect(() => fillTemplate('{{missing}}', {}, 'x.md')).toThrow('x.md: no value for the placeholder {{missing}}');
  });
});

describe('templates/', () => {
  // The values the code fills, per template (plan-map.ts, plan-docs-pages.ts, plan-github.ts); a new placeholder must be added there.
  const filled: Record<string, string[]> = {
    'AGENTS.md': ['architecture', 'commands', 'docsRoot', 'knowledgeBase', 'name', 'plansDir', 'repository'],
    'CLAUDE.md': [],
    'README.md': [],
    'github/workflows/harness.yml': ['branch', 'prepare', 'setup'],
    'github/workflows/harness-factory-turn.yml': ['harness', 'prepare', 'setup'],
    'github/CODEOWNERS': ['owner', 'self'],
    docs: ['designDir', 'existingDocs', 'layerMap', 'layerRules', 'name', 'sections'],
  };
  const files = readdirSync(templatesDir(), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(templatesDir(), join(e.parentPath, e.name)).split('\\').join('/'));

  it.each(files.filter((f) => !f.startsWith('github/rulesets/')))(
    '%s uses only placeholders the code fills',
    (file) => {
      const allowed = filled[file] ?? (file.startsWith('docs/') ? filled.docs : undefined);
      expect(allowed, `no placeholder list for ${file}`).toBeDefined();
      const used = file === 'README.md' ? [] : placeholdersOf(readFileSync(join(templatesDir(), file), 'utf8'));
      for (const name of used) expect(allowed).toContain(name);
    },
  );

  it('has the docs skeleton the issue names', () => {
    for (const path of [
      'docs/architecture.md',
      'docs/design-docs/index.md',
      'docs/exec-plans/active/index.md',
      'docs/exec-plans/completed/index.md',
      'docs/product-specs/index.md',
      'docs/references/index.md',
      'docs/generated/index.md',
    ]) {
      expect(files).toContain(path);
    }
  });
});
