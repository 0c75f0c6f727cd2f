// docs/shim: CLAUDE.md, GEMINI.md and .github/copilot-instructions.md beside an AGENTS.md must
// bring the agent to it: a symlink, or an `@AGENTS.md` import (Claude Code and Gemini CLI follow
// imports), or an identical copy. A plain markdown link is not followed, and a separate file
// drifts from AGENTS.md. A committed AGENTS.override.md silently replaces AGENTS.md for Codex.
import { posix } from 'node:path';
import type { DocsModel } from '../docs-model.js';
import { findImports } from '../find-imports.js';
import { resolveLink } from '../resolve-link.js';
import type { DocsRule, Finding } from './docs-rule.js';
import { isAgentsFile } from './docs-rule.js';

export const shim: DocsRule = {
  id: 'shim',
  severity: 'warning',
  finds:
    'a CLAUDE.md / GEMINI.md / copilot-instructions beside AGENTS.md that no agent would follow to it, or that diverges from it; a committed AGENTS.override.md',
  why: 'Claude Code and Gemini CLI read their own file and follow @imports, not links; a separate file drifts from AGENTS.md.',
  fix: 'Replace the file with the line `@AGENTS.md` or a symlink to AGENTS.md; never commit AGENTS.override.md.',
  docs: 'docs/rules/docs.md#shim',
  async check(model) {
    const findings: Finding[] = [];
    for (const agents of [...model.docs.keys()].filter(isAgentsFile)) {
      const dir = posix.dirname(agents) === '.' ? '' : posix.dirname(agents);
      const prefix = dir === '' ? '' : `${dir}/`;
      const shims = [
        `${prefix}CLAUDE.md`,
        `${prefix}GEMINI.md`,
        ...(dir === '' ? ['.github/copilot-instructions.md'] : []),
      ];
      for (const shimPath of shims) {
        const finding = checkShim(model, agents, shimPath);
        if (finding !== undefined) findings.push(finding);
      }
    }
    const overrides = [...model.docs.keys()].filter((p) => /(?:^|\/)AGENTS\.override\.md$/.test(p));
    for (const path of model.inGit && overrides.length > 0 ? await model.trace.tracked(overrides) : []) {
      findings.push({
        rule: 'shim',
        severity: 'warning',
        file: path,
        message: `${path} is committed: Codex reads it instead of the AGENTS.md beside it, for everyone, and other agents ignore it.`,
        fix: `Merge what it says into the AGENTS.md beside it and \`git rm --cached ${path}\`; an override is a personal, uncommitted file (add it to .gitignore).`,
      });
    }
    return findings;
  },
};

function checkShim(model: DocsModel, agents: string, shimPath: string): Finding | undefined {
  if (!model.files.has(shimPath) && !model.symlinks.has(shimPath)) return undefined;
  const agent = shimPath.endsWith('copilot-instructions.md')
    ? 'GitHub Copilot'
    : posix.basename(shimPath).startsWith('CLAUDE')
      ? 'Claude Code'
      : 'Gemini CLI';
  const at = { rule: 'shim' as const, severity: 'warning' as const, file: shimPath, target: agents };
  const linkTarget = model.symlinks.get(shimPath);
  if (linkTarget !== undefined) {
    const resolved = posix.normalize(posix.join(posix.dirname(shimPath), linkTarget));
    if (resolved === agents) return undefined;
    return {
      ...at,
      line: 1,
      message: `${shimPath} is a symlink to ${linkTarget}, not to ${agents}.`,
      fix: `Point it at ${agents}: \`ln -sf ${posix.relative(posix.dirname(shimPath), agents)} ${shimPath}\`.`,
    };
  }
  const doc = model.docs.get(shimPath);
  const agentsDoc = model.docs.get(agents);
  if (doc === undefined || agentsDoc === undefined) return undefined;
  const importsAgents = !shimPath.startsWith('.github/') && findImports(doc).some((ref) => ref.path === agents);
  if (importsAgents || doc.text === agentsDoc.text) return undefined;
  const link = doc.links.find((l) => {
    const t = resolveLink(shimPath, l.url);
    return t.kind === 'repo' && t.path === agents;
  });
  const howTo = shimPath.startsWith('.github/')
    ? `Make ${shimPath} a symlink to ${agents} (\`ln -sf ${posix.relative(posix.dirname(shimPath), agents)} ${shimPath}\`), or a copy kept identical to it.`
    : `Replace its contents with the single line \`@${posix.relative(posix.dirname(shimPath), agents)}\` (an import ${agent} follows), or make it a symlink to ${agents}; keep anything ${agent}-specific below the import.`;
  if (link !== undefined) {
    return {
      ...at,
      line: link.line,
      column: link.column,
      message: `${shimPath} points to ${agents} with a plain link, which ${agent} does not follow: it never loads ${agents}.`,
      fix: howTo,
    };
  }
  return {
    ...at,
    line: 1,
    message: `${shimPath} stands beside ${agents} without importing it: ${agent} reads only ${shimPath}, which says something different from ${agents}.`,
    fix: howTo,
  };
}
