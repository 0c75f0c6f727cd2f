// layers/providers-only: cross-cutting concerns enter domain code only through providers.
import type { EdgeRule } from './layer-rule.js';
import { targetName } from './layer-rule.js';

export const providersOnly: EdgeRule = {
  id: 'providers-only',
  kind: 'edge',
  severity: 'error',
  finds: 'domain code imports a crossCutting module or package directly',
  why: 'Auth, telemetry and other cross-cutting concerns enter domain code through one reviewed door, so they can be swapped and audited.',
  fix: 'Import the provider that wraps the module (add one under layers.providers when there is none).',
  docs: 'docs/rules/layers.md#providers-only',
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
