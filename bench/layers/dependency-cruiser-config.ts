// dependency-cruiser rules equivalent to the generated repo's harness.config.yaml
// (https://github.com/sverweij/dependency-cruiser/blob/main/doc/rules-reference.md). `layers/unassigned`
// has no dependency-cruiser equivalent; the generated repo has no unassigned files. The `contract-*`
// rules are the four layers.contracts.
import { benchLayers } from './generate-repo.ts';

export function dependencyCruiserConfig(): string {
  const forward = benchLayers.slice(0, -1).map((layer, i) => ({
    name: `forward-only-${layer}`,
    severity: 'error',
    from: { path: `^src/domains/([^/]+)/${layer}/` },
    to: { path: `^src/domains/$1/(${benchLayers.slice(i + 1).join('|')})/` },
  }));
  const forbidden = [
    ...forward,
    {
      name: 'forward-only-entry',
      severity: 'error',
      from: { path: '^src/domains/([^/]+)/[^/]+/' },
      to: { path: '^src/domains/$1/index\\.ts$' },
    },
    {
      name: 'cross-domain',
      severity: 'error',
      from: { path: '^src/domains/([^/]+)/' },
      to: { path: '^src/domains/', pathNot: ['^src/domains/$1/', '^src/domains/[^/]+/index\\.ts$'] },
    },
    {
      name: 'providers-only',
      severity: 'error',
      from: { path: '^src/domains/' },
      to: { path: ['^src/platform/', '^@opentelemetry/'] },
    },
    {
      name: 'shared-purity',
      severity: 'error',
      from: { path: '^src/utils/' },
      to: { path: '^src/(domains|providers)/' },
    },
    {
      name: 'package-placement-pg',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/domains/[^/]+/repo/' },
      to: { path: '^pg$' },
    },
    {
      name: 'package-placement-react',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/domains/[^/]+/ui/' },
      to: { path: '^react$' },
    },
    // The four contracts of harnessConfig.
    {
      name: 'contract-tiers-utils',
      severity: 'error',
      from: { path: '^src/utils/' },
      to: { path: '^src/(platform|providers|domains)/' },
    },
    {
      name: 'contract-tiers-platform',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(providers|domains)/' },
    },
    {
      name: 'contract-tiers-providers',
      severity: 'error',
      from: { path: '^src/providers/' },
      to: { path: '^src/domains/' },
    },
    ...benchLayers.slice(0, -1).map((layer, i) => ({
      name: `contract-layer-segments-${layer}`,
      severity: 'error',
      from: { path: `(^|/)${layer}/` },
      to: { path: `(^|/)(${benchLayers.slice(i + 1).join('|')})/` },
    })),
    {
      name: 'contract-domains-not-platform',
      severity: 'error',
      from: { path: '^src/domains/' },
      to: { path: '^src/platform/' },
    },
    {
      name: 'contract-domains-independent',
      severity: 'error',
      from: { path: '^src/domains/([^/]+)/' },
      to: { path: '^src/domains/', pathNot: ['^src/domains/$1/', '^src/domains/[^/]+/index\\.ts$'] },
    },
  ];
  const options = {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    skipAnalysisNotInRules: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
  };
  return `module.exports = ${JSON.stringify({ forbidden, options }, null, 2)};\n`;
}
