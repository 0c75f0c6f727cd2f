// The CODEOWNERS comparer on a real git history: the base committed on main, the change in the working tree.
import { afterEach, describe, expect, it } from 'vitest';
import { compareCodeowners } from '../src/compare-codeowners.js';
import type { GuardRepo, RepoFiles } from './guard-repo.fixture.js';
import { compareWith, createGuardRepo } from './guard-repo.fixture.js';

const repos: GuardRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.remove();
});

/** `base` committed (with a config and a workflow), then `change` written to the working tree, as a PR would. */
async function compare(base: RepoFiles, change: RepoFiles) {
  const repo = createGuardRepo({
    'harness.config.yaml': 'version: 1\n',
    '.github/workflows/harness.yml': 'name: harness\n',
    ...base,
  });
  repos.push(repo);
  repo.write(change);
  return compareWith(repo.root, compareCodeowners, 'HEAD');
}

const owners = ['* @everyone', 'harness.config.yaml @guard-team', '/.github/ @acme/platform', ''].join('\n');

describe('compareCodeowners', () => {
  it('reports an owner put in place of the base owner of a guardrail file, at the deciding line', async () => {
    const found = await compare(
      { '.github/CODEOWNERS': owners },
      { '.github/CODEOWNERS': owners.replace('harness.config.yaml @guard-team', 'harness.config.yaml @me') },
    );
    expect(found).toEqual([
      {
        surface: 'codeowners',
        file: '.github/CODEOWNERS',
        line: 2,
        what: 'CODEOWNERS: owners @guard-team → @me for harness.config.yaml',
      },
    ]);
  });

  it('reports an owner added beside the base owners, once for all the files it covers', async () => {
    const found = await compare(
      { '.github/CODEOWNERS': owners },
      { '.github/CODEOWNERS': owners.replace('@acme/platform', '@acme/platform @me') },
    );
    expect(found.map((l) => l.what)).toEqual([
      'CODEOWNERS: owners @acme/platform → @acme/platform @me for .github/CODEOWNERS and 2 more guardrail files',
    ]);
  });

  it('reports a guardrail file left without an owner, and a deleted CODEOWNERS at the base line', async () => {
    const unowned = await compare(
      { '.github/CODEOWNERS': owners },
      { '.github/CODEOWNERS': `${owners}harness.config.yaml\n` },
    );
    expect(unowned).toEqual([
      {
        surface: 'codeowners',
        file: '.github/CODEOWNERS',
        line: 4,
        what: 'CODEOWNERS: no owner any more (was @guard-team) for harness.config.yaml',
      },
    ]);
    const deleted = await compare({ '.github/CODEOWNERS': owners }, { '.github/CODEOWNERS': null });
    expect(deleted.find((l) => l.what.endsWith('for harness.config.yaml'))).toEqual({
      surface: 'codeowners',
      file: '.github/CODEOWNERS',
      line: 2,
      what: 'CODEOWNERS: no owner any more (was @guard-team) for harness.config.yaml',
    });
  });

  it('sees a CODEOWNERS that takes precedence (.github/ before the root)', async () => {
    const found = await compare({ CODEOWNERS: owners }, { '.github/CODEOWNERS': '* @me\n' });
    expect(found.map((l) => l.file)).toContain('.github/CODEOWNERS');
    expect(found.some((l) => l.what.startsWith('CODEOWNERS: owners @guard-team → @me'))).toBe(true);
  });

  it.each([
    ['an owner removed beside another', owners.replace('@acme/platform', '@acme/platform @x'), owners],
    ['unrelated paths', owners, `${owners}src/ @me\n`],
    ['owners written in another case', owners, owners.replace('@guard-team', '@Guard-Team')],
    ['a comment', owners, `# who owns what\n${owners}`],
  ])('gives nothing for %s', async (_what, before, after) => {
    expect(await compare({ '.github/CODEOWNERS': before }, { '.github/CODEOWNERS': after })).toEqual([]);
  });

  it('gives nothing when the base has no CODEOWNERS (nothing to widen) or it is untouched', async () => {
    expect(await compare({}, { '.github/CODEOWNERS': '* @me\n' })).toEqual([]);
    expect(await compare({ '.github/CODEOWNERS': owners }, { 'harness.config.yaml': 'version: 1\n#\n' })).toEqual([]);
  });
});
