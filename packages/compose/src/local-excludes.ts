// Keeps the files `harness up` writes out of `git status` and out of the way of
// `git worktree remove` (which refuses a worktree with untracked files), through the
// repository's local exclude file that every worktree shares and nobody commits.
// Spec: https://git-scm.com/docs/gitignore ($GIT_COMMON_DIR/info/exclude).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileInside } from 'agent-harness-system';

const generatedPatterns = ['/.harness/env', '/.harness/compose/'] as const;

export async function excludeGeneratedFiles(commonDir: string): Promise<void> {
  const file = join(commonDir, 'info', 'exclude');
  const current = await readFile(file, 'utf8').catch(() => '');
  const lines = new Set(current.split('\n').map((line) => line.trim()));
  const missing = generatedPatterns.filter((pattern) => !lines.has(pattern));
  if (missing.length === 0) return;
  const separator = current === '' || current.endsWith('\n') ? '' : '\n';
  // The whole file, rewritten in one step: a crash never leaves half a line in it.
  await writeFileInside(
    commonDir,
    file,
    `${current}${separator}# harness up: per-worktree generated files\n${missing.join('\n')}\n`,
  );
}
