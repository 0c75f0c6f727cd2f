// `.codex/config.toml`, the settings Codex reads the AGENTS.md chain with, which the docs check
// simulates (docs/docs-check.md): `project_doc_max_bytes` raised above what the base allowed (the
// base's value, else the base config's docs.maxBytes, else Codex's 32 KiB) lets the chain grow past
// the limit; a name added to `project_doc_fallback_filenames` puts other files into the chain, which
// take the shared budget from the AGENTS.md files below them. A new AGENTS.override.md replaces the
// AGENTS.md of its folder for Codex.
// Spec: https://developers.openai.com/codex/guides/agents-md, https://developers.openai.com/codex/config-reference
import { parse } from 'smol-toml';
import type { GuardInput, Loosening, SurfaceComparer } from './guard-types.js';
import { lineOf } from './line-of.js';

const configFile = '.codex/config.toml';
const codexDefault = 32_768;

interface CodexSettings {
  maxBytes: number | undefined;
  fallbackNames: string[];
}

export const compareCodex: SurfaceComparer = async (input) => {
  const overrides = input.changedFiles.filter((file) => /(^|\/)AGENTS\.override\.md$/.test(file));
  const loosenings = await Promise.all(overrides.map((file) => compareOverride(input, file)));
  if (input.changedFiles.includes(configFile)) loosenings.push(await compareConfig(input));
  return loosenings.flat();
};

async function compareOverride(input: GuardInput, file: string): Promise<Loosening[]> {
  if ((await input.base.readFile(file)) !== undefined || (await input.head.readFile(file)) === undefined) return [];
  const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : 'the repository root';
  return [
    {
      surface: 'codex',
      file,
      line: 1,
      what: `AGENTS.override.md added: Codex reads it instead of AGENTS.md in ${folder}`,
    },
  ];
}

async function compareConfig(input: GuardInput): Promise<Loosening[]> {
  const [baseText, headText] = await Promise.all([input.base.readFile(configFile), input.head.readFile(configFile)]);
  const base = baseText === undefined ? undefined : readSettings(baseText);
  const limit = input.baseConfig?.docs?.maxBytes ?? codexDefault;
  const allowed = base?.maxBytes ?? limit;
  const file = configFile;
  if (headText === undefined) {
    if (allowed >= limit) return [];
    const what = `${configFile} deleted: project_doc_max_bytes ${allowed} → ${limit}`;
    return [{ surface: 'codex', file, line: keyLine(baseText ?? '', 'project_doc_max_bytes'), what }];
  }
  const head = readSettings(headText);
  if (head === undefined) return [{ surface: 'codex', file, line: 1, what: `${configFile} is no longer valid TOML` }];
  const loosenings: Loosening[] = [];
  const now = head.maxBytes ?? limit;
  if (now > allowed)
    loosenings.push({
      surface: 'codex',
      file,
      line: keyLine(headText, 'project_doc_max_bytes'),
      what: `project_doc_max_bytes: ${allowed} → ${now}`,
    });
  for (const name of head.fallbackNames)
    if (!(base?.fallbackNames ?? []).includes(name))
      loosenings.push({
        surface: 'codex',
        file,
        line: keyLine(headText, 'project_doc_fallback_filenames'),
        what: `project_doc_fallback_filenames: "${name}" added; such files join the AGENTS.md chain and take its budget`,
      });
  return loosenings;
}

/** The two settings as the docs check reads them; undefined when the text is not TOML. */
function readSettings(text: string): CodexSettings | undefined {
  let toml: Record<string, unknown>;
  try {
    toml = parse(text);
  } catch {
    return undefined;
  }
  const max = toml.project_doc_max_bytes;
  const fallback = toml.project_doc_fallback_filenames;
  return {
    maxBytes: typeof max === 'number' && max > 0 ? max : undefined,
    fallbackNames: Array.isArray(fallback) ? fallback.filter((n): n is string => typeof n === 'string') : [],
  };
}

/** The line of a top-level `key =` (1 when it is not written: a default moved). */
function keyLine(text: string, key: string): number {
  const match = new RegExp(`^[ \\t]*"?${key}"?[ \\t]*=`, 'm').exec(text);
  return match === null ? 1 : lineOf(text, match.index);
}
