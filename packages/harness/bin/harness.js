#!/usr/bin/env node
// The bin. Its first job is to refuse a Node.js older than `engines` (docs/contract.md, "Exit codes") before
// anything else is loaded, so this file is written in syntax any old Node parses, as a script or as
// a module: no import or export statements, no top-level await, var and function only. A test
// keeps `requiredNode` equal to package.json's engines.
//
// V8 flags, set before anything else is loaded (docs/decisions.md has the measurements):
// - Allocation-site pretenuring misjudges the markdown parser's short-lived objects in about half
//   of all runs, and then the young-generation collections cost 0.8 s instead of 0.1 s of a
//   1,100-file docs check. It is off for the whole process.
// - Concurrent recompilation is off for the isolates started from now on: the docs check's parser
//   threads. V8 reads the flag when an isolate starts, so this thread keeps optimizing in the
//   background; a parser thread optimizes its hot functions itself instead of waiting for a
//   compiler thread that gets no core while both cores parse (a cold docs check: 0.1-0.35 s less).

var requiredNode = '22.12.0';

/** The exit-2 message for a Node.js older than `required`, or '' when `version` is new enough. */
function nodeVersionProblem(version, required) {
  var have = String(version).replace(/^v/, '').split('.');
  var need = required.split('.');
  for (var i = 0; i < 3; i++) {
    var a = parseInt(have[i], 10) || 0;
    var b = parseInt(need[i], 10) || 0;
    if (a > b) return '';
    if (a < b) {
      return (
        'error TOOL_MISSING: harness needs Node.js ' +
        required +
        ' or newer; this is Node.js ' +
        version +
        '\n' +
        '  fix: Install Node.js 22 LTS or newer (https://nodejs.org/, or `nvm install 22`), then run harness again.\n'
      );
    }
  }
  return '';
}

var problem = nodeVersionProblem(process.versions.node, requiredNode);
if (problem !== '') {
  process.stderr.write(problem);
  process.exitCode = 2;
} else {
  Promise.all([import('node:v8')])
    .then(function (loaded) {
      var v8 = loaded[0];
      v8.setFlagsFromString('--no-allocation-site-pretenuring');
      v8.setFlagsFromString('--no-concurrent-recompilation');
      return import('../dist/run.js');
    })
    .catch(function (error) {
      // A broken install (no dist/, a missing dependency): exit 2, not an unhandled rejection's 1.
      process.stderr.write('internal error: ' + (error && error.stack ? error.stack : String(error)) + '\n');
      process.exitCode = 2;
    });
}
