// Builds the facts a rule sees for one import, from a readable config and two paths.
import type { LayersConfig } from 'agent-harness-config';
import { sectionDefaults } from 'agent-harness-config';
import { createLayerModel } from '../layer-model.js';
import type { EdgeFacts } from './layer-rule.js';

export const domainConfig: LayersConfig = {
  ...sectionDefaults('layers'),
  domains: ['src/domains/*'],
  providers: ['src/providers'],
  crossCutting: ['src/platform/**', 'npm:@opentelemetry/*'],
  shared: ['src/utils'],
  packages: { repo: ['pg'], ui: ['react'] },
};

/** `to` is a repository path, or `npm:<name>` / `node:<name>` for packages and builtins. */
export function edgeFacts(
  from: string,
  to: string,
  options: { config?: Partial<LayersConfig>; typeOnly?: boolean } = {},
): EdgeFacts {
  const model = createLayerModel({ ...domainConfig, ...options.config });
  const target: EdgeFacts['target'] = to.startsWith('npm:')
    ? { kind: 'package', name: to.slice(4) }
    : to.startsWith('node:')
      ? { kind: 'builtin', name: to }
      : { kind: 'file', path: to };
  const facts: EdgeFacts = {
    file: from,
    from: model.classify(from),
    edge: { specifier: to, kind: 'import', typeOnly: options.typeOnly ?? false, line: 1, column: 1 },
    target,
    model,
  };
  if (target.kind === 'file') facts.to = model.classify(target.path);
  return facts;
}
