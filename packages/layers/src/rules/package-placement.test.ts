import { describe, expect, it } from 'vitest';
import { edgeFacts } from './edge-facts.fixture.js';
import { packagePlacement } from './package-placement.js';

describe('layers/package-placement', () => {
  it('reports a listed package imported from another layer', () => {
    const verdict = packagePlacement.check(edgeFacts('src/domains/billing/service/charge.ts', 'npm:pg'));
    expect(verdict?.message).toBe('npm:pg may only be imported from repo (layers.packages), not from service.');
  });

  it('allows the listed layer', () => {
    expect(packagePlacement.check(edgeFacts('src/domains/billing/repo/db.ts', 'npm:pg'))).toBeUndefined();
  });

  it('ignores packages that packages does not list', () => {
    expect(packagePlacement.check(edgeFacts('src/domains/billing/service/a.ts', 'npm:zod'))).toBeUndefined();
  });

  it('treats Node builtins like packages', () => {
    const config = { packages: { repo: ['node:fs'] } };
    expect(packagePlacement.check(edgeFacts('src/domains/billing/ui/a.ts', 'node:fs', { config }))?.message).toContain(
      'node:fs may only be imported from repo',
    );
  });
});
