// docs/command: a `pnpm/npm/yarn run X`, `pnpm X`, `make X` or `just X` in an instruction file that
// the repository does not define (no package.json script in any workspace package, no Makefile
// target, no justfile recipe): the agent runs it, it fails, and it guesses.
import { posix } from 'node:path';
import type { DocsModel } from '../docs-model.js';
import type { CommandRef } from '../find-commands.js';
import { findCommands, isShellRun } from '../find-commands.js';
import type { DocsRule, Finding } from './docs-rule.js';
import { isInstructionFile } from './docs-rule.js';

export const command: DocsRule = {
  id: 'command',
  severity: 'error',
  finds: 'a pnpm/npm/yarn run X, make X or just X in an instruction file that the repo does not define',
  why: 'An agent runs the commands the instructions name; one the repository does not define fails and wastes its turn.',
  fix: 'Change the command to one the repository defines, or add the script, target or recipe.',
  docs: 'docs/rules/docs.md#command',
  check(model) {
    const scripts = new Set(model.workspace.packages.flatMap((p) => [...p.scripts]));
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const doc of model.docs.values()) {
      if (!isInstructionFile(doc.path)) continue;
      for (const run of doc.runs) {
        if (run.kind === 'text' || !isShellRun(run.kind, run.lang)) continue;
        for (const ref of findCommands(run.value)) {
          const why = undefinedReason(model, scripts, ref);
          const key = `${doc.path}\0${ref.tool}\0${ref.name}`;
          if (why === undefined || seen.has(key)) continue;
          seen.add(key);
          findings.push({
            rule: 'command',
            severity: 'error',
            file: doc.path,
            line: run.line,
            column: run.column,
            target: `${ref.tool} ${ref.name}`,
            message: `\`${ref.text}\` runs ${why}.`,
            fix: fixFor(model, ref),
          });
        }
      }
    }
    return findings;
  },
};

function undefinedReason(model: DocsModel, scripts: ReadonlySet<string>, ref: CommandRef): string | undefined {
  if (ref.tool === 'make') {
    if (model.workspace.makeTargets === undefined)
      return `make target "${ref.name}", but the repository has no Makefile`;
    return model.workspace.makeTargets.has(ref.name)
      ? undefined
      : `make target "${ref.name}", which no Makefile defines (${model.workspace.makefiles.join(', ')})`;
  }
  if (ref.tool === 'just') {
    if (model.workspace.justRecipes === undefined)
      return `just recipe "${ref.name}", but the repository has no justfile`;
    return model.workspace.justRecipes.has(ref.name)
      ? undefined
      : `just recipe "${ref.name}", which the justfile does not define`;
  }
  if (scripts.has(ref.name)) return undefined;
  // `pnpm X` also runs a dependency's binary (like pnpm exec); only a name nothing provides is wrong.
  if (
    ref.implicit &&
    (isDependencyBin(model, ref.name) || model.workspace.packages.some((p) => p.dependencies.has(ref.name)))
  )
    return undefined;
  return `the script "${ref.name}", which no package.json in the repository defines`;
}

function isDependencyBin(model: DocsModel, name: string): boolean {
  // A name from the docs is one file in node_modules/.bin, never a path out of it.
  if (/[\\/]/.test(name) || name === '.' || name === '..') return false;
  return model.workspace.packages.some((p) => model.trace.exists(posix.join(p.dir, 'node_modules', '.bin', name)));
}

function fixFor(model: DocsModel, ref: CommandRef): string {
  if (ref.tool === 'make' || ref.tool === 'just') {
    const known = [...((ref.tool === 'make' ? model.workspace.makeTargets : model.workspace.justRecipes) ?? [])]
      .filter((n) => !n.startsWith('.'))
      .slice(0, 10);
    return `Change the command to one the repository defines${known.length === 0 ? '' : ` (${known.join(', ')})`}, or add the ${ref.tool === 'make' ? 'target' : 'recipe'}.`;
  }
  const root = model.workspace.packages.find((p) => p.dir === '');
  const known = [...(root?.scripts ?? [])].slice(0, 12);
  return `Change the command to a script that exists${known.length === 0 ? '' : ` (root package.json: ${known.join(', ')})`}, or add "${ref.name}" to the scripts of the package.json it belongs to.`;
}
