/**
 * The closing block of a report (落款): the issuing organisation and the date
 * it was written (成文日期, GB/T 9704—2012 7.3.5), found where reports put it:
 * on the last lines, or under the title (「（2024年12月20日）」). Read by the
 * closing-block and closing-date rules (closing-date also judges the date's form).
 */
import type { LineInfo, Report } from './parse';
import { LONG_LINE } from './line-cache';
import { AnswersPerText, SourceText } from './source';

export interface DateOnLine {
  /** Offsets in the line of the date as written. */
  start: number;
  end: number;
  /** Null when it is still a placeholder (20XX年X月X日, 年 月 日). */
  year: number | null;
  month: number | null;
  day: number | null;
}

export interface ClosingBlock {
  /** The line that holds the date, and where it is in the line. */
  line: number;
  date: DateOnLine;
  /** At the end of the report, or under its title. */
  place: 'end' | 'head';
}

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, '○': 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function chineseNumber(s: string): number {
  // 十二 → 12, 二十 → 20, 二十一 → 21, 十 → 10
  const ten = s.indexOf('十');
  if (ten < 0) return CN_DIGIT[s] ?? NaN;
  const tens = ten === 0 ? 1 : CN_DIGIT[s.slice(0, ten)];
  const units = ten === s.length - 1 ? 0 : CN_DIGIT[s.slice(ten + 1)];
  return tens * 10 + units;
}

const FILL = '[XxＸｘ×*＊_＿\\s\\u3000]';
/** A date that ends the line (after an organisation's name), in the forms drafts use. */
const DATE_PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => [number | null, number | null, number | null] }[] = [
  { re: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/, read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  { re: /(\d{4})([./\-－])(\d{1,2})\2(\d{1,2})\s*日?$/, read: (m) => [Number(m[1]), Number(m[3]), Number(m[4])] },
  {
    re: /([〇零○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$/,
    read: (m) => [Number([...m[1]].map((c) => CN_DIGIT[c]).join('')), chineseNumber(m[2]), chineseNumber(m[3])],
  },
  { re: new RegExp(`(?:\\d{2,4}|20)?${FILL}*年(?:\\d{1,2}|${FILL})*月(?:\\d{1,2}|${FILL})*日$`), read: () => [null, null, null] },
];

/** Markup around a line's words that is no part of them: Markdown emphasis, headings, quotes, HTML tags. */
function stripMarkup(text: string): { text: string; offset: number } {
  let s = text;
  let offset = 0;
  const lead = /^(?:[#>\s\u3000]+|\*+|_+|<[^>]+>)+/.exec(s);
  if (lead) {
    offset = lead[0].length;
    s = s.slice(offset);
  }
  s = s.replace(/(?:\*+|_+|<[^>]+>|[\s\u3000])+$/, '');
  return { text: s, offset };
}

/** A date that could be real: a year of this era, a month, a day of a month. */
export function plausibleDate(year: number, month: number, day: number): boolean {
  return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Lines longer than this are running text, not a signature or a date. */
const SHORT_LINE = 40;

/**
 * The date a short line ends with, when the line is a date or an
 * organisation's name and a date: 「2024年12月20日」, 「XX镇党委　2024年12月20日」,
 * 「（2024年12月20日）」, 「2024.12.20」, 「二〇二四年十二月二十日」, 「20XX年X月X日」.
 */
/**
 * True for a character stripMarkup may take from the start of a line without
 * HTML tags: # > * _ and what \s and \u3000 match (ECMAScript white space and
 * line terminators). From the end it takes them too, but # and >: counting
 * those there only lowers the bound below.
 */
function isMarkupChar(c: number): boolean {
  if (c < 128) return c === 35 || c === 62 || c === 42 || c === 95 || c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * True when the line, stripped of its markup, is certainly longer than a
 * date line: a lower bound of its stripped length, read from both ends in
 * place. Lines with a < (an HTML tag may be long) are left to stripMarkup.
 */
function longerThanDateLine(raw: string): boolean {
  if (raw.length <= SHORT_LINE || raw.includes('<')) return false;
  let lead = 0;
  while (lead < raw.length && isMarkupChar(raw.charCodeAt(lead))) lead++;
  let trail = 0;
  while (trail < raw.length && isMarkupChar(raw.charCodeAt(raw.length - 1 - trail))) trail++;
  return raw.length - lead - trail > SHORT_LINE;
}

/** A character every match of DATE_PATTERNS holds: 日, or the separator of 2024.12.20. */
const DATE_CHAR = /[日./\-－]/;

export function dateLine(raw: string): DateOnLine | null {
  // A long line is running text (and stripping its markup would read all of it on every keystroke).
  if (raw.length > LONG_LINE) return null;
  // Most lines are paragraphs: no copies of them to find that out.
  if (longerThanDateLine(raw)) return null;
  // Every date pattern holds a 日 or a separator of a numeric date: a short heading or name holds neither.
  if (!DATE_CHAR.test(raw)) return null;
  const { text: stripped, offset } = stripMarkup(raw);
  if (stripped.length === 0 || stripped.length > SHORT_LINE) return null;
  // 「（2024年12月20日）」 under a title: the date inside the brackets.
  const text = /^[（(]/.test(stripped) && /[）)]$/.test(stripped) ? stripped.slice(0, -1) : stripped;
  for (let p = 0; p < DATE_PATTERNS.length; p++) {
    const { re, read } = DATE_PATTERNS[p];
    const m = re.exec(text);
    if (!m) continue;
    const before = text.slice(0, m.index).replace(/^[（(]/, '');
    // What stands before the date is a name: no sentence in it.
    if (/[，。；：,;:！？]/.test(before) || before.length > 30) return null;
    const [year, month, day] = read(m);
    if (month !== null && (month < 1 || month > 12 || day === null || day < 1 || day > 31)) return null;
    const start = offset + m.index + (m[0].length - m[0].trimStart().length);
    return { start, end: offset + m.index + m[0].length, year, month, day };
  }
  return null;
}

/** How many content lines at the end, and under the title, may hold the closing block. */
const END_WINDOW = 3;
const HEAD_WINDOW = 3;

/** Two rules ask for the closing block of every report they check. */
const BLOCKS = new AnswersPerText<Report, ClosingBlock | null>();

/** The report's closing block: its date line at the end or under the title; null when it has none. */
export function findClosingBlock(report: Report, source: SourceText, lines: readonly LineInfo[]): ClosingBlock | null {
  return BLOCKS.get(source, report, () => closingBlockOf(report, source, lines));
}

function closingBlockOf(report: Report, source: SourceText, lines: readonly LineInfo[]): ClosingBlock | null {
  let seen = 0;
  for (let l = report.endLine; l > report.startLine && seen < END_WINDOW; l--) {
    const kind = lines[l].kind;
    if (kind === 'blank' || kind === 'residue') continue;
    seen++;
    const date = dateLine(source.lines[l]);
    if (date) return { line: l, date, place: 'end' };
  }
  if (report.title) {
    seen = 0;
    for (let l = report.title.line + 1; l <= report.endLine && seen < HEAD_WINDOW; l++) {
      const kind = lines[l].kind;
      if (kind === 'blank' || kind === 'residue') continue;
      seen++;
      const date = dateLine(source.lines[l]);
      if (date) return { line: l, date, place: 'head' };
    }
  }
  return null;
}
