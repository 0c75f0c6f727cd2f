// layers/unresolved: a relative, aliased or workspace-package import that resolves to no file.
// Its edge is missing from the graph, so a rule it breaks would go unseen: a missing build, a
// broken alias or an `exports` map pointing at absent build output must not pass silently.
// Imports that land where git ignores (generated code, build output) are counted, not reported
// (find-unresolved.ts); bare npm packages that are not installed are the package manager's business.
import type { UnresolvedTarget } from '../create-import-resolver.js';
import type { MetaRule, RuleVerdict } from './layer-rule.js';

export const unresolved: MetaRule = {
  id: 'unresolved',
  kind: 'meta',
  severity: 'error',
  finds: 'a relative, aliased or workspace-package import that resolves to no file',
  why: 'An import that resolves to nothing is missing from the graph, so a rule it breaks would go unseen.',
  fix: 'Fix the specifier, the tsconfig paths entry or the workspace package exports so that the import names an existing file.',
  docs: 'docs/rules/layers.md#unresolved',
};

export function describeUnresolved(specifier: string, target: UnresolvedTarget): RuleVerdict {
  const where = target.candidate === undefined ? '' : ` (${target.candidate})`;
  const message = `'${specifier}' resolves to no file${where}, so this import is not checked against the layer rules.`;
  switch (target.reason) {
    case 'relative':
      return {
        message,
        fix: 'Fix the path, or add the file it names. If the file is generated before a build, git-ignore its folder: imports into ignored places are expected to be absent.',
      };
    case 'alias':
      return {
        message,
        fix: 'Fix the specifier, or the tsconfig `paths` entry that should map it (in the nearest tsconfig.json of this file) so that it names an existing file.',
      };
    case 'workspace':
      return {
        message,
        fix: 'Point the package\'s package.json `exports` (or `main`) at a file that exists, add a source condition ("source": "./src/index.ts"), or give it a tsconfig with `outDir` and `rootDir` so its build output maps back to its sources.',
      };
    default:
      return {
        message,
        fix: 'Fix the specifier, or the package.json `imports` entry it goes through, so that it names an existing file.',
      };
  }
}
