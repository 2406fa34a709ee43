/**
 * numbering: heading numbers that cutting and pasting broke — a skip (一、 then
 * 三、), a duplicate, a restart under the same parent ((一)…(四) then (一)
 * again), a heading before any parent of its level, mixed styles at one level
 * ("1." beside "1、"), and 一是/二是 lists that skip or start at 二是.
 */
import { FixGroup, FixProposal, edit, lineEnding, quoted, sameEdits } from '../engine/edits';
import { headingFrame, headingOnLine, headingRun, sequentialEdits } from '../engine/heading-edits';
import { NUMBERED_STYLES, formatMarker, toChineseNumber } from '../engine/markers';
import { HeadingNode, ParsedDocument, Report, reportAt } from '../engine/parse';
import { ProfilePart } from '../engine/profile';
import { enumerationItems } from '../engine/enumeration';
import { Finding, lineRange, Position, RuleFinding, TextEdit } from '../engine/types';
import { ReportRule, RuleContext } from './rule';

function markerText(ctx: RuleContext, h: HeadingNode): string {
  return ctx.source.lines[h.line].slice(h.marker.markerStart, h.marker.markerEnd).trim();
}

function shi(n: number): string {
  return formatMarker({ style: 'cn-shi', variant: '是' }, n);
}

export const numberingRule: ReportRule = {
  id: 'numbering',
  docs: {
    title: '编号错乱',
    summary: '标题或“一是、二是”列举的编号跳号、重复、重新开始、层级错位或样式混用',
    readme: { problem: '编号错乱', examples: '`一、` 之后是 `三、`，同一部分里第二次出现 `（一）`，“二是”前面没有“一是”' },
    hover: {
      explanation: '标题编号或“一是、二是”列举在剪贴中被弄乱：跳号、重复、顺序颠倒、在同一上级标题下重新开始、样式混用。快速修复会把同一组编号依次重排；若重新开始的一组小标题其实是漏了上级标题的新部分，则会建议补上那个上级标题。',
      wrong: '二、存在的问题\n（一）理论学习还不够深入。\n（二）阵地管理还有短板。\n（一）深化理论武装。',
      right: '二、存在的问题\n（一）理论学习还不够深入。\n（二）阵地管理还有短板。\n三、下一步工作打算\n（一）深化理论武装。',
    },
    details: [
      '标题编号或“一是、二是”列举被剪贴弄乱了。检查各级标题 `一、`、`（一）`、`1.`/`1、`、`（1）`、`①` 和 `一是`：',
      '- 跳号：`一、` 之后直接是 `三、`；',
      '- 重复：两个 `（二）`；',
      '- 重新开始：同一上级标题下 `（一）…（四）` 之后又从 `（一）` 开始（常见于把“下一步打算”的小标题直接接在“存在的问题”下面，漏了上级标题）；',
      '- 层级错位：第一个 `一、` 之前出现 `（一）`；',
      '- 样式混用：同一级里既有 `1.` 又有 `1、`，或全角、半角括号混用；',
      '- 列举：段落中“二是”前面没有“一是”，或“一是”之后直接是“三是”。',
      '',
      '在 `一、` 下面直接用 `1、`（不用 `（一）`）是常见写法，不报告；每篇报告、每个上级标题下的编号各自从头开始。',
      '',
      '快速修复会把同一上级标题下这一级的编号一次改为连续的编号（只改编号本身）；如果重新开始的一串编号其实是漏了上级标题的“下一步工作打算”，首选的修复是补上这个标题。',
      '',
      '- 错误示例：',
      '  ```',
      '  二、存在的问题',
      '  （一）理论学习还不够深入。……',
      '  （二）阵地管理还有短板。……',
      '  （一）深化理论武装。……',
      '  ```',
      '- 正确示例：在第三行前加上 `三、下一步工作打算`，让后面的 `（一）` 归属新的部分。',
    ],
  },
  defaultSeverity: 'warning',
  fixable: true,
  scope: 'report',
  checkReport(report, ctx) {
    const out: RuleFinding[] = [];
    checkReport(ctx, report, out);
    return out;
  },
  quickFixes: (doc, finding) => numberingQuickFixes(doc, finding),
  fixAll: (doc, findings) => numberingFixAll(doc, findings),
};

/**
 * Whether the item before 「N是」 is written earlier in its section, where the
 * sentence-start test cannot see it: glued to the heading (「……主要做法一是……」)
 * or mid-line in a paragraph that a page break or a print line cut off.
 */
function writtenBefore(ctx: RuleContext, report: Report, line: number, at: number, n: number): boolean {
  if (n < 1) return false;
  const { source, doc } = ctx;
  const word = shi(n);
  if (source.lines[line].lastIndexOf(word, at) >= 0) return true;
  for (let l = line - 1; l >= report.startLine; l--) {
    const info = doc.lines[l];
    if (info.kind === 'blank' || info.kind === 'residue') continue;
    if (source.lines[l].includes(word)) return true;
    // The section's own heading ends the search (its line counts: the item may be glued to it).
    if (info.kind === 'heading' && info.heading?.style !== 'cn-shi') return false;
  }
  return false;
}

/** The last enumeration number on the nearest content line before `line` (0 when it has none). */
function continuesFrom(ctx: RuleContext, report: Report, lastEnum: Map<number, number>, line: number): number {
  for (let l = line - 1; l >= report.startLine; l--) {
    const k = ctx.doc.lines[l].kind;
    if (k === 'blank' || k === 'residue') continue;
    return lastEnum.get(l) ?? 0;
  }
  return 0;
}

/** True when one of the heading markers at `at` lies between the two items (a flattened line's inline heading). */
function headingBetween(at: number[], from: number, to: number): boolean {
  for (let j = 0; j < at.length; j++) if (from <= at[j] && at[j] <= to) return true;
  return false;
}

// Every report is read on a draft's first analysis, mostly by code V8 has not
// optimised yet: plain functions instead of closures made per report, indexed
// loops instead of for…of, and maps, sets and messages made only where needed.
function checkReport(ctx: RuleContext, report: Report, out: RuleFinding[]): void {
  const { source, doc } = ctx;
  // The last 一是/二是 number written on each line, so a list may run on from one line to the next.
  const lastEnum = new Map<number, number>();

  // Headings inside a flattened line, by line: a 一是 list restarts after each.
  let inlineAt: Map<number, number[]> | null = null;
  const headings = report.headings;
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    if (!h.inline) continue;
    inlineAt ??= new Map();
    const known = inlineAt.get(h.line);
    if (known) known.push(h.marker.markerStart);
    else inlineAt.set(h.line, [h.marker.markerStart]);
  }
  for (let l = report.startLine; l <= report.endLine; l++) {
    const info = doc.lines[l];
    if (info.kind !== 'body' && info.kind !== 'heading') continue;
    const items = doc.enumerationsAt(l);
    if (items.length === 0) continue;
    const headingsHere = inlineAt?.get(l);
    lastEnum.set(l, items[items.length - 1].number);
    const isShiHeading = info.heading?.style === 'cn-shi';
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      if (i === 0) {
        if (isShiHeading) continue; // checked with its sibling headings below
        if (it.number === 1) continue;
        const prev = continuesFrom(ctx, report, lastEnum, l);
        if (it.number !== prev + 1 && !writtenBefore(ctx, report, l, it.start, it.number - 1)) {
          out.push({
            message: `「${shi(it.number)}」前面缺少「${shi(1)}」：“一是、二是”的列举应从「${shi(1)}」开始。`,
            range: lineRange(l, it.start, it.end),
            data: { expected: shi(prev + 1 > 1 ? prev + 1 : 1) },
          });
        }
        continue;
      }
      const before = items[i - 1].number;
      if (it.number === before + 1) continue;
      const restarted = it.number === 1 && headingsHere !== undefined && headingBetween(headingsHere, items[i - 1].end, it.start);
      if (!restarted) {
        const what = it.number === before ? '重复' : it.number < before ? '顺序颠倒' : '跳号';
        out.push({
          message: `列举编号${what}：「${shi(before)}」之后应为「${shi(before + 1)}」，这里是「${shi(it.number)}」。`,
          range: lineRange(l, it.start, it.end),
          data: { expected: shi(before + 1) },
        });
      }
    }
  }

  // Sibling headings: the children of each heading, and the report's top level.
  checkSiblings(ctx, report, report.roots, lastEnum, out);
  for (let i = 0; i < headings.length; i++) {
    // Most headings have no children.
    if (headings[i].children.length) checkSiblings(ctx, report, headings[i].children, lastEnum, out);
  }

  // A lower-level heading before the report's first top-level heading has no parent.
  const roots = report.roots;
  let firstTop: HeadingNode | undefined;
  for (let i = 0; i < roots.length; i++) {
    if (roots[i].marker.style === 'cn-dun') {
      firstTop = roots[i];
      break;
    }
  }
  // Nothing to look at when the first root is the first top-level heading.
  if (firstTop && firstTop !== roots[0]) {
    // One finding for a run of them: 「（一）…（二）…」 before 「一、」 is one misplaced level.
    const reported = new Set<string>();
    for (const r of report.roots) {
      if (r.line >= firstTop.line) break;
      if (!NUMBERED_STYLES.has(r.marker.style) || r.marker.style === 'cn-shi') continue;
      if (reported.has(r.marker.style)) continue;
      reported.add(r.marker.style);
      out.push({
        message: `「${markerText(ctx, r)}」出现在第一个一级标题「${markerText(ctx, firstTop)}」之前，没有上级标题：请检查标题层级。`,
        range: lineRange(r.line, r.marker.markerStart, r.marker.markerEnd),
      });
    }
  }
}

/**
 * The numbered siblings of one parent, by rank, each rank a run checked in
 * the order its first heading comes. Siblings that are all numbered and of
 * one rank (almost always) are that run as they are: no map, no copy.
 */
function checkSiblings(ctx: RuleContext, report: Report, siblings: HeadingNode[], lastEnum: Map<number, number>, out: RuleFinding[]): void {
  if (siblings.length === 0) return;
  const rank = siblings[0].rank;
  let plain = true;
  for (let i = 0; i < siblings.length; i++) {
    if (siblings[i].rank !== rank || !NUMBERED_STYLES.has(siblings[i].marker.style)) {
      plain = false;
      break;
    }
  }
  if (plain) {
    checkRun(ctx, report, siblings, lastEnum, out);
    return;
  }
  const byRank = new Map<number, HeadingNode[]>();
  for (const h of siblings) {
    if (!NUMBERED_STYLES.has(h.marker.style)) continue;
    const list = byRank.get(h.rank) ?? [];
    list.push(h);
    byRank.set(h.rank, list);
  }
  for (const run of byRank.values()) checkRun(ctx, report, run, lastEnum, out);
}

/** Whether the last content line above `line` ends with a colon, announcing the list that starts there. */
function opensList(ctx: RuleContext, line: number): boolean {
  for (let l = line - 1; l >= 0; l--) {
    const kind = ctx.doc.lines[l].kind;
    if (kind === 'blank' || kind === 'residue') continue;
    return /[：:]\s*$/.test(ctx.source.lines[l]);
  }
  return false;
}

function checkRun(ctx: RuleContext, report: Report, run: HeadingNode[], lastEnum: Map<number, number>, out: RuleFinding[]): void {
  const profile = report.profile;
  const first = run[0];
  const isShi = first.marker.style === 'cn-shi';
  for (let i = 0; i < run.length; i++) {
    const h = run[i];
    const n = h.marker.number;
    if (h.marker.variant !== first.marker.variant && h.marker.style === first.marker.style) {
      out.push({
        message: `同一级标题的编号样式不一致：前面用「${markerText(ctx, first)}」，这里用「${markerText(ctx, h)}」，请统一。`,
        range: lineRange(h.line, h.marker.markerStart, h.marker.markerEnd),
        data: { expected: formatMarker(first.marker, n) },
      });
    }
    if (i === 0) {
      if (n === 1) continue;
      const prev = isShi ? continuesFrom(ctx, report, lastEnum, h.line) : 0;
      if (n !== prev + 1 && !(isShi && writtenBefore(ctx, report, h.line, h.marker.markerStart, n - 1))) {
        const actual = markerText(ctx, h);
        out.push({
          message: isShi
            ? `「${actual}」前面缺少「${shi(1)}」：“一是、二是”的列举应从「${shi(1)}」开始。`
            : `编号应从「${formatMarker(h.marker, 1)}」开始，这里是「${actual}」。`,
          range: lineRange(h.line, h.marker.markerStart, h.marker.markerEnd),
          data: { expected: formatMarker(h.marker, 1) },
        });
      }
      continue;
    }
    const prevHeading = run[i - 1];
    const p = prevHeading.marker.number;
    // A list may run on inside the previous item's paragraph ("一是…。二是…" then a line "三是…").
    if (n === p + 1) continue;
    if (isShi && (n === (lastEnum.get(prevHeading.line) ?? p) + 1 || n === continuesFrom(ctx, report, lastEnum, h.line) + 1)) continue;
    // 「……存在的不足：」 then 「一是……」: a colon closing the text before opens a new list.
    if (isShi && n === 1 && opensList(ctx, h.line)) continue;
    // The missing number written in the other style of the same brackets (「（二）」, 「(3)」, 「（四）」):
    // one style slip, which the style check of that level reports, not a skip as well.
    if (n === p + 2 && prevHeading.children.some((c) => c.marker.number === p + 1 && c.marker.variant.normalize('NFKC') === h.marker.variant.normalize('NFKC'))) continue;
    const actual = markerText(ctx, h);
    const expected = formatMarker(h.marker, p + 1);
    const prevText = markerText(ctx, prevHeading);
    let message: string;
    if (n === 1) {
      message = `编号在同一上级标题下重新从「${actual}」开始，而前面已编到「${prevText}」：如果这里开始的是新的部分（如「${profile.ordered[profile.ordered.length - 1]?.name ?? '另一部分'}」），请补上它的上级标题；否则应改为「${expected}」。`;
    } else if (n === p) {
      message = `编号重复：前面已有「${prevText}」，这里应为「${expected}」。`;
    } else if (n < p) {
      message = `编号顺序颠倒：「${prevText}」之后出现了「${actual}」，应为「${expected}」。`;
    } else {
      message = `编号不连续：「${prevText}」之后应为「${expected}」，这里却是「${actual}」。`;
    }
    out.push({ message, range: lineRange(h.line, h.marker.markerStart, h.marker.markerEnd), data: { expected } });
  }
}

// ---------------------------------------------------------------------------
// Heading runs (一、 （一） 1. （1） ①)

interface RunDiagnosis {
  broken: boolean;
  startsLate: boolean;
  /** Index of the first item that restarts at 1 after a higher number, or -1. */
  restart: number;
}

/** The numbering rule's judgement of a run, for runs other than 一是 (see checkRun in rules/numbering.ts). */
function diagnoseRun(run: HeadingNode[]): RunDiagnosis {
  const first = run[0].marker;
  const startsLate = first.number !== 1;
  let broken = startsLate;
  let restart = -1;
  for (let i = 0; i < run.length; i++) {
    const m = run[i].marker;
    if (m.variant !== first.variant) broken = true;
    if (i === 0) continue;
    const p = run[i - 1].marker.number;
    if (m.number !== p + 1) broken = true;
    if (m.number === 1 && p >= 1 && restart < 0) restart = i;
  }
  return { broken, startsLate, restart };
}

function runTitle(run: HeadingNode[]): string {
  const like = run[0].marker;
  return `将这一组同级标题依次编号为${quoted(formatMarker(like, 1))}至${quoted(formatMarker(like, run.length))}`;
}

/**
 * The fix for a run that restarts where the parser saw the plans part begin:
 * the parent heading the restart lacks, inserted before it, and the later
 * headings of the parent's level moved up by one.
 */
function insertParentProposal(doc: ParsedDocument, report: Report, restartNode: HeadingNode, part: ProfilePart): FixProposal | null {
  const parent = restartNode.parent;
  if (!parent) return null;
  const source = doc.source;
  const eol = lineEnding(source);
  const frame = headingFrame(source, parent);
  const edits: TextEdit[] = [];
  let heading = part.standardHeading;
  if (NUMBERED_STYLES.has(parent.marker.style) && parent.marker.style !== 'cn-shi') {
    const run = headingRun(report, parent);
    const at = run.indexOf(parent);
    const number = parent.marker.number + 1;
    heading = formatMarker(parent.marker, number) + part.standardHeading;
    edits.push(...sequentialEdits(source, run.slice(at + 1), number + 1, run[0].marker));
  }
  edits.unshift({ range: { start: { line: restartNode.line, character: 0 }, end: { line: restartNode.line, character: 0 } }, newText: frame.prefix + heading + frame.suffix + eol });
  return {
    title: `在第 ${restartNode.line + 1} 行前补上上级标题${quoted(heading)}` + (edits.length > 1 ? '，并顺延后面标题的编号' : ''),
    edits,
    safe: false,
  };
}

// ---------------------------------------------------------------------------
// 一是/二是 lists

interface EnumItem {
  line: number;
  /** The numeral's offsets in the line ("二" of "二是"). */
  numStart: number;
  numEnd: number;
  number: number;
  /** Its place among the items of its line. */
  index: number;
  /** The 一是 heading whose marker this item is, when it is one. */
  heading: HeadingNode | null;
}

type Anchor = 'one' | EnumItem;

interface ItemJudgement {
  ok: boolean;
  /** What the item's number follows: its predecessor + 1, or a fresh start at 1. */
  anchor: Anchor | null;
  /** The number it should have, given the (possibly renumbered) numbers before it. */
  expected: (num: (x: EnumItem) => number) => number;
  /**
   * Whether correcting it alone is mechanical: false for a list that starts
   * late or a heading list that restarts at 一是, where an item or a heading
   * may be missing instead.
   */
  safe: boolean;
}

/** All 一是 lists of one report, read the way the numbering rule reads them. */
class Enumerations {
  readonly items: EnumItem[] = [];
  private readonly byLine = new Map<number, EnumItem[]>();
  /** For each 一是 heading: its run (numbered 一是 siblings) and its place there. */
  private readonly runOf = new Map<HeadingNode, { run: HeadingNode[]; index: number }>();

  constructor(
    private readonly doc: ParsedDocument,
    private readonly report: Report,
  ) {
    const groups: HeadingNode[][] = [report.roots, ...report.headings.map((h) => h.children)];
    for (const siblings of groups) {
      const run = siblings.filter((h) => h.marker.style === 'cn-shi');
      run.forEach((h, index) => this.runOf.set(h, { run, index }));
    }
    for (let l = report.startLine; l <= report.endLine; l++) {
      const info = doc.lines[l];
      if (info.kind !== 'body' && info.kind !== 'heading') continue;
      const heading = info.heading?.style === 'cn-shi' ? headingOnLine(report, l) ?? null : null;
      const found = enumerationItems(doc.source.lines[l]);
      if (found.length === 0) continue;
      const items = found.map((it, index): EnumItem => ({ line: l, numStart: it.start, numEnd: it.end - 1, number: it.number, index, heading: index === 0 ? heading : null }));
      this.byLine.set(l, items);
      this.items.push(...items);
    }
  }

  itemAt(line: number, character: number, exact: boolean): EnumItem | undefined {
    return this.byLine.get(line)?.find((it) => (exact ? it.numStart === character : it.numStart <= character && character <= it.numEnd + 1));
  }

  lineItems(line: number): EnumItem[] {
    return this.byLine.get(line) ?? [];
  }

  /** The last item of the nearest content line before `line` (null when that line has none). */
  private continued(line: number): EnumItem | null {
    for (let l = line - 1; l >= this.report.startLine; l--) {
      const k = this.doc.lines[l].kind;
      if (k === 'blank' || k === 'residue') continue;
      const items = this.byLine.get(l);
      return items ? items[items.length - 1] : null;
    }
    return null;
  }

  private markerItem(h: HeadingNode): EnumItem | null {
    const first = this.byLine.get(h.line)?.[0];
    return first && first.heading === h ? first : null;
  }

  /** Mirrors rules/numbering.ts: which numbers are accepted for `it`, and what it follows. */
  judge(it: EnumItem, num: (x: EnumItem) => number): ItemJudgement {
    const n = num(it);
    const line = this.lineItems(it.line);
    if (it.index > 0) {
      const pred = line[it.index - 1];
      return { ok: n === num(pred) + 1, anchor: pred, expected: (f) => f(pred) + 1, safe: true };
    }
    const cont = this.continued(it.line);
    const place = it.heading ? this.runOf.get(it.heading) : undefined;
    if (!place || place.index === 0) {
      if (n === 1) return { ok: true, anchor: 'one', expected: () => 1, safe: true };
      if (cont && n === num(cont) + 1) return { ok: true, anchor: cont, expected: (f) => f(cont) + 1, safe: true };
      return { ok: false, anchor: null, expected: (f) => (cont ? f(cont) + 1 : 1), safe: false };
    }
    const prevHeading = place.run[place.index - 1];
    const prevItems = this.lineItems(prevHeading.line);
    const prevMarker = this.markerItem(prevHeading);
    const candidates: Anchor[] = [];
    candidates.push(cont ?? 'one');
    if (prevItems.length) candidates.push(prevItems[prevItems.length - 1]);
    if (prevMarker) candidates.push(prevMarker);
    for (const c of candidates) {
      if (n === (c === 'one' ? 1 : num(c) + 1)) return { ok: true, anchor: c, expected: (f) => (c === 'one' ? 1 : f(c) + 1), safe: true };
    }
    const p = prevMarker ?? null;
    const pNumber = prevHeading.marker.number;
    return { ok: false, anchor: null, expected: (f) => (p ? f(p) : pNumber) + 1, safe: n !== 1 };
  }

  /**
   * New numbers for every item: items in `fix` that are wrong get the number
   * they should have; every item that was right follows what it followed
   * before, so a correction carries on down the list; other wrong items stay.
   */
  renumber(fix: Set<EnumItem>): Map<EnumItem, number> {
    const next = new Map<EnumItem, number>();
    const newNum = (x: EnumItem) => next.get(x) ?? x.number;
    const oldNum = (x: EnumItem) => x.number;
    for (const it of this.items) {
      const j = this.judge(it, oldNum);
      let n = it.number;
      if (j.ok && j.anchor) n = j.anchor === 'one' ? 1 : newNum(j.anchor) + 1;
      else if (fix.has(it)) n = j.expected(newNum);
      next.set(it, n);
    }
    return next;
  }

  edits(numbers: Map<EnumItem, number>): TextEdit[] {
    const out: TextEdit[] = [];
    for (const it of this.items) {
      const n = numbers.get(it) ?? it.number;
      if (n !== it.number) out.push(edit(it.line, it.numStart, it.numEnd, toChineseNumber(n)));
    }
    return out;
  }

  /** The wrong items among `candidates`, with whether each may be fixed unasked. */
  wrong(candidates: EnumItem[]): { item: EnumItem; safe: boolean }[] {
    const oldNum = (x: EnumItem) => x.number;
    return candidates.map((item) => ({ item, j: this.judge(item, oldNum) })).filter((x) => !x.j.ok).map((x) => ({ item: x.item, safe: x.j.safe }));
  }

  /** The items a renumbering of `it`'s list may correct: its line's, or its 一是 heading run's markers. */
  listOf(it: EnumItem): EnumItem[] {
    if (it.heading) {
      const place = this.runOf.get(it.heading);
      if (place) return place.run.map((h) => this.markerItem(h)).filter((x): x is EnumItem => x !== null);
    }
    return this.lineItems(it.line);
  }
}

// ---------------------------------------------------------------------------
// Renumbering

export interface RenumberOptions {
  /**
   * Renumber a run as one list even where the parser read its restart as the
   * plans part (the alternative the user may still choose).
   */
  ignorePlansRestart?: boolean;
}

const enumerationsCache = new WeakMap<Report, Enumerations>();

function enumerationsOf(doc: ParsedDocument, report: Report): Enumerations {
  let e = enumerationsCache.get(report);
  if (!e) {
    e = new Enumerations(doc, report);
    enumerationsCache.set(report, e);
  }
  return e;
}

type NumberingTarget =
  | { kind: 'headings'; report: Report; node: HeadingNode; run: HeadingNode[] }
  | { kind: 'list'; report: Report; enums: Enumerations; item: EnumItem };

function numberingTarget(doc: ParsedDocument, at: Finding | Position): NumberingTarget | null {
  const exact = 'code' in at;
  const pos = exact ? at.range.start : at;
  if (exact && (at.code !== 'numbering' || at.data?.expected === undefined)) return null;
  const report = reportAt(doc, pos.line);
  if (!report) return null;
  const node = headingOnLine(report, pos.line);
  if (node && NUMBERED_STYLES.has(node.marker.style) && node.marker.style !== 'cn-shi' && (!exact || node.marker.markerStart === pos.character)) {
    return { kind: 'headings', report, node, run: headingRun(report, node) };
  }
  const enums = enumerationsOf(doc, report);
  const item = enums.itemAt(pos.line, pos.character, exact);
  return item ? { kind: 'list', report, enums, item } : null;
}

/**
 * The fix that renumbers the run a numbering finding (or a position on a
 * numbered heading or a 一是 item) belongs to; null when that run is in order.
 *
 * Heading runs are renumbered 1…n in the style of their first heading. Where
 * a run restarts at 1 and the parser read the restart as the plans part, the
 * proposal is instead to insert the plans heading before the restart (unless
 * `ignorePlansRestart`). 一是 lists keep what correctly continues a list on
 * the previous line.
 */
export function renumberEdits(doc: ParsedDocument, at: Finding | Position, options: RenumberOptions = {}): FixProposal | null {
  const target = numberingTarget(doc, at);
  if (!target) return null;
  const source = doc.source;
  if (target.kind === 'headings') {
    const { report, run } = target;
    const d = diagnoseRun(run);
    if (!d.broken) return null;
    if (d.restart > 0 && !options.ignorePlansRestart) {
      const restartNode = run[d.restart];
      const plans = report.parts.find((p) => p.reason === 'restart' && p.line === restartNode.line && p.slot);
      const part = plans?.slot ? report.profile.part(plans.slot) : undefined;
      if (part) {
        const proposal = insertParentProposal(doc, report, restartNode, part);
        if (proposal) return proposal;
      }
    }
    const edits = sequentialEdits(source, run, 1);
    if (edits.length === 0) return null;
    return { title: runTitle(run), edits, safe: !d.startsLate && d.restart < 0 };
  }
  const { enums, item } = target;
  const wrong = enums.wrong(enums.listOf(item));
  if (wrong.length === 0) return null;
  const edits = enums.edits(enums.renumber(new Set(wrong.map((w) => w.item))));
  if (edits.length === 0) return null;
  const title =
    edits.length === 1
      ? `将${quoted(source.lines[edits[0].range.start.line].slice(edits[0].range.start.character, edits[0].range.end.character) + '是')}改为${quoted(edits[0].newText + '是')}`
      : `重新编排这一组“一是、二是”列举的编号（改动 ${edits.length} 处）`;
  return { title, edits, safe: wrong.every((w) => w.safe) };
}

/** The renumbering "fix all" may apply: runs and lists whose order alone is wrong (no item may be missing). */
function numberingFixAll(doc: ParsedDocument, findings: Finding[]): FixGroup<Finding>[] {
  const runs = new Map<HeadingNode, FixGroup<Finding>>();
  const lists = new Map<Report, { enums: Enumerations; items: Set<EnumItem>; findings: Finding[] }>();
  for (const f of findings) {
    const target = numberingTarget(doc, f);
    if (!target) continue;
    if (target.kind === 'headings') {
      const key = target.run[0];
      const known = runs.get(key);
      if (known) {
        known.findings.push(f);
        continue;
      }
      const d = diagnoseRun(target.run);
      if (!d.broken || d.startsLate || d.restart >= 0) continue;
      runs.set(key, { edits: sequentialEdits(doc.source, target.run, 1), findings: [f] });
    } else {
      let entry = lists.get(target.report);
      if (!entry) lists.set(target.report, (entry = { enums: target.enums, items: new Set(), findings: [] }));
      // Judge the item in the report's one Enumerations, so the items are the same objects.
      const item = entry.enums.itemAt(target.item.line, target.item.numStart, true);
      const verdict = item ? entry.enums.wrong([item])[0] : undefined;
      if (!item || !verdict?.safe) continue;
      entry.items.add(item);
      entry.findings.push(f);
    }
  }
  const groups: FixGroup<Finding>[] = [...runs.values()].filter((g) => g.edits.length > 0);
  for (const { enums, items, findings: fs } of lists.values()) {
    if (items.size === 0) continue;
    const edits = enums.edits(enums.renumber(items));
    if (edits.length) groups.push({ edits, findings: fs });
  }
  return groups;
}

/** The renumbering of the finding's run; where a restart was read as the plans part, keeping one list stays a choice. */
function numberingQuickFixes(doc: ParsedDocument, f: Finding): FixProposal[] {
  const p = renumberEdits(doc, f);
  if (!p) return [];
  const plain = renumberEdits(doc, f, { ignorePlansRestart: true });
  return plain && !sameEdits(plain.edits, p.edits) ? [p, { ...plain, title: `仍作为同一组：${plain.title}` }] : [p];
}
