// The baseline's one write (docs/decisions.md "The baseline decides in diagnostics, writes in
// system"): diagnostics plans what the baseline accepts and what the file becomes; this reads the
// file, asks for the plan and writes it atomically, inside the repository only.
import { join } from 'node:path';
import type { Diagnostic, SettleBaselineInput, SettledBaseline } from 'agent-harness-diagnostics';
import { HarnessError, planSettledBaseline, readBaseline } from 'agent-harness-diagnostics';
import { writeFileInsideSync } from './write-inside.js';

/** Reads the check's baseline, writes it with updateBaseline, and splits findings into remaining and stale entries. */
export async function settleBaseline<T extends Diagnostic>(input: SettleBaselineInput<T>): Promise<SettledBaseline<T>> {
  const existing = await readBaseline(join(input.root, input.path), input.path, input.check);
  const { write, ...settled } = planSettledBaseline(input, existing);
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
