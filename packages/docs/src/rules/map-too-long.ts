// docs/map-too-long: the map or a nested AGENTS.md is over maxLines, or the AGENTS.md chain Codex
// loads for a folder is over its byte cap (see codex-chain.ts), which silently cuts the deepest file.
import { simulateCodexChains } from '../codex-chain.js';
import type { DocsModel } from '../docs-model.js';
import type { DocsRule, Finding } from './docs-rule.js';
import { isAgentsFile } from './docs-rule.js';

export const mapTooLong: DocsRule = {
  id: 'map-too-long',
  severity: 'error',
  finds: 'the map or a nested AGENTS.md is over maxLines, or an AGENTS.md chain is over maxBytes',
  why: 'Agents load the map every time; past the cap Codex silently cuts the chain and the most specific file is lost.',
  fix: 'Move detail into docs/ (one page per topic) and leave a one-line link in the map.',
  docs: 'docs/rules/docs.md#map-too-long',
  check(model) {
    return [...tooManyLines(model), ...chainsOverCap(model)];
  },
};

function tooManyLines(model: DocsModel): Finding[] {
  const { maxLines, root } = model.config;
  const findings: Finding[] = [];
  for (const doc of model.docs.values()) {
    if (doc.path !== model.config.map && !isAgentsFile(doc.path)) continue;
    if (doc.lines <= maxLines) continue;
    findings.push({
      rule: 'map-too-long',
      severity: 'error',
      file: doc.path,
      line: maxLines + 1,
      message: `${doc.path} has ${doc.lines} lines, over docs.maxLines (${maxLines}): a map this long crowds out the task and every line looks equally important.`,
      fix: `Move detail into ${root}/ (a page per topic) and leave a one-line link to it in ${doc.path}, until it is at most ${maxLines} lines.`,
    });
  }
  return findings;
}

function chainsOverCap(model: DocsModel): Finding[] {
  const { maxBytes, source } = model.codex;
  const findings: Finding[] = [];
  for (const chain of simulateCodexChains(model)) {
    if (chain.cut === undefined) continue;
    const leaf = chain.links.at(-1)?.path ?? (chain.dir === '' ? 'AGENTS.md' : `${chain.dir}/AGENTS.md`);
    const order = chain.links.map((l) => `${l.path} (${l.bytes} B)`).join(' → ');
    const { cut } = chain;
    const lost =
      cut.lost.length === 0 ? '' : `; ${cut.lost.join(', ')} ${cut.lost.length === 1 ? 'does' : 'do'} not load at all`;
    const biggest = [...chain.links].sort((a, b) => b.bytes - a.bytes)[0]?.path ?? leaf;
    findings.push({
      rule: 'map-too-long',
      severity: 'error',
      file: leaf,
      line: 1,
      target: cut.file,
      message: `Codex working in ${chain.dir === '' ? 'the root' : `${chain.dir}/`} loads ${order} = ${chain.bytes} bytes, over the ${maxBytes}-byte cap (${source}): it cuts ${cut.file} at line ${cut.line} (after ${cut.keptBytes} bytes)${lost}.`,
      fix: `Shorten the chain by at least ${chain.bytes - maxBytes} bytes: move detail out of ${biggest} into ${model.config.root}/ and link to it, so every file in the chain loads whole.`,
    });
  }
  return findings;
}
