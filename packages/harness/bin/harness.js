#!/usr/bin/env node
// V8's allocation-site pretenuring misjudges the markdown parser's short-lived objects in about half
// of all runs, and then the young-generation collections cost 0.8 s instead of 0.1 s of a 1,100-file
// docs check (docs/decisions.md). It is off for the whole process, before anything is loaded.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-allocation-site-pretenuring');
await import('../dist/run.js');
