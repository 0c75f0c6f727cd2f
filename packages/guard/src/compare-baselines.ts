// The layers and docs baselines (docs/guard.md "What it compares"): every entry the change's baseline
// holds that the base's did not is a finding accepted by hand, one loosening at its line. Removed
// entries are violations fixed; `--update-baseline` only ever removes. A baseline the base did not
// have is all new entries, unless the base did not run that check at all.
import { parseBaseline } from 'agent-harness-diagnostics';
import type { BaselineEntry } from 'agent-harness-diagnostics';
import type { HarnessConfig } from 'agent-harness-config';
import type { GuardInput, Loosening, SurfaceComparer } from './guard-types.js';
import { parseJsonDocument } from './json-document.js';
import { countItems, takeItem } from './line-of.js';

const baselineChecks = ['layers', 'docs'] as const;

export const compareBaselines: SurfaceComparer = async (input: GuardInput): Promise<Loosening[]> => {
  const { baseConfig, headConfig } = input;
  if (baseConfig === undefined) return [];
  const found = await Promise.all(
    baselineChecks.map(async (check) => {
      const basePath = baseConfig[check]?.baseline;
      if (basePath === undefined) return [];
      const headPath = baselinePath(headConfig, check) ?? basePath;
      if (headPath === basePath && !input.changedFiles.includes(headPath)) return [];
      return compareBaseline(input, check, basePath, headPath);
    }),
  );
  return found.flat();
};

function baselinePath(config: HarnessConfig | undefined, check: (typeof baselineChecks)[number]): string | undefined {
  return config?.[check]?.baseline;
}

async function compareBaseline(
  input: GuardInput,
  check: string,
  basePath: string,
  headPath: string,
): Promise<Loosening[]> {
  const headText = await input.head.readFile(headPath);
  if (headText === undefined) return [];
  const headEntries = readEntries(headText, headPath, check);
  // A change's baseline that does not parse is BASELINE_INVALID (exit 2) in its own check.
  if (headEntries === undefined) return [];
  const baseText = await input.base.readFile(basePath);
  const baseEntries = (baseText === undefined ? undefined : readEntries(baseText, basePath, check)) ?? [];
  const left = countItems(baseEntries.map(entryKey));
  const doc = parseJsonDocument(headText);
  const newFile = baseText === undefined ? ` (${input.base.label} has no ${check} baseline)` : '';
  return headEntries.flatMap((entry, index): Loosening[] =>
    takeItem(left, entryKey(entry))
      ? []
      : [
          {
            surface: 'baseline',
            file: headPath,
            line: doc?.lineAt(['entries', index]) ?? 1,
            what: `${headPath}: added ${describeEntry(entry)}${newFile}`,
          },
        ],
  );
}

function readEntries(text: string, path: string, check: string): BaselineEntry[] | undefined {
  try {
    return parseBaseline(text, path, check);
  } catch {
    return undefined;
  }
}

function entryKey(entry: BaselineEntry): string {
  return `${entry.file}\0${entry.rule}\0${entry.target}`;
}

function describeEntry(entry: BaselineEntry): string {
  return `${entry.rule} in ${entry.file}${entry.target === '' ? '' : ` → ${entry.target}`}`;
}
