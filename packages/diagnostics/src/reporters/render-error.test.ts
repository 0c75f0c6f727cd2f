import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type AjvModule from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { HarnessError } from '../harness-error.js';
import { createErrorDocument, renderError } from './render-error.js';

const require = createRequire(import.meta.url);
const AjvDraft4 = require('ajv-draft-04') as typeof AjvModule.default;
const schemaPath = join(
  dirname(require.resolve('@microsoft/jest-sarif/package.json')),
  'lib/schemas/sarif-2.1.0-rtm.5.json',
);
const validate = new AjvDraft4({ allErrors: true, strict: false, unicodeRegExp: false }).compile(
  JSON.parse(readFileSync(schemaPath, 'utf8')) as object,
);

const configError = new HarnessError(
  'CONFIG_INVALID',
  'layers.domians: unknown key "domians": did you mean "domains"?',
  {
    place: { file: 'harness.config.yaml', line: 3, column: 3, key: 'layers.domians' },
    fix: 'Rename "domians" to "domains".',
  },
);
const usageError = new HarnessError('USAGE', 'unknown format "xml"', {
  fix: 'Use --format pretty, json, github, sarif or markdown.',
});

describe('renderError', () => {
  it('prints the contract’s JSON document with ok false and the error', () => {
    expect(JSON.parse(renderError(createErrorDocument(configError), 'json'))).toEqual({
      version: 1,
      ok: false,
      error: {
        code: 'CONFIG_INVALID',
        message: 'layers.domians: unknown key "domians": did you mean "domains"?',
        fix: 'Rename "domians" to "domains".',
        file: 'harness.config.yaml',
        line: 3,
        column: 3,
        key: 'layers.domians',
      },
      checks: [],
      diagnostics: [],
    });
  });

  it('reports anything that is not a HarnessError as INTERNAL', () => {
    expect(createErrorDocument(new TypeError('boom')).error).toMatchObject({ code: 'INTERNAL', message: 'boom' });
  });

  it('prints an ::error workflow command with file, line and column, escaped', () => {
    expect(renderError(createErrorDocument(configError), 'github')).toBe(
      '::error file=harness.config.yaml,line=3,col=3,title=harness CONFIG_INVALID::layers.domians: unknown key "domians": did you mean "domains"?%0AFix: Rename "domians" to "domains".\n',
    );
    const placeless = new HarnessError('USAGE', '50% done,\r\nnext', { place: { file: 'a:b,c.yaml' } });
    expect(renderError(createErrorDocument(placeless), 'github')).toBe(
      '::error file=a%3Ab%2Cc.yaml,title=harness USAGE::50%25 done,%0D%0Anext\n',
    );
    expect(renderError(createErrorDocument(usageError), 'github')).toMatch(
      /^::error title=harness USAGE::unknown format "xml"%0AFix: .*\n$/,
    );
  });

  it.each([
    ['with a place', configError],
    ['without a place', usageError],
    [
      'with an absolute file',
      new HarnessError('CONFIG_NOT_FOUND', 'cannot read', { place: { file: '/tmp/x:y/harness.yaml' } }),
    ],
  ])('prints a SARIF run with a tool execution notification that validates (%s)', (_name, error) => {
    const log = JSON.parse(renderError(createErrorDocument(error), 'sarif', { toolVersion: '1.2.3' })) as {
      runs: [
        {
          results: unknown[];
          invocations: [
            {
              executionSuccessful: boolean;
              toolExecutionNotifications: [{ level: string; descriptor: { id: string } }];
            },
          ];
        },
      ];
    };
    expect(validate.errors ?? []).toEqual([]);
    expect(validate(log)).toBe(true);
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].invocations[0]).toMatchObject({
      executionSuccessful: false,
      toolExecutionNotifications: [{ level: 'error', descriptor: { id: error.code } }],
    });
  });

  it('prints a markdown summary and nothing for pretty, whose reader has stderr', () => {
    expect(renderError(createErrorDocument(configError), 'markdown')).toBe(
      '## harness: ❌ could not run\n\n**CONFIG\\_INVALID** in `harness.config.yaml:3:3`: layers.domians: unknown key "domians": did you mean "domains"?\n\nFix: Rename "domians" to "domains".\n',
    );
    expect(renderError(createErrorDocument(configError), 'pretty')).toBe('');
  });
});
