import { describe, expect, it } from 'vitest';
import { compilePattern, ownersOf, parseCodeowners, readCodeowners, ruleFor } from './codeowners.js';
import { memorySnapshot } from './snapshots.js';

// The examples of GitHub's "About code owners" page, each with files it owns and files it does not.
describe('compilePattern', () => {
  it.each([
    ['*', ['a.ts', 'src/deep/b.md', '.github/workflows/ci.yml'], []],
    ['*.js', ['app.js', 'src/lib/x.js'], ['app.jsx', 'src/x.ts']],
    ['/build/logs/', ['build/logs/a.log', 'build/logs/deep/b.log'], ['src/build/logs/a.log', 'build/x.log']],
    ['docs/*', ['docs/getting-started.md'], ['docs/build-app/troubleshooting.md', 'x/docs/a.md']],
    ['apps/', ['apps/a.ts', 'x/apps/b/c.ts'], ['apps.ts', 'xapps/a.ts']],
    ['/docs/', ['docs/a.md', 'docs/x/y.md'], ['src/docs/a.md']],
    ['**/logs', ['logs/a', 'build/logs/a', 'deeply/nested/logs/x.log'], ['logsx/a']],
    ['/apps/github', ['apps/github/a.ts', 'apps/github'], ['apps/githubx', 'x/apps/github/a.ts']],
    ['/scripts/', ['scripts/x.sh'], ['src/scripts/x.sh']],
    ['harness.config.yaml', ['harness.config.yaml', 'pkg/harness.config.yaml'], ['harness.config.yml']],
    ['/.harness/baseline/', ['.harness/baseline/layers.json'], ['.harness/cache/x']],
  ])('%s', (pattern, owned, notOwned) => {
    const matches = compilePattern(pattern);
    for (const path of owned) expect(matches(path), path).toBe(true);
    for (const path of notOwned) expect(matches(path), path).toBe(false);
  });

  it('is case-sensitive, as GitHub is', () => {
    expect(compilePattern('/Docs/')('docs/a.md')).toBe(false);
  });
});

describe('parseCodeowners', () => {
  const text = [
    '# Comment',
    '*       @global-owner1 @global-owner2',
    '*.js    @js-owner #This is an inline comment.',
    '*.go docs@example.com',
    '/apps/ @octocat',
    '/apps/github',
    '/build/ @octo-org/platform-team',
    '!/secret @x',
    'path\\ with\\ space/ @spacey',
    '',
  ].join('\n');
  const codeowners = parseCodeowners(text, '.github/CODEOWNERS');

  it('reads owners, teams, emails and inline comments; the last matching line wins', () => {
    expect(ownersOf(codeowners, 'README.md')).toEqual(['@global-owner1', '@global-owner2']);
    expect(ownersOf(codeowners, 'src/a.js')).toEqual(['@js-owner']);
    expect(ownersOf(codeowners, 'main.go')).toEqual(['docs@example.com']);
    expect(ownersOf(codeowners, 'build/x.ts')).toEqual(['@octo-org/platform-team']);
    expect(ownersOf(codeowners, 'path with space/a')).toEqual(['@spacey']);
    expect(ruleFor(codeowners, 'apps/a.ts')?.line).toBe(5);
  });

  it('leaves paths unowned under a line without owners', () => {
    expect(ownersOf(codeowners, 'apps/github/a.ts')).toEqual([]);
    expect(ruleFor(codeowners, 'apps/github/a.ts')?.line).toBe(6);
  });

  it('reports what GitHub would reject and skips it', () => {
    expect(codeowners.invalid).toEqual([{ line: 8, reason: expect.stringContaining('negated') }]);
    expect(parseCodeowners('a.ts not-an-owner\n', 'CODEOWNERS').invalid).toEqual([
      { line: 1, reason: '"not-an-owner" is not an owner (@user, @org/team or an email)' },
    ]);
  });
});

describe('readCodeowners', () => {
  it('takes the first of .github/, the root, docs/', async () => {
    const side = memorySnapshot({ CODEOWNERS: '* @root\n', 'docs/CODEOWNERS': '* @docs\n' });
    expect((await readCodeowners(side))?.file).toBe('CODEOWNERS');
    const github = memorySnapshot({ 'docs/CODEOWNERS': '* @docs\n', '.github/CODEOWNERS': '* @gh\n' });
    expect(ownersOf(await readCodeowners(github), 'a')).toEqual(['@gh']);
    expect(await readCodeowners(memorySnapshot({}))).toBeUndefined();
  });
});
