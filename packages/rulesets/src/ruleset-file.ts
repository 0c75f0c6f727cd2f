// Reads the ruleset files in `rulesets.dir`: GitHub's own ruleset export JSON
// (https://docs.github.com/en/repositories/configuring-branches-and-merges-in-your-repository/managing-rulesets/managing-rulesets-for-a-repository#importing-a-ruleset),
// one ruleset per `*.json` file, with or without `id`, `source`,
// `source_type` and `bypass_actors`. Only the shape harness relies on is
// checked here; GitHub judges the rest (unknown rules and fields pass through).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HarnessError } from 'agent-harness-diagnostics';
import type { JsonObject } from 'agent-harness-github';

export interface RulesetFile {
  /** Repository-relative path with `/` separators. */
  file: string;
  name: string;
  /** The file's JSON as written. */
  content: JsonObject;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every `*.json` file directly in `dir` (dotfiles are harness's own), sorted by name; none when the folder is missing. */
export async function readRulesetFiles(root: string, dir: string): Promise<RulesetFile[]> {
  let names: string[];
  try {
    names = (await readdir(join(root, dir))).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new HarnessError('IO_FAILED', `cannot read the rulesets folder ${dir}`, {
      cause,
      fix: 'Check that rulesets.dir in harness.config.yaml names a folder.',
    });
  }
  const files: RulesetFile[] = [];
  const byName = new Map<string, string>();
  for (const name of names) {
    const file = `${dir.replace(/\\/g, '/').replace(/\/+$/, '')}/${name}`;
    const ruleset = parseRulesetFile(file, await readFile(join(root, file), 'utf8'));
    const other = byName.get(ruleset.name);
    if (other !== undefined) {
      throw new HarnessError('CONFIG_INVALID', `two files define the ruleset "${ruleset.name}": ${other} and ${file}`, {
        place: { file, key: 'name' },
        fix: 'GitHub matches rulesets by name: rename one of them or delete the copy.',
      });
    }
    byName.set(ruleset.name, file);
    files.push(ruleset);
  }
  return files;
}

type Invalid = (key: string, message: string, fix: string) => HarnessError;

/** One file's text → a ruleset, or CONFIG_INVALID naming the file, line and key. */
export function parseRulesetFile(file: string, text: string): RulesetFile {
  const content = parseJson(file, text);
  const invalid: Invalid = (key, message, fix) =>
    new HarnessError('CONFIG_INVALID', `${file}: ${message}`, { place: { file, key }, fix });
  if (!isJsonObject(content))
    throw invalid('', 'a ruleset file holds one JSON object', 'Write one ruleset per file, as GitHub exports it.');
  const name = checkHeader(content, invalid);
  checkLists(content, invalid);
  if (content.conditions !== undefined && content.conditions !== null && !isJsonObject(content.conditions))
    throw invalid(
      'conditions',
      '"conditions" must be an object',
      'For example {"ref_name": {"include": ["~DEFAULT_BRANCH"], "exclude": []}}.',
    );
  return { file, name, content };
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const { line, column } = jsonErrorPosition(text, cause);
    throw new HarnessError('CONFIG_INVALID', `${file} is not valid JSON: ${(cause as Error).message}`, {
      place: { file, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }) },
      fix: 'Fix the JSON, or export the ruleset again from GitHub (ruleset … menu → Export ruleset) or with `harness rulesets export`.',
      cause,
    });
  }
}

/** `name`, `enforcement` and `source_type`; the ruleset's name. */
function checkHeader(content: JsonObject, invalid: Invalid): string {
  if (typeof content.name !== 'string' || content.name.trim() === '')
    throw invalid(
      'name',
      '"name" must be a non-empty string',
      'Give the ruleset a name: GitHub matches rulesets by name.',
    );
  if (typeof content.enforcement !== 'string')
    throw invalid(
      'enforcement',
      '"enforcement" is required',
      'Set "enforcement" to "active", "evaluate" or "disabled".',
    );
  if (content.source_type !== undefined && content.source_type !== 'Repository') {
    throw invalid(
      'source_type',
      `this is an export of an ${JSON.stringify(content.source_type)} ruleset`,
      'harness manages repository rulesets only; keep organization rulesets in the organization settings.',
    );
  }
  return content.name;
}

/** `rules` and `bypass_actors` are lists; every rule has a type, no type twice. */
function checkLists(content: JsonObject, invalid: Invalid): void {
  for (const key of ['rules', 'bypass_actors'] as const) {
    if (content[key] !== undefined && !Array.isArray(content[key]))
      throw invalid(
        key,
        `"${key}" must be a list (use [] for none)`,
        `Write "${key}": [] for none; null is refused by GitHub.`,
      );
  }
  if (!Array.isArray(content.rules)) return;
  content.rules.forEach((rule, index) => {
    if (!isJsonObject(rule) || typeof rule.type !== 'string')
      throw invalid(
        `rules.${index}.type`,
        `rule ${index + 1} has no "type"`,
        'Every rule is an object with a "type", e.g. {"type": "deletion"}.',
      );
  });
  const types = content.rules.map((rule) => (rule as JsonObject).type as string);
  const twice = types.find((type, index) => types.indexOf(type) !== index);
  if (twice !== undefined)
    throw invalid(
      'rules',
      `the rule "${twice}" is listed twice`,
      'GitHub keeps one rule of each type per ruleset: merge the two.',
    );
}

/** Node says "… at position N (line L column C)" or just "at position N". */
function jsonErrorPosition(text: string, error: unknown): { line?: number; column?: number } {
  const message = error instanceof Error ? error.message : '';
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  if (!position) return {};
  const before = text.slice(0, Number(position[1])).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
