// The factory's dispatch mode settings (docs/factory.md "Dispatch mode"): spread into the factory
// section of the schema, kept here so schema.ts stays one screenful per section.
import { z } from 'zod';

export const factoryDispatchFields = {
  mode: z
    .enum(['local', 'dispatch'])
    .default('local')
    .describe(
      'Where agent turns run: here in a worktree (local), or as GitHub Actions workflow_dispatch runs, with issues leased through GitHub so several loops share a repository (dispatch).',
    ),
  dispatch: z
    .strictObject({
      workflow: z
        .string()
        .min(1)
        .default('harness-factory-turn.yml')
        .describe('The workflow file (in .github/workflows on the base branch) that runs one agent turn.'),
      leaseMinutes: z
        .number()
        .positive()
        .default(15)
        .describe('How long a lease on an issue lasts unless renewed; a loop renews it while it works the issue.'),
      pollSeconds: z.number().positive().default(15).describe('How often a dispatched run is looked at.'),
    })
    .default({ workflow: 'harness-factory-turn.yml', leaseMinutes: 15, pollSeconds: 15 })
    .describe('Dispatch mode: the workflow, the lease length, the polling.'),
};
