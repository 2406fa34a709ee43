/**
 * date-format: 2024.12.20 and 2024/12/20, in Chinese text or on a line of
 * their own: GB/T 15835—2011 5.1.4 writes a date 2024年12月20日 (or
 * 2024-12-20); dots and slashes are neither. Fix: 2024年12月20日, certain, so
 * fix all applies it. The closing date's own form (2024-12-20,
 * 二〇二四年十二月二十日, 2024年03月05日 under GB/T 9704) is closing-date's.
 */
import { dateLine, plausibleDate as plausible } from '../engine/closing';
import { lineRange, RuleFinding } from '../engine/types';
import { LineRule } from './rule';

const QUICK = /\d{4}[./]\d|[年〇零○]|\d{4}[-－]\d/;
const HAN = /\p{Script=Han}/u;
const DOTTED = /(?<![\d./\\-])(\d{4})([./])(\d{1,2})\2(\d{1,2})(?![\d./\\-])(日)?/g;
const URL = /(?:https?|ftp):\/\/\S+|www\.\S+/g;

function standard(year: number, month: number, day: number): string {
  return `${year}年${month}月${day}日`;
}


export function dateFormatFindings(line: string): RuleFinding[] {
  if (!QUICK.test(line)) return [];
  const out: RuleFinding[] = [];
  // Dotted dates count in Chinese text, or on a line of their own (a closing date).
  const chinese = HAN.test(line) || dateLine(line) !== null;
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
  return out;
}

export const dateFormatRule: LineRule = {
  id: 'date-format',
  docs: {
    title: '日期写法不规范',
    summary: '`2024.12.20`、`2024/12/20` 式的日期，应写作 `2024年12月20日`',
    readme: { problem: '日期写法', examples: '`2024.12.20`、`2024/12/20`（应为2024年12月20日）' },
    hover: {
      explanation: '日期写作「2024年12月20日」（GB/T 15835—2011《出版物上数字用法》第5.1.4条，也可写作 2024-12-20），圆点、斜线都不是规范写法。快速修复会改成标准写法。',
      wrong: '于2024.3.5召开专题会议，2024/6/1前完成整改。',
      right: '于2024年3月5日召开专题会议，2024年6月1日前完成整改。',
    },
    details: [
      '写法不规范的日期。',
      '',
      '- 默认级别：警告',
      '- 可一键修复：是（改为「2024年12月20日」式）',
      '- 需要中文分词：否',
      '',
      '中文文本中（或单独成行）的 `2024.12.20`、`2024/12/20`：GB/T 15835—2011《出版物上数字用法》第5.1.4条的日期写作「2024年12月20日」',
      '（也允许 `2024-12-20`），圆点和斜线都不是。网址中的日期、版本号、小数不报告。',
      '落款的成文日期的其他写法（`2024-12-20`、`二〇二四年十二月二十日`、`2024年03月05日`）由 `closing-date` 规则按 GB/T 9704—2012 检查。',
      '',
      '- 错误示例：`于2024.3.5召开专题会议，2024/6/1前完成整改。`',
      '- 正确示例：`于2024年3月5日召开专题会议，2024年6月1日前完成整改。`',
    ],
  },
  defaultSeverity: 'warning',
  fixable: true,
  scope: 'line',
  kinds: ['body', 'heading', 'title'],
  mayFind: (line) => QUICK.test(line),
  checkLine: (line) => dateFormatFindings(line),
};
