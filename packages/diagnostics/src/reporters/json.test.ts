import { describe, expect, it } from 'vitest';
import { canonicalResult } from './canonical-result.fixture.js';
import { renderJson } from './json.js';

describe('renderJson', () => {
  it('prints exactly one JSON document that round-trips', () => {
    const text = renderJson(canonicalResult);
    expect(JSON.parse(text)).toEqual(canonicalResult);
    expect(text.trimEnd().split('\n').at(-1)).toBe('}');
    expect(text).toMatchSnapshot();
  });

  it('sorts diagnostics by file, line, rule', () => {
    const doc = JSON.parse(renderJson(canonicalResult)) as typeof canonicalResult;
    expect(doc.diagnostics.map((d) => d.file)).toEqual(['docs/guide.md', 'src/domains/billing/service/charge.ts']);
    expect(doc.ok).toBe(false);
    expect(doc.version).toBe(1);
  });
});
