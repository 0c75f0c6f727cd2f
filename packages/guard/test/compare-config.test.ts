// Each kind of harness.config.yaml loosening on a real git history: the base committed on main, the
// change committed on top (HEAD~ is the base), read through git and the working tree.
import { afterEach, describe, expect, it } from 'vitest';
import { compareConfig } from '../src/compare-config.js';
import type { GuardRepo } from './guard-repo.fixture.js';
import { compareWith, createGuardRepo } from './guard-repo.fixture.js';

const repos: GuardRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.remove();
});

/** The loosenings (`line what`) of a change of harness.config.yaml from `base` to `head`, committed. */
async function change(base: string, head: string): Promise<string[]> {
  const repo = createGuardRepo({ 'harness.config.yaml': `version: 1\n${base}` });
  repos.push(repo);
  repo.commit({ 'harness.config.yaml': `version: 1\n${head}` });
  return (await compareWith(repo.root, compareConfig)).map((l) => `${l.file}:${l.line} ${l.what}`);
}

const at = (line: number, what: string) => `harness.config.yaml:${line} ${what}`;

describe('compareConfig on a git history', () => {
  const cases: [kind: string, base: string, head: string, found: string[]][] = [
    [
      'a rule turned off',
      'rules: { docs/orphan: error }\n',
      'rules:\n  docs/orphan: "off"\n',
      [at(3, 'rules.docs/orphan: error → off')],
    ],
    [
      'a rule turned down',
      'rules: { layers/unassigned: error }\n',
      'rules: { layers/unassigned: warn }\n',
      [at(2, 'rules.layers/unassigned: error → warn')],
    ],
    [
      'a check section removed',
      'docs: {}\nlayers: {}\n',
      'layers: {}\n',
      [at(1, 'docs: section removed (harness check no longer runs docs)')],
    ],
    [
      'a layer removed from the order',
      'layers: { order: [a, b, c] }\n',
      'layers: { order: [a, c] }\n',
      [at(2, 'layers.order: removed "b"')],
    ],
    [
      'a layer glob removed',
      'layers:\n  paths: { ui: [src/ui/**, web/**] }\n',
      'layers:\n  paths: { ui: [src/ui/**] }\n',
      [at(3, 'layers.paths.ui: removed "web/**"')],
    ],
    [
      'an ignore glob added',
      'layers: {}\n',
      'layers:\n  ignore: [src/legacy/**]\n',
      [at(3, 'layers.ignore: added "src/legacy/**"')],
    ],
    [
      'shared grew',
      'layers: { shared: [src/shared] }\n',
      'layers: { shared: [src/shared, src] }\n',
      [at(2, 'layers.shared: added "src"')],
    ],
    [
      'crossDomain opened',
      'layers: { crossDomain: forbid }\n',
      'layers: {}\n',
      [at(2, 'layers.crossDomain: forbid → public-api')],
    ],
    [
      'an eslint suppression honoured',
      'layers: {}\n',
      'layers:\n  suppressions: { eslint: [no-restricted-imports] }\n',
      [at(3, 'layers.suppressions.eslint: added "no-restricted-imports"')],
    ],
    [
      'a contract removed',
      'layers:\n  contracts:\n    - { name: c, type: independent, modules: [a, b] }\n',
      'layers: {}\n',
      [at(2, 'layers.contracts.c: removed')],
    ],
    [
      'a contract except added',
      'layers:\n  contracts:\n    - { name: c, type: independent, modules: [a, b] }\n',
      'layers:\n  contracts:\n    - { name: c, type: independent, modules: [a, b], except: [{ from: [a/x.ts] }] }\n',
      [at(4, 'layers.contracts.c.except: added {"from":["a/x.ts"]}')],
    ],
    [
      'docs maxLines raised',
      'docs: { maxLines: 100 }\n',
      'docs: { maxLines: 300 }\n',
      [at(2, 'docs.maxLines: raised from 100 to 300')],
    ],
    [
      'docs front matter key removed',
      'docs:\n  frontmatter: { "docs/*.md": [owner, status] }\n',
      'docs:\n  frontmatter: { "docs/*.md": [owner] }\n',
      [at(3, 'docs.frontmatter.docs/*.md: removed "status"')],
    ],
    [
      'a budget raised',
      'budgets:\n  - { name: b, command: x, seconds: 10 }\n',
      'budgets:\n  - { name: b, command: x, seconds: 20 }\n',
      [at(3, 'budgets.b.seconds: raised from 10 to 20')],
    ],
    [
      'rulesets.dir moved',
      'rulesets: {}\n',
      'rulesets: { dir: elsewhere }\n',
      [at(2, 'rulesets.dir: moved from ".github/rulesets" to "elsewhere"')],
    ],
  ];
  for (const [kind, base, head, found] of cases) {
    it(`finds ${kind}`, async () => {
      expect(await change(base, head)).toEqual(found);
    });
  }

  it('finds nothing for a tightening, an unrelated change, or an uncommitted tightening', async () => {
    expect(
      await change(
        'docs: { maxLines: 200 }\nrules: { docs/orphan: warn }\n',
        'docs: { maxLines: 120 }\nrules: { docs/orphan: error }\nfactory: {}\n',
      ),
    ).toEqual([]);
    const repo = createGuardRepo({ 'harness.config.yaml': 'version: 1\nlayers: {}\n', 'src/a.ts': 'export {};\n' });
    repos.push(repo);
    repo.commit({ 'src/a.ts': 'export const a = 1;\n' });
    repo.write({ 'harness.config.yaml': 'version: 1\nlayers: { crossDomain: forbid }\n' });
    expect(await compareWith(repo.root, compareConfig)).toEqual([]);
  });

  it('finds an uncommitted loosening against a named base', async () => {
    const repo = createGuardRepo({ 'harness.config.yaml': 'version: 1\nlayers: {}\n' });
    repos.push(repo);
    repo.write({ 'harness.config.yaml': 'version: 1\nlayers:\n  ignore: ["**"]\n' });
    expect((await compareWith(repo.root, compareConfig, 'main')).map((l) => l.what)).toEqual([
      'layers.ignore: added "**"',
    ]);
  });
});
