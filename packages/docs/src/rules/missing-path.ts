// docs/missing-path: a repository path named in a code span (`src/x/y.ts`) that does not exist.
// Precision first: a mention is reported only after it fails every resolution in
// path-mentions.ts and git does not ignore it (build output that is not there yet).
import { posix } from 'node:path';
import picomatch from 'picomatch';
import { GitFailure } from '../git.js';
import type { DocsModel } from '../docs-model.js';
import { codeMentions, createMentionIndex } from '../path-mentions.js';
import type { DocsRule, Finding } from './docs-rule.js';

const completedPlan = picomatch('**/exec-plans/completed/**');

interface Candidate {
  doc: string;
  path: string;
  line: number;
  column: number;
  tried: string[];
}

export const missingPath: DocsRule = {
  id: 'missing-path',
  severity: 'warning',
  finds: 'a repository path named in the text that does not exist',
  why: 'A path that does not exist sends an agent looking for code that moved or never was.',
  fix: 'Update the path to where the file is now, or remove the mention.',
  docs: 'docs/rules/docs.md#missing-path',
  async check(model) {
    const candidates: Candidate[] = [];
    for (const doc of model.docs.values()) {
      // A completed execution plan is a record of its time; the paths it names may have moved since.
      if (completedPlan(doc.path)) continue;
      for (const { run, mention, resolution } of codeMentions(model, doc)) {
        if (mention.reportable && resolution.kind === 'missing')
          candidates.push({
            doc: doc.path,
            path: mention.path,
            line: run.line,
            column: run.column,
            tried: resolution.tried,
          });
      }
    }
    if (candidates.length === 0) return [];
    const ignored = model.inGit ? await ignoredCandidates(model, candidates) : () => false;
    if (ignored === undefined) return [];
    const missing = candidates.filter((c) => !ignored(c) && !inDependency(model, c));
    const renamedTo = missing.length === 0 ? undefined : (await model.history())?.renamedTo;
    return missing.map((c) => describe(model, c, renamedTo));
  },
};

/**
 * Which candidates git ignores (build output that is not there yet), or undefined, with a note,
 * when git could not say: then nothing is reported rather than every ignored path.
 */
async function ignoredCandidates(
  model: DocsModel,
  candidates: readonly Candidate[],
): Promise<((c: Candidate) => boolean) | undefined> {
  try {
    const answers = await model.trace.ignored(candidates.map((c) => c.tried));
    const ignored = new Set(candidates.filter((_, i) => answers[i] === true));
    return (c) => ignored.has(c);
  } catch (error) {
    if (!(error instanceof GitFailure)) throw error;
    // git may answer next time: this run's findings are not kept (result-cache.ts).
    model.trace.unrepeatable = 'git check-ignore failed';
    model.notes.push(
      `docs/missing-path skipped (${candidates.length} mention(s) unchecked): ${error.message}. Run \`git check-ignore\` on one of those paths to see why.`,
    );
    return undefined;
  }
}

/** A path inside an installed dependency of the doc's package (`generated/x.json` of a package it names). */
function inDependency(model: DocsModel, c: Candidate): boolean {
  const owners = model.workspace.packages.filter((p) => p.dir === '' || c.doc.startsWith(`${p.dir}/`));
  // Only a path that stays inside the dependency's folder is looked for (`../../x` is not).
  const inside = (d: string): boolean => posix.normalize(`${d}/${c.path}`).startsWith(`${posix.normalize(d)}/`);
  return owners.some((p) =>
    [...p.dependencies].some((d) => inside(d) && model.trace.exists(posix.join(p.dir, 'node_modules', d, c.path))),
  );
}

function describe(model: DocsModel, c: Candidate, renamedTo: ReadonlyMap<string, string> | undefined): Finding {
  const moved = c.tried.map((t) => renamedTo?.get(t)).find((to) => to !== undefined && model.files.has(to));
  const base = posix.basename(c.path.replace(/\/$/, ''));
  const sameName =
    moved === undefined ? (createMentionIndex(model).byBasename.get(base) ?? []).filter((f) => model.files.has(f)) : [];
  const suggestion =
    moved !== undefined
      ? ` git shows it moved to ${moved}: write \`${moved}\`.`
      : sameName.length === 1
        ? ` It most likely means ${sameName[0]}.`
        : '';
  return {
    rule: 'missing-path',
    severity: 'warning',
    file: c.doc,
    line: c.line,
    column: c.column,
    target: c.path,
    message: `\`${c.path}\` names a path that does not exist (looked in ${c.doc}'s folder, the repository root, the workspace packages and for a unique suffix match).`,
    fix: `Update the path to where the file is now, or remove the mention.${suggestion}`,
  };
}
