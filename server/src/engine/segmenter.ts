/**
 * The contract between the engine and Chinese word segmentation (nodejieba).
 *
 * Rules that need words declare `requiresSegmenter` and receive a synchronous
 * Segmenter in their context. Loading the dictionaries takes seconds, so front
 * ends never wait for it: they run the cheap rules at once, and run the
 * segmenter rules when a segmenter is ready (the language server segments in a
 * worker thread and hands the engine a segmenter that answers from the results).
 */
export interface Segmenter {
  /** The words of `text`, in order; their concatenation is `text`. */
  cut(text: string): string[];
  /**
   * False for a text the segmenter has not really cut (it answers with one word
   * per character instead). Results that depend on words are memoised apart
   * for such lines. Absent means every text is really cut.
   */
  knows?(text: string): boolean;
}

/**
 * How a line's words stand: no segmenter, really cut, or not yet cut (one word
 * per character). Memo keys of facts that use words tell these apart.
 */
export function wordState(segmenter: Segmenter | undefined, line: string): 'none' | 'words' | 'chars' {
  if (!segmenter) return 'none';
  return segmenter.knows?.(line) === false ? 'chars' : 'words';
}
