// layers/unassigned: every source file inside a domain belongs to one of its layers.
import type { FileRule } from './layer-rule.js';
import { domainName } from './layer-rule.js';

export const unassigned: FileRule = {
  id: 'unassigned',
  kind: 'file',
  severity: 'error',
  finds: 'a source file inside a domain that belongs to no declared layer',
  why: 'A file in no layer is judged by no layer rule, so the domain silently grows an unchecked corner.',
  fix: 'Move the file into <domain>/<layer>/, or into the domain index if it is part of the public entry.',
  docs: 'docs/rules/layers.md#unassigned',
  check(file, fileClass, model) {
    if (fileClass.domain === undefined || fileClass.layer !== undefined || fileClass.entry) return undefined;
    const domain = fileClass.domain;
    return {
      message: `${file} is in domain ${domainName(domain)} but in no layer: a domain's files live in one of its layer folders (${model.order.join(', ')}).`,
      fix:
        `Move it to ${domain}/<layer>/ for the layer it belongs to (${model.order.join(', ')}), ` +
        `or merge it into ${domain}/index.ts if it is part of the public entry.`,
    };
  },
};
