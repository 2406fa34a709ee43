/**
 * Words with their positions. The engine cuts whole lines only (see host.ts),
 * and maps words back to character offsets in the line with these helpers.
 */
import { BudgetCache } from './budget-cache';
import { Segmenter } from './segmenter';

export interface Word {
  text: string;
  /** Offsets in the line (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
}

/**
 * The words of `line` with their offsets. When the words do not concatenate to
 * the line (a segmenter that broke its contract), returns one word per
 * character: callers then see no multi-character words, which makes every
 * word-based check fall silent rather than misfire.
 */
export function wordsOf(segmenter: Segmenter, line: string): Word[] {
  // The parser and several rules read the same lines: cut each once per segmenter.
  let cache = CACHE.get(segmenter);
  if (!cache) {
    cache = new BudgetCache<Word[]>(WORDS_BYTES, (text, words) => 2 * text.length + 72 * words.length + 64);
    CACHE.set(segmenter, cache);
  }
  let words = cache.get(line);
  if (!words) {
    words = cutWords(segmenter, line);
    cache.set(line, words);
  }
  return words;
}

/** Words per segmenter and line; a segmenter that is dropped takes its cache with it. */
const CACHE = new WeakMap<Segmenter, BudgetCache<Word[]>>();
/**
 * Estimated bytes kept per segmenter (the CLI keeps one segmenter for all its
 * files): a limit in lines let a long line typed into keep one copy of its
 * words per keystroke.
 */
export const WORDS_BYTES = 6 * 1024 * 1024;

function cutWords(segmenter: Segmenter, line: string): Word[] {
  const cut = segmenter.cut(line);
  const out: Word[] = [];
  let at = 0;
  for (const w of cut) {
    if (w.length === 0) continue;
    if (!line.startsWith(w, at)) return charactersOf(line);
    out.push({ text: w, start: at, end: at + w.length });
    at += w.length;
  }
  return at === line.length ? out : charactersOf(line);
}

function charactersOf(line: string): Word[] {
  const out: Word[] = [];
  let at = 0;
  for (const ch of line) {
    out.push({ text: ch, start: at, end: at + ch.length });
    at += ch.length;
  }
  return out;
}

/** The word containing offset `at` (binary search; words are in order and contiguous). */
export function wordAt(words: readonly Word[], at: number): Word | undefined {
  let lo = 0;
  let hi = words.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = words[mid];
    if (at < w.start) hi = mid - 1;
    else if (at >= w.end) lo = mid + 1;
    else return w;
  }
  return undefined;
}

/** Offsets where a word starts or ends (0 and line.length included). */
export function boundariesOf(words: readonly Word[], length: number): Set<number> {
  const s = new Set<number>([0, length]);
  for (const w of words) {
    s.add(w.start);
    s.add(w.end);
  }
  return s;
}

/** Questions about the words of one line (it is cut once: wordsOf keeps the words). */
export class LineWords {
  constructor(
    private readonly segmenter: Segmenter,
    private readonly line: string,
  ) {}

  words(): Word[] {
    return wordsOf(this.segmenter, this.line);
  }

  /** The word that contains offset `at` (the one starting there when at a boundary). */
  wordAt(at: number): Word | undefined {
    return wordAt(this.words(), at);
  }

  isBoundary(at: number): boolean {
    if (at <= 0 || at >= this.line.length) return true;
    return wordAt(this.words(), at)?.start === at;
  }
}
