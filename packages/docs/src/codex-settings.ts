// The Codex settings the AGENTS.md chain simulation uses (codex-chain.ts): `project_doc_max_bytes`
// and `project_doc_fallback_filenames` from .codex/config.toml, else docs.maxBytes.
import type { DocsConfig } from 'agent-harness-config';
import { HarnessError } from 'agent-harness-diagnostics';
import { parse as parseToml } from 'smol-toml';
import type { InsideRead } from './read-inside.js';

export interface CodexSettings {
  maxBytes: number;
  /** Where maxBytes came from: the docs config or .codex/config.toml. */
  source: string;
  fallbackNames: string[];
}

/** `read` reads a repository file without leaving the repository (readInside). */
export function readCodexSettings(read: (path: string) => InsideRead, config: DocsConfig): CodexSettings {
  const path = '.codex/config.toml';
  const file = read(path);
  if (file === undefined || 'outside' in file)
    return { maxBytes: config.maxBytes, source: 'docs.maxBytes', fallbackNames: [] };
  let toml: Record<string, unknown>;
  try {
    toml = parseToml(file.text);
  } catch (error) {
    throw new HarnessError(
      'CONFIG_PARSE',
      `cannot parse ${path}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      {
        place: { file: path },
        fix: 'Fix the TOML syntax (Codex cannot read this file either), then run again.',
      },
    );
  }
  const max = toml.project_doc_max_bytes;
  const fallback = toml.project_doc_fallback_filenames;
  return {
    maxBytes: typeof max === 'number' && max > 0 ? max : config.maxBytes,
    source: typeof max === 'number' && max > 0 ? `${path} project_doc_max_bytes` : 'docs.maxBytes',
    fallbackNames: Array.isArray(fallback) ? fallback.filter((n): n is string => typeof n === 'string') : [],
  };
}
