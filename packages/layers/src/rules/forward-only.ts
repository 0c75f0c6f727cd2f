// layers/forward-only: a layer may import its own layer and the layers before it.
import type { EdgeRule } from './layer-rule.js';
import { domainName } from './layer-rule.js';

export const forwardOnly: EdgeRule = {
  id: 'forward-only',
  kind: 'edge',
  severity: 'error',
  finds: 'a domain file imports a later layer of its own domain (or a path layer imports a later one)',
  why: 'A later layer holds what changes most; an earlier layer that imports it couples stable code to volatile code and lets cycles in.',
  fix: 'Move what the file needs into its own or an earlier layer, or invert the dependency with an interface in an earlier layer.',
  docs: 'docs/rules/layers.md#forward-only',
  check({ from, to, target, model }) {
    if (to === undefined || target.kind !== 'file' || from.layer === undefined) return undefined;
    // Different domains are cross-domain's business.
    if (from.domain !== undefined && to.domain !== undefined && from.domain !== to.domain) return undefined;
    const chain = model.order.join(' → ');
    if (to.entry && to.domain === from.domain) {
      return {
        message: `${from.layer} may not import its own domain's public entry ${target.path}: the entry re-exports every layer, so this depends forward on all of them (${chain}).`,
        fix: `Import the module you need from ${from.layer} or a layer before it directly (a path under ${to.domain}/), not through ${target.path}.`,
      };
    }
    if (to.layer === undefined) return undefined;
    const fromIndex = model.order.indexOf(from.layer);
    const toIndex = model.order.indexOf(to.layer);
    if (toIndex <= fromIndex) return undefined;
    const lower = model.order[0] ?? from.layer;
    const where = from.domain === undefined ? '' : ` of domain ${domainName(from.domain)}`;
    return {
      message: `${from.layer} may not import ${to.layer}${where}: layers only depend forward (${chain}).`,
      fix:
        `Move what this file needs from ${target.path} down into ${from.layer} or a layer before it, ` +
        `or invert the dependency: declare an interface in ${lower} that ${to.layer} implements and pass the implementation in from ${to.layer}.`,
    };
  },
};
