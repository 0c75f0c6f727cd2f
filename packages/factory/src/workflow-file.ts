// The prompt in the repository (docs/factory.md "The prompt in the repo"): WORKFLOW.md,
// read from the base branch, so a PR cannot change the prompt its own agent gets.
// YAML front matter = loop settings over the `factory` config section (validated by
// the same schema, so an unknown key gets a suggestion at file:line); body = a
// Liquid template (prompt-template.ts).
import type { FactoryConfig } from 'agent-harness-config';
import { validateConfig } from 'agent-harness-config';
import { HarnessError } from 'agent-harness-diagnostics';
import { runGit } from 'agent-harness-system';
import { compilePrompt } from './prompt-template.js';
import type { PromptTemplate } from './prompt-template.js';

export interface WorkflowFile {
  /** The front matter's own keys, validated (defaults are not filled in). */
  settings: Partial<FactoryConfig>;
  template: PromptTemplate;
}

/** The loop settings front matter cannot hold: where the file itself lives. */
const notInFrontMatter = new Set(['workflow']);

/** Parses WORKFLOW.md's text; a HarnessError (CONFIG_INVALID, at file:line) when the front matter or template is invalid. */
export function parseWorkflow(text: string, file: string): WorkflowFile {
  const lines = text.split(/\r?\n/);
  let bodyStart = 0;
  let front: string[] = [];
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
    if (end < 0)
      throw invalid(file, 1, 'the front matter opened with --- is never closed', 'Close it with a --- line.');
    front = lines.slice(1, end);
    bodyStart = end + 1;
  }
  const settings = parseFrontMatter(front, file);
  const body = lines.slice(bodyStart).join('\n');
  return { settings, template: compilePrompt(body, file, bodyStart) };
}

function parseFrontMatter(front: string[], file: string): Partial<FactoryConfig> {
  if (front.every((line) => line.trim() === '' || line.trimStart().startsWith('#'))) return {};
  // Validated as the config's factory section: two lines above it, each line indented under `factory:`.
  const yaml = `version: 1\nfactory:\n${front.map((line) => `  ${line}`).join('\n')}\n`;
  const result = validateConfig(yaml, file);
  if (!result.ok) {
    const [first] = result.problems;
    const line = (first?.line ?? 3) - 1;
    const key = first?.key.replace(/^factory\.?/, '') || '(front matter)';
    throw invalid(
      file,
      line,
      `front matter ${key}: ${first?.message ?? 'invalid'}`,
      first?.suggestion === undefined
        ? 'Use the keys of the factory config section (docs/factory.md "The prompt in the repo").'
        : `Rename it to "${first.suggestion}".`,
    );
  }
  const keys = front.flatMap((line) => /^([A-Za-z][A-Za-z0-9]*)\s*:/.exec(line)?.[1] ?? []);
  const refused = keys.find((key) => notInFrontMatter.has(key));
  if (refused !== undefined)
    throw invalid(
      file,
      front.findIndex((l) => l.startsWith(refused)) + 2,
      `front matter ${refused}: is set in harness.config.yaml only`,
      `Remove "${refused}" from the front matter.`,
    );
  const factory = (result.config.factory ?? {}) as Record<string, unknown>;
  const settings: Partial<FactoryConfig> = Object.fromEntries(keys.map((key) => [key, factory[key]]));
  return settings;
}

function invalid(file: string, line: number, message: string, fix: string): HarnessError {
  return new HarnessError('CONFIG_INVALID', `${file}:${line}: ${message}`, { place: { file, line }, fix });
}

/** WORKFLOW.md as the base branch has it (after a fetch); undefined when the base has none. */
export async function readWorkflowFromBase(root: string, base: string, path: string): Promise<string | undefined> {
  await runGit(root, ['fetch', '--quiet', 'origin', base]).catch(() => undefined);
  const shown = await runGit(root, ['show', `refs/remotes/origin/${base}:${path.replace(/^\.?\//, '')}`], {
    okCodes: [128],
  });
  return shown.code === 0 ? shown.stdout : undefined;
}
