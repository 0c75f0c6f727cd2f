// The layer rule ids that judge one import edge or one file, which `layers.allowTypeOnly` takes.
// Here, beside the rules, rather than in the config schema: the config package is below the
// checkers and cannot know their rules (docs/decisions.md, "layerRuleIds live with the layer rules").
import { closestWord, HarnessError } from 'agent-harness-diagnostics';

export const layerRuleIds = [
  'forward-only',
  'cross-domain',
  'providers-only',
  'shared-purity',
  'package-placement',
  'unassigned',
  'unresolved',
  'contract',
] as const;

export type LayerRuleId = (typeof layerRuleIds)[number];

/** Throws CONFIG_INVALID for an `allowTypeOnly` entry that names no layer rule. */
export function checkAllowTypeOnly(ids: readonly string[]): void {
  ids.forEach((id, index) => {
    if ((layerRuleIds as readonly string[]).includes(id)) return;
    const guess = closestWord(layerRuleIds, id.replace(/^layers\//, ''));
    throw new HarnessError('CONFIG_INVALID', `layers.allowTypeOnly names "${id}", which is no layer rule`, {
      place: { file: 'harness.config.yaml', key: `layers.allowTypeOnly[${index}]` },
      fix: `${guess === undefined ? '' : `Did you mean "${guess}"? `}allowTypeOnly takes these rule ids: ${layerRuleIds.join(', ')} (docs/rules/layers.md).`,
    });
  });
}
