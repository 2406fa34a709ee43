/**
 * Recognises the numbering at the start of a line: the markers that make a
 * line a heading in Chinese official writing (GB/T 9704 and common practice):
 *
 *   rank 1  一、        (also 一. 一．)
 *   rank 2  （一）      (also half-width (一))
 *   rank 3  1.  1、 1．
 *   rank 4  （1）       (also (1))
 *   rank 5  ① ② ③
 *   rank 6  一是 二是    (enumeration that acts as the lowest heading when it opens a line)
 *
 * Markdown `#` headings get their rank from the marker inside them when there
 * is one, otherwise from the number of `#`.
 */
import { isBlankChar, leadingBlank, trailingBlankStart } from './source';

export type MarkerStyle = 'cn-dun' | 'cn-paren' | 'arabic-dot' | 'arabic-paren' | 'circled' | 'cn-shi' | 'markdown' | 'plain';

/** The styles that carry a number (all but Markdown `#` and unnumbered headings). */
export const NUMBERED_STYLES: ReadonlySet<MarkerStyle> = new Set<MarkerStyle>(['cn-dun', 'cn-paren', 'arabic-dot', 'arabic-paren', 'circled', 'cn-shi']);

export interface HeadingMarker {
  style: MarkerStyle;
  rank: number;
  /** The ordinal written in the marker (1 for 一、), 0 when the style has none. */
  number: number;
  /** The exact punctuation used, to find mixed styles at one level (e.g. "1." vs "1、"). */
  variant: string;
  /** Character offsets in the line of the marker itself ("（一）", "一、", "一是"). */
  markerStart: number;
  markerEnd: number;
  /** Offsets of the heading's own words (first sentence when the body runs on). */
  textStart: number;
  textEnd: number;
  text: string;
  /** True when body text follows the heading on the same line. */
  runIn: boolean;
  /** Number of `#` for a Markdown heading, 0 otherwise. */
  hashes: number;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 两: 2 };

/** Parses 一 … 九十九 written in Chinese numerals; NaN when not a numeral. */
export function parseChineseNumber(s: string): number {
  if (!s) return NaN;
  if (s.length === 1) {
    if (s === '十') return 10;
    return CN_DIGITS[s] ?? NaN;
  }
  const ten = s.indexOf('十');
  if (ten < 0 || s.indexOf('十', ten + 1) >= 0) return NaN;
  const tens = ten === 0 ? 1 : CN_DIGITS[s.slice(0, ten)];
  const unitsStr = s.slice(ten + 1);
  const units = unitsStr === '' ? 0 : CN_DIGITS[unitsStr];
  if (tens === undefined || units === undefined || s.slice(0, ten).length > 1 || unitsStr.length > 1) return NaN;
  return tens * 10 + units;
}

const CN_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Writes 1 … 99 in Chinese numerals (1 → 一, 12 → 十二, 20 → 二十). */
export function toChineseNumber(n: number): string {
  if (n <= 10) return CN_NUMERALS[n] ?? String(n);
  if (n < 20) return '十' + CN_NUMERALS[n - 10];
  if (n < 100) return CN_NUMERALS[Math.floor(n / 10)] + '十' + (n % 10 ? CN_NUMERALS[n % 10] : '');
  return String(n);
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

interface MarkerMatch {
  style: MarkerStyle;
  rank: number;
  number: number;
  variant: string;
  length: number;
}

const RE_CN_DUN = /^([一二三四五六七八九十]{1,3})[ \t\u3000]*([、．.])/;
const RE_CN_PAREN = /^([（(])[ \t\u3000]*([一二三四五六七八九十]{1,3})[ \t\u3000]*([）)])/;
const RE_AR_DOT = /^(\d{1,2})[ \t\u3000]*([.．、])(?![0-9０-９])/;
const RE_AR_PAREN = /^([（(])[ \t\u3000]*(\d{1,2})[ \t\u3000]*([）)])/;
const RE_CN_SHI = /^([一二三四五六七八九十]{1,3})是(?![的否非])/;

/** Characters a numbering marker can start with; any other first character rules all markers out at once. */
const MARKER_START = /^[一二三四五六七八九十（(0-9①-⑳]/;

/** Matches a numbering marker at the start of `s`. */
export function matchMarker(s: string): MarkerMatch | null {
  if (!MARKER_START.test(s)) return null;
  let m: RegExpExecArray | null;
  if ((m = RE_CN_PAREN.exec(s))) {
    const n = parseChineseNumber(m[2]);
    if (!Number.isNaN(n)) return { style: 'cn-paren', rank: 2, number: n, variant: m[1] + m[3], length: m[0].length };
  }
  if ((m = RE_AR_PAREN.exec(s))) {
    return { style: 'arabic-paren', rank: 4, number: Number(m[2]), variant: m[1] + m[3], length: m[0].length };
  }
  if ((m = RE_CN_DUN.exec(s))) {
    const n = parseChineseNumber(m[1]);
    if (!Number.isNaN(n)) return { style: 'cn-dun', rank: 1, number: n, variant: m[2] === '．' ? '.' : m[2], length: m[0].length };
  }
  if ((m = RE_AR_DOT.exec(s))) {
    // "2023." or "10.5" are not markers; a marker number is small.
    return { style: 'arabic-dot', rank: 3, number: Number(m[1]), variant: m[2] === '．' ? '.' : m[2], length: m[0].length };
  }
  const circled = CIRCLED.indexOf(s.charAt(0));
  if (circled >= 0) return { style: 'circled', rank: 5, number: circled + 1, variant: '①', length: 1 };
  if ((m = RE_CN_SHI.exec(s))) {
    const n = parseChineseNumber(m[1]);
    if (!Number.isNaN(n)) return { style: 'cn-shi', rank: 6, number: n, variant: '是', length: m[0].length };
  }
  return null;
}

/** Sentence ends that close a run-in heading. */
const HEADING_END = /[。！？!?]/;

/**
 * Finds where the heading's own words end after `from`: at the first sentence
 * end when more text follows it, otherwise at the end of the line minus
 * closing punctuation. Returns [textEnd, runIn].
 */
function headingExtent(line: string, from: number, to: number): [number, number, boolean] {
  const rest = line.slice(from, to);
  const m = HEADING_END.exec(rest);
  if (m) {
    const after = from + m.index + 1;
    let k = after;
    while (k < to && isBlankChar(line.charCodeAt(k))) k++;
    if (k < to) return [from + m.index, after, true];
  }
  // A heading written as a lead-in ("存在的问题：一是…") ends at the colon.
  const colon = rest.search(/[：:]/);
  if (colon >= 0 && colon <= 30) {
    let k = from + colon + 1;
    while (k < to && isBlankChar(line.charCodeAt(k))) k++;
    if (k < to) return [from + colon, from + colon + 1, true];
  }
  let end = to;
  while (end > from && /[。：:；;，,！？!?]/.test(line.charAt(end - 1))) end--;
  return [end, to, false];
}

/**
 * Parses a line as a heading. `markdown` enables `#` headings and `**…**`
 * emphasis around a heading. Returns null for a line that is not a heading.
 */
export function parseHeading(line: string, markdown: boolean): HeadingMarker | null {
  let start = leadingBlank(line);
  let end = trailingBlankStart(line);
  if (start >= end) return null;
  let hashes = 0;
  if (markdown) {
    const h = /^(#{1,6})[ \t]+/.exec(line.slice(start));
    if (h) {
      hashes = h[1].length;
      start += h[0].length;
      // closing hashes ("## 标题 ##")
      const closing = /[ \t]+#+$/.exec(line.slice(start, end));
      if (closing) end -= closing[0].length;
    }
    if (line.startsWith('**', start) && line.slice(start + 2, end).includes('**')) start += 2;
    // "#" with nothing after it is no heading.
    if (start >= end) return null;
  } else if (line.charCodeAt(start) === 35 /* # */) {
    // Markdown marks pasted into plain text before a numbered heading (「##### （一）加强……」):
    // the number makes it a heading of its level, as in a Markdown file.
    const h = /^#{1,6}[ \t]*/.exec(line.slice(start));
    if (h && matchMarker(line.slice(start + h[0].length, end))) start += h[0].length;
  }
  const body = line.slice(start, end);
  const m = matchMarker(body);
  if (!m && hashes === 0) return null;
  const markerStart = start;
  const markerEnd = m ? start + m.length : start;
  let textStart = markerEnd;
  while (textStart < end && isBlankChar(line.charCodeAt(textStart))) textStart++;
  // Emphasis closing right after the marker ("**一、**主要工作") or around the text.
  const stripStars = markdown;
  let [textEnd, , runIn] = headingExtent(line, textStart, end);
  let text = line.slice(textStart, textEnd);
  if (stripStars) {
    text = text.replace(/\*\*/g, '');
  }
  if (m) {
    // An enumeration word with nothing after it is not a heading ("一是。").
    if (m.style === 'cn-shi' && text.length === 0) return null;
    // Fields written out: an object spread here took most of the parser's time.
    return { style: m.style, rank: m.rank, number: m.number, variant: m.variant, markerStart, markerEnd, textStart, textEnd, text, runIn, hashes };
  }
  return { style: 'markdown', rank: hashes, number: 0, variant: '#', markerStart, markerEnd, textStart, textEnd, text, runIn, hashes };
}

/**
 * A heading the document's structure names, without a number of its own (a
 * Word paragraph in a heading style): the line read as a heading of `rank`,
 * its words to the first sentence end when body text runs on. Null for a
 * blank line.
 */
export function unnumberedHeading(line: string, rank: number): HeadingMarker | null {
  const start = leadingBlank(line);
  const end = trailingBlankStart(line);
  if (start >= end) return null;
  const [textEnd, , runIn] = headingExtent(line, start, end);
  if (textEnd <= start) return null;
  return { style: 'plain', rank, number: 0, variant: '', markerStart: start, markerEnd: start, textStart: start, textEnd, text: line.slice(start, textEnd), runIn, hashes: 0 };
}

/** Writes the marker for `number` in the style and variant of `like`. */
export function formatMarker(like: Pick<HeadingMarker, 'style' | 'variant'>, number: number): string {
  switch (like.style) {
    case 'cn-dun':
      return toChineseNumber(number) + like.variant;
    case 'cn-paren':
      return like.variant.charAt(0) + toChineseNumber(number) + like.variant.charAt(1);
    case 'arabic-dot':
      return String(number) + like.variant;
    case 'arabic-paren':
      return like.variant.charAt(0) + String(number) + like.variant.charAt(1);
    case 'circled':
      return CIRCLED.charAt(number - 1) || `(${number})`;
    case 'cn-shi':
      return toChineseNumber(number) + '是';
    default:
      return '';
  }
}
