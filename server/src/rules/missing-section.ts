/**
 * missing-section: a required part of the profile is absent from a report —
 * no heading names it and no running text does its job.
 */
import { FixProposal, lineEnding, quoted } from '../engine/edits';
import { headingFrame, sequentialEdits } from '../engine/heading-edits';
import { formatMarker } from '../engine/markers';
import { ParsedDocument, Report } from '../engine/parse';
import { Profile, ProfilePart } from '../engine/profile';
import { leadingBlank } from '../engine/source';
import { Finding, lineRange, Range, RuleFinding, TextEdit } from '../engine/types';
import { DocumentRule, RuleContext } from './rule';

/** Where a report's findings about the report as a whole are shown: its title, or its first line. */
export function reportAnchor(doc: ParsedDocument, report: Report): Range {
  if (report.title) {
    const t = report.title;
    return t.endLine !== undefined ? { start: { line: t.line, character: t.start }, end: { line: t.endLine, character: t.end } } : lineRange(t.line, t.start, t.end);
  }
  const info = doc.lines[report.startLine];
  return lineRange(report.startLine, info.start, Math.max(info.start, info.end));
}

/** True when one of the report's parts fills `slot`. */
function hasSlot(report: Report, slot: string | null): boolean {
  for (let i = 0; i < report.parts.length; i++) if (report.parts[i].slot === slot) return true;
  return false;
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

export const missingSectionRule: DocumentRule = {
  id: 'missing-section',
  docs: {
    title: '缺少必备部分',
    summary: '报告缺少配置档案规定的必备部分（如「存在的问题」「下一步工作打算」）',
    readme: { problem: '缺少必备部分', examples: '没有“存在的问题”或“下一步工作打算”' },
    hover: {
      explanation: '这类报告一般由“主要工作及成效”“存在的问题”“下一步工作打算”三部分组成。本篇既没有标题点明这一部分，正文中也没有承担这一部分作用的段落。可用快速修复插入这一部分的标准标题和待填写提示，再补写内容。',
      wrong: '一、主要工作开展情况\n……\n二、下一步工作打算\n……',
      right: '一、主要工作开展情况\n……\n二、存在的问题\n……\n三、下一步工作打算\n……',
    },
    details: [
      '报告缺少配置档案规定的必备部分：既没有标题点明这一部分，正文中也没有承担这一部分作用的段落。',
      '',
      'Zongjie 像有经验的审稿人一样读稿：',
      '- 「一、加强组织领导……」「二、强化理论武装……」这类主题式标题，是“主要工作”部分的各个方面；',
      '- 「五、存在问题及下一步计划」一个标题同时包含两个部分；',
      '- 段落式写法中，「……但也存在一些不足：一是……」「下一步，我们将……」这样写在正文里的问题和打算，同样算作这一部分已经写了；',
      '- 汇编文件中的每篇报告分别检查，一篇缺的部分不能由相邻的另一篇补上。',
      '',
      '提示显示在报告标题上，并给出可以加上的标题（按档案的顺序编好号）。快速修复会在档案顺序规定的位置插入这个标题和一行「【请填写本部分内容】」，并顺延后面的一级标题编号；这行提示本身会被标为占位符，直到您写上内容。',
      '',
      '- 错误示例：',
      '  ```',
      '  2024年意识形态工作总结',
      '  一、主要工作开展情况',
      '  ……',
      '  二、下一步工作打算',
      '  ……',
      '  ```',
      '- 正确示例：在两者之间加上 `二、存在的问题`，实事求是地写明不足，并把后面的标题改为 `三、下一步工作打算`。',
    ],
  },
  defaultSeverity: 'error',
  fixable: true,
  scope: 'document',
  check(ctx: RuleContext): RuleFinding[] {
    const out: RuleFinding[] = [];
    for (const report of ctx.doc.reports) {
      // Runs over every report on every keystroke, and a report seldom lacks a
      // part: the parts present are looked up in place, the numbered roots read
      // only for a missing part.
      let topLevelNumbered: Report['roots'] | null = null;
      for (const part of report.profile.parts) {
        if (!part.required || hasSlot(report, part.slot)) continue;
        topLevelNumbered ??= report.roots.filter((r) => r.marker.style === 'cn-dun');
        const beforeLine = insertionLineFor(report, part, report.profile.parts);
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
  quickFixes(doc, finding) {
    const p = missingPartEdit(doc, finding);
    return p ? [p] : [];
  },
};

// ---------------------------------------------------------------------------
// Missing parts

/**
 * The prompt line under an inserted heading: a fill-in (【…】 with 填写) that
 * the placeholder rule flags until the author replaces it. It names no part:
 * a short line naming one would itself read as an unnumbered heading
 * ("存在的问题"), leaving the inserted heading empty. The hover on it tells
 * what the part must say. Should a profile's heading patterns match it
 * anyway, a comma keeps it from being a heading.
 */
export const PROMPT_LINE = '【请填写本部分内容】';
const PROMPT_LINE_SAFE = '【请填写本部分内容，替换本行】';

export function promptLine(profile: Profile): string {
  return profile.parts.some((p) => p.headingRegexes.some((re) => re.test(PROMPT_LINE))) ? PROMPT_LINE_SAFE : PROMPT_LINE;
}

/**
 * The skeleton of the part a missing-section finding names: its standard
 * heading (numbered after the top-level heading before it) and a prompt line,
 * inserted where the profile's order puts it; the later top-level headings
 * move up by one. Null when the finding is not a missing-section finding of
 * this document.
 */
export function missingPartEdit(doc: ParsedDocument, finding: Finding): FixProposal | null {
  if (finding.code !== 'missing-section' || !finding.data) return null;
  const { slot, beforeLine, report: index } = finding.data as { slot?: unknown; beforeLine?: unknown; report?: unknown };
  const report = typeof index === 'number' ? doc.reports[index] : undefined;
  const part = typeof slot === 'string' ? report?.profile.part(slot) : undefined;
  if (!report || !part || typeof beforeLine !== 'number' || beforeLine < report.startLine || beforeLine > report.endLine + 1) return null;
  const source = doc.source;
  const eol = lineEnding(source);

  // The same number the rule's message proposes: one after the last top-level heading before the insertion.
  const numbered = report.roots.filter((r) => r.marker.style === 'cn-dun');
  const before = numbered.filter((r) => r.line < beforeLine);
  const after = numbered.filter((r) => r.line >= beforeLine);
  const reference = numbered[0] ?? null;
  const edits: TextEdit[] = [];
  let heading = part.standardHeading;
  if (reference) {
    const number = before.length ? before[before.length - 1].marker.number + 1 : 1;
    heading = formatMarker(reference.marker, number) + part.standardHeading;
    edits.push(...sequentialEdits(source, after, number + 1, reference.marker));
  }
  const frame = headingFrame(source, reference);
  const indent = frame.prefix.slice(0, leadingBlank(frame.prefix));
  const block = [frame.prefix + heading + frame.suffix, indent + promptLine(report.profile)];

  let insert: TextEdit;
  if (beforeLine < source.lineCount) {
    // Keep the draft's spacing: where parts are separated by a blank line, so is the new one.
    const spaced = beforeLine > 0 && doc.lines[beforeLine - 1].kind === 'blank' && beforeLine > report.startLine + 1;
    const pos = { line: beforeLine, character: 0 };
    insert = { range: { start: pos, end: pos }, newText: block.join(eol) + eol + (spaced ? eol : '') };
  } else {
    const last = source.lineCount - 1;
    const pos = { line: last, character: source.lines[last].length };
    insert = { range: { start: pos, end: pos }, newText: eol + block.join(eol) };
  }
  edits.unshift(insert);
  return {
    title: `插入${quoted(heading)}部分的标题和待填写提示` + (edits.length > 1 ? '，并顺延后面标题的编号' : ''),
    edits,
    safe: false,
  };
}
