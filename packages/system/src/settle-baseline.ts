// The baseline's one write (docs/decisions.md "The baseline decides in diagnostics, writes in
// system"): diagnostics plans what the baseline accepts and what the file becomes; this reads the
// file, asks for the plan and writes it atomically, inside the repository only. Judged by the base,
// it also reads the base's baseline through git (docs/guard.md, "Judged by the base").
import { join } from 'node:path';
import type { BaselineEntry, Diagnostic, SettleBaselineInput, SettledBaseline } from 'agent-harness-diagnostics';
import { HarnessError, parseBaseline, planSettledBaseline, readBaseline } from 'agent-harness-diagnostics';
import { runGit } from './git.js';
import { writeFileInsideSync } from './write-inside.js';

/** Reads the check's baseline, writes it with updateBaseline, and splits findings into remaining and stale entries. */
export async function settleBaseline<T extends Diagnostic>(input: SettleBaselineInput<T>): Promise<SettledBaseline<T>> {
  const existing = await readBaseline(join(input.root, input.path), input.path, input.check);
  const atBase = input.updateBaseline === true ? undefined : await readBaseBaseline(input);
  const { write, ...settled } = planSettledBaseline(input, existing, atBase);
  if (write === undefined) return settled;
  try {
    writeFileInsideSync(input.root, input.path, write);
  } catch (cause) {
    throw new HarnessError('IO_FAILED', `cannot write the ${input.check} baseline ${input.path}`, {
      place: { file: input.path },
      fix: `Check that its folder is writable and inside the repository (or point ${input.check}.baseline at a writable path in it), then run again.`,
      cause,
    });
  }
  return settled;
}

/**
 * The entries of the baseline file at the base commit; undefined without a base, when the base has no
 * such file, or when the change's file was accepted.
 */
async function readBaseBaseline(input: SettleBaselineInput<Diagnostic>): Promise<BaselineEntry[] | undefined> {
  if (input.base === undefined) return undefined;
  // An accepted baseline bounds itself (planSettledBaseline): the base's file would be read for nothing.
  if (input.base.acceptedBaselines?.includes(input.path) === true) return undefined;
  const { ref, commit } = input.base;
  // `./`: relative to the root, which need not be the top of the work tree (a config in a subfolder).
  const object = `${commit}:./${input.path.replaceAll('\\', '/').replace(/^\.\//, '')}`;
  // One process: exit 128 is a path the commit lacks (or a folder, which is no baseline either).
  const blob = await runGit(input.root, ['cat-file', 'blob', object], { okCodes: [128] });
  if (blob.code !== 0) return undefined;
  return parseBaseline(blob.stdout, `${input.path} at ${ref} (${commit.slice(0, 7)})`, input.check);
}
