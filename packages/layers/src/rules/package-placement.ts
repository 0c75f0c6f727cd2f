// layers/package-placement: a package listed under `packages` is imported only from its layers.
import type { EdgeRule } from './layer-rule.js';
import { targetName } from './layer-rule.js';

export const packagePlacement: EdgeRule = {
  id: 'package-placement',
  kind: 'edge',
  severity: 'error',
  finds: 'a package listed under packages is imported from a layer not listed for it',
  why: 'A package confined to a layer (a database driver in repo, React in ui) keeps that concern in one place.',
  fix: 'Move the code that uses the package into a layer listed for it, or list the layer under layers.packages.',
  docs: 'docs/rules/layers.md#package-placement',
  check({ from, target, model }) {
    if (target.kind === 'file') return undefined;
    const allowed = model.layersForPackage(target.name);
    if (allowed === undefined || (from.layer !== undefined && allowed.includes(from.layer))) return undefined;
    const name = targetName(target);
    const here = from.layer === undefined ? 'code outside those layers' : from.layer;
    return {
      message: `${name} may only be imported from ${allowed.join(', ')} (layers.packages), not from ${here}.`,
      fix:
        `Move the code that uses ${name} into the ${allowed.join(' or ')} layer and call it from here through that layer's exports ` +
        `(or, if this layer truly needs it, add the layer under layers.packages in harness.config.yaml).`,
    };
  },
};
