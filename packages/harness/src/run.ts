// Entry point of the bin: real process I/O around main().
import { main } from './main.js';

const exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = exitCode;
