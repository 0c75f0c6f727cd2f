// Folders of test fixtures: code and markdown about other repositories (a parser's broken-on-purpose
// cases, a stand-in package, a sample project's docs), which no check judges as this repository's.
// One list, so the docs and layers checks leave out the same folders.

export const testFixtureGlobs = [
  '**/fixtures/**',
  '**/__fixtures__/**',
  '**/testdata/**',
  '**/test-fixtures/**',
  '**/*-fixtures/**',
] as const;
