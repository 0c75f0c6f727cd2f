// The fallback for files es-module-lexer cannot lex (JSX in .tsx/.jsx): a full parse with
// oxc-parser (https://oxc.rs/docs/guide/usage/parser), walking the ESTree-compatible AST for the
// same edge kinds. Slower, so only used when the lexer fails.
import { parseSync, Visitor } from 'oxc-parser';
import type { EdgeKind, RawRecord } from './layers-types.js';

export function lexWithParser(
  source: string,
  file: string,
): { records: RawRecord[]; error?: { message: string; offset: number } } {
  let result = parseSync(file, source);
  let fatal = result.errors.find((e) => (e.severity as string) === 'Error');
  // JSX in a .js/.mjs/.cjs file is common (React projects); it is a syntax error only if it fails as JSX too.
  if (fatal !== undefined && /\.[cm]?js$/.test(file)) {
    const asJsx = parseSync(file, source, { lang: 'jsx' });
    const jsxFatal = asJsx.errors.find((e) => (e.severity as string) === 'Error');
    if (jsxFatal === undefined) [result, fatal] = [asJsx, undefined];
  }
  if (fatal !== undefined)
    return { records: [], error: { message: fatal.message, offset: fatal.labels[0]?.start ?? 0 } };
  const records: RawRecord[] = [];
  const add = (specifier: unknown, kind: EdgeKind, typeOnly: boolean, offset: number): void => {
    if (typeof specifier === 'string') records.push({ specifier, kind, typeOnly, offset });
  };
  new Visitor({
    ImportDeclaration(node) {
      add(node.source.value, 'import', node.importKind === 'type', node.start);
    },
    ExportNamedDeclaration(node) {
      if (node.source) add(node.source.value, 'export', node.exportKind === 'type', node.start);
    },
    ExportAllDeclaration(node) {
      add(node.source.value, 'export', node.exportKind === 'type', node.start);
    },
    ImportExpression(node) {
      if (node.source.type === 'Literal') add(node.source.value, 'dynamic-import', false, node.start);
    },
    CallExpression(node) {
      const [first] = node.arguments;
      if (node.callee.type === 'Identifier' && node.callee.name === 'require' && first?.type === 'Literal') {
        add(first.value, 'require', false, node.start);
      }
    },
    TSImportEqualsDeclaration(node) {
      if (node.moduleReference.type === 'TSExternalModuleReference') {
        add(node.moduleReference.expression.value, 'import-equals', node.importKind === 'type', node.start);
      }
    },
  }).visit(result.program);
  return { records: records.sort((a, b) => a.offset - b.offset) };
}
