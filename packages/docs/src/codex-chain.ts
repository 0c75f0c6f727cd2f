// What Codex loads as project instructions (openai/codex docs/agents_md.md): walking from the
// repository root down to the working folder, at most one file per folder (AGENTS.override.md,
// else AGENTS.md, else a project_doc_fallback_filenames entry; empty files are skipped), joined
// root first, within one shared byte budget, project_doc_max_bytes (32 KiB by default). The budget
// is spent root first, so when the chain is too long the deepest, most specific file is cut.
import { posix } from 'node:path';
import type { DocsModel } from './docs-model.js';

interface ChainLink {
  path: string;
  bytes: number;
}

interface ChainCut {
  /** The file the budget runs out in. */
  file: string;
  /** 1-based line of that file where the cut lands. */
  line: number;
  /** Bytes of that file that still load. */
  keptBytes: number;
  /** Files after it that do not load at all. */
  lost: string[];
}

export interface CodexChain {
  /** The folder Codex works in. */
  dir: string;
  links: ChainLink[];
  bytes: number;
  cut?: ChainCut;
}

/** The chain for every folder that holds an AGENTS.md or AGENTS.override.md. */
export function simulateCodexChains(model: DocsModel): CodexChain[] {
  const leaves = [...model.docs.keys()]
    .filter((p) => /(?:^|\/)AGENTS(?:\.override)?\.md$/.test(p))
    .map((p) => dirOf(p));
  return [...new Set(leaves)].sort().map((dir) => chainFor(model, dir));
}

function chainFor(model: DocsModel, dir: string): CodexChain {
  const links: ChainLink[] = [];
  for (const folder of ancestors(dir)) {
    const chosen = pick(model, folder);
    if (chosen !== undefined) links.push(chosen);
  }
  const bytes = links.reduce((sum, l) => sum + l.bytes, 0);
  const chain: CodexChain = { dir, links, bytes };
  let left = model.codex.maxBytes;
  for (const [i, link] of links.entries()) {
    if (link.bytes <= left) {
      left -= link.bytes;
      continue;
    }
    const text = model.docs.get(link.path)?.text ?? '';
    chain.cut = {
      file: link.path,
      line: lineAtByte(text, left),
      keptBytes: left,
      lost: links.slice(i + 1).map((l) => l.path),
    };
    break;
  }
  return chain;
}

function pick(model: DocsModel, folder: string): ChainLink | undefined {
  const names = ['AGENTS.override.md', 'AGENTS.md', ...model.codex.fallbackNames];
  for (const name of names) {
    const path = folder === '' ? name : `${folder}/${name}`;
    const doc = model.docs.get(path);
    if (doc !== undefined && doc.text.trim() !== '') return { path, bytes: doc.bytes };
  }
  return undefined;
}

/** "", "a", "a/b" for "a/b". */
function ancestors(dir: string): string[] {
  if (dir === '') return [''];
  const parts = dir.split('/');
  return ['', ...parts.map((_, i) => parts.slice(0, i + 1).join('/'))];
}

function dirOf(path: string): string {
  const d = posix.dirname(path);
  return d === '.' ? '' : d;
}

function lineAtByte(text: string, byte: number): number {
  const head = Buffer.from(text).subarray(0, byte).toString('utf8');
  return head.split('\n').length;
}
