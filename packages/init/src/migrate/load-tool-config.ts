// Loads another tool's config the way that tool does: a JSON file is parsed; a
// JavaScript config is imported (it is the repository's own code, which the
// tool itself runs, and ESLint configs import their plugins). In this process,
// no child: a throw becomes a HarnessError naming the file.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HarnessError } from 'agent-harness-diagnostics';

export async function loadToolConfig(root: string, file: string, tool: string): Promise<unknown> {
  const path = join(root, file);
  try {
    if (file.endsWith('.json')) return JSON.parse(await readFile(path, 'utf8')) as unknown;
    const loaded = (await import(pathToFileURL(path).href)) as { default?: unknown };
    return 'default' in loaded ? loaded.default : loaded;
  } catch (cause) {
    const first = (cause instanceof Error ? cause.message : String(cause)).split('\n')[0] ?? '';
    throw new HarnessError('CONFIG_PARSE', `cannot load ${file} to read its ${tool} rules: ${first}`, {
      place: { file },
      fix: file.startsWith('eslint.config')
        ? "Install the repository's dependencies (ESLint configs import their plugins) so that `npx eslint --print-config` works, then run init again."
        : `Make \`npx depcruise --validate ${file}\` work (install dependencies, fix the syntax), then run init again.`,
      cause,
    });
  }
}
