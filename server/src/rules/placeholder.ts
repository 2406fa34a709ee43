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
}

const WORD_CHAR = /[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]/;
const URL_NEIGHBOUR = /[.@/\\_\-:#=&?]/;
const CN_NUMERAL = /[一二三四五六七八九十零〇○]/;
const UNITS_SORTED = [...words.units].sort((a, b) => b.length - a.length);

const RE_YEAR = /(?<![0-9A-Za-z０-９])(?:19|20)(?:[0-9][XxＸｘ×＿_○]|[XxＸｘ×＿_○]{2})(?![0-9A-Za-z])/g;
const RE_LETTERS = /[XxＸｘ]+|z{2,}/g;
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
const FILL_IN_LABEL = new RegExp(words.fillInLabels.join('|'));
/**
 * Matches where any of the patterns above matches: most lines have no
 * placeholder, and one test spares them the nine scans.
 */
const ANY_BUILT_IN = new RegExp([RE_YEAR, RE_LETTERS, RE_TIMES, RE_STARS, RE_CIRCLES, RE_MOUMOU, RE_MOU, RE_BLANK, RE_EMPTY_BRACKETS, RE_FILL_IN].map((r) => `(?:${r.source})`).join('|'));

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
  if (extra.length === 0 && !ANY_BUILT_IN.test(line)) return [];
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
    const rest = line.slice(s + 1, s + 4);
    if (words.notUnits.some((w) => rest.startsWith(w))) return;
    if (UNITS_SORTED.some((u) => rest.startsWith(u))) add(s, s + 1, 'name');
  });
  scan(RE_BLANK, (m) => {
    const s = m.index;
    const e = s + m[0].length;
    // Markdown strong emphasis: __text__
    if (markdown && m[0].length === 2 && (/^__\S[^_]*?\S__/.test(line.slice(s)) || /__\S[^_]*?\S__$/.test(line.slice(0, e)))) return;
    add(s, e);
  });
  scan(RE_EMPTY_BRACKETS, (m) => add(m.index, m.index + m[0].length));
  scan(RE_FILL_IN, (m) => {
    const label = m[1] ?? m[2] ?? m[3] ?? '';
    // A label that asks for content (【请填写存在的问题的内容】) wants sentences, not a name.
    if (FILL_IN_LABEL.test(label)) add(m.index, m.index + m[0].length, /时间|日期|年份|年度/.test(label) ? 'year' : /数|金额/.test(label) ? 'number' : /内容/.test(label) ? 'content' : 'name');
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
  if (!near(prev, line.charAt(start - 2)) && !near(next, line.charAt(end + 1))) return false;
  if (markdown && isEmphasisRun(line, start, end)) return false;
  return true;
}

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

const EXPECTS_TEXT: Record<PlaceholderMatch['expects'], string> = {
  year: '实际年份',
  number: '实际数字',
  name: '实际名称',
  unit: '单位或地名',
  content: '实际内容',
};

export function placeholderMessage(p: PlaceholderMatch, line: string): string {
  const shown = p.text.trim() ? p.text : line.slice(Math.max(0, p.start - 2), p.end + 2);
  const ctx = p.text === '某' ? `「${line.slice(p.start, p.end + 2).replace(/[，。、；：\s].*$/, '')}」中的「某」` : `「${shown}」`;
  return `${ctx}是模板中待填写的占位符，请填入${EXPECTS_TEXT[p.expects]}后再提交。`;
}

export const placeholderRule: LineRule = {
  id: 'placeholder',
  docs: {
    title: '未填写的占位符',
    summary: '模板中未填写的占位符（X、XX、××、○○、某某、某镇、*镇、**次、＿＿、20XX、【单位名称】等）',
    readme: { problem: '模板中没填的占位符', examples: '`召开会议X次`、`xx镇`、`*镇`、`*.*万元`、`202X年`、`【单位名称】`' },
    hover: {
      explanation: '从模板复制来的稿子里，留给作者填写的位置（X、XX、××、○○、某某、某镇、＿＿、20XX、【单位名称】等）还没有填上。占位符不会被自动修改：请逐个填入真实的数字、名称和年份，可用“跳到下一个占位符”逐个查看。',
      wrong: '全年召开党委会X次，XX镇党委在《XX日报》发表稿件。',
      right: '全年召开党委会12次，城关镇党委在《平安日报》发表稿件。',
    },
    details: [
      '模板中未填写的占位符：`X` `XX` `XXX` `x` `xx` `zz`、`×` `××`、`○○`、`某某` 和 `某`＋单位（某镇、某局）、',
      '空白 `＿＿` `__`、年份 `20XX` `202X` `20__`、填空括号 `【单位名称】`、空括号 `（  ）`，',
      '以及模板网站用星号遮去的名称和数字（`*镇`、`中共*县委`、`*.*万元`、`**次`、`微**`）。每处占位符报告一次，',
      '范围正好是占位符本身；提示会根据上下文说明这里应填什么（数字、单位名称、年份……）。',
      '',
      '属于单词的一部分的拉丁字母不是占位符：APP、PPT、QQ、5G、VR、Windows XP、X光、X射线、CT、B超；',
      '乘号 `3×4` `5*2`、年份中的“○”（二○○八年）、网址和邮箱中的 `xx` 也不报告；星号不挨着汉字时不算，',
      '行首的列表符号 `* `、分隔线 `***`、`注*` 也不算；Markdown 文件中成对的 `*强调*` `**加粗**` 是格式，不是占位符（`**次` 这样后面紧跟量词的除外）。',
      '',
      '- 错误示例：`全年召开党委会X次，XX镇党委在《XX日报》发表稿件。`',
      '- 正确示例：`全年召开党委会12次，城关镇党委在《平安日报》发表稿件。`',
      '',
      '在设置 `zongjie.placeholderPatterns` 中可以加入本单位惯用的其他占位写法（正则表达式）。',
    ],
  },
  defaultSeverity: 'error',
  fixable: false,
  fillIn: true,
  scope: 'line',
  // Every line with text: a placeholder in residue or a collection's title still needs filling in.
  kinds: ['body', 'heading', 'title', 'residue', 'collection'],
  checkLine(line, ctx) {
    return findPlaceholders(line, ctx.markdown, ctx.extraPlaceholderPatterns).map((p) => ({
      message: placeholderMessage(p, line),
      range: lineRange(0, p.start, p.end),
      data: { placeholder: p.text, expects: p.expects },
    }));
  },
};
