/**
 * The moment the server's V8 code cache is written (loader.ts): the first
 * findings with words published. The cache then holds what a start and a first
 * check compile, the same for every session; written at exit, it also held
 * whatever else that one session happened to run (hover, keystrokes, commands),
 * and every later start paid the memory of that code (0.2 MB of RSS at
 * initialize between a cache written after one check and one written by the
 * editor e2e session).
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
