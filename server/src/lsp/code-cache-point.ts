/**
 * The moment the server's V8 code cache is written (loader.ts): its first
 * findings published. The cache then holds what a start and a first check
 * compile, the same for every session; written at exit, it also held whatever
 * else that one session happened to run (hover, keystrokes, commands), and
 * every later start paid the memory of that code. The word rules (the second
 * phase) are left out on purpose: in the cache they cost every start about
 * 0.1 MB, and compiled when first used they did not change the time to the
 * first word findings measurably.
 */
export const CODE_CACHE_POINT = 'zongjie:code-cache-point';

let signalled = false;

/** Tells the loader, if one runs this server, that the cache can be written now; once per process. */
export function signalCodeCachePoint(): void {
  if (signalled) return;
  signalled = true;
  // After the findings have gone out, not before them.
  setImmediate(() => (process as NodeJS.EventEmitter).emit(CODE_CACHE_POINT));
}
