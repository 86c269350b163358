#!/usr/bin/env node
import { runCli } from './cli/main.js';
import { tuneV8ForOneShot } from './node/one-shot-v8.js';
import { readDriversOncePerProcess } from './files/run-git.js';

// V8 compiles less ahead for a run that ends in seconds (node/one-shot-v8.ts)
tuneV8ForOneShot();
// a run of seconds: the repository's git drivers are read once, not before each git command (files/run-git.ts)
readDriversOncePerProcess();

// A reader that closes the pipe early (`acct check | head`) ends the command quietly; other
// write errors are reported by the write that meets them (cli/output.ts).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

runCli(process.argv.slice(2)).then(code => {
    process.exitCode = code;
});
