/**
 * section-order: the parts of a report stand out of the profile's order —
 * plans before problems, problems before the work done.
 */
import { lineRange, RuleFinding } from '../engine/types';
import { ReportRule } from './rule';

export const sectionOrderRule: ReportRule = {
  id: 'section-order',
  docs: {
    title: '部分顺序不当',
    summary: '报告各部分的顺序不符合常规（应为：主要工作、存在的问题、下一步工作打算）',
    readme: { problem: '各部分顺序颠倒', examples: '“下一步打算”写在“存在的问题”前面' },
    hover: {
      explanation: '这类报告通常按“主要工作及成效—存在的问题—下一步工作打算”的顺序写，先讲做了什么，再查摆不足，最后针对不足提出打算；形势研判部分可以放在任何位置。',
      wrong: '一、主要工作开展情况\n二、下一步工作打算\n三、存在的问题',
      right: '一、主要工作开展情况\n二、存在的问题\n三、下一步工作打算',
    },
    details: [
      '各部分的顺序不符合常规。这类报告通常按“主要工作及成效—存在的问题—下一步工作打算”的顺序写；',
      '形势研判部分可以放在任何位置。',
      '',
      '- 错误示例：`一、主要工作开展情况` → `二、下一步工作打算` → `三、存在的问题`',
      '- 正确示例：`一、主要工作开展情况` → `二、存在的问题` → `三、下一步工作打算`',
    ],
  },
  defaultSeverity: 'warning',
  fixable: false,
  // A report's order is its own: the runner keeps each report's findings while the report is unchanged.
  scope: 'report',
  checkReport(report, ctx): RuleFinding[] {
    const out: RuleFinding[] = [];
    // The furthest part so far, as two variables, and the set of reported pairs made
    // only when a part is out of order.
    let hasFurthest = false;
    let furthestOrder = 0;
    let furthestName = '';
    let reported: Set<string> | null = null;
    for (const part of report.parts) {
      if (!part.headed || !part.node || part.slot === null) continue;
      const def = report.profile.part(part.slot);
      if (!def || def.order === null) continue;
      if (hasFurthest && def.order < furthestOrder) {
        const key = `${def.slot}<${furthestName}`;
        if (!reported?.has(key)) {
          (reported ??= new Set<string>()).add(key);
          out.push({
            message: `「${def.name}」应放在「${furthestName}」之前：这类报告通常按“${report.profile.ordered.map((p) => p.name).join('—')}”的顺序写，请调整各部分的位置。`,
            range: lineRange(part.line, part.node.marker.markerStart, Math.max(part.node.marker.markerStart, ctx.doc.lines[part.line].end)),
            data: { slot: def.slot },
          });
        }
      } else if (!hasFurthest || def.order > furthestOrder) {
        hasFurthest = true;
        furthestOrder = def.order;
        furthestName = def.name;
      }
    }
    return out;
  },
};
