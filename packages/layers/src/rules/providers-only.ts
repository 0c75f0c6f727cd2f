// layers/providers-only: cross-cutting concerns enter domain code only through providers.
import type { EdgeRule } from './layer-rule.js';
import { targetName } from './layer-rule.js';

export const providersOnly: EdgeRule = {
  id: 'providers-only',
  kind: 'edge',
  summary: 'domain code imports a crossCutting module or package directly',
  check({ from, to, target, model }) {
    if (from.domain === undefined && from.layer === undefined) return undefined;
    if (from.provider || from.crossCutting) return undefined;
    const crossCutting = target.kind === 'file' ? to?.crossCutting === true : model.isCrossCuttingPackage(target.name);
    if (!crossCutting) return undefined;
    const name = targetName(target);
    const providers = model.providers.length > 0 ? model.providers.join(', ') : 'a folder listed in layers.providers';
    return {
      message: `${from.layer ?? 'domain code'} may not import the cross-cutting ${name} directly: cross-cutting concerns enter domains only through providers (${providers}).`,
      fix:
        `Import the provider that wraps ${name} from ${providers} instead. ` +
        `If there is none, add one there that exposes only what this code needs, and import that.`,
    };
  },
};
