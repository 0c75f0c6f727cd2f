// An exit-2 error in the format the user asked for (docs/contract.md, "Exit codes"): a CI that parses
// `--format json` or uploads `--format sarif` gets a document that says the run failed, not an
// empty stdout. The plain message for people goes to stderr as well; that is the CLI's job.
import { isHarnessError } from '../harness-error.js';
import { escapeData, escapeProperty } from './github.js';
import { codeSpan, escapeText } from './markdown.js';
import type { Format } from './render.js';
import { sarifUri } from './sarif.js';

/** What went wrong, for machines: the stable code, the message, the fix and the place when known. */
interface ErrorReport {
  /** An ErrorCode, or `INTERNAL` for a bug in harness. */
  code: string;
  message: string;
  fix?: string;
  file?: string;
  line?: number;
  column?: number;
  /** Dotted key path inside a config file. */
  key?: string;
}

/** The contract's document for a run that could not happen: `ok: false`, the error, no checks, no findings. */
export interface ErrorDocument {
  version: 1;
  ok: false;
  error: ErrorReport;
  checks: [];
  diagnostics: [];
}

export const internalErrorFix =
  'This is a bug in harness: please report it with the command you ran and its --debug output.';

/** The report of anything thrown: a HarnessError with its code and place, anything else as INTERNAL. */
function errorReport(error: unknown): ErrorReport {
  if (!isHarnessError(error)) {
    return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error), fix: internalErrorFix };
  }
  const place = error.place;
  return {
    code: error.code,
    message: error.message,
    ...(error.fix === undefined ? {} : { fix: error.fix }),
    ...(place === undefined ? {} : { file: place.file }),
    ...(place?.line === undefined ? {} : { line: place.line }),
    ...(place?.column === undefined ? {} : { column: place.column }),
    ...(place?.key === undefined ? {} : { key: place.key }),
  };
}

export function createErrorDocument(error: unknown): ErrorDocument {
  return { version: 1, ok: false, error: errorReport(error), checks: [], diagnostics: [] };
}

/** The stdout text for an error document; empty for `pretty`, whose reader has stderr. */
export function renderError(doc: ErrorDocument, format: Format, options: { toolVersion?: string } = {}): string {
  switch (format) {
    case 'pretty':
      return '';
    case 'json':
      return `${JSON.stringify(doc, null, 2)}\n`;
    case 'github':
      return renderGithubError(doc.error);
    case 'sarif':
      return renderSarifError(doc.error, options.toolVersion);
    case 'markdown':
      return renderMarkdownError(doc.error);
  }
}

function renderGithubError(e: ErrorReport): string {
  const props: string[] = [];
  if (e.file !== undefined) props.push(`file=${escapeProperty(e.file)}`);
  if (e.file !== undefined && e.line !== undefined) props.push(`line=${e.line}`);
  if (e.file !== undefined && e.line !== undefined && e.column !== undefined) props.push(`col=${e.column}`);
  props.push(`title=${escapeProperty(`harness ${e.code}`)}`);
  const body = e.fix === undefined ? e.message : `${e.message}\nFix: ${e.fix}`;
  return `::error ${props.join(',')}::${escapeData(body)}\n`;
}

function renderSarifError(e: ErrorReport, toolVersion: string | undefined): string {
  const region =
    e.line === undefined || e.line < 1
      ? undefined
      : { startLine: e.line, ...(e.column === undefined || e.column < 1 ? {} : { startColumn: e.column }) };
  const location =
    e.file === undefined
      ? undefined
      : {
          physicalLocation: {
            artifactLocation: { uri: sarifUri(e.file), ...(e.file.startsWith('/') ? {} : { uriBaseId: '%SRCROOT%' }) },
            ...(region === undefined ? {} : { region }),
          },
        };
  const notification = {
    level: 'error',
    message: { text: e.fix === undefined ? e.message : `${e.message}\nFix: ${e.fix}` },
    descriptor: { id: e.code },
    ...(location === undefined ? {} : { locations: [location] }),
  };
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'harness',
            informationUri: 'https://www.npmjs.com/package/agent-harness',
            ...(toolVersion === undefined ? {} : { version: toolVersion }),
            rules: [],
          },
        },
        invocations: [{ executionSuccessful: false, toolExecutionNotifications: [notification] }],
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root.' } } },
        results: [],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function renderMarkdownError(e: ErrorReport): string {
  const where =
    e.file === undefined ? '' : ` in ${codeSpan([e.file, e.line, e.column].filter((p) => p !== undefined).join(':'))}`;
  const lines = ['## harness: ❌ could not run', '', `**${escapeText(e.code)}**${where}: ${escapeText(e.message)}`];
  if (e.fix !== undefined) lines.push('', `Fix: ${escapeText(e.fix)}`);
  return `${lines.join('\n')}\n`;
}
