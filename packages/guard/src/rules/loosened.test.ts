import { describe, expect, it } from 'vitest';
import { acceptanceFix, loosenedDiagnostic } from '../guard-rules.js';
import { loosened } from './loosened.js';

describe('guard/loosened', () => {
  it('is an error at the file and line of the change, saying what got looser and how it is accepted', () => {
    expect(
      loosenedDiagnostic({
        surface: 'config',
        file: 'harness.config.yaml',
        line: 7,
        what: 'rules.docs/orphan: error → off',
      }),
    ).toEqual({
      check: 'guard',
      rule: 'guard/loosened',
      severity: 'error',
      file: 'harness.config.yaml',
      line: 7,
      message: 'rules.docs/orphan: error → off',
      fix: acceptanceFix('harness.config.yaml'),
      docs: loosened.docs,
    });
    expect(acceptanceFix('x.json')).toMatch(/^A code owner of x\.json approves the pull request/);
  });
});
