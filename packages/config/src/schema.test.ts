import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createJsonSchema, sectionDefaults } from './schema.js';

const committedPath = new URL('../schema.json', import.meta.url);

describe('schema.json', () => {
  it('is the committed file, regenerated (run `pnpm generate` when this fails)', () => {
    const committed: unknown = JSON.parse(readFileSync(committedPath, 'utf8'));
    expect(committed).toEqual(createJsonSchema());
  });

  it('validates a full example config and rejects an unknown key, as editors will', () => {
    const validate = new Ajv2020({ strict: false }).compile(createJsonSchema());
    const spec = parse(readFileSync(new URL('./spec-example.fixture.yaml', import.meta.url), 'utf8')) as unknown;
    expect(validate(spec)).toBe(true);
    expect(validate({ version: 1, layers: { domians: [] } })).toBe(false);
  });
});

describe('sectionDefaults', () => {
  it('fills every default of a section', () => {
    expect(sectionDefaults('docs')).toEqual({
      map: 'AGENTS.md',
      root: 'docs',
      maxLines: 150,
      maxBytes: 32768,
      frontmatter: {},
      staleAfterDays: 90,
      ignore: [],
      baseline: '.harness/baseline/docs.json',
    });
    expect(sectionDefaults('rulesets')).toEqual({ dir: '.github/rulesets' });
  });
});
