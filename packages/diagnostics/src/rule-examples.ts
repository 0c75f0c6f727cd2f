// The examples of a rules page (docs/rules/<check>.md), read so that a test can run them through
// the real checker, as typescript-eslint tests its docs. The format:
//
// - A rule's section is `## <rule-id>`; its examples are the code blocks under
//   `### Failing example` and `### Passing example`.
// - A code block is a file of the example when its first line names the path in the language's
//   comment: `<!-- AGENTS.md -->` (md), `// src/a.ts` (ts, js, jsonc), `# harness.config.yaml`
//   (yaml, sh, toml). Prose after a comma is for the reader (`<!-- CLAUDE.md, beside AGENTS.md -->`);
//   a runner may read it too (`committed 2026-01-10`: the docs examples commit the file on that
//   day). The comment line is not part of the file. Other blocks (```text trees, ```json snippets) only
//   illustrate.
// - File blocks above the first `## ` belong to every example of the page (the shared config); an
//   example's own file of the same path replaces it.

export interface RuleExample {
  /** Repository-relative path → contents: the page's shared files, then the example's own. */
  files: Record<string, string>;
  /** Path → the prose after the path in its comment (`committed 2026-01-10`), for runners that read it. */
  notes: Record<string, string>;
  /** 1-based line of the example's heading in the page. */
  line: number;
}

export interface RuleDocsSection {
  id: string;
  /** 1-based line of the `## <id>` heading. */
  line: number;
  subheadings: string[];
  /** Undefined when the section has no such example with at least one file block. */
  failing?: RuleExample | undefined;
  passing?: RuleExample | undefined;
}

const commentSyntax: Record<string, RegExp> = {
  md: /^<!--\s*([^,\s]+)(?:,\s*(.*?))?\s*-->\s*$/,
  ts: /^\/\/\s*([^,\s]+)(?:,\s*(.*?))?\s*$/,
  hash: /^#\s*([^,\s]+)(?:,\s*(.*?))?\s*$/,
};
const languageComment: Record<string, RegExp | undefined> = {
  md: commentSyntax.md,
  markdown: commentSyntax.md,
  ts: commentSyntax.ts,
  tsx: commentSyntax.ts,
  js: commentSyntax.ts,
  jsx: commentSyntax.ts,
  mjs: commentSyntax.ts,
  mts: commentSyntax.ts,
  jsonc: commentSyntax.ts,
  jsonl: commentSyntax.ts,
  yaml: commentSyntax.hash,
  yml: commentSyntax.hash,
  sh: commentSyntax.hash,
  toml: commentSyntax.hash,
};

interface CodeBlock {
  language: string;
  lines: string[];
}

/** Every `## ` section of a rules page whose heading is a rule id, with its examples. */
export function parseRuleDocs(markdown: string): RuleDocsSection[] {
  const lines = markdown.split('\n');
  const shared: Omit<RuleExample, 'line'> = { files: {}, notes: {} };
  const sections: RuleDocsSection[] = [];
  let section: RuleDocsSection | undefined;
  let example: OpenExample | undefined;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const fence = /^(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (fence !== null) {
      const block = readBlock(lines, i, fence[1] ?? '```', fence[2] ?? '');
      i += block.lines.length + 1;
      addExampleFile(section === undefined ? shared : example?.value, block);
      continue;
    }
    const h2 = /^## (\S.*)$/.exec(line);
    if (h2 !== null) {
      example = undefined;
      const id = h2[1] ?? '';
      section = /^[a-z][a-z0-9-]*$/.test(id) ? { id, line: i + 1, subheadings: [] } : undefined;
      if (section !== undefined) sections.push(section);
      continue;
    }
    const h3 = /^### (\S.*)$/.exec(line);
    if (h3 !== null && section !== undefined) example = openExample(section, h3[1] ?? '', i + 1);
  }
  for (const s of sections) {
    s.failing = withShared(shared, s.failing);
    s.passing = withShared(shared, s.passing);
  }
  return sections;
}

interface OpenExample {
  kind: 'failing' | 'passing';
  value: RuleExample;
}

/** A `### ` heading in a rule's section: the example it opens, when it is one. */
function openExample(section: RuleDocsSection, title: string, line: number): OpenExample | undefined {
  section.subheadings.push(title);
  const kind = title === 'Failing example' ? 'failing' : title === 'Passing example' ? 'passing' : undefined;
  const example: OpenExample | undefined =
    kind === undefined ? undefined : { kind, value: { files: {}, notes: {}, line } };
  if (example !== undefined) section[example.kind] = example.value;
  return example;
}

/** A code block whose first line names a file joins the example it is in (or the shared files). */
function addExampleFile(target: Omit<RuleExample, 'line'> | undefined, block: CodeBlock): void {
  const file = exampleFile(block);
  if (file === undefined || target === undefined) return;
  target.files[file.path] = file.text;
  if (file.note !== undefined) target.notes[file.path] = file.note;
}

function readBlock(lines: readonly string[], start: number, fence: string, language: string): CodeBlock {
  const body: string[] = [];
  for (let i = start + 1; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (line.startsWith(fence[0] ?? '`') && line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '')
      break;
    body.push(line);
  }
  return { language: language.toLowerCase(), lines: body };
}

function exampleFile(block: CodeBlock): { path: string; text: string; note?: string } | undefined {
  const match = languageComment[block.language]?.exec(block.lines[0] ?? '');
  const path = match?.[1];
  if (path === undefined || !/[./]|^[A-Za-z]+file$/.test(path)) return undefined;
  const text = block.lines.slice(1).join('\n');
  return { path, text: text === '' ? '' : `${text}\n`, ...(match?.[2] ? { note: match[2] } : {}) };
}

function withShared(shared: Omit<RuleExample, 'line'>, example: RuleExample | undefined): RuleExample | undefined {
  if (example === undefined || Object.keys(example.files).length === 0) return undefined;
  return {
    line: example.line,
    files: { ...shared.files, ...example.files },
    notes: { ...shared.notes, ...example.notes },
  };
}
