// Build step: copies the repository's templates/ into this package so the
// published agent-harness-init carries what `harness init` writes.
import { cp, rm } from 'node:fs/promises';

const from = new URL('../../../templates/', import.meta.url);
const to = new URL('../templates/', import.meta.url);
await rm(to, { recursive: true, force: true });
await cp(from, to, { recursive: true });
