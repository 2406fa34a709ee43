/**
 * What the server needs from word segmentation: the shape of
 * segmenter/host.ts's SegmenterHost, as an interface so that tests can hand
 * the server a fake host (instant, slow, or failing) without nodejieba.
 */
import { Segmenter } from '../engine/segmenter';
import { SegmenterChoice } from '../segmenter/engines';

export interface SegmenterHostLike {
  /** Resolves true once the dictionaries are loaded, false if they could not be. */
  readonly ready: Promise<boolean>;
  /** Chinese reason when loading failed. */
  failure: string | null;
  /** Which segmenter was loaded and why, once ready (absent for hosts that do not tell). */
  choice?: SegmenterChoice | null;
  /** Segments `texts` (off the main thread) and resolves to a Segmenter answering for them. */
  prepare(texts: string[]): Promise<Segmenter>;
  /**
   * A segmenter, synchronously, for the lines cut so far (knows() tells which);
   * null before the dictionaries are loaded. Optional: without it the first
   * pass of a check runs without words.
   */
  known?(): Segmenter | null;
  /** Stops segmentation; resolves when the worker has stopped. */
  dispose(): void | Promise<void>;
}
