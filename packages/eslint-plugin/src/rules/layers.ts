// The `layers` rule: what `harness check layers` reports for the file being linted, on the import
// statement itself (docs/eslint-plugin.md). The verdicts come from agent-harness-layers' synchronous
// per-file path, so the rule and the CLI share the config, the lexer, the resolver and the rules;
// the AST only says where to draw the squiggle. ESLint rules: https://eslint.org/docs/latest/extend/custom-rules
import { isAbsolute } from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { Diagnostic } from 'agent-harness-diagnostics';
import { isHarnessError } from 'agent-harness-diagnostics';
import { checkFileSync } from 'agent-harness-layers';

type MessageId = 'finding' | 'cannotRun';

const docsUrl = 'https://github.com/agent-harness/agent-harness/blob/main/docs/eslint-plugin.md#the-layers-rule';

/** The nodes a lexed import starts at: statements, `import()`, `require()`, `import x = require()`. */
type ImportNode =
  | TSESTree.ImportDeclaration
  | TSESTree.ExportAllDeclaration
  | TSESTree.ExportNamedDeclaration
  | TSESTree.ImportExpression
  | TSESTree.CallExpression
  | TSESTree.TSImportEqualsDeclaration;

export const layersRule: TSESLint.RuleModule<MessageId, []> = {
  defaultOptions: [],
  meta: {
    type: 'problem',
    docs: {
      description: 'Report on each import what `harness check layers` reports for it (harness.config.yaml).',
      url: docsUrl,
    },
    messages: {
      finding: '{{rule}}: {{message}}\nFix: {{fix}}\nDocs: {{docs}}',
      cannotRun: 'harness could not check this file: {{message}}\nFix: {{fix}}',
    },
    schema: [],
  },
  create(context) {
    // A code block of a markdown file (a processor's virtual file) is not a file the CLI checks.
    if (context.filename !== context.physicalFilename || !isAbsolute(context.filename)) return {};
    const imports: ImportNode[] = [];
    const collect = (node: ImportNode): void => void imports.push(node);
    return {
      ImportDeclaration: collect,
      ExportAllDeclaration: collect,
      ExportNamedDeclaration: (node) => node.source !== null && collect(node),
      ImportExpression: collect,
      CallExpression: (node) =>
        node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'require' && collect(node),
      TSImportEqualsDeclaration: collect,
      'Program:exit': () => report(context, imports),
    };
  },
};

function report(context: Readonly<TSESLint.RuleContext<MessageId, []>>, imports: readonly ImportNode[]): void {
  let found: Diagnostic[];
  try {
    found = checkFileSync({ file: context.filename, text: context.sourceCode.text }).diagnostics;
  } catch (error) {
    // A config error (exit 2 in the CLI) is shown where the editor shows findings, not as a crash.
    if (!isHarnessError(error)) throw error;
    const place =
      error.place === undefined
        ? ''
        : ` (${error.place.file}${error.place.line === undefined ? '' : `:${error.place.line}`})`;
    context.report({
      loc: { line: 1, column: 0 },
      messageId: 'cannotRun',
      data: {
        message: `${error.code}: ${error.message}${place}`,
        fix: error.fix ?? 'Run `harness check layers` for details.',
      },
    });
    return;
  }
  for (const d of found) {
    const data = { rule: d.rule, message: d.message, fix: d.fix, docs: d.docs };
    const node = d.line === undefined ? undefined : nodeAt(imports, d.line, d.column);
    if (node !== undefined) context.report({ node, messageId: 'finding', data });
    else context.report({ loc: lineLocation(context, d.line ?? 1), messageId: 'finding', data });
  }
}

/** The import node starting where the finding is (line, 1-based column), else the first on its line. */
function nodeAt(imports: readonly ImportNode[], line: number, column: number | undefined): ImportNode | undefined {
  const onLine = imports.filter((node) => node.loc.start.line === line);
  return onLine.find((node) => column !== undefined && node.loc.start.column === column - 1) ?? onLine[0];
}

/** A whole line (a suppression comment, a file-level finding on line 1). */
function lineLocation(context: Readonly<TSESLint.RuleContext<MessageId, []>>, line: number): TSESTree.SourceLocation {
  const text = context.sourceCode.lines[line - 1] ?? '';
  return { start: { line, column: 0 }, end: { line, column: text.length } };
}
