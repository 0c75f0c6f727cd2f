// agent-harness-docs runs only as a check: `harness check docs` loads it through the `./check` entry
// (docs-check.ts), and no other package imports anything else from it. The entry stays, empty, so the
// package keeps the one public entry every package has (docs/architecture.md); export here what another
// package comes to need (knip reports an export that none uses).
export {};
