import { describe, expect, it } from 'vitest';
import { createLayerModel } from '../layer-model.js';
import { domainConfig } from './edge-facts.fixture.js';
import { unassigned } from './unassigned.js';

const model = createLayerModel(domainConfig);
const check = (file: string) => unassigned.check(file, model.classify(file), model);

describe('layers/unassigned', () => {
  it('reports a domain file outside every layer folder', () => {
    expect(check('src/domains/billing/helpers/round.ts')?.message).toBe(
      "src/domains/billing/helpers/round.ts is in domain billing but in no layer: a domain's files live in one of its layer folders (types, config, repo, service, runtime, ui).",
    );
    expect(check('src/domains/billing/loose.ts')).toBeDefined();
  });

  it('accepts layer files and the index file', () => {
    expect(check('src/domains/billing/repo/db.ts')).toBeUndefined();
    expect(check('src/domains/billing/index.ts')).toBeUndefined();
    expect(check('src/utils/money.ts')).toBeUndefined();
  });
});
