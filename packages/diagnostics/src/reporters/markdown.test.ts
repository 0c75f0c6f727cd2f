import { describe, expect, it } from 'vitest';
import { canonicalResult, emptyResult } from './canonical-result.fixture.js';
import { escapeCell, renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('renders a checks table and a findings table', () => {
    expect(renderMarkdown(canonicalResult)).toMatchSnapshot();
  });

  it('omits the findings table when there are none', () => {
    const text = renderMarkdown(emptyResult);
    expect(text).toContain('✅ passed');
    expect(text).not.toContain('| where |');
  });

  it('keeps pipes and newlines from breaking a table row', () => {
    expect(escapeCell('a|b\nc')).toBe('a\\|b<br>c');
  });
});
