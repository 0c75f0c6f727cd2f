import { describe, expect, it } from 'vitest';
import { describeUnresolved } from './unresolved.js';

describe('layers/unresolved', () => {
  it('names the specifier and where it would land', () => {
    expect(
      describeUnresolved('./missing.js', { kind: 'unresolved', reason: 'relative', candidate: 'src/missing.js' })
        .message,
    ).toBe(
      "'./missing.js' resolves to no file (src/missing.js), so this import is not checked against the layer rules.",
    );
  });

  it('says how to fix each kind of import', () => {
    expect(describeUnresolved('@nowhere/x', { kind: 'unresolved', reason: 'alias' }).fix).toMatch(/tsconfig `paths`/);
    expect(
      describeUnresolved('@mono/core', {
        kind: 'unresolved',
        reason: 'workspace',
        candidate: 'packages/core/dist/index.js',
      }).fix,
    ).toMatch(/"source": "\.\/src\/index\.ts"/);
    expect(describeUnresolved('./gen.js', { kind: 'unresolved', reason: 'relative' }).fix).toMatch(
      /git-ignore its folder/,
    );
    expect(describeUnresolved('#x', { kind: 'unresolved', reason: 'other' }).fix).toMatch(/`imports`/);
  });
});
