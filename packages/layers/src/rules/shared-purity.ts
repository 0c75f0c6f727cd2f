// layers/shared-purity: shared code is importable from anywhere, so it may import no domain or provider.
import type { EdgeRule } from './layer-rule.js';

export const sharedPurity: EdgeRule = {
  id: 'shared-purity',
  kind: 'edge',
  severity: 'error',
  finds: 'shared code imports a domain or a provider',
  why: 'Shared code is importable from everywhere; if it imports a domain or a provider, every importer depends on them too.',
  fix: 'Move what the shared file needs into shared code, move the file into the domain that uses it, or take the behaviour as a parameter.',
  docs: 'docs/rules/layers.md#shared-purity',
  check({ from, to, target }) {
    if (!from.shared || to === undefined || target.kind !== 'file' || to.shared) return undefined;
    if (to.domain === undefined && !to.provider) return undefined;
    const what = to.provider ? 'a provider' : `domain code (${to.domain ?? ''})`;
    return {
      message: `shared code may not import ${what}: ${target.path}. Shared code is imported from everywhere, so it must not depend on domains or providers.`,
      fix:
        `Move the part of ${target.path} this file needs into shared code, or move this file out of the shared folder into the domain or provider that uses it; ` +
        `if shared code needs a behaviour, take it as a parameter instead of importing it.`,
    };
  },
};
