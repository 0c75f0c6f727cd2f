// layers/cross-domain: domains meet only through each other's public entry (or not at all).
import type { EdgeRule } from './layer-rule.js';
import { domainName } from './layer-rule.js';

export const crossDomain: EdgeRule = {
  id: 'cross-domain',
  kind: 'edge',
  severity: 'error',
  finds: 'a domain imports another domain other than through its public entry (or at all, with crossDomain: forbid)',
  why: "A domain's internals are its own; importing past its public entry couples two domains to each other's private files.",
  fix: "Import from the other domain's index file and export what is needed there, or move the shared part into shared code.",
  docs: 'docs/rules/layers.md#cross-domain',
  check({ from, to, target, model }) {
    if (to === undefined || target.kind !== 'file' || from.domain === undefined || to.domain === undefined)
      return undefined;
    if (from.domain === to.domain) return undefined;
    const mine = domainName(from.domain);
    const theirs = domainName(to.domain);
    if (model.crossDomain === 'forbid') {
      return {
        message: `domain ${mine} may not import domain ${theirs} (${target.path}): crossDomain is "forbid", domains are independent.`,
        fix:
          `Remove the import. Move the code both domains need into shared code (${model.shared[0] ?? 'a folder listed in layers.shared'}), ` +
          `or let ${theirs} reach ${mine} through a provider or an event instead of a direct import.`,
      };
    }
    if (to.entry) return undefined;
    return {
      message: `domain ${mine} may not reach into domain ${theirs} (${target.path}): domains meet only through each other's public entry (${to.domain}/index.ts).`,
      fix:
        `Import from ${to.domain} (its index file) instead. If what you need is not exported there, export it from ${to.domain}/index.ts; ` +
        `if it should stay private to ${theirs}, move the shared part into shared code.`,
    };
  },
};
