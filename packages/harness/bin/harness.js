#!/usr/bin/env node
// V8 flags, set before anything is loaded (docs/decisions.md has the measurements):
// - Allocation-site pretenuring misjudges the markdown parser's short-lived objects in about half
//   of all runs, and then the young-generation collections cost 0.8 s instead of 0.1 s of a
//   1,100-file docs check. It is off for the whole process.
// - Concurrent recompilation is off for the isolates started from now on: the docs check's parser
//   threads. V8 reads the flag when an isolate starts, so this thread keeps optimizing in the
//   background; a parser thread optimizes its hot functions itself instead of waiting for a
//   compiler thread that gets no core while both cores parse (a cold docs check: 0.1-0.35 s less).
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-allocation-site-pretenuring');
setFlagsFromString('--no-concurrent-recompilation');
await import('../dist/run.js');
