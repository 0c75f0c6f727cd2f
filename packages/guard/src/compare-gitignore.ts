// `.gitignore` files (any folder): a pattern the change adds (or a `!` exception it drops) that hides
// files the base holds which the checks read: source and docs files (.ts, .tsx, .js, .md, …) and the
// guardrail files themselves (harness.config.yaml, .harness/baseline, tsconfig, package.json,
// .github, .codex). Git keeps tracking a hidden file, but every new file there escapes the checks
// that list files the way git does, and tools that honour .gitignore stop seeing the old ones.
// Spec: https://git-scm.com/docs/gitignore (read through the `ignore` package, which follows it)
import ignore from 'ignore';
import type { GuardInput, Loosening, SurfaceComparer } from './guard-types.js';

const watched =
  /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|md|mdx)$|(^|\/)(harness\.config\.yaml|tsconfig[^/]*\.json|package\.json)$|(^|\/)\.(harness\/baseline|github|codex)\//;
const shown = 3;

export const compareGitignore: SurfaceComparer = async (input) => {
  const files = input.changedFiles.filter((file) => file === '.gitignore' || file.endsWith('/.gitignore'));
  if (files.length === 0) return [];
  const watchedFiles = (await input.base.listFiles()).filter((file) => watched.test(file));
  const found = await Promise.all(files.map((file) => compareFile(input, file, watchedFiles)));
  return found.flat();
};

async function compareFile(input: GuardInput, file: string, watchedFiles: readonly string[]): Promise<Loosening[]> {
  const head = await input.head.readFile(file);
  if (head === undefined) return [];
  const folder = file.slice(0, file.length - '.gitignore'.length);
  const before = rules(await input.base.readFile(file));
  const after = rules(head);
  // Line of the head rule → the watched files it newly hides.
  const hidden = new Map<number, string[]>();
  for (const path of watchedFiles) {
    if (!path.startsWith(folder) || path === file) continue;
    const relative = path.slice(folder.length);
    const now = after.test(relative);
    if (!now.ignored || before.test(relative).ignored) continue;
    const line = Number(now.rule?.mark ?? 1);
    hidden.set(line, [...(hidden.get(line) ?? []), path]);
  }
  const lines = head.split('\n');
  return [...hidden]
    .sort(([a], [b]) => a - b)
    .map(([line, paths]) => ({
      surface: 'gitignore',
      file,
      line,
      what: `"${(lines[line - 1] ?? '').trim()}" hides ${describe(paths)} that the checks read`,
    }));
}

/** The rules of one .gitignore, each marked with its line. */
function rules(text: string | undefined): ReturnType<typeof ignore> {
  const ig = ignore();
  for (const [index, pattern] of (text ?? '').split(/\r?\n/).entries())
    if (pattern.trim() !== '' && !pattern.startsWith('#')) ig.add({ pattern, mark: String(index + 1) });
  return ig;
}

function describe(paths: readonly string[]): string {
  const named = paths.slice(0, shown).join(', ');
  const more = paths.length > shown ? ` and ${paths.length - shown} more` : '';
  return `${paths.length === 1 ? 'a file' : `${paths.length} files`} the base holds (${named}${more})`;
}
