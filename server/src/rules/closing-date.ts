/**
 * closing-date: a report dated before the period it reports on (a 2024
 * summary signed 2023年12月20日): the date or the title is left over from an
 * older draft. The date is the closing block's (engine/closing.ts), the
 * period the report's own (engine/period.ts). Only for genres that look back
 * on their period (the profile's `retrospective`, true by default): a plan is
 * rightly dated before its year begins.
 */
import { findClosingBlock } from '../engine/closing';
import { monthIndex, reportPeriod } from '../engine/period';
import { lineRange, RuleFinding } from '../engine/types';
import { ReportRule } from './rule';

export const closingDateRule: ReportRule = {
  id: 'closing-date',
  docs: {
    title: '成文日期早于报告期',
    summary: '落款的成文日期早于报告所总结的时期（2024年的总结落款为2023年）',
    readme: { problem: '成文日期早于报告期', examples: '`2024年意识形态工作总结` 落款 `2023年12月20日`' },
    hover: {
      explanation: '总结写的是一个时期的工作，成文日期不会早于这个时期的开始。日期早于报告期，通常是套用旧稿时漏改了日期或标题中的年份。请核对成文日期和标题。',
      wrong: '2024年意识形态工作总结\n……\nXX镇党委\n2023年12月20日',
      right: '2024年意识形态工作总结\n……\nXX镇党委\n2024年12月20日',
    },
    details: [
      '落款的成文日期早于报告所总结的时期。',
      '',
      '- 默认级别：警告',
      '- 可一键修复：否（不知道错的是日期还是标题）',
      '- 需要中文分词：否',
      '',
      '报告期取自标题（或导语）中的第一个年份，以及其后的「上半年」「下半年」「第一季度」等；成文日期取自落款（见 `closing-block`）。',
      '成文日期所在的月份早于报告期的第一个月时报告。尚待填写的日期、没有年份的报告不检查。',
      '工作计划等向前看的文体，成文日期本来就在计划期之前：配置档案的 `retrospective` 字段（默认 `true`）设为 `false` 即不检查。',
      '',
      '- 错误示例：标题 `2024年意识形态工作总结`，落款日期 `2023年12月20日`。',
      '- 正确示例：标题 `2024年意识形态工作总结`，落款日期 `2024年12月20日`。',
    ],
  },
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'report',
  checkReport(report, ctx) {
    if (ctx.profile.data.retrospective === false) return [];
    const block = findClosingBlock(report, ctx.source, ctx.doc.lines);
    if (!block || block.date.year === null || block.date.month === null) return [];
    const period = reportPeriod(report, ctx.source);
    if (!period) return [];
    const { year, month } = block.date;
    if (monthIndex(year, month) >= period.startMonth) return [];
    const written = ctx.source.lines[block.line].slice(block.date.start, block.date.end);
    const out: RuleFinding[] = [
      {
        message: `成文日期「${written}」早于本报告总结的时期（${period.year}年）：请核对日期，或标题中的年份。`,
        range: lineRange(block.line, block.date.start, block.date.end),
        data: { periodYear: period.year },
      },
    ];
    return out;
  },
};
