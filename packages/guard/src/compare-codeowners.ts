// CODEOWNERS decides who may accept a loosening (docs/guard.md#accepting-a-loosening), so it is a
// guardrail too: a change that widens who may approve a guardrail file is a loosening. Wider means an
// owner that the base did not name for that file (added, or put in place of another), or no owner at
// all where the base had one (then anyone with write access approves). Fewer of the same owners is not.
import { codeownersLocations, readCodeowners, ruleFor } from './codeowners.js';
import type { Codeowners } from './codeowners.js';
import type { GuardInput, GuardSnapshot, Loosening, SurfaceComparer } from './guard-types.js';

/**
 * The guardrail files whose owners the guard watches: the files the guard compares and the ones
 * `harness init` names in CODEOWNERS. A folder ends in `/`; each stands for every file under it.
 */
const guardrailPaths = [
  'harness.config.yaml',
  '.harness/baseline/',
  '.github/rulesets/',
  '.github/workflows/',
  ...codeownersLocations,
  '.codex/config.toml',
  'WORKFLOW.md',
] as const;

export const compareCodeowners: SurfaceComparer = async (input) => {
  if (!input.changedFiles.some((f) => (codeownersLocations as readonly string[]).includes(f))) return [];
  const [base, head] = await Promise.all([readCodeowners(input.base), readCodeowners(input.head)]);
  if (base === undefined) return [];
  const widened = new Map<string, { paths: string[]; loosening: Loosening }>();
  for (const path of await probePaths(input)) {
    const found = widenedOwners(base, head, path);
    if (found === undefined) continue;
    const seen = widened.get(found.what);
    if (seen === undefined) widened.set(found.what, { paths: [path], loosening: found });
    else seen.paths.push(path);
  }
  return [...widened.values()].map(({ paths, loosening }) => ({
    ...loosening,
    what: `${loosening.what} for ${shown(paths[0] as string)}${paths.length > 1 ? ` and ${paths.length - 1} more guardrail files` : ''}`,
  }));
};

/** Every guardrail file on either side, and each guardrail path itself (a file added later is covered too). */
async function probePaths(input: GuardInput): Promise<string[]> {
  const files = new Set<string>();
  for (const side of [input.base, input.head] as GuardSnapshot[])
    for (const file of await side.listFiles()) if (isGuardrail(file)) files.add(file);
  for (const path of guardrailPaths) if (!path.endsWith('/')) files.add(path);
  for (const folder of guardrailPaths.filter((p) => p.endsWith('/')))
    if (![...files].some((f) => f.startsWith(folder))) files.add(`${folder}${anyFile}`);
  return [...files].sort();
}

/** The name of a file not yet in a guardrail folder, shown as the folder. */
const anyFile = '\u0000';
const shown = (path: string) => (path.endsWith(anyFile) ? path.slice(0, -1) : path);

function isGuardrail(file: string): boolean {
  return guardrailPaths.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p));
}

function widenedOwners(base: Codeowners, head: Codeowners | undefined, path: string): Loosening | undefined {
  const before = ruleFor(base, path)?.owners ?? [];
  if (before.length === 0) return undefined;
  const rule = head === undefined ? undefined : ruleFor(head, path);
  const after = rule?.owners ?? [];
  const added = after.filter((o) => !before.some((b) => sameOwner(b, o)));
  if (after.length > 0 && added.length === 0) return undefined;
  const place = placeOf(base, head, rule, path);
  const what =
    after.length === 0
      ? `CODEOWNERS: no owner any more (was ${before.join(' ')})`
      : `CODEOWNERS: owners ${before.join(' ')} → ${after.join(' ')}`;
  return { surface: 'codeowners', ...place, what };
}

/** The deciding line on the change's side; the base's file at line 1 when the change deleted it. */
function placeOf(
  base: Codeowners,
  head: Codeowners | undefined,
  rule: Codeowners['rules'][number] | undefined,
  path: string,
): { file: string; line: number } {
  if (head === undefined) return { file: base.file, line: ruleFor(base, path)?.line ?? 1 };
  return { file: head.file, line: rule?.line ?? 1 };
}

/** GitHub compares logins and team slugs without case. */
function sameOwner(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
