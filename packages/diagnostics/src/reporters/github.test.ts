import { describe, expect, it } from 'vitest';
import { canonicalResult, emptyResult } from './canonical-result.fixture.js';
import { escapeData, escapeProperty, renderGithub } from './github.js';

describe('renderGithub', () => {
  it('prints one workflow command per finding and a notice per skipped check', () => {
    expect(renderGithub(canonicalResult)).toMatchSnapshot();
  });

  it('prints nothing for a clean result', () => {
    expect(renderGithub(emptyResult)).toBe('');
  });

  it('keeps every command on one line', () => {
    for (const line of renderGithub(canonicalResult).trimEnd().split('\n')) {
      expect(line).toMatch(/^::(error|warning|notice) [^:]*::/);
    }
  });
});

describe('escaping', () => {
  it('escapes %, CR and LF in data', () => {
    expect(escapeData('100%\r\nnext')).toBe('100%25%0D%0Anext');
  });

  it('escapes : and , in properties as well', () => {
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('escapes % first so escapes are not escaped twice', () => {
    expect(escapeData('%0A')).toBe('%250A');
  });
});
