/**
 * Messages between SegmenterHost (main thread) and the segmenter worker.
 */
import { DictionaryPaths } from './dictionary';
import { SegmenterEngine } from './engines';

export interface WorkerInit {
  /** Explicit dictionary files; the product's dist/dict when absent. */
  paths?: DictionaryPaths;
}

export type ToWorker = { type: 'cut'; id: number; texts: string[] } | { type: 'stop' };

export type FromWorker =
  | { type: 'ready'; loadMs: number; engine: SegmenterEngine; note: string }
  | { type: 'failed'; reason: string }
  | { type: 'cut'; id: number; words: string[][] };
