/**
 * missing-section: a required part of the profile is absent from a report —
 * no heading names it and no running text does its job.
 */
import { formatMarker } from '../engine/markers';
import { ParsedDocument, Report } from '../engine/parse';
import { ProfilePart } from '../engine/profile';
import { Range, lineRange } from '../engine/types';
import { Rule, RuleContext, RuleFinding } from './rule';

/** Where a report's findings about the report as a whole are shown: its title, or its first line. */
export function reportAnchor(doc: ParsedDocument, report: Report): Range {
  if (report.title) return lineRange(report.title.line, report.title.start, report.title.end);
  const info = doc.lines[report.startLine];
  return lineRange(report.startLine, info.start, Math.max(info.start, info.end));
}

/**
 * The line before which a missing part belongs: before the first part that the
 * profile orders after it, or after the report's end.
 */
export function insertionLineFor(report: Report, missing: ProfilePart, parts: ProfilePart[]): number {
  const order = missing.order ?? Infinity;
  const later = report.parts.find((p) => p.headed && p.node && (parts.find((q) => q.slot === p.slot)?.order ?? -1) > order);
  return later ? later.line : report.endLine + 1;
}

export const missingSectionRule: Rule = {
  id: 'missing-section',
  description: '报告缺少配置档案规定的必备部分（如「存在的问题」「下一步工作打算」）',
  defaultSeverity: 'error',
  fixable: true,
  check(ctx: RuleContext): RuleFinding[] {
    const out: RuleFinding[] = [];
    for (const report of ctx.doc.reports) {
      const present = new Set(report.parts.map((p) => p.slot));
      const topLevelNumbered = report.roots.filter((r) => r.marker.style === 'cn-dun');
      for (const part of ctx.profile.parts) {
        if (!part.required || present.has(part.slot)) continue;
        const beforeLine = insertionLineFor(report, part, ctx.profile.parts);
        // Suggest the top-level number the heading would take at that place.
        const precedingTop = topLevelNumbered.filter((r) => r.line < beforeLine);
        const number = precedingTop.length ? precedingTop[precedingTop.length - 1].marker.number + 1 : 1;
        const heading = topLevelNumbered.length
          ? formatMarker(topLevelNumbered[0].marker, number) + part.standardHeading
          : part.standardHeading;
        out.push({
          message: `本篇报告缺少「${part.name}」部分：应${part.purpose}。可在相应位置加上标题「${heading}」并补写内容。`,
          range: reportAnchor(ctx.doc, report),
          data: { slot: part.slot, heading, beforeLine, report: report.index },
        });
      }
    }
    return out;
  },
};
