// eslint-plugin-agent-harness: harness's layer rules in the editor (docs/eslint-plugin.md). An ESLint 9+
// flat-config plugin (https://eslint.org/docs/latest/extend/plugins): `rules.layers` and
// `configs.recommended`. Loading it prepares the lexer once (top-level await), so the rule itself
// stays synchronous, as ESLint rules must be.
import { readFileSync } from 'node:fs';
import type { TSESLint } from '@typescript-eslint/utils';
import { prepareCheckFileSync } from 'agent-harness-layers';
import { layersRule } from './rules/layers.js';

await prepareCheckFileSync();

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

/** The files `harness check layers` reads (declaration files hold no imports it checks). */
const sourceFiles = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];

interface HarnessPlugin extends TSESLint.FlatConfig.Plugin {
  rules: { layers: typeof layersRule };
  configs: { recommended: TSESLint.FlatConfig.Config };
}

/**
 * The plugin. Its `recommended` config turns on `agent-harness/layers` for source files; bring your own
 * parser for TypeScript (typescript-eslint), as for any rule.
 * @public
 */
export const plugin: HarnessPlugin = {
  meta: { name: manifest.name, version: manifest.version },
  rules: { layers: layersRule },
  configs: { recommended: {} },
};

plugin.configs.recommended = {
  name: 'agent-harness/recommended',
  files: sourceFiles,
  plugins: { 'agent-harness': plugin },
  rules: { 'agent-harness/layers': 'error' },
};

/**
 * ESLint's convention: a plugin is its package's default export (`import harness from 'eslint-plugin-agent-harness'`).
 * @public
 */
export { plugin as default };
