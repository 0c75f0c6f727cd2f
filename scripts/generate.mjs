#!/usr/bin/env zx
// Regenerates the committed generated files from the built packages: packages/config/schema.json,
// docs/cli.md and the generated parts of docs/contract.md. CI runs this with --check and fails on a diff.
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { createJsonSchema } from 'agent-harness-config';
import { loadCommands, renderCliDocs } from 'agent-harness';
import { renderCommandList, renderConfigReference, renderRuleIds, replaceGenerated } from './contract.mjs';

const root = new URL('..', import.meta.url);
const schema = createJsonSchema();
const commands = await loadCommands();
await writeFile(new URL('packages/config/schema.json', root), `${JSON.stringify(schema, null, 2)}\n`);
await writeFile(new URL('docs/cli.md', root), renderCliDocs(commands));

// The checks `harness check` runs, resolved the way the CLI package resolves them.
const fromCli = createRequire(new URL('packages/harness/package.json', root));
const { registeredChecks } = await import(pathToFileURL(fromCli.resolve('agent-harness-check')).href);
const checks = await Promise.all(
  registeredChecks.map(async (c) => ({ name: c.name, ids: (await c.ruleIds?.()) ?? [] })),
);

const contractUrl = new URL('docs/contract.md', root);
let contract = await readFile(contractUrl, 'utf8');
contract = replaceGenerated(contract, 'commands', renderCommandList(commands));
contract = replaceGenerated(contract, 'config', renderConfigReference(schema));
contract = replaceGenerated(contract, 'rules', renderRuleIds(checks));
await writeFile(contractUrl, contract);

if (process.argv.includes('--check')) {
  const generated = ['packages/config/schema.json', 'docs/cli.md', 'docs/contract.md'];
  const diff = await $`git diff --stat --exit-code -- ${generated}`.nothrow();
  if (diff.exitCode !== 0) {
    console.error(`Generated files are out of date; run \`pnpm generate\` and commit:\n${diff.stdout}`);
    process.exit(1);
  }
}
