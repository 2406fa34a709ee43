/**
 * date-format: dates written in a form the standards do not give.
 *
 * - Anywhere in Chinese text, 2024.12.20 and 2024/12/20: GB/T 15835—2011
 *   5.1.4 writes a date 2024年12月20日 (or 2024-12-20); dots and slashes are
 *   neither. Fix: 2024年12月20日.
 * - A line that is a date alone, or an organisation's name and a date (the
 *   成文日期 of the closing block): GB/T 9704—2012 7.3.5.1 writes it in Arabic
 *   numerals with 年月日 in full and no padding zeros, so 2024-12-20,
 *   二〇二四年十二月二十日 and 2024年03月05日 are reported there too (in running
 *   text 2024-12-20 is allowed by GB/T 15835 and left alone).
 * Every fix is certain: fix all applies it.
 */
import { dateLine } from '../engine/closing';
import { lineRange, RuleFinding } from '../engine/types';
import { LineRule } from './rule';

const QUICK = /\d{4}[./]\d|[年〇零○]|\d{4}[-－]\d/;
const HAN = /\p{Script=Han}/u;
const DOTTED = /(?<![\d./\\-])(\d{4})([./])(\d{1,2})\2(\d{1,2})(?![\d./\\-])(日)?/g;
const URL = /(?:https?|ftp):\/\/\S+|www\.\S+/g;

function standard(year: number, month: number, day: number): string {
  return `${year}年${month}月${day}日`;
}

function plausible(year: number, month: number, day: number): boolean {
  return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

export function dateFormatFindings(line: string): RuleFinding[] {
  if (!QUICK.test(line)) return [];
  const out: RuleFinding[] = [];
  // Dotted dates count in Chinese text only; a date line of its own is judged below.
  const chinese = HAN.test(line);
  const urls: [number, number][] = [];
  URL.lastIndex = 0;
  for (let m = URL.exec(line); m; m = URL.exec(line)) urls.push([m.index, m.index + m[0].length]);
  DOTTED.lastIndex = 0;
  for (let m = chinese ? DOTTED.exec(line) : null; m; m = DOTTED.exec(line)) {
    const [year, month, day] = [Number(m[1]), Number(m[3]), Number(m[4])];
    if (!plausible(year, month, day) || urls.some(([a, b]) => m!.index >= a && m!.index < b)) continue;
    const right = standard(year, month, day);
    out.push({
      message: `日期「${m[0]}」应写作「${right}」（GB/T 15835—2011 第5.1.4条；成文日期见 GB/T 9704—2012 第7.3.5.1条）。`,
      range: lineRange(0, m.index, m.index + m[0].length),
      fix: { title: `改为「${right}」`, edits: [{ range: lineRange(0, m.index, m.index + m[0].length), newText: right }] },
      data: { right },
    });
  }
  if (out.length) return out;
  // A date on a line of its own: the 成文日期's form.
  const d = dateLine(line);
  if (!d || d.year === null || d.month === null || d.day === null) return out;
  const written = line.slice(d.start, d.end);
  const right = standard(d.year, d.month, d.day);
  if (written === right || !plausible(d.year, d.month, d.day)) return out;
  const why = /[〇零○Ｏ一二三四五六七八九]/.test(written)
    ? '成文日期用阿拉伯数字将年、月、日标全'
    : /年/.test(written)
      ? '成文日期的月、日不编虚位（1不编为01）'
      : '成文日期用阿拉伯数字将年、月、日标全';
  out.push({
    message: `成文日期「${written}」应写作「${right}」：${why}（GB/T 9704—2012 第7.3.5.1条）。`,
    range: lineRange(0, d.start, d.end),
    fix: { title: `改为「${right}」`, edits: [{ range: lineRange(0, d.start, d.end), newText: right }] },
    data: { right },
  });
  return out;
}

export const dateFormatRule: LineRule = {
  id: 'date-format',
  docs: {
    title: '日期写法不规范',
    summary: '`2024.12.20`、`2024/12/20` 式的日期；落款的成文日期写成 `2024-12-20`、`二〇二四年十二月二十日` 或 `2024年03月05日`',
    readme: { problem: '日期写法', examples: '`2024.12.20`、`2024/12/20`；落款 `2024-12-20`、`二〇二四年十二月二十日`' },
    hover: {
      explanation: '日期写作「2024年12月20日」（GB/T 15835—2011《出版物上数字用法》第5.1.4条），圆点、斜线都不是规范写法。落款的成文日期用阿拉伯数字将年、月、日标全，月、日不编虚位（GB/T 9704—2012《党政机关公文格式》第7.3.5.1条）。快速修复会改成标准写法。',
      wrong: '于2024.3.5召开专题会议。\nXX镇党委\n2024-12-20',
      right: '于2024年3月5日召开专题会议。\nXX镇党委\n2024年12月20日',
    },
    details: [
      '写法不规范的日期。',
      '',
      '- 默认级别：警告',
      '- 可一键修复：是（改为「2024年12月20日」式）',
      '- 需要中文分词：否',
      '',
      '- 中文文本中的 `2024.12.20`、`2024/12/20`：GB/T 15835—2011《出版物上数字用法》第5.1.4条的日期写作「2024年12月20日」',
      '  （也允许 `2024-12-20`），圆点和斜线都不是。网址中的日期不报告。',
      '- 单独成行的日期，或「机关名称＋日期」的一行（落款的成文日期）：GB/T 9704—2012《党政机关公文格式》第7.3.5.1条要求',
      '  用阿拉伯数字将年、月、日标全，年份标全称，月、日不编虚位，所以 `2024-12-20`、`二〇二四年十二月二十日`、`2024年03月05日`',
      '  在这里也报告；正文句子中的 `2024-12-20` 是 GB/T 15835 允许的写法，不报告。',
      '  尚待填写的 `20XX年X月X日`、`年 月 日` 由 `placeholder` 规则处理，这里不报告。',
      '',
      '- 错误示例：`于2024.3.5召开专题会议，2024/6/1前完成整改。`',
      '- 正确示例：`于2024年3月5日召开专题会议，2024年6月1日前完成整改。`',
    ],
  },
  defaultSeverity: 'warning',
  fixable: true,
  scope: 'line',
  kinds: ['body', 'heading', 'title'],
  checkLine: (line) => dateFormatFindings(line),
};
