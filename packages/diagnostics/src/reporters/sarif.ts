// SARIF 2.1.0 for GitHub code scanning:
// https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
import type { Diagnostic, ResultDocument } from '../diagnostic.js';

export interface SarifOptions {
  toolVersion?: string;
}

const levelFor = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * A repository path as a URI reference (RFC 3986): each segment percent-encoded, so a colon cannot
 * make `x:y.md` a scheme, nor `#` or `?` a fragment or query. An absolute path becomes a file URI.
 */
export function sarifUri(path: string): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return path.startsWith('/') ? `file://${encoded}` : encoded;
}

export function renderSarif(doc: ResultDocument, options: SarifOptions = {}): string {
  const ruleIds = [...new Set(doc.diagnostics.map((d) => d.rule))].sort();
  const docsFor = new Map(doc.diagnostics.map((d) => [d.rule, d.docs]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'harness',
            informationUri: 'https://www.npmjs.com/package/agent-harness',
            ...(options.toolVersion === undefined ? {} : { version: options.toolVersion }),
            rules: ruleIds.map((id) => ({
              id,
              name: id.replace(/[/-](.)/g, (_m, c: string) => c.toUpperCase()),
              shortDescription: { text: id },
              help: { text: `See ${docsFor.get(id) ?? ''} in the repository.` },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root.' } } },
        results: doc.diagnostics.map((d) => renderResult(d, ruleIds.indexOf(d.rule))),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function renderResult(d: Diagnostic, ruleIndex: number): object {
  const region =
    d.line === undefined || d.line < 1
      ? undefined
      : { startLine: d.line, ...(d.column === undefined || d.column < 1 ? {} : { startColumn: d.column }) };
  return {
    ruleId: d.rule,
    ruleIndex,
    level: levelFor[d.severity],
    message: { text: `${d.message}\nFix: ${d.fix}\nDocs: ${d.docs}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: sarifUri(d.file), uriBaseId: '%SRCROOT%' },
          ...(region === undefined ? {} : { region }),
        },
      },
    ],
    properties: {
      check: d.check,
      ...(d.target === undefined ? {} : { target: d.target }),
      ...(d.typeOnly === undefined ? {} : { typeOnly: d.typeOnly }),
      ...(d.contract === undefined ? {} : { contract: d.contract }),
    },
  };
}
