/**
 * How V8 compiles the checker's regular expressions: each front end (the
 * CLI, the language server's loader) calls this before it checks anything.
 *
 * By default V8 compiles a pattern to bytecode on its first use, interprets
 * it, and compiles it again to machine code once it has run again
 * ("tier-up"). Nearly every pattern of the checker runs on many lines, so on
 * a process's first analysis each was compiled twice; compiling straight to
 * machine code makes that first analysis (what a user waits for after opening
 * a draft) about a fifth faster.
 */
import v8 = require('node:v8');

let done = false;

export function compilePatternsOnce(): void {
  if (done) return;
  done = true;
  try {
    v8.setFlagsFromString('--no-regexp-tier-up');
  } catch {
    // A runtime without the flag: patterns tier up as before.
  }
}
