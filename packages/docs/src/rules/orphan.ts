// docs/orphan: a markdown file under docs.root that no chain of links or path mentions from the
// map (or any AGENTS.md) reaches, so no agent finds it. Generated docs, templates, completed
// execution plans and docs.ignore may be unreachable; an unreachable *active* execution plan is an
// error, since the work it tracks is then invisible.
import { posix } from 'node:path';
import picomatch from 'picomatch';
import { reachableDocs } from '../docs-graph.js';
import type { DocsModel } from '../docs-model.js';
import type { DocsRule, Finding } from './docs-rule.js';

function orphanIgnores(model: DocsModel): string[] {
  return [`${model.config.root}/generated/**`, '**/templates/**', '**/exec-plans/completed/**', ...model.config.ignore];
}

const activePlan = picomatch('**/exec-plans/active/**');

export const orphan: DocsRule = {
  id: 'orphan',
  severity: 'warning',
  finds: 'a markdown file under docs.root that no link path from the map reaches',
  why: 'A page no link reaches is never read by an agent that follows the map.',
  fix: 'Link the page from its folder index or the map, delete it, or list it in docs.ignore.',
  docs: 'docs/rules/docs.md#orphan',
  check(model) {
    const root = model.config.root.replace(/^\.\/?/, '').replace(/\/+$/, '');
    const prefix = root === '' ? '' : `${root}/`;
    const ignored = picomatch(orphanIgnores(model), { dot: true });
    const candidates = [...model.docs.keys()].filter((p) => p.startsWith(prefix) && !ignored(p));
    if (candidates.length === 0) return [];
    const reached = reachableDocs(model);
    const findings: Finding[] = [];
    for (const path of candidates) {
      if (reached.has(path)) continue;
      const active = activePlan(path);
      const parent = linkingParent(model, reached, path);
      findings.push({
        rule: 'orphan',
        severity: active ? 'error' : 'warning',
        file: path,
        message: active
          ? `${path} is an active execution plan that no link from ${model.config.map} reaches, so agents never see the work in progress.`
          : `${path} is under ${model.config.root}/ but no chain of links or path mentions from ${model.config.map} reaches it, so agents will not find it.`,
        fix: `Link it from ${parent} (e.g. \`- [${posix.basename(path, '.md')}](${posix.relative(posix.dirname(parent), path)})\`)${active ? ', or move it to exec-plans/completed/ if the plan is done' : ', delete it if it is obsolete, or add it to docs.ignore'}.`,
      });
    }
    return findings;
  },
};

/** The reached index of the orphan's nearest folder, else the map. */
function linkingParent(model: DocsModel, reached: ReadonlySet<string>, path: string): string {
  for (let dir = posix.dirname(path); dir !== '.' && dir !== ''; dir = posix.dirname(dir)) {
    for (const name of ['index.md', 'README.md']) {
      const candidate = `${dir}/${name}`;
      if (candidate !== path && reached.has(candidate)) return candidate;
    }
  }
  return model.config.map;
}
