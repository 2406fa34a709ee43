/**
 * placeholder: spans a template left for the author to fill in — X, XX, xx, zz,
 * ××, ○○, 某某, 某镇, ＿＿, 20XX, 【单位名称】, （  ）.
 *
 * Latin letters that belong to a word are not placeholders (APP, PPT, QQ,
 * Windows XP, X光), so a run of X only counts when no other Latin letter or
 * digit touches it.
 */
import words from '../data/placeholder.json';
import { lineRange, RuleFinding } from '../engine/types';
import { withFlags } from '../engine/safe-regex';
import { LineRule } from './rule';

export interface PlaceholderMatch {
  start: number;
  end: number;
  text: string;
  /** What belongs there, judged from the words around it. */
  expects: 'year' | 'number' | 'name' | 'unit' | 'content';
  /** A template's alternatives to choose from (县（市、区）), not a blank to fill. */
  choice?: boolean;
  /** A template's note to the writer in brackets (（请结合实际填写）): to follow, then delete. */
  note?: boolean;
  /** The word a site masked with these letters (ZZ for 政治 in ZZ责任), and the words that show it (ZZ责任). */
  masked?: { word: string; shown: string };
}

/**
 * A place where a name or figure seems to have been deleted without a mark
 * (以思想为指导, 特色.主义, 党的二十大精神和，): less certain than a placeholder.
 */
export interface GapMatch {
  start: number;
  end: number;
  text: string;
  kind: 'frame' | 'dot' | 'dangling' | 'empty-quotes';
  /** What usually fills a formulation's slot (近平); empty for the other kinds. */
  hint: string;
}

const WORD_CHAR = /[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]/;
const URL_NEIGHBOUR = /[.@/\\_\-:#=&?]/;
const CN_NUMERAL = /[一二三四五六七八九十零〇○]/;
const UNITS_SORTED = [...words.units].sort((a, b) => b.length - a.length);

const RE_YEAR = /(?<![0-9A-Za-z０-９])(?:19|20)(?:[0-9][XxＸｘ×＿_○]|[XxＸｘ×＿_○]{2}|[XxＸｘ×＿_○](?=[ \u3000]*(?:年|学年)))(?![0-9A-Za-z])/g;
const RE_LETTERS = /[XxＸｘ]+|z{2,}/g;
/** N standing for a count (开展N项活动); not N95 or N+1. */
const RE_N = /(?<![A-Za-z0-9Ａ-Ｚａ-ｚ０-９.+\-])[NＮ](?=[个项次人场期名家篇件条余万])/g;
/** A site's pinyin mask (涉疫yq for 舆情): 2–3 lowercase consonants right after Han text. */
const RE_PINYIN = /[bcdfghjklmnpqrstvwyz]{2,3}(?![A-Za-z])/g;
const PINYIN_WORDS = new Set(words.pinyinWords);
/** Runs of mask symbols (△△, □□, ☆☆), or one □/△ before a measure or unit word. */
const RE_SYMBOLS = /[△▲□■☆◇◆]{2,}|[□△]/g;
/** A site's name ending the line after a page title's underscore. */
const SITE_NAME_AFTER = /^[^\s，。；：、,;:！？!?_＿]{1,12}(?:网|文库|范文|公文|文档|文秘|素材)\s*$/;
/** A single underscore glued to Han text (网络安全 → 网络a全_): a blank of one character. */
const RE_ONE_BLANK = /(?<![_＿])[_＿](?![_＿])/g;
/** An administrative level with its alternatives for the author to choose from: 县（市、区）, 乡镇（街道）. */
const RE_CHOICE = /[省市县区乡镇州旗](?:[（(](?:[省市县区乡镇州旗盟]|街道|自治区|直辖市)(?:[、/，,](?:[省市县区乡镇州旗盟]|街道|自治区|直辖市)){1,3}[）)])/g;
const RE_TIMES = /×+/g;
/** A run of asterisks: a name or figure masked by a template site (*镇, *.*万元, **次). */
const RE_STARS = /[*＊]+/g;
const HAN_CHAR = /\p{Script=Han}/u;
/** The same runs, for reading a whole line while RE_STARS scans it. */
const STAR_RUNS = /[*＊]+/g;
const RE_CIRCLES = /[○〇◯]{2,}/g;
const RE_MOUMOU = /某{2,}/g;
const RE_MOU = /某/g;
const RE_BLANK = /[＿_]{2,}/g;
const RE_EMPTY_BRACKETS = /（[ \u3000]+）|\([ \u3000]+\)/g;
const RE_FILL_IN = /【([^【】]{1,16})】|\[([^\[\]]{1,16})\](?!\()|｛([^｛｝]{1,16})｝/g;
/** What every match of RE_CHOICE and of RE_FILL_IN starts with. */
const CHOICE_GATE = /[省市县区乡镇州旗][（(]/;
const FILL_IN_GATE = /[【[｛]/;
const FILL_IN_LABEL = new RegExp(words.fillInLabels.join('|'));
/** Words a site masks with letters, known by what follows (ZZ责任, X的二十届). */
const SITE_MASKS: { mask: string; word: string; after: string[] }[] = words.siteMasks;
/**
 * A note in brackets telling the writer what to put there: addressed to them
 * (请… 此处… 可…) or to their unit's situation (根据实际…), with a verb of
 * writing (（请结合实际添加）, （此处填写活动名称）, （可根据实际增减）). A
 * bracket that only cites (（根据《条例》第十条）) or refers (（详见附件）) is text.
 */
const RE_NOTE = /[（(【]([^（）()【】。]{2,30})[）)】]/g;
const NOTE_GATE = /[（(【][^（）()【】。]{0,28}(?:填写|填入|添加|补充|修改|增减|删减|替换|撰写|插入|列举|选用)/;
const NOTE_INSTRUCTION =
  /(?:^|[，,；;：:、])\s*(?:请|此处|在此|可|自行|酌情)[^，,。；;]{0,12}?(?:填写|填入|添加|补充|修改|增减|删减|替换|撰写|插入|列举|选用)|(?:根据|结合)(?:本单位|本地|本部门|各单位|自身|单位)?的?实际(?:情况)?(?:进行)?(?:填写|填入|添加|补充|修改|增减|删减|替换|撰写|选用)/;
/**
 * A character (or pair) every match of the patterns above holds: X x Ｘ ｘ × ＿ _ ○
 * (RE_YEAR, RE_LETTERS, RE_BLANK, RE_ONE_BLANK, RE_TIMES), z, N Ｎ, a lowercase
 * consonant (RE_PINYIN), a mask symbol, * ＊, 〇 ◯ (RE_CIRCLES), 某, 【 [ ｛
 * (RE_FILL_IN), a bracket before a blank (RE_EMPTY_BRACKETS) and an
 * administrative level before a bracket (RE_CHOICE). A pattern added above
 * must add its character here. Most lines have none, and this one test of plain
 * classes spares them the scans; a line that has one is scanned (the
 * alternation of all fifteen patterns, which this replaces, cost more to compile
 * on a draft's first analysis than the scans of the few lines it let through).
 */
const MAY_HOLD_PLACEHOLDER = /[XxＸｘ×＿_○zZNＮbcdfghjklmnpqrstvwyz△▲□■☆◇◆*＊〇◯某【[｛]|[（(][ \u3000]|[省市县区乡镇州旗][（(]/;
/** Characters before a blank and 年 that make it a count of years (工作__年, 连续__年), not a year. */
const COUNT_OF_YEARS_BEFORE = '作续满近了达过有第共历用计已';
const LONG_UNITS = [...words.longUnits].sort((a, b) => b.length - a.length);
/** What may come between 某 and a long unit word (某工业园区, 某大型企业): not a time, a measure or a verb. */
const UNIT_PREFIX_STOP = /[天日年月时次段些种个一位项件条类样人地去到在从向对把被和与及的了是为有于将]/;

function expectsAround(line: string, start: number, end: number): PlaceholderMatch['expects'] {
  const after = line.slice(end, end + 3);
  const before = line.charAt(start - 1);
  if (before === '第' || (after && words.numberFollowers.includes(after.charAt(0)))) return 'number';
  if (words.unitFollowers.some((u) => after.startsWith(u))) return 'unit';
  if (before === '《' || before === '“' || before === '"') return 'name';
  return 'content';
}

/** All placeholders in one line, without overlaps, in order. */
export function findPlaceholders(line: string, markdown = false, extra: readonly RegExp[] = []): PlaceholderMatch[] {
  const mayHoldNote = NOTE_GATE.test(line);
  if (extra.length === 0 && !mayHoldNote && !MAY_HOLD_PLACEHOLDER.test(line)) return [];
  const found: PlaceholderMatch[] = [];
  const add = (start: number, end: number, expects?: PlaceholderMatch['expects']) =>
    found.push({ start, end, text: line.slice(start, end), expects: expects ?? expectsAround(line, start, end) });
  const scan = (re: RegExp, each: (m: RegExpExecArray) => void) => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      each(m);
    }
  };

  // Before the letters: a site's mask wins over the same X read as a blank.
  for (const m of SITE_MASKS) {
    for (let at = line.indexOf(m.mask); at >= 0; at = line.indexOf(m.mask, at + 1)) {
      const end = at + m.mask.length;
      if (WORD_CHAR.test(line.charAt(at - 1)) || /[A-Za-z0-9]/.test(line.charAt(end))) continue;
      const after = m.after.find((w) => line.startsWith(w, end));
      if (after !== undefined) found.push({ start: at, end, text: m.mask, expects: 'content', masked: { word: m.word, shown: m.mask + after } });
    }
  }
  scan(RE_YEAR, (m) => add(m.index, m.index + m[0].length, 'year'));
  scan(RE_LETTERS, (m) => {
    const s = m.index;
    const e = s + m[0].length;
    const prev = line.charAt(s - 1);
    const next = line.charAt(e);
    if (WORD_CHAR.test(prev) || WORD_CHAR.test(next)) return; // APP, PPT, XP, 5X
    if ((prev && URL_NEIGHBOUR.test(prev)) || (next && URL_NEIGHBOUR.test(next))) return; // www.xx.com, a_x
    if (/^[Xx]$/.test(m[0]) && words.latinWords.some((w) => line.startsWith(w, e))) return; // X光, X射线
    if (m[0] === 'x' && /\d\s$/.test(line.slice(Math.max(0, s - 2), s)) && /^\s\d/.test(line.slice(e, e + 2))) return; // 3 x 4
    add(s, e);
  });
  scan(RE_TIMES, (m) => {
    const s = m.index;
    const e = s + m[0].length;
    // 3×4, 2 × 100米: multiplication, not a blank
    if (m[0].length === 1 && /[0-9０-９]\s*$/.test(line.slice(Math.max(0, s - 3), s)) && /^\s*[0-9０-９]/.test(line.slice(e, e + 3))) return;
    add(s, e);
  });
  scan(RE_STARS, (m) => {
    if (isStarMask(line, m.index, m.index + m[0].length, markdown)) add(m.index, m.index + m[0].length);
  });
  scan(RE_CIRCLES, (m) => {
    const s = m.index;
    const e = s + m[0].length;
    // 二○○八年: ○ as a zero inside a year written in numerals
    if (CN_NUMERAL.test(line.charAt(s - 1)) || CN_NUMERAL.test(line.charAt(e)) || line.charAt(e) === '年') return;
    add(s, e);
  });
  scan(RE_MOUMOU, (m) => add(m.index, m.index + m[0].length, 'name'));
  scan(RE_MOU, (m) => {
    const s = m.index;
    if (line.charAt(s + 1) === '某' || line.charAt(s - 1) === '某') return;
    if (isUnitMask(line, s)) add(s, s + 1, 'name');
  });
  scan(RE_BLANK, (m) => {
    const s = m.index;
    const e = s + m[0].length;
    // __init__, a__b, x__1: code, not a blank.
    if (WORD_CHAR.test(line.charAt(s - 1)) || WORD_CHAR.test(line.charAt(e))) return;
    // Markdown strong emphasis: __text__
    if (markdown && m[0].length === 2 && (/^__\S[^_]*?\S__/.test(line.slice(s)) || /__\S[^_]*?\S__$/.test(line.slice(0, e)))) return;
    // ____年 where a year is written (not 工作__年, a count of years).
    add(s, e, /^[ \u3000]*年/.test(line.slice(e, e + 3)) && !COUNT_OF_YEARS_BEFORE.includes(line.charAt(s - 1)) ? 'year' : undefined);
  });
  scan(RE_EMPTY_BRACKETS, (m) => add(m.index, m.index + m[0].length));
  scan(RE_N, (m) => add(m.index, m.index + m[0].length, 'number'));
  scan(RE_PINYIN, (m) => {
    // Right after Han text and before Han text, a figure or a mark; not part of a longer Latin word,
    // and not a word people write in lowercase (qq群, ppt).
    const next = line.charAt(m.index + m[0].length);
    if (!HAN_CHAR.test(line.charAt(m.index - 1)) || !(HAN_CHAR.test(next) || /[0-9，。、；：！？”）]/.test(next)) || PINYIN_WORDS.has(m[0])) return;
    add(m.index, m.index + m[0].length, 'content');
  });
  scan(RE_SYMBOLS, (m) => {
    if (isSymbolMask(line, m.index, m.index + m[0].length)) add(m.index, m.index + m[0].length);
  });
  scan(RE_ONE_BLANK, (m) => {
    if (isOneCharBlank(line, m.index, markdown)) add(m.index, m.index + 1);
  });
  // The two costliest patterns to compile run only on a line that holds their opening characters.
  if (CHOICE_GATE.test(line)) scan(RE_CHOICE, (m) => {
    if (isOwnUnitChoice(line, m.index)) found.push({ start: m.index, end: m.index + m[0].length, text: m[0], expects: 'unit', choice: true });
  });
  if (FILL_IN_GATE.test(line)) scan(RE_FILL_IN, (m) => {
    const label = m[1] ?? m[2] ?? m[3] ?? '';
    // A label that asks for content (【请填写存在的问题的内容】) wants sentences, not a name.
    if (FILL_IN_LABEL.test(label)) add(m.index, m.index + m[0].length, /时间|日期|年份|年度/.test(label) ? 'year' : /数|金额/.test(label) ? 'number' : /内容/.test(label) ? 'content' : 'name');
  });
  if (mayHoldNote) scan(RE_NOTE, (m) => {
    if (NOTE_INSTRUCTION.test(m[1])) found.push({ start: m.index, end: m.index + m[0].length, text: m[0], expects: 'content', note: true });
  });
  for (const re of extra) {
    const g = re.global ? re : withFlags(re, re.flags + 'g');
    scan(g, (m) => add(m.index, m.index + m[0].length));
  }

  // Keep the longest of overlapping matches ("【XX】" over "XX", "202X" over "X").
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PlaceholderMatch[] = [];
  let reach = -1;
  for (const f of found) {
    if (f.start < reach) continue;
    out.push(f);
    reach = f.end;
  }
  return out;
}

/**
 * Whether 某 at `at` stands for a unit's name: 某 before a unit word (某镇,
 * 某局), or before a few describing characters and a long unit word
 * (某工业园区). Not 某些/某种/某个 (notUnits), and not the anonymised actors of
 * a case (某企业员工, 某村村民, 某医院发生医疗纠纷引发舆情), which a report writes on purpose.
 */
function isUnitMask(line: string, at: number): boolean {
  const rest = line.slice(at + 1, at + 12);
  if (words.notUnits.some((w) => rest.startsWith(w))) return false;
  let unit = UNITS_SORTED.find((u) => rest.startsWith(u));
  let end = unit ? unit.length : -1;
  if (!unit) {
    for (let k = 1; k <= 4 && k < rest.length; k++) {
      const c = rest.charAt(k - 1);
      if (!HAN_CHAR.test(c) || UNIT_PREFIX_STOP.test(c)) break;
      unit = LONG_UNITS.find((u) => rest.startsWith(u, k));
      if (unit) {
        end = k + unit.length;
        break;
      }
    }
  }
  if (!unit) return false;
  const after = rest.slice(end);
  if (words.anonymousPeople.some((p) => after.startsWith(p))) return false;
  // A case told in a situation report names its actors 某医院, 某企业 on purpose.
  const from = Math.max(line.lastIndexOf('。', at), line.lastIndexOf('；', at), line.lastIndexOf('！', at)) + 1;
  const stop = line.slice(at).search(/[。；！]/);
  const sentence = line.slice(from, stop < 0 ? undefined : at + stop);
  return !words.caseWords.some((w) => sentence.includes(w));
}

/**
 * Whether the symbols at [start, end) mask a name or figure (△△镇, □□次, 共□名):
 * not a line-start bullet, not a line of decoration, not a rating (☆☆☆级),
 * and a single symbol only before a measure or unit word.
 */
function isSymbolMask(line: string, start: number, end: number): boolean {
  const prev = line.charAt(start - 1);
  const next = line.charAt(end);
  if (/^[\s△▲□■☆★◇◆\-=_~*]*$/.test(line)) return false;
  if (line.slice(0, start).trim() === '' && (next === ' ' || next === '\t' || next === '\u3000' || end === line.length)) return false;
  if (/[星级]/.test(prev) || /[星级]/.test(next)) return false;
  if (end - start > 1) return true;
  if (!HAN_CHAR.test(next)) return false;
  // One symbol: a bullet or a check box at the start of an item, unless it stands for a count or a place.
  if (line.slice(0, start).trim() === '' || /[\s：:]/.test(prev)) return false;
  if (words.numberFollowers.includes(next)) return true;
  const unit = words.unitFollowers.find((u) => line.startsWith(u, end));
  return unit !== undefined && line.charAt(end + unit.length) !== '级';
}

/**
 * Whether the single underscore at `at` is a one-character blank: glued to Han
 * text on one side, with no Latin letter, digit or URL mark on either side
 * (snake_case, __init__, a_b@example.com are not), and in Markdown not one of
 * a pair around emphasised text.
 */
function isOneCharBlank(line: string, at: number, markdown: boolean): boolean {
  const prev = line.charAt(at - 1);
  const next = line.charAt(at + 1);
  if (!HAN_CHAR.test(prev) && !HAN_CHAR.test(next)) return false;
  if (WORD_CHAR.test(prev) || WORD_CHAR.test(next) || URL_NEIGHBOUR.test(prev) || URL_NEIGHBOUR.test(next)) return false;
  // A doc site's page caption joins the file's name and the page (「……工作方案_第1页」): a separator, no blank.
  if (/^第\d{1,3}页/.test(line.slice(at + 1, at + 6))) return false;
  // A page title joins the site's name after it (「……工作总结_青藤范文」「老秘网_某某范文」): a separator.
  if (SITE_NAME_AFTER.test(line.slice(at + 1))) return false;
  if (markdown && /(^|[\s\p{P}])_[^_\s][^_]*?(?<!\s)_(?=$|[\s\p{P}])/u.test(line)) return false;
  return true;
}

/**
 * Whether the choice at `at` (县（市、区）) names the author's own unit: at the
 * start of a clause or after 全/本/我/该 (全县（市、区）). After 各, 所辖 or a
 * count (各县（市、区）, 31个省（区、市）) it means every one of them, and is
 * written so on purpose.
 */
function isOwnUnitChoice(line: string, at: number): boolean {
  let k = at;
  // A masked name before it (*县（市、区）) is a placeholder of its own; look past it.
  while (k > 0 && /[*＊Xx×]/.test(line.charAt(k - 1))) k--;
  const before = line.slice(0, k);
  if (/[全本我该]$/.test(before)) return true;
  if (before.trim() === '') return true;
  if (/[，。；：！？,;:!?]\s*$/.test(before)) return true;
  // After a heading's number (1、 一、 （一）) or a year.
  return /^\s*(?:[0-9]{1,2}[、.．]|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十0-9]{1,3}[）)])\s*$/.test(before) || /年度?$/.test(before);
}

/**
 * Whether the asterisks at [start, end) mask a name or a figure. A mask
 * touches Chinese text or another mask (「*镇」「*.*万元」「微**」); asterisks
 * that do not (5*2, a*b) are arithmetic or code. A line-start bullet, a
 * separator line and a footnote mark after 注 are not masks; in Markdown, a
 * pair of equal runs around text is emphasis, unless a measure word follows
 * the opening run (「**次」 is a masked count).
 */
function isStarMask(line: string, start: number, end: number, markdown: boolean): boolean {
  const prev = line.charAt(start - 1);
  const next = line.charAt(end);
  if (/^[\s*＊\-=_~]*$/.test(line)) return false;
  if (line.slice(0, start).trim() === '' && (next === ' ' || next === '\t' || next === '\u3000')) return false;
  if (prev === '注') return false;
  const near = (c: string, dot: string) => HAN_CHAR.test(c) || ((c === '.' || c === '．') && /[*＊]/.test(dot));
  // A name that is all asterisks inside quotes or brackets (集团“*****”战略, 《**》), or one a note follows (《*（请结合实际添加）》).
  const quoted = QUOTE_PAIRS[prev] !== undefined && (QUOTE_PAIRS[prev] === next || next === '（' || next === '(');
  // A mask set off by spaces before a unit word (中共 * 市 * 镇委员会, 谱写 * 镇新篇章): a template's blank, never arithmetic.
  const spaced = /[ \u3000]/.test(prev) && /[ \u3000]/.test(next) && HAN_CHAR.test(line.charAt(start - 2)) && words.unitFollowers.some((u) => line.startsWith(u, end + 1));
  if (!quoted && !spaced && !near(prev, line.charAt(start - 2)) && !near(next, line.charAt(end + 1))) return false;
  if (markdown && isEmphasisRun(line, start, end)) return false;
  if (!markdown && isPastedBold(line, start, end)) return false;
  return true;
}

/** A span in quotes or title marks, whole inside a bold pair. */
const QUOTED_NAME = /“[^“”*＊]*”|《[^《》*＊]*》/g;
/** The 、 between quoted names listed together (《条例》、《办法》). */
const LISTED_NAMES = /([》”])、(?=[《“])/g;
/** Text a pasted bold pair holds: a heading or phrase (after its number), no clause or list punctuation, no asterisk. */
const BOLD_INNER = /^(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、])?[^*＊，。；：、,;:！？!?]{4,}$/;

/**
 * Outside Markdown: the run at [start, end) is one of the `**` pairs of Markdown
 * bold that a page or a chat answer left in pasted plain text
 * (「**2024年工作计划****一、指导思想**以……」, where `****` closes one pair and
 * opens the next). Only when every `**` on the line pairs up so: each pair holds
 * four or more characters with no clause punctuation, and no pair reads as a mask
 * (「**镇」, 「**次」: a unit or measure word after the opening run, or a unit
 * after the closing one). Masks seldom come in such pairs, so one odd run or
 * one mask-like pair leaves every run a mask.
 */
function isPastedBold(line: string, start: number, end: number): boolean {
  const marks: number[] = [];
  for (const m of line.matchAll(STAR_RUNS)) {
    if (m[0] === '**') marks.push(m.index);
    else if (m[0] === '****') marks.push(m.index, m.index + 2);
    else return false;
  }
  if (marks.length === 0 || marks.length % 2 === 1) return false;
  let hit = false;
  for (let k = 0; k < marks.length; k += 2) {
    const open = marks[k] + 2;
    const close = marks[k + 1];
    // A name in quotes may list with 、 (「**实施“好家风、好家训”传承计划**」): the quotes hold it, not the pair.
    if (!BOLD_INNER.test(line.slice(open, close).replace(QUOTED_NAME, (q) => q.replace(/、/g, '')).replace(LISTED_NAMES, '$1'))) return false;
    if (followsAsMask(line, open) || words.unitFollowers.some((u) => line.startsWith(u, close + 2))) return false;
    if (marks[k] < end && start < close + 2) hit = true;
  }
  return hit;
}

/** A unit or measure word right after an asterisk run: the run masks a name or a count. */
function followsAsMask(line: string, at: number): boolean {
  return words.numberFollowers.includes(line.charAt(at)) || words.unitFollowers.some((u) => line.startsWith(u, at));
}

const QUOTE_PAIRS: Record<string, string> = { '“': '”', '《': '》', '「': '」', '『': '』', '【': '】', '（': '）', '‘': '’' };

/** In Markdown: the run at [start, end) opens or closes emphasis with an equal run on the same line. */
function isEmphasisRun(line: string, start: number, end: number): boolean {
  const runs: [number, number][] = [];
  for (const m of line.matchAll(STAR_RUNS)) runs.push([m.index, m.index + m[0].length]);
  const open: [number, number][] = [];
  for (const r of runs) {
    const len = r[1] - r[0];
    const o = open.findIndex((x) => x[1] - x[0] === len);
    const closes = o >= 0 && !/\s/.test(line.charAt(r[0] - 1));
    if (closes) {
      const [os, oe] = open.splice(o, 1)[0];
      const masked = words.numberFollowers.includes(line.charAt(oe)) || words.unitFollowers.some((u) => line.startsWith(u, oe));
      if (!masked && (os === start || r[0] === start)) return true;
    } else if (!/\s/.test(line.charAt(r[1]))) {
      open.push(r);
    }
  }
  return false;
}

// ---------------------------------------------------------------------------
// Deletion gaps: a name or figure deleted with nothing left in its place.

/** What a gap slot may hold when nothing was written there: nothing, blanks, or a stray dot. */
const SLOT = '[ \\t\\u3000.．·]*';
const GAP_FRAMES = words.gapFrames.map((f) => ({ re: new RegExp(f.pattern.replace('(?<slot>)', `(?<slot>${SLOT})`), 'g'), key: f.key, hint: f.hint }));
/** A dot between two Han characters (特色.主义): after NFKC a Chinese full stop stays 。, so this is a deletion. */
const RE_DOT_GAP = /[.．]/g;
/** Quotes or title marks with nothing inside (实施“”规划, 学习《》): the name in them was deleted. */
const RE_EMPTY_QUOTES = /“[ \u3000]*”|《[ \u3000]*》|「[ \u3000]*」|『[ \u3000]*』/g;
/** A conjunction with nothing after it (党的二十大精神和，). */
const RE_DANGLING = /(?:以及|和|及|与)(?=[,，。;；:：！？!?）)])/g;
/** Characters that end a word with 和/及/与 as its last character (温和, 普及, 参与): never dangling. */
const ENDS_WORD: Record<string, string> = { 和: '温总共祥平缓调饱柔暖随中附人谐讲求议相应唱气融亲谦宽不', 及: '普涉危波顾企殃惠埃触论提遍来所不能可追推旁累', 与: '参给赋授赠寄相' };
/**
 * Lines that may hold a gap: a dot, empty quotes, a conjunction before a
 * mark, or a word of a formulation with a slot. Most lines have none, and this test
 * (no look-behind, no Unicode classes) spares them the scans.
 */
const MAY_HOLD_GAP = new RegExp(`[.．]|“[ \\u3000]*”|《[ \\u3000]*》|「[ \\u3000]*」|『[ \\u3000]*』|(?:和|及|与)[,，。;；:：！？!?）)]|${[...new Set(words.gapFrames.map((f) => f.key))].join('|')}`);
/** A blank between Han characters: three or more in a line are the spaces of a layout (a PDF's wrap, a justified line), not gaps. */
const HAN_BLANK_HAN = /\p{Script=Han}[ \t\u3000]+(?=\p{Script=Han})/gu;

/** The places in one line where something seems to have been deleted, in order, without overlaps. */
export function findGaps(line: string): GapMatch[] {
  if (!MAY_HOLD_GAP.test(line)) return [];
  const found: GapMatch[] = [];
  const add = (start: number, end: number, kind: GapMatch['kind'], hint = '') => found.push({ start, end, text: line.slice(start, end), kind, hint });
  for (let i = 0; i < GAP_FRAMES.length; i++) {
    const f = GAP_FRAMES[i];
    if (!line.includes(f.key)) continue;
    f.re.lastIndex = 0;
    for (let m = f.re.exec(line); m; m = f.re.exec(line)) {
      const slot = m.groups?.slot ?? '';
      // Blanks alone are a gap only where the line is no layout. (A blank elsewhere, 按照 县教委, may be
      // the space a joined hard wrap left: only a formulation's slot, which text must fill, tells a deletion.)
      if (slot !== '' && /^[ \t\u3000]+$/.test(slot) && isLayout(line)) continue;
      add(m.index, m.index + m[0].length, 'frame', f.hint);
    }
  }
  RE_DOT_GAP.lastIndex = 0;
  for (let m = line.includes('.') || line.includes('．') ? RE_DOT_GAP.exec(line) : null; m; m = RE_DOT_GAP.exec(line)) {
    if (!HAN_CHAR.test(line.charAt(m.index - 1)) || !HAN_CHAR.test(line.charAt(m.index + 1))) continue;
    // 一.主要工作: a heading's number, also mid-line where a draft was flattened (…如下：二.存在的问题), not a gap.
    if (/[一二三四五六七八九十]/.test(line.charAt(m.index - 1))) continue;
    add(m.index - 1, m.index + 2, 'dot');
  }
  RE_EMPTY_QUOTES.lastIndex = 0;
  for (let m = RE_EMPTY_QUOTES.exec(line); m; m = RE_EMPTY_QUOTES.exec(line)) add(m.index, m.index + m[0].length, 'empty-quotes');
  RE_DANGLING.lastIndex = 0;
  for (let m = RE_DANGLING.exec(line); m; m = RE_DANGLING.exec(line)) {
    const word = m[0];
    const prev = line.charAt(m.index - 1);
    if (!HAN_CHAR.test(prev) || (word.length === 1 && ENDS_WORD[word].includes(prev))) continue;
    add(m.index, m.index + word.length, 'dangling');
  }
  // Almost every line that may hold a gap holds none.
  if (found.length === 0) return found;
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: GapMatch[] = [];
  let reach = -1;
  for (const g of found) {
    if (g.start < reach) continue;
    out.push(g);
    reach = g.end;
  }
  return out;
}

/** True when the blanks between Han characters in the line are those of a layout: three or more of them. */
function isLayout(line: string): boolean {
  HAN_BLANK_HAN.lastIndex = 0;
  let n = 0;
  while (HAN_BLANK_HAN.exec(line)) if (++n >= 3) return true;
  return false;
}

export function gapMessage(g: GapMatch): string {
  const shown = g.text.replace(/[ \t\u3000]+/g, '␣');
  switch (g.kind) {
    case 'frame':
      return `此处似乎缺少内容：「${shown}」中间像是漏了字（如「${g.hint}」），请补上。`;
    case 'dot':
      return `此处似乎缺少内容：「${shown}」中的「${g.text.charAt(1)}」像是删去文字后留下的，请补上漏掉的内容；若没有遗漏，请删去这个点。`;
    case 'dangling':
      return `此处似乎缺少内容：「${g.text}」后面没有并列的另一项，请补上；若没有遗漏，请删去「${g.text}」。`;
    case 'empty-quotes':
      return `此处似乎缺少内容：「${shown}」中间是空的，像是删掉了名称，请补上；若没有遗漏，请删去这对${g.text.charAt(0) === '《' ? '书名号' : '引号'}。`;
  }
}

const EXPECTS_TEXT: Record<PlaceholderMatch['expects'], string> = {
  year: '实际年份',
  number: '实际数字',
  name: '实际名称',
  unit: '单位或地名',
  content: '实际内容',
};

export function placeholderMessage(p: PlaceholderMatch, line: string): string {
  if (p.choice) return `「${p.text}」是模板中供选择的写法，请只保留本单位实际的一级（如「${p.text.charAt(0)}」），删去括号和其余选项。`;
  if (p.note) return `「${p.text}」是模板中写给作者的填写说明：请按说明写上实际内容，再删去这段说明。`;
  if (p.masked) return `「${p.masked.shown}」中的「${p.text}」像是模板网站遮去的「${p.masked.word}」：请改为「${p.masked.word}」。`;
  const shown = p.text.trim() ? p.text : line.slice(Math.max(0, p.start - 2), p.end + 2);
  const ctx = p.text === '某' ? `「${line.slice(p.start, p.end + 2).replace(/[，。、；：\s].*$/, '')}」中的「某」` : `「${shown}」`;
  return `${ctx}是模板中待填写的占位符，请填入${EXPECTS_TEXT[p.expects]}后再提交。`;
}

export const placeholderRule: LineRule = {
  id: 'placeholder',
  docs: {
    title: '未填写的占位符',
    summary: '模板中未填写的占位符（X、XX、××、○○、△△、□□、某某、某镇、*镇、**次、N项、＿＿、20XX、20_年、县（市、区）、【单位名称】、（请结合实际填写）等），以及删改后似乎缺少内容的地方（以思想为指导、特色.主义，警告）',
    readme: { problem: '模板中没填的占位符，删改后缺少的内容', examples: '`召开会议X次`、`xx镇`、`*镇`、`*.*万元`、`202X年`、`△△村`、`县（市、区）党委`、`【单位名称】`；`以思想为指导`（警告）' },
    hover: {
      explanation: '从模板复制来的稿子里，留给作者填写的位置（X、XX、××、○○、△△、□□、某某、某镇、*镇、＿＿、20XX、【单位名称】等）还没有填上，或者还留着供选择的写法（县（市、区））。占位符不会被自动修改：请逐个填入真实的数字、名称和年份，可用“跳到下一个占位符”逐个查看。删改时把名称删掉、只留下前后文字的地方（以思想为指导、特色.主义、精神和，）以警告提示“此处似乎缺少内容”。模板网站用字母遮去的「政治」「党」（ZZ责任、X的二十届）会指出原词，可用快速修复改回。',
      wrong: '全年召开党委会X次，XX镇党委在《XX日报》发表稿件。',
      right: '全年召开党委会12次，城关镇党委在《平安日报》发表稿件。',
    },
    details: [
      '模板中未填写的占位符（错误），每处报告一次，范围正好是占位符本身；提示会根据上下文说明这里应填什么（数字、单位名称、年份……）：',
      '- 字母：`X` `XX` `XXX` `x` `xx` `Xx` `xX` `ＸＸ` `zz`，表示数目的 `N`（`N项` `N个`），模板网站用拼音首字母遮去的词（`涉疫yq`）；',
      '- 符号：`×` `××`、`○○` `〇〇`、`△△` `□□` `☆☆` `■■` `▲▲`，以及量词或单位前的单个 `□` `△`（`共□名`、`△镇`）；',
      '- 星号：模板网站用星号遮去的名称和数字（`*镇`、`中共*县委`、`*.*万元`、`**次`、`微**`、引号中的`“*****”`，书名号中后跟说明的`《*（……）》`）；',
      '- `某某` 和 `某`＋单位（某镇、某局、某医院、某工业园区、某中心）；',
      '- 空白：`＿＿` `__`、紧挨汉字的单个 `_` `＿`、空括号 `（  ）`、填空括号 `【单位名称】`；',
      '- 年份：`20XX` `202X` `20__` `20_年` `202_年` `____年`；',
      '- 供选择的写法：`县（市、区）党委`、`全县（市、区）`，请只保留本单位实际的一级；',
      '- 括号里写给作者的填写说明：`（请结合实际添加）`、`（此处填写活动名称）`、`（根据实际情况填写）`、`【可结合本单位实际增减内容】`，请按说明写上内容，再删去说明；',
      '- 模板网站用字母遮去的词：`ZZ责任` `ZZ方向`（政治）、`X的二十届` `X员干部` `X组织`（党），由后面的词认出，提示遮去的是哪个词，并提供改回的快速修复（需逐个确认，「全部修复」不会自动改；其余占位符都须作者自己填写）。',
      '',
      '不报告：属于单词的拉丁字母（APP、PPT、QQ、5G、VR、Windows XP、X光、X射线、CT、B超、N95、N+1，小写的 qq、ppt、pdf 等）；',
      '乘号 `3×4` `5*2`、年份中的“○”（二○○八年）、网址和邮箱中的 `xx` `_`、代码中的 `__init__` `snake_case`；',
      '`某些` `某种` `某个` `某一` `某位` `某方面` `某程度` `某段时间`，以及案例中有意隐去名称的 `某村民` `某企业员工`、讲述舆情事件的句子中的 `某医院` `某镇`；',
      '行首的项目符号 `□ ` `* `、由符号组成的分隔线、星级 `☆☆☆级` `★★★`；星号不挨着汉字时不算，`注*` 也不算；',
      'Markdown 文件中成对的 `*强调*` `**加粗**` 是格式，不是占位符（`**次` 这样后面紧跟量词的除外）；',
      '`各县（市区）` `各县（市、区）` `31个省（区、市）` `所辖县（市、区）` 指各个县市区，是正常写法；',
      '只是引用或指引的括号（`（根据《条例》第十条）`、`（请见附件1）`、`（此处省略）`）不是填写说明。',
      '',
      '删改时把名称或数字删掉、只留下前后文字的地方，以**警告**提示「此处似乎缺少内容」（诊断代码同为 `placeholder`，级别最高为警告）：',
      '- 固定提法中间空了：`以思想为指导`、`习新时代`、`党的大精神`、`二十届中全会`、`学习贯彻党的精神`、`在的正确领导下`、`向看齐`、`以同志为核心`、`以为核心的党中央`、`学习贯彻重要讲话`（提法及其通常的写法在数据文件 `server/src/data/placeholder.json` 中）；',
      '- 两个汉字之间的点：`特色.主义`、`党的.精神`（`一.主要工作` 这样的标题序号除外）；',
      '- 后面没有内容的连词：`党的二十大精神和，`（`温和` `普及` `参与` 等词不算）；',
      '- 中间是空的引号、书名号：`实施“”规划`、`学习《》`；',
      '- 以上提法中间只有空格：`在 的领导下`、`向 看齐`。',
      '从 PDF 或网页复制时换行留下的普通空格（`按照 县教委`、`存在 的问题`）无法与删掉的内容区分，不报告；一行里有三处以上汉字间空格时视为排版，都不报告。',
      '',
      '模板网站残留内容中的占位符同样报告（删除残留或填上内容都可以）。',
      '',
      '- 错误示例：`全年召开党委会X次，XX镇党委在《XX日报》发表稿件。`',
      '- 正确示例：`全年召开党委会12次，城关镇党委在《平安日报》发表稿件。`',
      '',
      '在设置 `zongjie.placeholderPatterns` 中可以加入本单位惯用的其他占位写法（正则表达式）。',
    ],
  },
  defaultSeverity: 'error',
  fixable: true,
  fillIn: true,
  scope: 'line',
  // Every line with text: a placeholder in residue or a collection's title still needs filling in.
  kinds: ['body', 'heading', 'title', 'residue', 'collection', 'toc'],
  checkLine(line, ctx) {
    const placeholders = findPlaceholders(line, ctx.markdown, ctx.extraPlaceholderPatterns);
    const out: RuleFinding[] = placeholders.map((p) => {
      const range = lineRange(0, p.start, p.end);
      const found: RuleFinding = {
        message: placeholderMessage(p, line),
        range,
        data: p.choice ? { placeholder: p.text, expects: p.expects, choice: true } : { placeholder: p.text, expects: p.expects },
      };
      // A masked word has one reading: offered as a quick fix, never applied unasked (the letters may be the text's own).
      if (p.masked) found.fix = { title: `改为「${p.masked.word}」`, edits: [{ range, newText: p.masked.word }], manual: true };
      return found;
    });
    for (const g of findGaps(line)) {
      // A gap around a placeholder (*县（市、区）) is the placeholder's.
      if (placeholders.some((p) => p.start < g.end && g.start < p.end)) continue;
      out.push({
        message: gapMessage(g),
        range: lineRange(0, g.start, g.end),
        // Less certain than a placeholder: a warning at most.
        severity: 'warning',
        data: { placeholder: g.text, expects: 'content', gap: g.kind },
      });
    }
    return out.length > 1 ? out.sort((a, b) => a.range.start.character - b.range.start.character) : out;
  },
};
