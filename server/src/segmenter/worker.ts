/**
 * The segmenter worker: loads the dictionaries off the main thread (it blocks
 * for hundreds of milliseconds) into nodejieba, or into the portable segmenter
 * where nodejieba does not load (engines.ts), and cuts batches of texts on request.
 * Bundled to dist/segmenter-worker.js; tests run the tsc output directly.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadSegmentation } from './engines';
import { FromWorker, ToWorker, WorkerInit } from './protocol';

const port = parentPort;
if (!port) throw new Error('segmenter worker must run in a worker_thread');

const init = (workerData ?? {}) as WorkerInit;
const loaded = loadSegmentation(init.paths);
const post = (m: FromWorker): void => port.postMessage(m);

if ('failure' in loaded) {
  post({ type: 'failed', reason: loaded.failure });
} else {
  post({ type: 'ready', loadMs: loaded.loadMs, engine: loaded.engine, note: loaded.note });
  port.on('message', (m: ToWorker) => {
    if (m.type === 'cut') post({ type: 'cut', id: m.id, words: m.texts.map((t) => loaded.cut(t)) });
    // Messages are handled one at a time, so a stop never lands inside a cut():
    // ending the thread while nodejieba is in native code aborts the whole process.
    else if (m.type === 'stop') process.exit(0);
  });
}
