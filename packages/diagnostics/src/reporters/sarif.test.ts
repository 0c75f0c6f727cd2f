import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type AjvModule from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { canonicalResult, emptyResult } from './canonical-result.fixture.js';
import { createResultDocument } from '../diagnostic.js';
import { renderSarif } from './sarif.js';

// The OASIS SARIF 2.1.0 schema (draft-04), as shipped by Microsoft's sarif-js-sdk.
const require = createRequire(import.meta.url);
const AjvDraft4 = require('ajv-draft-04') as typeof AjvModule.default;
const schemaPath = join(
  dirname(require.resolve('@microsoft/jest-sarif/package.json')),
  'lib/schemas/sarif-2.1.0-rtm.5.json',
);
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
const validate = new AjvDraft4({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);

describe('renderSarif', () => {
  it.each([
    ['canonical', canonicalResult],
    ['empty', emptyResult],
  ])('validates against the SARIF 2.1.0 schema (%s)', (_name, doc) => {
    const log: unknown = JSON.parse(renderSarif(doc, { toolVersion: '1.2.3' }));
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a log the schema forbids, so the validation above can fail', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: {} }] })).toBe(false);
  });

  it('maps findings to results with rule, level and region', () => {
    expect(renderSarif(canonicalResult, { toolVersion: '1.2.3' })).toMatchSnapshot();
  });
});

describe('artifact URIs', () => {
  const base = 'file:///repo/';
  it.each(['x:y.md', 'a#b.md', 'q?.md', '100% sure.md', 'dir/ü x.md', 'C:/not-a-drive.md', 'docs/a:b/c.md'])(
    'resolves %j under the repository root, never as a scheme, fragment or query',
    (file) => {
      const doc = createResultDocument(
        [{ name: 'docs', ok: false, durationMs: 1 }],
        [{ check: 'docs', rule: 'docs/orphan', severity: 'error', file, message: 'm', fix: 'f', docs: 'd' }],
      );
      const log = JSON.parse(renderSarif(doc)) as {
        runs: [{ results: [{ locations: [{ physicalLocation: { artifactLocation: { uri: string } } }] }] }];
      };
      const uri = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
      const url = new URL(uri, base);
      expect(url.protocol).toBe('file:');
      expect(url.hash + url.search).toBe('');
      expect(decodeURIComponent(url.pathname)).toBe(`/repo/${file}`);
    },
  );
});
