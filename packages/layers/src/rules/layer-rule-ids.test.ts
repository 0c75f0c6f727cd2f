import { sectionDefaults } from 'agent-harness-config';
import { HarnessError } from 'agent-harness-diagnostics';
import { describe, expect, it } from 'vitest';
import { createLayerModel } from '../layer-model.js';
import { layerRules } from '../layer-rules.js';
import { layerRuleIds } from './layer-rule-ids.js';

const model = (allowTypeOnly: string[]) => () => createLayerModel({ ...sectionDefaults('layers'), allowTypeOnly });

describe('layers.allowTypeOnly', () => {
  it('takes the ids of registered layer rules', () => {
    expect(layerRules.map((r) => r.id)).toEqual(expect.arrayContaining([...layerRuleIds]));
    expect(model(['cross-domain', 'contract'])).not.toThrow();
  });

  it('is a config error, with the place and a suggestion, for an id that is no layer rule', () => {
    let error: unknown;
    try {
      model(['cross-domain', 'forward-onyl'])();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HarnessError);
    expect(error).toMatchObject({
      code: 'CONFIG_INVALID',
      place: { file: 'harness.config.yaml', key: 'layers.allowTypeOnly[1]' },
    });
    expect((error as HarnessError).fix).toMatch(/^Did you mean "forward-only"\?/);
  });

  it('does not take a rule about suppressions, which judges no import', () => {
    expect(model(['unused-suppression'])).toThrow(/no layer rule/);
  });
});
