#!/usr/bin/env zx
// Regenerates the committed generated files from the built packages:
// packages/config/schema.json and docs/cli.md. CI runs this and fails on a diff.
import { writeFile } from 'node:fs/promises';
import { createJsonSchema } from '@harness/config';
import { commands, renderCliDocs } from 'harness';

const root = new URL('..', import.meta.url);
await writeFile(new URL('packages/config/schema.json', root), `${JSON.stringify(createJsonSchema(), null, 2)}\n`);
await writeFile(new URL('docs/cli.md', root), renderCliDocs(commands));

if (process.argv.includes('--check')) {
  const diff = await $`git diff --stat --exit-code -- packages/config/schema.json docs/cli.md`.nothrow();
  if (diff.exitCode !== 0) {
    console.error(`Generated files are out of date; run \`pnpm generate\` and commit:\n${diff.stdout}`);
    process.exit(1);
  }
}
