/**
 * numbering: heading numbers that cutting and pasting broke — a skip (一、 then
 * 三、), a duplicate, a restart under the same parent ((一)…(四) then (一)
 * again), a heading before any parent of its level, mixed styles at one level
 * ("1." beside "1、"), and 一是/二是 lists that skip or start at 二是.
 */
import { formatMarker } from '../engine/markers';
import { HeadingNode, Report } from '../engine/parse';
import { lineRange } from '../engine/types';
import { Rule, RuleContext, RuleFinding, eachReportFindings } from './rule';

const NUMBERED = new Set(['cn-dun', 'cn-paren', 'arabic-dot', 'arabic-paren', 'circled', 'cn-shi']);

/** 一是 … 九是 at the start of a sentence (or of the line). */
const RE_ENUM = /(^|[。；！？：:;!?])[\s\u3000]*([一二三四五六七八九十]{1,2})是(?![一二三四五六七八九十的否非])/g;
const CN = '一二三四五六七八九十';

export interface EnumerationItem {
  start: number;
  end: number;
  number: number;
}

function cnNumber(s: string): number {
  if (s.length === 1) return CN.indexOf(s) + 1;
  if (s.startsWith('十')) return 10 + CN.indexOf(s.charAt(1)) + 1;
  return NaN;
}

/** 一是/二是 items of a line, with the range of each "N是". */
export function enumerationItems(text: string): EnumerationItem[] {
  const items: EnumerationItem[] = [];
  RE_ENUM.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_ENUM.exec(text))) {
    const n = cnNumber(m[2]);
    if (!Number.isFinite(n) || n <= 0) continue;
    const end = m.index + m[0].length;
    items.push({ start: end - m[2].length - 1, end, number: n });
  }
  return items;
}

function markerText(ctx: RuleContext, h: HeadingNode): string {
  return ctx.source.lines[h.line].slice(h.marker.markerStart, h.marker.markerEnd).trim();
}

function shi(n: number): string {
  return formatMarker({ style: 'cn-shi', variant: '是' }, n);
}

export const numberingRule: Rule = {
  id: 'numbering',
  description: '标题或“一是、二是”列举的编号跳号、重复、重新开始、层级错位或样式混用',
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx: RuleContext): RuleFinding[] {
    return eachReportFindings(ctx, 'numbering', (report) => {
      const out: RuleFinding[] = [];
      checkReport(ctx, report, out);
      return out;
    });
  },
};

function checkReport(ctx: RuleContext, report: Report, out: RuleFinding[]): void {
  const { source, doc } = ctx;
  // The last 一是/二是 number written on each line, so a list may run on from one line to the next.
  const lastEnum = new Map<number, number>();
  const continuesFrom = (line: number): number => {
    // the last enumeration number on the nearest content line before `line`
    for (let l = line - 1; l >= report.startLine; l--) {
      const k = doc.lines[l].kind;
      if (k === 'blank' || k === 'residue') continue;
      return lastEnum.get(l) ?? 0;
    }
    return 0;
  };

  for (let l = report.startLine; l <= report.endLine; l++) {
    const info = doc.lines[l];
    if (info.kind !== 'body' && info.kind !== 'heading') continue;
    const text = source.lines[l];
    const items = ctx.memo.at(l, 'enumeration', () => enumerationItems(text));
    if (items.length) lastEnum.set(l, items[items.length - 1].number);
    const isShiHeading = info.heading?.style === 'cn-shi';
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      const range = lineRange(l, it.start, it.end);
      if (i === 0) {
        if (isShiHeading) continue; // checked with its sibling headings below
        const prev = continuesFrom(l);
        if (it.number !== 1 && it.number !== prev + 1) {
          out.push({
            message: `「${shi(it.number)}」前面缺少「${shi(1)}」：“一是、二是”的列举应从「${shi(1)}」开始。`,
            range,
            data: { expected: shi(prev + 1 > 1 ? prev + 1 : 1) },
          });
        }
        continue;
      }
      const before = items[i - 1].number;
      if (it.number !== before + 1) {
        const what = it.number === before ? '重复' : it.number < before ? '顺序颠倒' : '跳号';
        out.push({
          message: `列举编号${what}：「${shi(before)}」之后应为「${shi(before + 1)}」，这里是「${shi(it.number)}」。`,
          range,
          data: { expected: shi(before + 1) },
        });
      }
    }
  }

  // Sibling headings: the children of each heading, and the report's top level.
  const groups: HeadingNode[][] = [report.roots, ...report.headings.map((h) => h.children)];
  for (const siblings of groups) {
    const byRank = new Map<number, HeadingNode[]>();
    for (const h of siblings) {
      if (!NUMBERED.has(h.marker.style)) continue;
      const list = byRank.get(h.rank) ?? [];
      list.push(h);
      byRank.set(h.rank, list);
    }
    for (const run of byRank.values()) checkRun(ctx, run, continuesFrom, lastEnum, out);
  }

  // A lower-level heading before the report's first top-level heading has no parent.
  const firstTop = report.roots.find((r) => r.marker.style === 'cn-dun');
  if (firstTop) {
    for (const r of report.roots) {
      if (r.line >= firstTop.line) break;
      if (!NUMBERED.has(r.marker.style) || r.marker.style === 'cn-shi') continue;
      out.push({
        message: `「${markerText(ctx, r)}」出现在第一个一级标题「${markerText(ctx, firstTop)}」之前，没有上级标题：请检查标题层级。`,
        range: lineRange(r.line, r.marker.markerStart, r.marker.markerEnd),
      });
    }
  }
}

function checkRun(
  ctx: RuleContext,
  run: HeadingNode[],
  continuesFrom: (line: number) => number,
  lastEnum: Map<number, number>,
  out: RuleFinding[],
): void {
  const first = run[0];
  const isShi = first.marker.style === 'cn-shi';
  for (let i = 0; i < run.length; i++) {
    const h = run[i];
    const n = h.marker.number;
    const range = lineRange(h.line, h.marker.markerStart, h.marker.markerEnd);
    const actual = markerText(ctx, h);
    if (h.marker.variant !== first.marker.variant && h.marker.style === first.marker.style) {
      out.push({
        message: `同一级标题的编号样式不一致：前面用「${markerText(ctx, first)}」，这里用「${actual}」，请统一。`,
        range,
        data: { expected: formatMarker(first.marker, n) },
      });
    }
    if (i === 0) {
      const prev = isShi ? continuesFrom(h.line) : 0;
      if (n !== 1 && n !== prev + 1) {
        out.push({
          message: isShi
            ? `「${actual}」前面缺少「${shi(1)}」：“一是、二是”的列举应从「${shi(1)}」开始。`
            : `编号应从「${formatMarker(h.marker, 1)}」开始，这里是「${actual}」。`,
          range,
          data: { expected: formatMarker(h.marker, 1) },
        });
      }
      continue;
    }
    const prevHeading = run[i - 1];
    const p = prevHeading.marker.number;
    // A list may run on inside the previous item's paragraph ("一是…。二是…" then a line "三是…").
    const acceptable = new Set([p + 1]);
    if (isShi) {
      acceptable.add((lastEnum.get(prevHeading.line) ?? p) + 1);
      acceptable.add(continuesFrom(h.line) + 1);
    }
    if (acceptable.has(n)) continue;
    const expected = formatMarker(h.marker, p + 1);
    const prevText = markerText(ctx, prevHeading);
    let message: string;
    if (n === 1) {
      message = `编号在同一上级标题下重新从「${actual}」开始，而前面已编到「${prevText}」：如果这里开始的是新的部分（如下一步工作打算），请补上它的上级标题；否则应改为「${expected}」。`;
    } else if (n === p) {
      message = `编号重复：前面已有「${prevText}」，这里应为「${expected}」。`;
    } else if (n < p) {
      message = `编号顺序颠倒：「${prevText}」之后出现了「${actual}」，应为「${expected}」。`;
    } else {
      message = `编号不连续：「${prevText}」之后应为「${expected}」，这里却是「${actual}」。`;
    }
    out.push({ message, range, data: { expected } });
  }
}
