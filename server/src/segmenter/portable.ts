/**
 * The portable segmenter: jieba's dictionary segmentation written in
 * TypeScript, used where nodejieba's native binary does not load (no binary
 * for the platform or for the editor's Electron, a machine without a
 * compiler). It reads the same dictionary files and computes the same cut as
 * nodejieba's `cut(text, false)` (cppjieba's MixSegment without HMM, that is
 * MPSegment), so every rule finds the same things with either; the tests cut
 * every line of the fixtures with both and compare.
 *
 * What it reproduces, step by step (cppjieba, include/cppjieba/):
 * - DictTrie::Init: the main dictionary's frequencies (atof) are summed in
 *   file order, each word's weight is log(freq / sum); the smallest weight is
 *   the weight of a character that is no word; user dictionary lines of three
 *   fields weigh log(atoi(freq) / sum), of one or two fields the median
 *   weight; a word listed twice keeps its last entry (Trie::InsertNode).
 * - PreFilter: the text is split at the separators (space, tab, line feed,
 *   ，and 。), each separator a piece of its own.
 * - Trie::Find: for each position, the one-character candidate (a word or
 *   not) and every longer dictionary word starting there, shortest first.
 * - MPSegment::CalcDP and CutByDag: from the end backwards, the candidate with
 *   the largest total weight (the first on ties), then the words in order.
 *
 * Positions are code points, as cppjieba's runes are.
 *
 * (jieba-wasm, a WebAssembly build of jieba-rs, was measured for this role
 * and not chosen: its built-in 349 000-word dictionary cannot be replaced,
 * only added to, so its cuts differ from nodejieba's on the trimmed
 * dictionaries — 123 of 737 corpus lines were the same — and it took ~1.4 s
 * and ~100 MB to start.)
 */
import fs = require('node:fs');
import { CutFunction, DictionaryPaths, characterSplit } from './dictionary';

/** cppjieba's MIN_DOUBLE: the starting point of the search for the best route. */
const MIN_DOUBLE = -3.14e100;

/** The characters cppjieba's PreFilter cuts at (SegmentBase's SPECIAL_SEPARATORS). */
const SEPARATORS = new Set([0x20, 0x09, 0x0a, 0xff0c /* ， */, 0x3002 /* 。 */]);

/** What every dictionary prefix maps to: its weight when it is a word, null when it only starts longer words. */
export type WordTable = Map<string, number | null>;

export interface PortableDictionary {
  words: WordTable;
  /** The weight of a character that is not a word. */
  minWeight: number;
}

/** limonp::Split on one separator: a final separator adds no empty field, two in a row add one. */
function splitFields(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < line.length) {
    const end = line.indexOf(' ', start);
    if (end < 0) {
      out.push(line.slice(start));
      break;
    }
    out.push(line.slice(start, end));
    start = end + 1;
  }
  return out;
}

/** Lines as C++ getline reads them: split at line feeds, a final line feed ends the last line. */
function getlines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** C's atoi: optional spaces and sign, then digits; 0 when there are none. */
function atoi(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(s);
  return m ? Math.trunc(Number(m[1])) : 0;
}

/** C's atof, for the frequencies jieba's dictionaries hold (decimal numbers). */
function atof(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/.exec(s);
  return m ? Number(m[1]) : 0;
}

/**
 * Builds the word table from the texts of the main and user dictionaries
 * (checked beforehand by checkDictionaryFiles, as for nodejieba).
 */
export function buildPortableDictionary(mainText: string, userText: string): PortableDictionary {
  const entries: { word: string; weight: number }[] = [];
  let sum = 0;
  for (const line of getlines(mainText)) {
    const f = splitFields(line);
    const freq = atof(f[1] ?? '');
    entries.push({ word: f[0] ?? '', weight: freq });
    sum += freq;
  }
  for (const e of entries) e.weight = Math.log(e.weight / sum);
  const sorted = entries.map((e) => e.weight).sort((a, b) => a - b);
  const minWeight = sorted[0];
  const medianWeight = sorted[Math.floor(sorted.length / 2)];
  for (const line of getlines(userText)) {
    if (line.length === 0) continue;
    const f = splitFields(line);
    if (f.length === 1 || f.length === 2) entries.push({ word: f[0], weight: medianWeight });
    else if (f.length === 3) entries.push({ word: f[0], weight: Math.log(atoi(f[1]) / sum) });
    // Other lines: cppjieba keeps an empty unit, which matches nothing.
  }
  const words: WordTable = new Map();
  for (const { word, weight } of entries) {
    if (word === '') continue;
    // Every prefix is a node of the trie; the word's own node carries its weight (the last entry wins).
    let prefix = '';
    for (const ch of word) {
      prefix += ch;
      if (!words.has(prefix)) words.set(prefix, null);
    }
    words.set(word, weight);
  }
  return { words, minWeight };
}

/** The best route through one piece between separators (MPSegment::Cut). */
function cutPiece(chars: string[], dict: PortableDictionary, out: string[]): void {
  const n = chars.length;
  const { words, minWeight } = dict;
  // Per position: the best total weight from here to the end, and the length of the word that starts the route.
  const best = new Float64Array(n);
  const take = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let bestVal = MIN_DOUBLE;
    let bestLen = 0;
    // The one-character candidate first: a word of its own, or a character with the smallest weight.
    let prefix = chars[i];
    const single = words.get(prefix);
    let val = 0;
    if (i + 1 < n) val += best[i + 1];
    val += typeof single === 'number' ? single : minWeight;
    if (val > bestVal) {
      bestVal = val;
      bestLen = typeof single === 'number' ? 1 : 0;
    }
    if (single !== undefined) {
      for (let j = i + 1; j < n; j++) {
        prefix += chars[j];
        const w = words.get(prefix);
        if (w === undefined) break;
        if (w === null) continue;
        let v = 0;
        if (j + 1 < n) v += best[j + 1];
        v += w;
        if (v > bestVal) {
          bestVal = v;
          bestLen = j - i + 1;
        }
      }
    }
    best[i] = bestVal;
    take[i] = bestLen;
  }
  for (let i = 0; i < n; ) {
    const len = take[i] || 1;
    out.push(len === 1 ? chars[i] : chars.slice(i, i + len).join(''));
    i += len;
  }
}

/** Lone surrogates: nodejieba receives them as U+FFFD and its words no longer spell the text. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Cuts a text as nodejieba's cut(text, false) does with the same dictionaries. */
export function portableCut(dict: PortableDictionary, text: string): string[] {
  if (text === '') return [];
  // The answer safeCut gives for such a text with nodejieba (its words do not cover the text).
  if (LONE_SURROGATE.test(text)) return characterSplit(text);
  const out: string[] = [];
  let piece: string[] = [];
  for (const ch of text) {
    if (SEPARATORS.has(ch.codePointAt(0)!)) {
      if (piece.length > 0) cutPiece(piece, dict, out);
      piece = [];
      out.push(ch);
    } else {
      piece.push(ch);
    }
  }
  if (piece.length > 0) cutPiece(piece, dict, out);
  return out;
}

/** Loads the portable segmenter from dictionary files already checked; throws on a read error. */
export function loadPortable(p: DictionaryPaths): { cut: CutFunction; loadMs: number } {
  const started = performance.now();
  const dict = buildPortableDictionary(fs.readFileSync(p.dict, 'utf8'), fs.readFileSync(p.userDict, 'utf8'));
  return { cut: (text) => portableCut(dict, text), loadMs: performance.now() - started };
}
