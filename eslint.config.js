// ESLint flat config: typescript-eslint type-aware rules for every package.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/fixtures/**', 'bench/.work/**', 'templates/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only (docs/style.md).' },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'bench/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    // Child processes go through agent-harness-system (docs/system.md): one runner, one git adapter.
    files: ['packages/*/src/**/*.ts'],
    ignores: ['packages/system/src/**', '**/*.test.ts', '**/*.fixture.ts', 'packages/*/test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['node:child_process', 'child_process'].map((name) => ({
            name,
            message: 'Run processes and git through agent-harness-system (runProcess, runGit); see docs/system.md.',
          })),
        },
      ],
    },
  },
  {
    // Files are written only through agent-harness-system (docs/system.md "Files and locks"): atomic, inside
    // the repository, never through a symlink out of it. The typescript-eslint twin of
    // no-restricted-imports is used so that this list and the child_process one above both apply:
    // flat config replaces a rule's options per object, it does not merge them. open/openSync stay
    // allowed for reading (O_NOFOLLOW); a descriptor cannot write without write/writeSync or a stream.
    files: ['packages/*/src/**/*.ts'],
    ignores: ['packages/system/src/**', '**/*.test.ts', '**/*.fixture.ts', 'packages/*/test/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['node:fs', 'fs', 'node:fs/promises', 'fs/promises'].map((name) => ({
            name,
            importNames: [
              ...[
                'appendFile',
                'chmod',
                'chown',
                'copyFile',
                'cp',
                'link',
                'lchown',
                'lutimes',
                'mkdir',
                'mkdtemp',
                'rename',
                'rm',
                'rmdir',
                'symlink',
                'truncate',
                'unlink',
                'utimes',
                'writeFile',
              ].flatMap((fn) => [fn, `${fn}Sync`]),
              ...(name.endsWith('promises')
                ? ['open']
                : ['createWriteStream', 'promises', 'write', 'writeSync', 'writev', 'writevSync']),
            ],
            message:
              'Write, create and delete files through agent-harness-system (writeFileInside, mkdirInside, removeInside, appendLineInside); see docs/system.md.',
          })),
        },
      ],
    },
  },
  {
    // House limits (docs/style.md): files under 300 lines, functions under 50 lines (blank lines and
    // comments not counted), cyclomatic complexity at most 20. Tests and fixtures are exempt: a test
    // file reads best as one flat list of cases, and a fixture is data.
    files: ['packages/*/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.fixture.ts'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 50, skipBlankLines: true, skipComments: true, IIFEs: true }],
      complexity: ['error', 20],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
