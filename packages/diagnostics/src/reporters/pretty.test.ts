import { describe, expect, it } from 'vitest';
import { canonicalResult, emptyResult } from './canonical-result.fixture.js';
import { createResultDocument } from '../diagnostic.js';
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

describe('user data on a terminal', () => {
  it('shows control characters in names and messages instead of sending them to the terminal', () => {
    const doc = createResultDocument(
      [{ name: 'docs', ok: false, durationMs: 1 }],
      [
        {
          check: 'docs',
          rule: 'docs/orphan',
          severity: 'error',
          file: 'a\u001b[2Jb.md',
          line: 1,
          message: 'bell\u0007 csi\u009b',
          target: 't\rx',
          fix: 'f',
          docs: 'd',
        },
      ],
    );
    const text = renderPretty(doc);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('a\\x1B[2Jb.md');
    expect(text).toContain('bell\\x07 csi\\x9B');
    expect(text).toContain('t\\x0Dx');
  });
});
