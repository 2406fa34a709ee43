/**
 * year-mismatch: the years of a report that do not agree.
 *
 * - The title names one year, the opening paragraph reports on another
 *   (「2023年意识形态工作总结」 opening with 「2022年，局党组…」 or
 *   「现将2022年意识形态工作情况总结如下」). A period that reaches back
 *   (「2020年以来」) includes the title's year and is fine.
 * - A sentence that lost its year: 「现将年意识形态工作情况总结如下」,
 *   a paragraph opening with 「年以来，」. 今年、全年、年度、年初、年底 are words and
 *   never match.
 *
 * The report's period is engine/period.ts, shared with outdated-reference.
 */
import lostYear from '../data/lost-year.json';
import { reportPeriod } from '../engine/period';
import { lineRange, RuleFinding } from '../engine/types';
import { ReportRule, RuleContext } from './rule';

/**
 * Years in the opening that name the period reported on: 「现将2022年…总结如下」,
 * 「2022年以来」 and 「2022年，」 at the start of the paragraph.
 */
function openingYears(line: string): { year: number; start: number; end: number; since: boolean }[] {
  const out: { year: number; start: number; end: number; since: boolean }[] = [];
  const lead = /^[\s\u3000]*((?:19|20)[0-9]{2})年(度)?(以来|[，,]|上半年|下半年|[1-9]|[一二三四]季度)/.exec(line);
  if (lead) {
    const start = line.indexOf(lead[1]);
    out.push({ year: Number(lead[1]), start, end: start + 4, since: lead[3] === '以来' });
  }
  const report = /现将[^。；]{0,16}?((?:19|20)[0-9]{2})年(度)?(以来)?[^。；]{0,40}?(总结|汇报|报告)如下/g;
  let m: RegExpExecArray | null;
  while ((m = report.exec(line))) {
    const start = m.index + m[0].indexOf(m[1]);
    // 「现将本年度工作总结及2027年工作打算报告如下」: the year after 及 is the plan's.
    if (/[及和与暨、]$/.test(line.slice(0, start))) continue;
    if (!out.some((o) => o.start === start)) out.push({ year: Number(m[1]), start, end: start + 4, since: m[3] === '以来' });
  }
  return out;
}

/**
 * A unit still to be filled in after the lost year of a title or paragraph:
 * 「年 XX 社区…工作总结」, 「年**镇…」 (placeholders as written in templates).
 */
const PLACEHOLDER_UNIT = '(?:[XxＸｘ×]{2,}|[*＊]{2,}|[_＿]{2,}|某{1,2}|○{2,})';

/** A line that ends with a year: the next line's leading 年 is its own, cut off by a page wrap (「2020」/「年社区…」). */
const ENDS_WITH_YEAR = /(?:19|20)[0-9]{2}[\s\u3000]*$/;

/**
 * 年 where a year was meant and none is written: after 现将 or a sentence mark,
 * or at the start of a paragraph, and before the period's own words. (A 、 is
 * not enough: 「按月、季、年工作安排」 lists periods.)
 */
const LOST_YEAR = new RegExp(
  `(现将|截至|截止|[，。；：]|^[\\s\\u3000]*)年(?=${lostYear.after.join('|')})|(^[\\s\\u3000]*)年(?=[，,]|[\\s\\u3000]*(?:${PLACEHOLDER_UNIT}|(?:${lostYear.after.join('|')})))`,
  'g',
);

export const yearMismatchRule: ReportRule = {
  id: 'year-mismatch',
  docs: {
    title: '年份不一致或漏写',
    summary: '标题的年份与正文所写的报告期不一致，或句子中的年份漏写（「现将年…」）',
    readme: { problem: '年份不符或漏写', examples: '标题是 2023 年、正文写 2022 年；`现将年意识形态工作情况总结如下`' },
    hover: {
      explanation: '标题写的是一个年份，导语或正文报告的却是另一年，或者句子中的年份被删掉了（“现将年……”）。这通常是改用旧稿时漏改的地方，请核对报告期。',
      wrong: '2024年意识形态工作总结\n现将年意识形态工作情况总结如下。',
      right: '2024年意识形态工作总结\n现将2024年意识形态工作情况总结如下。',
    },
    details: [
      '标题的年份与正文所写的报告期不一致，或句子中的年份漏写了。',
      '',
      '- 默认级别：警告',
      '- 可一键修复：漏写年份、且能确定是本报告年份时（「现将年……总结如下」、导语中的「年以来」）是，补上标题中的年份；标题与正文年份不一致时否（不知道哪一个是对的）',
      '- 需要中文分词：否',
      '',
      '只比较导语中表示报告期的说法：「现将2022年……总结如下」、段首的「2022年，」「2022年以来」。',
      '从更早的年份算起的报告期（「2020年以来」）包含标题年份，不报告；标题同时写了总结年份和打算年份',
      '（「2023年……总结及2024年工作打算」）时，两个年份都算对。`今年`、`全年`、`年度`、`年初`、`年底` 不是漏写。',
      '标题或段落以「年」开头、后面是空格加单位占位符或报告期用语（`年 XX 社区宣传思想文化工作总结`）也是漏写了年份；',
      '上一行以年份结尾（排版换行把「2020」和「年……」分到两行）时不报告。每页重复的同一页眉只报告一次。',
      '',
      '- 错误示例：标题为 `2023年意识形态工作总结`，导语写 `现将年意识形态工作情况总结如下。`',
      '- 正确示例：`现将2023年意识形态工作情况总结如下。`',
    ],
  },
  defaultSeverity: 'warning',
  fixable: true,
  scope: 'report',
  checkReport(report, ctx) {
    const { doc, source } = ctx;
    const inReport: RuleFinding[] = [];
    const period = reportPeriod(report, source);
    const titleYear = period?.from === 'title' ? period.year : null;
    if (titleYear !== null && report.opening && report.title) {
      // 「2023年…总结及2024年工作打算」 names both years.
      const titleText = report.title.text;
      const l = report.opening.line;
      for (const y of openingYears(source.lines[l])) {
        if (namesYear(titleText, y.year) || (y.since && y.year < titleYear)) continue;
        inReport.push({
          message: y.since
            ? `标题写的是${titleYear}年，这里却从${y.year}年算起：报告期还没开始，请核对年份。`
            : `标题写的是${titleYear}年，这里写的报告期却是${y.year}年：请核对标题或正文中的年份。`,
          range: lineRange(l, y.start, y.end),
          data: { titleYear, bodyYear: y.year },
        });
      }
    }
    // A running page header repeats the same line on every page: its lost year is said once.
    // Made at the first lost year (most reports have none), as are a line's key and wrap test.
    let seen: Set<string> | null = null;
    for (let l = report.startLine; l <= report.endLine; l++) {
      const kind = doc.lines[l].kind;
      if (kind !== 'body' && kind !== 'heading' && kind !== 'title') continue;
      const line = source.lines[l];
      // Every match of LOST_YEAR holds a 年 where a year may have been lost: most lines have none, and skip the pattern.
      if (!mayLoseYear(line)) continue;
      LOST_YEAR.lastIndex = 0;
      let m = LOST_YEAR.exec(line);
      if (!m) continue;
      const key = line.trim();
      if (seen?.has(key)) continue;
      const wrapped = l > 0 && ENDS_WITH_YEAR.test(source.lines[l - 1]);
      for (; m; m = LOST_YEAR.exec(line)) {
        const lead = m[1] ?? m[2] ?? '';
        const at = m.index + lead.length;
        if (wrapped && m.index === 0 && /^[\s\u3000]*$/.test(lead)) continue;
        // A line that a hard wrap or PDF extraction cut after the year: 「2025」/「年意识形态……」 reads as one.
        if (at === doc.lines[l].start && yearEndsLineBefore(doc, source, l, report.startLine)) continue;
        // The year is certain only where the sentence speaks of the period reported
        // on: 「现将年…总结如下」 or the opening paragraph.
        const year = period && (lead === '现将' || l === report.opening?.line) ? period.year : null;
        (seen ??= new Set()).add(key);
        inReport.push({
          message: year
            ? `「年」前面漏写了年份：按本报告所属年份应为「${year}年」，请补上。`
            : '「年」前面漏写了年份，请补上具体年份。',
          range: lineRange(l, at, at + 1),
          fix: year ? { title: `补上年份「${year}」`, edits: [{ range: lineRange(l, at, at), newText: String(year) }] } : undefined,
          data: { lostYear: true },
        });
      }
    }
    return inReport;
  },
};

/**
 * Whether `title` writes `year` (19xx or 20xx) before 年, as a match of
 * /(?:19|20)[0-9]{2}(?=\s*年)/g would find it (such matches never overlap, so
 * any place counts): looked up in place, with no list or set of the title's years.
 */
function namesYear(title: string, year: number): boolean {
  const digits = String(year);
  for (let at = title.indexOf(digits); at >= 0; at = title.indexOf(digits, at + 1)) {
    if (YEAR_SUFFIX.test(title.slice(at + digits.length))) return true;
  }
  return false;
}
const YEAR_SUFFIX = /^\s*年/;

/**
 * False when no 年 of the line stands where LOST_YEAR looks for one: at the
 * start, or after 现将/截至/截止, a clause mark or a blank (ECMAScript white
 * space, the only other thing its ^[\s\u3000]* lets come first). Found with
 * indexOf, most lines are done without running the pattern.
 */
function mayLoseYear(line: string): boolean {
  for (let i = line.indexOf('年'); i >= 0; i = line.indexOf('年', i + 1)) {
    if (i === 0) return true;
    const c = line.charCodeAt(i - 1);
    // 将 至 止 ， 。 ； ：
    if (c === 0x5c06 || c === 0x81f3 || c === 0x6b62 || c === 0xff0c || c === 0x3002 || c === 0xff1b || c === 0xff1a) return true;
    if (c <= 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) return true;
  }
  return false;
}

/** Whether the content line before `l` (within the report) ends with a year's digits. */
function yearEndsLineBefore(doc: RuleContext['doc'], source: RuleContext['source'], l: number, from: number): boolean {
  for (let k = l - 1; k >= from; k--) {
    const info = doc.lines[k];
    if (info.kind === 'blank') continue;
    return /(?:19|20)[0-9]{2}$/.test(source.lines[k].slice(info.start, info.end));
  }
  return false;
}
