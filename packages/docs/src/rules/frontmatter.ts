// docs/frontmatter: docs.frontmatter maps folder globs to the front-matter keys their markdown
// files must carry (e.g. owner, status, last-reviewed for design docs); a key that is absent or
// empty, or front matter that is not a YAML mapping, is a finding.
import picomatch from 'picomatch';
import type { DocsRule, Finding } from './docs-rule.js';

export const frontmatter: DocsRule = {
  id: 'frontmatter',
  severity: 'error',
  finds: 'required front-matter keys absent or malformed',
  why: 'Front matter the team requires (owner, status) is what tells a reader whether a page is current.',
  fix: 'Add the missing keys between the --- lines at the top of the file.',
  docs: 'docs/rules/docs.md#frontmatter',
  check(model) {
    const rules = Object.entries(model.config.frontmatter).map(([glob, keys]) => ({
      glob,
      keys,
      isMatch: picomatch(glob, { dot: true }),
    }));
    if (rules.length === 0) return [];
    const findings: Finding[] = [];
    for (const doc of model.docs.values()) {
      const required = rules.filter((r) => r.isMatch(doc.path));
      if (required.length === 0) continue;
      const keys = [...new Set(required.flatMap((r) => r.keys))];
      const globs = required.map((r) => `"${r.glob}"`).join(', ');
      const fm = doc.frontmatter;
      if (fm.kind === 'invalid') {
        findings.push({
          rule: 'frontmatter',
          severity: 'error',
          file: doc.path,
          line: fm.line,
          message: `the front matter of ${doc.path} is not valid YAML (${fm.reason}), so its keys ${keys.join(', ')} cannot be read.`,
          fix: `Fix the YAML between the --- lines at the top of ${doc.path}: one "key: value" per line for ${keys.join(', ')}.`,
        });
        continue;
      }
      const data = fm.kind === 'data' ? fm.data : {};
      const absent = keys.filter(
        (k) => data[k] === undefined || data[k] === null || (typeof data[k] === 'string' && data[k].trim() === ''),
      );
      if (absent.length === 0) continue;
      findings.push({
        rule: 'frontmatter',
        severity: 'error',
        file: doc.path,
        line: fm.kind === 'data' ? fm.line : 1,
        target: absent.join(','),
        message: `${doc.path} lacks the front-matter ${absent.length === 1 ? 'key' : 'keys'} ${absent.join(', ')}, required by docs.frontmatter ${globs}.`,
        fix:
          fm.kind === 'none'
            ? `Start ${doc.path} with front matter: a line "---", then ${absent.map((k) => `"${k}: …"`).join(', ')} one per line, then "---".`
            : `Add ${absent.map((k) => `"${k}: …"`).join(', ')} to the front matter at the top of ${doc.path}.`,
      });
    }
    return findings;
  },
};
