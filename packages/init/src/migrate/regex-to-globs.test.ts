import { describe, expect, it } from 'vitest';
import { regexToGlobs } from './regex-to-globs.js';

describe('regexToGlobs', () => {
  it.each([
    ['^src/a/', ['src/a/**']],
    ['^src/a', ['src/a*']],
    ['^src/a$', ['src/a']],
    ['^src/(a|b)/', ['src/{a,b}/**']],
    ['^(src|test)/', ['{src,test}/**']],
    ['^(test)', ['test*']],
    ['\\.spec\\.ts$', ['**/*.spec.ts']],
    ['\\.(spec|test)\\.(js|ts)$', ['**/*.{spec,test}.{js,ts}']],
    ['\\.[jt]s$', ['**/*.{j,t}s']],
    ['(^|/)\\.[^/]+\\.js$', ['**/.*.js']],
    ['^src/[^/]+/index\\.ts$', ['src/*/index.ts']],
    ['^src/.+\\.ts$', ['src/**/*.ts']],
    ['^src/.*/test/', ['src/**/test/**']],
    ['/test/', ['**/test/**']],
    ['test', ['**/*test*']],
    ['^src/main/ui/', ['src/main/ui/**']],
    ['^src/a/|^src/b/', ['src/a/**', 'src/b/**']],
    ['^src/(a/b|c)/', ['src/a/b/**', 'src/c/**']],
    ['^src/a(/b)?/', ['src/a/b/**', 'src/a/**']],
    ['^packages/[^/]+/src/', ['packages/*/src/**']],
  ])('%s → %j', (regex, globs) => {
    expect(regexToGlobs(regex)).toEqual({ ok: true, globs });
  });

  it.each([
    ['^src/main/ui/$1/.+', '`^src/main/ui/$1/.+` uses a group matched in `from` ($1): harness has no per-match rule'],
    ['^src/\\d+/', '`^src/\\d+/` has `\\d`, which has no glob equivalent'],
    ['^src/(?!lib)', '`^src/(?!lib)` has a lookaround `(?`, which has no glob equivalent'],
    ['^src/a+/', '`^src/a+/` has a repetition `+`, which has no glob equivalent'],
    ['^src/[a-z]/', '`^src/[a-z]/` has the character class `[a-z]`, which has no glob equivalent'],
    ['^src/a.*b', '`^src/a.*b` has `.*` inside a name, which has no glob equivalent'],
  ])('refuses %s', (regex, reason) => {
    expect(regexToGlobs(regex)).toEqual({ ok: false, reason });
  });
});
