import { describe, expect, it } from 'vitest';
import { canonicalResult, emptyResult } from './canonical-result.fixture.js';
import { renderPretty } from './pretty.js';

describe('renderPretty', () => {
  it('groups findings by file, with fix and docs under each', () => {
    expect(renderPretty(canonicalResult)).toMatchSnapshot();
  });

  it('says ok when there is nothing to report', () => {
    expect(renderPretty(emptyResult)).toMatchSnapshot();
  });

  it('colours only when asked', () => {
    expect(renderPretty(canonicalResult)).not.toContain('\u001b[');
    expect(renderPretty(canonicalResult, { color: true })).toContain('\u001b[31m');
  });
});
