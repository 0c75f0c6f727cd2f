import { describe, expect, it } from 'vitest';
import { modelOf } from '../temp-repo.fixture.js';
import { mapMissing } from './map-missing.js';

describe('docs/map-missing', () => {
  it('reports a repository without the map', async () => {
    const findings = await mapMissing.check(await modelOf({ 'README.md': '# x\n', 'docs/a.md': '# a\n' }));
    expect(findings).toMatchObject([{ rule: 'map-missing', file: 'AGENTS.md', severity: 'error' }]);
  });

  it('accepts the map, and a configured map path', async () => {
    expect(await mapMissing.check(await modelOf({ 'AGENTS.md': '# map\n' }))).toEqual([]);
    expect(
      await mapMissing.check(await modelOf({ 'docs/MAP.md': '# map\n' }, { config: { map: 'docs/MAP.md' } })),
    ).toEqual([]);
  });
});
