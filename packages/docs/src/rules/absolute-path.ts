// docs/absolute-path: a link or path naming one machine's files (/Users/…, /home/…, C:\…,
// file://), which exists on nobody else's machine.
import picomatch from 'picomatch';
import type { DocsRule, Finding } from './docs-rule.js';
import { linkTargets } from '../locate-link.js';

// Placeholder users mark an example, and /home/runner is the GitHub Actions runner, not a person.
const placeholderUser =
  /^(?:\/Users|\/home)\/(?:you|your-?name|user|username|me|foo|example|name|someone|runner)(?:\/|$)/i;
const completedPlan = picomatch('**/exec-plans/completed/**');
// What every machine path holds, tested first: most code spans hold none, and a global regex's
// matchAll costs an iterator per span.
const mayHoldMachinePath = /\/(?:Users|home)\/|:\\/;
const machinePath =
  /(?:^|[\s"'(=])((?:\/Users|\/home)\/[A-Za-z0-9._-]+(?:\/[^\s"'`)<>]*)?|[A-Za-z]:\\[A-Za-z0-9._-][^\s"'`)<>]*)/g;

export const absolutePath: DocsRule = {
  id: 'absolute-path',
  severity: 'error',
  finds: "a link or path naming one machine's files (/Users/…, /home/…, C:\\…)",
  why: "A path on one person's machine exists nowhere else.",
  fix: 'Write the path relative to the repository, or as ~/… for a per-user file.',
  docs: 'docs/rules/docs.md#absolute-path',
  check(model) {
    const findings: Finding[] = [];
    for (const doc of model.docs.values()) {
      // A completed execution plan is a record of its time, session logs included.
      if (completedPlan(doc.path)) continue;
      const seen = new Set<string>();
      const report = (path: string, line: number, column: number): void => {
        const key = `${line}\0${path}`;
        if (seen.has(key) || placeholderUser.test(path.replace(/^file:\/\//, ''))) return;
        seen.add(key);
        findings.push({
          rule: 'absolute-path',
          severity: 'error',
          file: doc.path,
          line,
          column,
          target: path,
          message: `${path} is a path on one person's machine; it exists nowhere else.`,
          fix: `Write the path relative to the repository (or to ${doc.path}), or as ~/… or $HOME/… when it really is a per-user file.`,
        });
      };
      for (const { link, target } of linkTargets(model, doc))
        if (target.kind === 'absolute') report(target.path, link.line, link.column);
      for (const run of doc.runs) {
        if (run.kind === 'block' || !mayHoldMachinePath.test(run.value)) continue;
        for (const m of run.value.matchAll(machinePath)) {
          const before = run.value.slice(0, m.index);
          report(m[1] ?? '', run.line + (before.split('\n').length - 1), run.column);
        }
      }
    }
    return findings;
  },
};
