/**
 * closing-date: the date of the closing block (成文日期), against GB/T
 * 9704—2012 7.3.5.1 and the report's period.
 *
 * - Its form: Arabic numerals, 年月日 in full, no padding zeros — so
 *   2024-12-20, 二〇二四年十二月二十日 and 2024年03月05日 become 2024年12月20日
 *   (certain: fix all applies it; 2024.12.20 is date-format's). In running
 *   text 2024-12-20 is allowed by GB/T 15835 and left alone.
 * - A report dated before the period it reports on (a 2024 summary signed
 *   2023年12月20日): the date or the title is left over from an older draft. The date is the closing block's (engine/closing.ts), the
 * period the report's own (engine/period.ts). Only for genres that look back
 * on their period (the profile's `retrospective`, true by default): a plan is
 * rightly dated before its year begins.
 */
import { findClosingBlock, plausibleDate } from '../engine/closing';
import { monthIndex, reportPeriod } from '../engine/period';
import { lineRange, RuleFinding } from '../engine/types';
import { ReportRule } from './rule';

export const closingDateRule: ReportRule = {
  id: 'closing-date',
  docs: {
    title: '成文日期有误',
    summary: '落款的成文日期写法不合 GB/T 9704（`2024-12-20`、`二〇二四年十二月二十日`、`2024年03月05日`），或早于报告所总结的时期',
    readme: { problem: '成文日期写法或年份不对', examples: '落款 `2024-12-20`、`二〇二四年十二月二十日`；`2024年…总结` 落款 `2023年12月20日`' },
    hover: {
      explanation: '成文日期用阿拉伯数字将年、月、日标全，月、日不编虚位（GB/T 9704—2012《党政机关公文格式》第7.3.5.1条），如「2024年12月20日」。总结写的是一个时期的工作，成文日期也不会早于这个时期的开始；早于报告期，通常是套用旧稿时漏改了日期或标题中的年份。',
      wrong: '2024年意识形态工作总结\n……\nXX镇党委\n2023年12月20日',
      right: '2024年意识形态工作总结\n……\nXX镇党委\n2024年12月20日',
    },
    details: [
      '落款的成文日期写法不对，或早于报告所总结的时期。',
      '',
      '- 默认级别：警告',
      '- 可一键修复：写法是（改为「2024年12月20日」式）；早于报告期否（不知道错的是日期还是标题）',
      '- 需要中文分词：否',
      '',
      'GB/T 9704—2012《党政机关公文格式》第7.3.5.1条：成文日期用阿拉伯数字将年、月、日标全，年份标全称，月、日不编虚位（1不编为01）。',
      '所以落款中的 `2024-12-20`、`二〇二四年十二月二十日`、`2024年03月05日` 报告并改为 `2024年12月20日`（`2024.12.20` 由 `date-format` 报告）；',
      '正文句子中的 `2024-12-20` 是 GB/T 15835 允许的写法，不报告。成文日期取自落款：末尾三行内单独一行的日期或「单位名称＋日期」，或标题下方的日期。',
      '报告期取自标题（或导语）中的第一个年份，以及其后的「上半年」「下半年」「第一季度」等；成文日期取自落款（见 `closing-block`）。',
      '成文日期所在的月份早于报告期的第一个月时报告。尚待填写的日期、没有年份的报告不检查。',
      '工作计划等向前看的文体，成文日期本来就在计划期之前：配置档案的 `retrospective` 字段（默认 `true`）设为 `false` 即不检查。',
      '',
      '- 错误示例：标题 `2024年意识形态工作总结`，落款日期 `2023年12月20日` 或 `2024-12-20`。',
      '- 正确示例：标题 `2024年意识形态工作总结`，落款日期 `2024年12月20日`。',
    ],
  },
  defaultSeverity: 'warning',
  fixable: true,
  scope: 'report',
  checkReport(report, ctx) {
    const block = findClosingBlock(report, ctx.source, ctx.doc.lines);
    if (!block || block.date.year === null || block.date.month === null || block.date.day === null) return [];
    const { year, month, day } = block.date;
    const out: RuleFinding[] = [];
    const written = ctx.source.lines[block.line].slice(block.date.start, block.date.end);
    const range = lineRange(block.line, block.date.start, block.date.end);
    const right = `${year}年${month}月${day}日`;
    // Dots and slashes are date-format's; here the forms only a closing date may not take.
    if (written !== right && plausibleDate(year, month, day) && !/^\d{4}[./]/.test(written)) {
      const why = /[〇零○Ｏ一二三四五六七八九]/.test(written) ? '用阿拉伯数字将年、月、日标全' : /年/.test(written) ? '月、日不编虚位（1不编为01）' : '用阿拉伯数字将年、月、日标全';
      out.push({
        message: `成文日期「${written}」应写作「${right}」：成文日期${why}（GB/T 9704—2012 第7.3.5.1条）。`,
        range,
        fix: { title: `改为「${right}」`, edits: [{ range, newText: right }] },
        data: { kind: 'form', right },
      });
    }
    if (report.profile.data.retrospective === false) return out;
    const period = reportPeriod(report, ctx.source);
    if (period && monthIndex(year, month) < period.startMonth) {
      out.push({
        message: `成文日期「${written}」早于本报告总结的时期（${period.year}年）：请核对日期，或标题中的年份。`,
        range,
        data: { kind: 'before-period', periodYear: period.year },
      });
    }
    return out;
  },
};
