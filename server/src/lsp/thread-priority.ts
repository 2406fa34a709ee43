/**
 * The language server's main thread answers the editor. Every other thread of
 * its process does background work: V8 compiling hot code and collecting
 * garbage concurrently, and the segmenter worker loading nodejieba's
 * dictionaries and cutting words. On a machine with two cores these threads
 * took the CPU from the main thread (and from the editor) exactly while the
 * user typed into a server that had just started: V8 was compiling the
 * keystroke path and the dictionaries were loading. At the lowest priority
 * they run on whatever the main thread and the editor leave idle, and the
 * 95th-percentile keystroke latency of that first typing fell by about a
 * millisecond and a half (the benchmark's 40 KB draft; figures in the issue's
 * closing note).
 *
 * Linux only: there a thread's nice value is its own, and setpriority() takes
 * a thread id. Elsewhere the same call would lower the whole process, main
 * thread included, so nothing is done.
 */
import fs = require('node:fs');
import os = require('node:os');

/** The nice value given to background threads: the lowest priority. */
export const BACKGROUND_NICE = 19;

/**
 * Gives every thread of this process except the main thread the lowest
 * priority. Threads started later keep the default, so it is called again
 * after starting one (the segmenter worker). Returns how many were lowered.
 */
export function lowerBackgroundThreads(taskDir = '/proc/self/task'): number {
  if (process.platform !== 'linux') return 0;
  let names: string[];
  try {
    names = fs.readdirSync(taskDir);
  } catch {
    return 0;
  }
  let lowered = 0;
  for (const name of names) {
    const tid = Number(name);
    // On Linux the main thread's id is the process id.
    if (!Number.isSafeInteger(tid) || tid === process.pid) continue;
    try {
      if (os.getPriority(tid) >= BACKGROUND_NICE) continue;
      os.setPriority(tid, BACKGROUND_NICE);
      lowered++;
    } catch {
      // The thread has ended meanwhile, or the system refuses: it keeps its priority, nothing else changes.
    }
  }
  return lowered;
}
