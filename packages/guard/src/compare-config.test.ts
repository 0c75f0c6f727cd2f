import { describe, expect, it } from 'vitest';
import { compareConfig } from './compare-config.js';
import { memoryInput } from './memory-input.fixture.js';

const file = 'harness.config.yaml';

/** The loosenings of a change from `base` to `head` (harness.config.yaml texts), as `line what`. */
async function loosenings(base: string, head: string | undefined): Promise<string[]> {
  const found = await compareConfig(memoryInput({ [file]: base }, head === undefined ? {} : { [file]: head }));
  for (const l of found) expect([l.surface, l.file]).toEqual(['config', file]);
  return found.map((l) => `${l.line} ${l.what}`);
}

const v = 'version: 1\n';

describe('compareConfig', () => {
  it('rules: turned down or off, an error entry taken out, an unnamed rule set below error', async () => {
    const base = `${v}rules:\n  docs/orphan: error\n  layers/unassigned: warn\n  docs/stale: error\n`;
    const head = `${v}rules:\n  docs/orphan: "off"\n  layers/unassigned: "off"\n  layers/contract: warn\n`;
    expect(await loosenings(base, head)).toEqual([
      '3 rules.docs/orphan: error → off',
      '4 rules.layers/unassigned: warn → off',
      '2 rules.docs/stale: error → removed (its default severity applies)',
      '5 rules.layers/contract: its default severity → warn',
    ]);
  });

  it("rules: with the checks' defaults known, naming a rule by its default or taking out an entry that equals it is no finding", async () => {
    const base = `${v}rules:\n  docs/stale: warn\n  docs/orphan: error\n  layers/unassigned: error\n`;
    const head = `${v}rules:\n  layers/contract: warn\n  docs/broken-link: warn\n`;
    const input = memoryInput({ [file]: base }, { [file]: head });
    input.ruleDefaults = new Map([
      ['docs/stale', 'warning'],
      ['docs/orphan', 'warning'],
      ['layers/unassigned', 'error'],
      ['layers/contract', 'warning'],
      ['docs/broken-link', 'error'],
    ] as const);
    expect((await compareConfig(input)).map((l) => `${l.line} ${l.what}`)).toEqual([
      '2 rules.docs/orphan: error → removed (its default, warn, applies)',
      '4 rules.docs/broken-link: its default severity (error) → warn',
    ]);
  });

  it('rules: turned up, or a warn entry taken out, is no finding', async () => {
    const base = `${v}rules:\n  docs/orphan: warn\n  layers/unassigned: "off"\n`;
    expect(await loosenings(base, `${v}rules:\n  docs/orphan: error\n`)).toEqual([]);
  });

  it('a check section removed, and the whole file deleted', async () => {
    const base = `${v}layers: {}\ndocs: {}\nrulesets: {}\nbudgets:\n  - { name: b, command: x, seconds: 1 }\n`;
    expect(await loosenings(base, `${v}docs: {}\n`)).toEqual([
      '1 layers: section removed (harness check no longer runs layers)',
      '1 budgets: section removed (harness check no longer runs budgets)',
      '1 rulesets: section removed (harness check no longer runs rulesets)',
    ]);
    expect(await loosenings(base, undefined)).toEqual(['1 harness.config.yaml: deleted']);
  });

  it('layers: order, paths, domains, ignore, providers, shared, crossCutting, crossDomain, suppressions', async () => {
    const base = [
      v,
      'layers:',
      '  order: [types, service, ui]',
      '  paths: { service: [src/service/**, src/api/**], ui: [src/ui/**] }',
      '  domains: [src/domains/*]',
      '  providers: [src/providers]',
      '  shared: [src/shared]',
      '  crossCutting: [npm:pino, src/log]',
      '  crossDomain: forbid',
      '  allowTypeOnly: [cross-domain]',
      '  suppressions: { eslint: [import/no-restricted-paths] }',
      '  baseline: .harness/baseline/layers.json',
      '',
    ].join('\n');
    const head = [
      v,
      'layers:',
      '  order: [types, ui]',
      '  paths: { service: [src/service/**] }',
      '  domains: []',
      '  ignore: [src/legacy/**]',
      '  providers: [src/providers, src/more]',
      '  shared: [src/shared, src/lib]',
      '  crossCutting: [npm:pino]',
      '  crossDomain: public-api',
      '  allowTypeOnly: [cross-domain, forward-only]',
      '  suppressions: { eslint: [import/no-restricted-paths, no-restricted-imports] }',
      '  baseline: elsewhere.json',
      '',
    ].join('\n');
    expect(await loosenings(base, head)).toEqual([
      '4 layers.order: removed "service"',
      '5 layers.paths.ui: removed',
      '5 layers.paths.service: removed "src/api/**"',
      '6 layers.domains: removed "src/domains/*"',
      '7 layers.ignore: added "src/legacy/**"',
      '8 layers.providers: added "src/more"',
      '9 layers.shared: added "src/lib"',
      '10 layers.crossCutting: removed "src/log"',
      '11 layers.crossDomain: forbid → public-api',
      '12 layers.allowTypeOnly: added "forward-only"',
      '13 layers.suppressions.eslint: added "no-restricted-imports"',
      '14 layers.baseline: moved from ".harness/baseline/layers.json" to "elsewhere.json"',
    ]);
  });

  it('layers: two layers swapped in the order, and a package allowed to one more layer or freed', async () => {
    const base = `${v}layers:\n  order: [types, service, ui]\n  packages: { ui: [react], service: [pg] }\n`;
    const head = `${v}layers:\n  order: [types, ui, service]\n  packages: { ui: [react], service: [react] }\n`;
    expect(await loosenings(base, head)).toEqual([
      '3 layers.order: "ui" moved (was types → service → ui)',
      '4 layers.packages.service: added "react"',
      '4 layers.packages: "pg" no longer restricted to service',
    ]);
  });

  it('layers.contracts: removed, allow grew, except added, allowTypeOnly on, globs and modules removed', async () => {
    const contracts = (rest: string) => `${v}layers:\n  contracts:\n${rest}`;
    const base = contracts(
      [
        '    - { name: gone, type: forbidden, from: [a/**], to: [b/**] }',
        '    - name: tiers',
        '      type: layers',
        '      layers: { core: [core/**], app: [app/**], ui: [ui/**] }',
        '    - { name: apart, type: independent, modules: [m/a, m/b] }',
        '    - { name: nope, type: forbidden, from: [x/**, y/**], to: [z/**] }',
        '',
      ].join('\n'),
    );
    const head = contracts(
      [
        '    - name: tiers',
        '      type: layers',
        '      layers: { core: [core/**], app: [app/**] }',
        '      allow: { core: [app], app: [core] }',
        '      allowTypeOnly: true',
        '    - name: apart',
        '      type: independent',
        '      modules: [m/a]',
        '      except: [{ from: [m/a/**] }]',
        '    - { name: nope, type: forbidden, from: [x/**], to: [z/**] }',
        '',
      ].join('\n'),
    );
    expect(await loosenings(base, head)).toEqual([
      '3 layers.contracts.gone: removed',
      '6 layers.contracts.tiers.layers.ui: removed',
      '7 layers.contracts.tiers.allow.core: may now import "app"',
      '8 layers.contracts.tiers.allowTypeOnly: false → true',
      '11 layers.contracts.apart.modules: removed "m/b"',
      '12 layers.contracts.apart.except: added {"from":["m/a/**"]}',
      '13 layers.contracts.nope.from: removed "y/**"',
    ]);
  });

  it('docs: limits raised, places moved, required front matter removed, ignore grew', async () => {
    const base = `${v}docs:\n  maxLines: 150\n  frontmatter: { "docs/adr/*.md": [status, date], "docs/x/*.md": [owner] }\n`;
    const head = `${v}docs:\n  maxLines: 400\n  maxBytes: 40000\n  staleAfterDays: 365\n  root: documentation\n  frontmatter: { "docs/adr/*.md": [status] }\n  ignore: [docs/old/**]\n`;
    expect(await loosenings(base, head)).toEqual([
      '3 docs.maxLines: raised from 150 to 400',
      '4 docs.maxBytes: raised from 32768 to 40000',
      '5 docs.staleAfterDays: raised from 90 to 365',
      '6 docs.root: moved from "docs" to "documentation"',
      '7 docs.frontmatter.docs/x/*.md: removed',
      '7 docs.frontmatter.docs/adr/*.md: removed "date"',
      '8 docs.ignore: added "docs/old/**"',
    ]);
  });

  it('budgets: removed, seconds raised, fewer runs, command changed, a task raised or removed; rulesets.dir moved', async () => {
    const base = [
      v,
      'budgets:',
      '  - { name: build, command: pnpm build, seconds: 60, runs: 3, tasks: { "a#build": 10, "b#build": 5 } }',
      '  - { name: test, command: pnpm test, seconds: 30 }',
      'rulesets: { dir: .github/rulesets }',
      '',
    ].join('\n');
    const head = [
      v,
      'budgets:',
      '  - { name: build, command: "true", seconds: 90, runs: 1, tasks: { "a#build": 20 } }',
      'rulesets: { dir: elsewhere }',
      '',
    ].join('\n');
    expect(await loosenings(base, head)).toEqual([
      '4 budgets.build.seconds: raised from 60 to 90',
      '4 budgets.build.runs: lowered from 3 to 1',
      '4 budgets.build.command: changed from "pnpm build" to "true"',
      '4 budgets.build.tasks.b#build: removed',
      '4 budgets.build.tasks.a#build: raised from 10 to 20',
      '3 budgets.test: removed',
      '5 rulesets.dir: moved from ".github/rulesets" to "elsewhere"',
    ]);
  });

  it('tightening, spelling defaults out and unrelated keys are no finding', async () => {
    const base = `${v}layers: {}\ndocs: { maxLines: 200 }\nfactory: { maxTurns: 5 }\n`;
    const head = [
      v,
      'layers:',
      '  order: [types, config, repo, service, runtime, ui]',
      '  crossDomain: forbid',
      '  shared: []',
      '  crossCutting: [npm:pino]',
      '  packages: { ui: [react] }',
      'docs: { maxLines: 100, frontmatter: { "docs/*.md": [owner] } }',
      'factory: { maxTurns: 50 }',
      'compose: {}',
      '',
    ].join('\n');
    expect(await loosenings(base, head)).toEqual([]);
  });

  it('nothing to compare without a config on the base', async () => {
    expect(await compareConfig(memoryInput({}, { [file]: `${v}layers: {}\n` }))).toEqual([]);
  });
});
