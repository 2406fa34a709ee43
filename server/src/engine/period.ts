/**
 * The period a report covers (a year, a half, a quarter), read from its title
 * or opening paragraph: year-mismatch compares years against it, and
 * outdated-reference dates the items a report cites.
 */
import type { Report } from './parse';
import { AnswersPerText, SourceText } from './source';

export interface ReportPeriod {
  year: number;
  /** First and last month of the period, as YYYY*12 + (month - 1), for comparisons with dated events. */
  startMonth: number;
  endMonth: number;
  /** Where the year was read: the title, or the opening paragraph. */
  from: 'title' | 'opening';
  /** The year as written and where. */
  line: number;
  start: number;
  end: number;
}

export function monthIndex(year: number, month: number): number {
  return year * 12 + (month - 1);
}

const YEAR = /(?<![0-9０-９])((?:19|20)[0-9]{2})\s*年/g;
/** A year being filled in (202X, 20XX) means the period is not known yet. */
const PLACEHOLDER_YEAR = /(?<![0-9A-Za-z])(?:19|20)(?:[0-9][XxＸｘ×]|[XxＸｘ×]{2})/;

/** True for the first character of what periodAt's patterns read after a year: 度 上 下 第 一二三四 1-4. */
function mayNamePart(c: number): boolean {
  return c === 0x5ea6 || c === 0x4e0a || c === 0x4e0b || c === 0x7b2c || c === 0x4e00 || c === 0x4e8c || c === 0x4e09 || c === 0x56db || (c >= 49 && c <= 52);
}

function periodAt(text: string, index: number, length: number, year: number): { startMonth: number; endMonth: number } {
  // Most years are a whole year (「2024年意识形态工作总结」): no copy and no pattern for them.
  if (!mayNamePart(text.charCodeAt(index + length))) return { startMonth: monthIndex(year, 1), endMonth: monthIndex(year, 12) };
  const after = text.slice(index + length, index + length + 8);
  if (/^度?上半年|^度?1[-—～~至到]6月/.test(after)) return { startMonth: monthIndex(year, 1), endMonth: monthIndex(year, 6) };
  if (/^度?下半年/.test(after)) return { startMonth: monthIndex(year, 7), endMonth: monthIndex(year, 12) };
  const q = /^度?第?([一二三四1-4])季度/.exec(after);
  if (q) {
    const n = '一二三四'.indexOf(q[1]) >= 0 ? '一二三四'.indexOf(q[1]) + 1 : Number(q[1]);
    return { startMonth: monthIndex(year, n * 3 - 2), endMonth: monthIndex(year, n * 3) };
  }
  return { startMonth: monthIndex(year, 1), endMonth: monthIndex(year, 12) };
}

/**
 * The period a report covers: the first year in its title (「2023年…总结及2024年
 * 工作打算」 reports on 2023), else the first year of its opening paragraph.
 * Null when the title's year is still a placeholder (202X) or no year is given.
 */
export function reportPeriod(report: Report, source: SourceText): ReportPeriod | null {
  return PERIODS.get(source, report, () => periodOf(report, source));
}

/** Three rules ask for the period of every report they check. */
const PERIODS = new AnswersPerText<Report, ReportPeriod | null>();

function periodOf(report: Report, source: SourceText): ReportPeriod | null {
  // Run for every report by two rules on a draft's first analysis: the title's year, else the opening's, read without a list of candidates.
  if (report.title) {
    const segments = report.title.segments;
    const text = segments ? segments.map((g) => source.lines[g.line].slice(g.start, g.end)).join('') : source.lines[report.title.line].slice(report.title.start, report.title.end);
    if (PLACEHOLDER_YEAR.test(text)) return null;
    if (segments) {
      // A title split over lines: the year is read from the joined text and placed on its own line.
      YEAR.lastIndex = 0;
      const m = YEAR.exec(text);
      if (m) {
        let at = m.index;
        for (const g of segments) {
          if (at < g.end - g.start) {
            const year = Number(m[1]);
            const { startMonth, endMonth } = periodAt(text, m.index, m[0].length, year);
            return { year, startMonth, endMonth, from: 'title', line: g.line, start: g.start + at, end: g.start + at + m[1].length };
          }
          at -= g.end - g.start;
        }
      }
    } else {
      const found = yearIn(text, report.title.line, report.title.start, 'title');
      if (found) return found;
    }
  }
  return report.opening ? yearIn(source.lines[report.opening.line], report.opening.line, 0, 'opening') : null;
}

/** The period of the first year in `text` (line `line`, from `offset`); null when it names none. */
function yearIn(text: string, line: number, offset: number, from: 'title' | 'opening'): ReportPeriod | null {
  YEAR.lastIndex = 0;
  const m = YEAR.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const { startMonth, endMonth } = periodAt(text, m.index, m[0].length, year);
  return { year, startMonth, endMonth, from, line, start: offset + m.index, end: offset + m.index + m[1].length };
}
