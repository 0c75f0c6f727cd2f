import type { ContractConfig, LayersConfig } from 'agent-harness-config';
import { sectionDefaults } from 'agent-harness-config';
import { describe, expect, it } from 'vitest';
import { checkConfigGlobs } from './check-config-globs.js';

const sources = ['src/commands/up.ts', 'src/commands/test.ts', 'src/trackers/a/index.ts'];

const withModules = (modules: string[]): LayersConfig => {
  const contract: ContractConfig = { name: 'm', type: 'independent', modules, except: [], allowTypeOnly: false };
  return { ...sectionDefaults('layers'), contracts: [contract] };
};

describe('contract modules globs', () => {
  it('may select folders or files', () => {
    expect(checkConfigGlobs(withModules(['src/trackers/*']), sources, 0)).toEqual([]);
    expect(checkConfigGlobs(withModules(['src/commands/*']), sources, 0)).toEqual([]);
  });

  it('are a config error when they select neither', () => {
    expect(() => checkConfigGlobs(withModules(['src/nothing/*']), sources, 0)).toThrow(
      'layers.contracts.0.modules[0] "src/nothing/*" matches no folder or file with source files to check',
    );
  });
});

describe('contract file globs', () => {
  const withTo = (to: string[]): LayersConfig => {
    const contract: ContractConfig = {
      name: 'f',
      type: 'forbidden',
      from: ['src'],
      to,
      except: [],
      allowTypeOnly: false,
    };
    return { ...sectionDefaults('layers'), contracts: [contract] };
  };

  it('select a file through the file itself or one of its folders', () => {
    for (const glob of [
      'src/commands',
      'src/commands/',
      'src/commands/**',
      'src/*/a',
      'src/commands/up.ts',
      '**/index.ts',
    ])
      expect(checkConfigGlobs(withTo([glob]), sources, 0), glob).toEqual([]);
  });

  it('are a config error when no file or folder of a file matches', () => {
    for (const glob of ['src/command', 'src/commands/*.js', 'src/trackers/a/b/**', 'lib/**'])
      expect(() => checkConfigGlobs(withTo([glob]), sources, 0), glob).toThrow(
        `layers.contracts.0.to[0] "${glob}" matches no file with source files to check`,
      );
  });
});

describe('judged by the base config', () => {
  it('hands every glob that selects nothing to the caller instead of throwing', () => {
    const config: LayersConfig = {
      ...sectionDefaults('layers'),
      domains: ['src/gone/*'],
      paths: { ui: ['src/ui/**'], commands: ['src/commands'] },
      contracts: withModules(['src/nothing/*']).contracts,
    };
    const unmatched: Array<[string, string]> = [];
    expect(checkConfigGlobs(config, sources, 0, (key, glob) => unmatched.push([key, glob]))).toEqual([]);
    expect(unmatched).toEqual([
      ['layers.domains[0]', 'src/gone/*'],
      ['layers.paths.ui[0]', 'src/ui/**'],
      ['layers.contracts.0.modules[0]', 'src/nothing/*'],
    ]);
  });
});
