// The layers baseline (SPEC "Layer rules"): the generic known-findings baseline of
// @harness/diagnostics, named and described for `harness check layers`.
import type { BaselineEntry } from '@harness/diagnostics';
import { readBaseline as readCheckBaseline, serializeBaseline as serializeCheckBaseline } from '@harness/diagnostics';

export type { BaselineDocument, BaselineEntry, BaselineUpdate } from '@harness/diagnostics';
export { applyBaseline, baselineKey, planBaselineUpdate } from '@harness/diagnostics';

/** The baseline at `path`, or undefined when there is none. */
export function readBaseline(path: string, displayPath: string): Promise<BaselineEntry[] | undefined> {
  return readCheckBaseline(path, displayPath, 'layers');
}

export function serializeBaseline(entries: readonly BaselineEntry[]): string {
  return serializeCheckBaseline(entries, 'Known layer violations accepted for now (harness check layers). Shrink it; never grow it by hand.');
}
