/**
 * outdated-reference: guidance that is out of date for the report's period.
 *
 * - Superseded: a previous congress or its plenums cited as the guidance of
 *   the day in a report written after the next congress — 「深入学习贯彻党的十九大
 *   精神」 in a 2024 report (the 20th Congress met in October 2022). "Cited as
 *   current" means the reference is what is studied, carried out or preached:
 *   精神 or 宣讲 follows it in the same clause. A historical mention is
 *   fine: 「党的十九大以来」「从党的十九大到二十大」「党的十九大报告指出」, and so is a
 *   list that reaches the current congress (「党的十九大、二十大精神」).
 * - Anachronism: a meeting cited in a report whose period ends before the
 *   meeting took place (二十届四中全会, October 2025, in a 2024 report), unless
 *   the report looks forward to it (迎接、喜迎、即将召开).
 *
 * - Slogan of a past period: a campaign, goal or guiding slogan written as
 *   today's task after its time was over — 「以开展党史学习教育为主线」 in 2023,
 *   「喜迎建党100周年」 in 2022, 「决胜全面建成小康社会」 in 2022, 「深入贯彻落实科学
 *   发展观」 in 2020. The data holds the task wording only (以…为主线, 喜迎, 决胜),
 *   never the bare name, and a sentence that tells history (回顾, 以来, an
 *   earlier year, 提出) is left alone.
 *
 * The report's period comes from its title (or opening); a report with no year
 * or a placeholder year (202X) gets nothing. Dates are data
 * (data/dated-references.json), each with its source.
 */
import dated from '../data/dated-references.json';
import { lineRange, RuleFinding } from '../engine/types';
import { LineRule } from './rule';
import { ReportPeriod, monthIndex, reportPeriod } from '../engine/period';

interface DatedItem {
  id: string;
  name: string;
  re: RegExp;
  month: number;
  date: string;
  supersededBy: { name: string; month: number; date: string } | null;
  source: string;
}

function toMonth(date: string): number {
  const [y, m] = date.split('-').map(Number);
  return monthIndex(y, m);
}

const ITEMS: DatedItem[] = dated.items.map((i) => ({
  id: i.id,
  name: i.name,
  re: new RegExp(`^(?:${i.pattern})$`),
  month: toMonth(i.date),
  date: i.date,
  supersededBy: i.supersededBy ? { ...i.supersededBy, month: toMonth(i.supersededBy.date) } : null,
  source: i.source,
}));

interface Slogan {
  id: string;
  name: string;
  re: RegExp;
  /** Strings of which every match of `re` holds one: looked for before `re` runs (and is compiled). */
  needs: readonly string[];
  until: number;
  currentUntil: string;
  endedBy: string;
  instead: string;
  source: string;
}

const SLOGANS: Slogan[] = dated.slogans.map((s) => ({
  id: s.id,
  name: s.name,
  re: new RegExp(s.pattern, 'g'),
  needs: s.needs,
  until: toMonth(s.currentUntil),
  currentUntil: s.currentUntil,
  endedBy: s.endedBy,
  instead: s.instead,
  source: s.source,
}));

/**
 * A line that may hold a slogan: one of the slogans' `needs`. Most lines hold
 * none, and this test of a few plain strings spares them the per-slogan scans;
 * it replaces the alternation of every slogan's pattern, whose compilation
 * was most of the rule's cost on a small draft's first analysis.
 */
const MAY_HOLD_SLOGAN = new RegExp([...new Set(dated.slogans.flatMap((s) => s.needs))].map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

function holdsOne(line: string, needs: readonly string[]): boolean {
  for (let i = 0; i < needs.length; i++) if (line.includes(needs[i])) return true;
  return false;
}

/** Words in the sentence before a slogan that make it history: 回顾, 曾, 当年, 从…到. */
const SLOGAN_HISTORY_BEFORE = /回顾|曾经?|当年|那时|历程|(?:提出|从|自)[^，。；！？]{0,6}$/;
/** Words right after a slogan that make it history: 以来, 时期, 到, 提出. */
const SLOGAN_HISTORY_AFTER = /^[”"」’]?(?:以来|时期|期间|时|阶段以来|的历史|的历程|到|至|提出|目标的提出|的目标已经实现|目标如期实现|取得)/;
const YEAR_IN = /(?<![0-9０-９])((?:19|20)[0-9]{2})\s*年/g;

/** Slogans of a past period written as current in a line of a report about `period`. */
export function checkSlogans(line: string, l: number, period: ReportPeriod): RuleFinding[] {
  if (!MAY_HOLD_SLOGAN.test(line)) return [];
  const out: RuleFinding[] = [];
  for (const s of SLOGANS) {
    if (s.until >= period.startMonth || !holdsOne(line, s.needs)) continue;
    s.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = s.re.exec(line))) {
      const start = m.index;
      const end = start + m[0].length;
      const sentenceStart = Math.max(line.lastIndexOf('。', start - 1), line.lastIndexOf('！', start - 1), line.lastIndexOf('？', start - 1)) + 1;
      const before = line.slice(sentenceStart, start);
      // Inside 《…》 it is part of a document's title (《…为决胜全面建成小康社会提供…的通知》), quoted as issued.
      if (line.lastIndexOf('《', start) > line.lastIndexOf('》', start)) continue;
      if (SLOGAN_HISTORY_BEFORE.test(before) || SLOGAN_HISTORY_AFTER.test(line.slice(end))) continue;
      // 「2019年，以开展主题教育为主线…」 in a later report tells what was done then.
      YEAR_IN.lastIndex = 0;
      let y: RegExpExecArray | null;
      let earlier = false;
      while ((y = YEAR_IN.exec(before))) if (Number(y[1]) < period.year) earlier = true;
      if (earlier) continue;
      out.push({
        message: `本报告属于${describePeriod(period)}，「${m[0]}」已不是当前的提法：${s.endedBy}。请改用现行提法（如「${s.instead}」）；若是回顾历史，请写明年份或「回顾」。`,
        range: lineRange(l, start, end),
        data: { kind: 'slogan', item: s.id, currentUntil: s.currentUntil, source: s.source },
      });
    }
  }
  return out;
}

/**
 * A congress (党的十九大; also 党的十九精神 with its 大 lost, which formulation
 * reports as well) or a plenum list of one Central Committee (十九届二中、三中、四中全会;
 * also 十九四中全会 with its 届 lost).
 */
const REFERENCE = /(?:党的)?(十八|十九|二十)大|党的(十八|十九|二十)(?=精神)|(十八|十九|二十)届((?:[一二三四五六七]中(?:全会)?(?:、|和|及|以及|与)?)+|(?:历次|各次)全会)|(?<!届)(十八|十九|二十)([一二三四五六七]中全会)/g;

/** What every match of REFERENCE holds: the number of a congress or a Central Committee. */
const REFERENCE_GATE = /十八|十九|二十/;

/** What follows a bare 十九大 / 二十大 that is the congress. */
const CONGRESS_AFTER = /^(?:精神|报告|代表|召开|胜利|以来|宣讲|开幕|闭幕|期间|前|后|主题|提出|强调|指出|部署|擘画|作出|确定|通过|上|的|和|及|与|[，。；：、”》）]|$)/;

/** The data item a name denotes (党的十九大, 十九届四中全会), looked up once per name: a draft repeats a few names many times. */
const ITEM_BY_NAME = new Map<string, DatedItem | undefined>();
function itemNamed(name: string): DatedItem | undefined {
  if (!ITEM_BY_NAME.has(name)) ITEM_BY_NAME.set(name, ITEMS.find((i) => i.re.test(name)));
  return ITEM_BY_NAME.get(name);
}

export interface Reference {
  start: number;
  end: number;
  text: string;
  items: DatedItem[];
  /**
   * The reference written without its 大 or 届 (党的十九精神, 十九四中全会): also a
   * wrong formulation, said in the same finding; `right` is the reference written right.
   */
  lost?: { char: string; right: string };
}

const SEPARATOR_END = /(?:、|和|及|以及|与)$/;

/** The dated references in a line, each with the data items it names. */
export function findReferences(line: string): Reference[] {
  const out: Reference[] = [];
  REFERENCE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = REFERENCE.exec(line))) {
    let text = m[0];
    // A list ends with its 全会; a trailing separator belongs to the sentence (only a list can end with one).
    if (m[4] !== undefined && SEPARATOR_END.test(text)) text = text.replace(/(?:、|和|及|以及|与)$/, '');
    const names: string[] = [];
    if (m[1]) {
      names.push(text);
    } else if (m[2]) {
      names.push(`党的${m[2]}大`);
    } else if (m[5]) {
      names.push(`${m[5]}届${m[6]}`);
    } else if (/历次|各次/.test(m[4])) {
      names.push(`${m[3]}届${m[4]}`);
    } else {
      for (const n of m[4].match(/[一二三四五六七]中/g) ?? []) names.push(`${m[3]}届${n}全会`);
    }
    // A bare 二十大 may be "twenty major …" (二十大重点项目): without 党的 it must read as the congress.
    if (m[1] && !text.startsWith('党的') && !CONGRESS_AFTER.test(line.slice(m.index + text.length))) continue;
    const items: DatedItem[] = [];
    for (let i = 0; i < names.length; i++) {
      const item = itemNamed(names[i]);
      if (item !== undefined) items.push(item);
    }
    if (!items.length) continue;
    const ref: Reference = { start: m.index, end: m.index + text.length, text, items };
    if (m[2]) ref.lost = { char: '大', right: `党的${m[2]}大` };
    if (m[5]) ref.lost = { char: '届', right: `${m[5]}届${m[6]}` };
    out.push(ref);
  }
  return out;
}

/** Words right after a reference that make it a point in history, not the guidance studied. */
const HISTORICAL_AFTER = /^(?:召开)?(?:以来|以后|之后|后|前|期间|召开|胜利召开|闭幕|至今|到|至|时|上|代表)/;
/** Words that make the reference the thing studied, carried out or preached. */
const CITED = /精神|宣讲/;
// 「迎接党的二十大」「从党的十九大到二十大」 look forward to the meeting.
const FORWARD_BEFORE = /(?:(?:迎接|喜迎|迎|筹备|即将|将要|将于)[^，。；]{0,4}|[到至])$/;
const FORWARD_AFTER = /^(?:召开前|前夕|即将|将于|召开之际)/;

function formatMonth(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return `${y}年${m}月`;
}

function describePeriod(p: ReportPeriod): string {
  const y = Math.floor(p.startMonth / 12);
  const s = (p.startMonth % 12) + 1;
  const e = (p.endMonth % 12) + 1;
  if (s === 1 && e === 12) return `${y}年`;
  if (s === 1 && e === 6) return `${y}年上半年`;
  if (s === 7 && e === 12) return `${y}年下半年`;
  return `${y}年${s}—${e}月`;
}

const COVERS_FORMULATION: readonly string[] = ['formulation'];

function withCovers(f: RuleFinding, covers: readonly string[] | undefined): RuleFinding {
  if (covers) f.covers = covers;
  return f;
}

/** What may join two references into one phrase (党的十九大和十九届历次全会精神). */
const JOINER = /^(?:、|和|及|以及|与)$/;

function supersededMessage(period: ReportPeriod, lostText: string, written: string, stale: DatedItem, sup: NonNullable<DatedItem['supersededBy']>): string {
  return `${lostText}本报告属于${describePeriod(period)}，${sup.name}已于${formatMonth(sup.date)}召开，「${written}」不宜再作为当前学习贯彻的内容：请改用${sup.name}以来的现行提法；若是回顾历史，请写明（如「${stale.name}以来」）。`;
}

/** The first item that took place after the period: ref.items.find, without a closure per reference. */
function futureItem(items: readonly DatedItem[], period: ReportPeriod): DatedItem | undefined {
  for (let i = 0; i < items.length; i++) if (items[i].month > period.endMonth) return items[i];
  return undefined;
}

/** The first item superseded before the period began. */
function staleItem(items: readonly DatedItem[], period: ReportPeriod): DatedItem | undefined {
  for (let i = 0; i < items.length; i++) {
    const sup = items[i].supersededBy;
    if (sup && sup.month < period.startMonth) return items[i];
  }
  return undefined;
}

export function checkLine(line: string, l: number, period: ReportPeriod): RuleFinding[] {
  const out: RuleFinding[] = checkSlogans(line, l, period);
  // The last superseded finding, while the next reference may still join its phrase.
  let open: { finding: RuleFinding; start: number; end: number; stale: DatedItem; sup: NonNullable<DatedItem['supersededBy']> } | null = null;
  // Called for every line of every report on a draft's first analysis, mostly
  // in code V8 has not optimised yet: a reference that is neither in the
  // future nor superseded (almost every one: the current congress) is passed
  // over before any copy, range or message is made for it.
  const refs = findReferences(line);
  for (let r = 0; r < refs.length; r++) {
    const ref = refs[r];
    const joined = open !== null && JOINER.test(line.slice(open.end, ref.start));
    if (!joined) open = null;
    const future = futureItem(ref.items, period);
    const stale = future ? undefined : staleItem(ref.items, period);
    if (!future && (!stale || !stale.supersededBy)) {
      open = null;
      continue;
    }
    const range = lineRange(l, ref.start, ref.end);
    const after = line.slice(ref.end);
    // 党的十九精神 in 2024: a wrong formulation and an outdated reference, said in one finding (formulation stays silent there).
    const lostText = ref.lost ? `「${ref.text}」漏了「${ref.lost.char}」字，规范简称是「${ref.lost.right}」；而且` : '';
    const covers = ref.lost ? COVERS_FORMULATION : undefined;
    if (future) {
      open = null;
      if (FORWARD_BEFORE.test(line.slice(0, ref.start)) || FORWARD_AFTER.test(after)) continue;
      out.push(withCovers({
        message: `${lostText}${future.name}于${formatMonth(future.date)}召开，晚于本报告的报告期（${describePeriod(period)}）：请核对会议名称或报告年份。`,
        range,
        data: { kind: 'anachronism', item: future.id, source: future.source },
      }, covers));
      continue;
    }
    if (!stale || !stale.supersededBy) continue;
    if (HISTORICAL_AFTER.test(after)) continue;
    // The rest of the clause: what the reference is cited for.
    const clause = /^[^，。；：！？,;:!?]{0,20}/.exec(after)![0];
    if (!CITED.test(clause)) continue;
    // 「党的十九大、二十大精神」: a list that reaches the current congress is history plus the present.
    if (/二十大|二十届/.test(clause)) continue;
    const sup = stale.supersededBy;
    // 「党的十九大和十九届历次全会精神」 is one phrase and one problem: one finding over both names.
    if (open && joined && !ref.lost && open.sup.name === sup.name) {
      open.end = ref.end;
      open.finding.range = lineRange(l, open.start, ref.end);
      open.finding.message = supersededMessage(period, '', line.slice(open.start, ref.end), open.stale, sup);
      continue;
    }
    const finding = withCovers({
      message: supersededMessage(period, lostText, ref.lost?.right ?? ref.text, stale, sup),
      range,
      data: { kind: 'superseded', item: stale.id, supersededBy: sup.name, source: stale.source },
    }, covers);
    out.push(finding);
    open = ref.lost ? null : { finding, start: ref.start, end: ref.end, stale, sup };
  }
  return out;
}

export const outdatedReferenceRule: LineRule<ReportPeriod> = {
  id: 'outdated-reference',
  docs: {
    title: '提法与报告年份不符',
    summary: '与报告年份不符的提法：换届后仍把上一届党代会、全会精神作为当前学习内容，把过了时的口号、目标当作当前任务，或引用报告期之后才召开的会议',
    readme: { problem: '过时的提法', examples: '2024 年的报告仍写“深入学习贯彻党的十九大精神”' },
    hover: {
      explanation: '换届以后仍把上一届党代会或全会精神作为当前学习贯彻的内容，或者引用了报告期之后才召开的会议，多半是照搬了往年的旧稿。作为历史回顾（“党的十九大以来”）的提法不在此列。',
      wrong: '（2024年的总结中）深入学习贯彻党的十九大精神。',
      right: '（2024年的总结中）深入学习贯彻党的二十大精神。',
    },
    details: [
      '与报告年份不符的提法：换届后仍把上一届党代会、全会精神作为当前的学习贯彻内容，或引用报告期之后才召开的会议。',
      '',
      '- 默认级别：警告',
      '- 可一键修复：否（应改成哪一次会议、哪种提法，要由作者根据实际工作决定）',
      '- 需要中文分词：否',
      '',
      '报告的年份取自标题（标题没有年份时取自导语）；标题中的年份还是占位符（`202X`）或没有年份时，不作判断。',
      '党的二十大于2022年10月召开，所以2023年及以后的报告中「深入学习贯彻党的十九大精神」「党的十九大宣讲团」',
      '「十九届五中全会精神」会被指出；2018年、2020年的报告引用党的十九大是对的，不报告。',
      '只有把会议作为当前学习、贯彻、宣讲的内容（同一分句中后接「精神」「宣讲」）才算“作为当前提法”；',
      '回顾历史的说法不报告：`党的十九大以来`、`从党的十九大到二十大`、`党的十九大报告指出`、`党的十八大、十九大、二十大精神`。',
      '报告期结束时还没有召开的会议（如2024年的报告中出现「二十届四中全会」，该会于2025年10月召开）也会被指出，',
      '「迎接」「喜迎」「即将召开」的说法除外。会议日期及其出处在数据文件 `server/src/data/dated-references.json` 中。',
      '已经过了时的口号、目标和集中教育，作为当前任务来写时也会被指出：2022年及以后的「以开展党史学习教育为主线」、',
      '2021年7月以后的「喜迎建党100周年」、2012年11月以后的「全面建设小康社会」（党的十八大改为「全面建成」）、',
      '2021年及以后的「决胜全面建成小康社会」、党的十九大以后的「深入贯彻落实科学发展观」、「深化创先争优活动」等。',
      '只认作为当前任务的写法（以……为主线、喜迎、决胜、深入贯彻落实），不认单独的名称；写明是回顾（「回顾」「以来」「提出」、',
      '句中写了更早的年份，如「2019年，以……主题教育为主线」）或在书名号中作为文件名时不报告；',
      '`巩固拓展党史学习教育成果`、指导思想完整表述中的「科学发展观」也不报告。每条提法的时限和出处在同一数据文件的 `slogans` 中。',
      '同一短语中用「和」「、」「及」并列的几个过时提法（2025年的报告中的「党的十九大和十九届历次全会精神」）合报一次。',
      '既漏了「大」或「届」字、又已过时的提法（2024年的报告中的「党的十九精神」「十九五中全会精神」）只报告一次：由本规则报告，提示同时指出漏字和过时，规则 `formulation` 在此处不再重复报告。',
      '',
      '- 错误示例（2024年的报告）：`深入学习贯彻党的十九大精神，组建党的十九大宣讲团。`',
      '- 正确示例（2024年的报告）：`深入学习贯彻党的二十大和二十届三中全会精神。党的十九大以来，我局意识形态工作取得长足进步。`',
    ],
  },
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'line',
  kinds: ['body', 'heading'],
  // The findings depend on the report's period as well as on the line.
  reportFacts: (report, source) => reportPeriod(report, source),
  // Most lines name no congress and hold no slogan: the runner skips them before it looks up the memo.
  mayFind: (line) => REFERENCE_GATE.test(line) || MAY_HOLD_SLOGAN.test(line),
  checkLine: (line, ctx) => checkLine(line, 0, ctx.facts),
};
