import { describe, expect, it } from 'vitest';
import { toExportFormat, toRequestBody } from './request-body.js';
import { parseRulesetFile } from './ruleset-file.js';

describe('parseRulesetFile', () => {
  it('reads GitHub exports with and without id, source, source_type and bypass_actors', () => {
    const exported = parseRulesetFile(
      '.github/rulesets/a.json',
      '{"id": 42, "name": "a", "target": "branch", "source_type": "Repository", "source": "o/r", "enforcement": "active", "rules": [], "bypass_actors": []}',
    );
    const handWritten = parseRulesetFile('.github/rulesets/b.json', '{"name": "b", "enforcement": "evaluate"}');
    expect(exported.name).toBe('a');
    expect(handWritten.name).toBe('b');
  });

  it.each([
    ['{"name": "a",\n  "enforcement": "active",,}', 'is not valid JSON', { line: 2 }],
    ['[]', 'a ruleset file holds one JSON object', { key: '' }],
    ['{"enforcement": "active"}', '"name" must be a non-empty string', { key: 'name' }],
    ['{"name": "a"}', '"enforcement" is required', { key: 'enforcement' }],
    [
      '{"name": "a", "enforcement": "active", "source_type": "Organization"}',
      'this is an export of an "Organization" ruleset',
      { key: 'source_type' },
    ],
    [
      '{"name": "a", "enforcement": "active", "bypass_actors": null}',
      '"bypass_actors" must be a list (use [] for none)',
      { key: 'bypass_actors' },
    ],
    [
      '{"name": "a", "enforcement": "active", "rules": [{"parameters": {}}]}',
      'rule 1 has no "type"',
      { key: 'rules.0.type' },
    ],
    [
      '{"name": "a", "enforcement": "active", "rules": [{"type": "deletion"}, {"type": "deletion"}]}',
      'the rule "deletion" is listed twice',
      { key: 'rules' },
    ],
  ])('refuses %s', (text, message, place) => {
    expect(() => parseRulesetFile('r.json', text)).toThrow(
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        message: expect.stringContaining(message),
        place: expect.objectContaining({ file: 'r.json', ...place }),
      }),
    );
  });
});

describe('toRequestBody', () => {
  it('strips the keys GitHub sets and sends [] for none', () => {
    const body = toRequestBody({
      id: 1,
      source: 'o/r',
      source_type: 'Repository',
      node_id: 'x',
      _links: {},
      created_at: 'c',
      updated_at: 'u',
      current_user_can_bypass: 'always',
      name: 'a',
      enforcement: 'active',
      conditions: null,
    });
    expect(body).toEqual({ name: 'a', enforcement: 'active', target: 'branch', rules: [], bypass_actors: [] });
  });

  it('keeps id, source and bypass actors in the export format, like GitHub’s Export button', () => {
    expect(
      toExportFormat({
        id: 1,
        name: 'a',
        source: 'o/r',
        source_type: 'Repository',
        node_id: 'x',
        _links: {},
        created_at: 'c',
        updated_at: 'u',
        current_user_can_bypass: 'always',
        bypass_actors: [],
      }),
    ).toEqual({
      id: 1,
      name: 'a',
      source: 'o/r',
      source_type: 'Repository',
      bypass_actors: [],
    });
  });
});
