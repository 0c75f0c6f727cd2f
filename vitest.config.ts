import { defineConfig } from 'vitest/config';

// Two tiers: `unit` (fast, from source, no build needed) and `integration`
// (fixture repos, the built bin, a real Docker engine). Both resolve workspace
// packages to their TypeScript sources through the `@harness/source` condition.
// Tests run in Vite's server (ssr) environment, whose conditions are set apart
// from `resolve.conditions`; without them a package's dist/ was imported when
// built, and a fresh clone's unit tier failed.
const resolve = { conditions: ['@harness/source'] };
const ssr = { resolve: { conditions: ['@harness/source'] } };
// A fresh TMPDIR per run and per test file; the run fails when a test leaves anything in it.
const tempGuard = { globalSetup: ['test-support/global-setup.ts'], setupFiles: ['test-support/temp-dir-per-file.ts'] };

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        ssr,
        test: {
          name: 'unit',
          ...tempGuard,
          include: ['packages/*/src/**/*.test.ts'],
          // Unit tests share no state through modules, so one module graph per worker serves every
          // file: most of a run was re-importing ts-morph, zod and micromark for each file (39 s
          // isolated and one at a time, 5 s like this, on 2 cores).
          isolate: false,
          maxWorkers: 2,
          // Projects with their own worker counts run one after the other: unit first.
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve,
        ssr,
        test: {
          name: 'integration',
          ...tempGuard,
          include: ['packages/*/test/**/*.test.ts'],
          // Fixture repositories cut from real ones carry their own tests: data for harness, not tests of it.
          exclude: ['**/node_modules/**', 'packages/*/test/fixtures/**'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // These tests mostly wait on git, Docker and child processes, not the CPU: three at a time
          // halves the tier's wall time on a 2-core machine (the default would be one at a time).
          maxWorkers: 3,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
