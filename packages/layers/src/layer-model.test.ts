import { sectionDefaults } from 'agent-harness-config';
import { describe, expect, it } from 'vitest';
import { createLayerModel } from './layer-model.js';

const defaults = sectionDefaults('layers');

describe('createLayerModel', () => {
  const model = createLayerModel({
    ...defaults,
    domains: ['src/domains/*'],
    providers: ['src/providers/'],
    shared: ['src/utils'],
    crossCutting: ['src/platform/**'],
  });

  it('classifies domain files by their layer folder, and the index file as the entry', () => {
    expect(model.classify('src/domains/billing/repo/sql/query.ts')).toEqual({
      domain: 'src/domains/billing',
      layer: 'repo',
      entry: false,
      provider: false,
      shared: false,
      crossCutting: false,
    });
    expect(model.classify('src/domains/billing/index.ts')).toMatchObject({
      domain: 'src/domains/billing',
      entry: true,
    });
    expect(model.classify('src/domains/billing/misc/x.ts').layer).toBeUndefined();
  });

  it('matches plain folders and globs for providers, shared and cross-cutting code', () => {
    expect(model.classify('src/providers/auth/session.ts').provider).toBe(true);
    expect(model.classify('src/utils/money.ts').shared).toBe(true);
    expect(model.classify('src/platform/flags/flags.ts').crossCutting).toBe(true);
    expect(model.classify('src/other.ts')).toEqual({
      entry: false,
      provider: false,
      shared: false,
      crossCutting: false,
    });
  });

  it('assigns path layers', () => {
    const tiers = createLayerModel({
      ...defaults,
      order: ['foundation', 'cli'],
      paths: { foundation: ['packages/config/src/**'], cli: ['packages/harness/src/**'] },
    });
    expect(tiers.classify('packages/config/src/schema.ts').layer).toBe('foundation');
    expect(tiers.classify('packages/harness/src/main.ts').layer).toBe('cli');
    expect(tiers.classify('packages/config/test/x.ts').layer).toBeUndefined();
  });

  it('rejects a path layer missing from order, with a suggestion', () => {
    expect(() => createLayerModel({ ...defaults, paths: { servce: ['src/**'] } })).toThrow(
      'layers.paths.servce names a layer that is not in layers.order: did you mean "service"?',
    );
  });
});
