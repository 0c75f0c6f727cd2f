// Entry point of the bin: real process I/O around main().
import { main } from './main.js';
import { dropWritesAfterClose } from './closed-output.js';

// A closed stdout (`harness check | head -1`) ends the command quietly (docs/contract.md, "Exit codes"): what
// the reader no longer wants is dropped instead of an unhandled EPIPE with a stack trace.
const stdout = dropWritesAfterClose(process.stdout);
const stderr = dropWritesAfterClose(process.stderr);

const exitCode = await main(process.argv.slice(2), {
  stdout,
  stderr,
  isTTY: process.stdout.isTTY,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = exitCode;
