/**
 * Quick fixes as pure functions: what the language server offers as code
 * actions and what `zongjie fix` applies to files. Every proposal is a list of
 * TextEdits on the analysed text; front ends only translate them.
 *
 * What is fixed and how:
 * - template residue, and every finding that carries its one right correction
 *   (`finding.fix`: a formulation, a punctuation mark, a doubled character):
 *   the carried edits, unchanged;
 * - numbering: the whole run is renumbered (all sibling headings of one rank
 *   under one parent, or one 一是/二是 list), replacing only the numerals or
 *   markers that are wrong. A run that restarts at （一） where the parser read
 *   the restart as the plans part (ReportPart reason 'restart') is not glued
 *   onto the problems: the preferred fix inserts the missing parent heading
 *   before the restart and renumbers the later top-level headings;
 * - a missing part: its standard heading and a fill-in prompt line at the place
 *   the profile's order gives it, later top-level numbers moved up by one;
 * - placeholders are never fixed: their action only jumps to the next one.
 *
 * "Fix all" (source.fixAll.zongjie, `zongjie fix`) applies only the safe
 * fixes: carried corrections, residue deletion, and renumbering that cannot
 * hide a lost item (skips, duplicates, order, mixed marker styles). A run that
 * starts late or restarts at 1 may be missing an item or a parent heading, so
 * it waits for the user; so do inserted parts, which need the author's words.
 */
import { residueDeletion } from '../rules/template-residue';
import { enumerationItems } from '../rules/numbering';
import { Analysis } from './analyze';
import { HeadingMarker, MarkerStyle, formatMarker, toChineseNumber } from './markers';
import { HeadingNode, ParsedDocument, Report } from './parse';
import { ProfilePart } from './profile';
import { SourceText, leadingBlank } from './source';
import { Finding, Position, Range, TextEdit } from './types';

export { residueDeletion };

/** One way to resolve a finding. */
export interface FixProposal {
  /** Chinese, as shown in the editor's light-bulb menu. */
  title: string;
  edits: TextEdit[];
  /** True when "fix all" may apply it without asking. */
  safe: boolean;
}

export const QUICKFIX_KIND = 'quickfix';
export const FIX_ALL_KIND = 'source.fixAll.zongjie';
export type CodeActionKind = typeof QUICKFIX_KIND | typeof FIX_ALL_KIND;

/** A code action in engine terms; the language server maps it 1:1 onto an LSP CodeAction. */
export interface EngineCodeAction {
  title: string;
  kind: CodeActionKind;
  /** Applied as one WorkspaceEdit, hence one undo step. Empty for the placeholder jump. */
  edits: TextEdit[];
  /** The findings this action resolves (the LSP sends their diagnostics along). */
  diagnostics: Finding[];
  isPreferred: boolean;
  /**
   * For an action that moves the selection instead of editing (the placeholder
   * jump): the range to select. The language server turns it into its command
   * `zongjie.selectPlaceholder`, which asks the editor to select the range
   * (window/showDocument).
   */
  select?: Range;
}

const FIX_ALL_TITLE = '修复全部可自动修复的问题';

/** Codes whose findings are never applied by "fix all", whatever they carry. */
const NEVER_AUTOMATIC = new Set(['placeholder', 'missing-section']);

const NUMBERED_STYLES = new Set<MarkerStyle>(['cn-dun', 'cn-paren', 'arabic-dot', 'arabic-paren', 'circled', 'cn-shi']);

// ---------------------------------------------------------------------------
// Applying edits

/** Thrown by applyEdits for edits that overlap or point outside the text. */
export class EditConflictError extends Error {}

/** Orders positions: negative when `a` comes first. */
export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

function offsetOf(source: SourceText, p: Position): number {
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.line >= source.lineCount || p.character < 0 || p.character > source.lines[p.line].length) {
    throw new EditConflictError(`修改位置无效：第 ${p.line + 1} 行第 ${p.character + 1} 列不在文本范围内（文本可能已经改变）。`);
  }
  return source.lineStarts[p.line] + p.character;
}

function where(p: Position): string {
  return `第 ${p.line + 1} 行第 ${p.character + 1} 列`;
}

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
  edit: TextEdit;
}

function toOffsets(source: SourceText, edits: readonly TextEdit[]): OffsetEdit[] {
  const spans = edits.map((edit) => {
    const start = offsetOf(source, edit.range.start);
    const end = offsetOf(source, edit.range.end);
    if (end < start) throw new EditConflictError(`修改范围无效：${where(edit.range.start)}之后的结束位置在开始位置之前。`);
    return { start, end, newText: edit.newText, edit };
  });
  // Stable: two edits at one offset keep their given order (an insertion before a replacement).
  return spans.map((s, i) => ({ s, i })).sort((a, b) => a.s.start - b.s.start || a.s.end - b.s.end || a.i - b.i).map((x) => x.s);
}

/** True when two edits cannot both be applied: their ranges share text, or both insert at one point. */
function conflicts(a: OffsetEdit, b: OffsetEdit): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  return a.start === a.end && b.start === b.end && a.start === b.start;
}

function conflictError(a: OffsetEdit, b: OffsetEdit): EditConflictError {
  return new EditConflictError(`两处修改相互重叠，无法同时应用：${where(a.edit.range.start)}与${where(b.edit.range.start)}。`);
}

/**
 * Applies edits given in positions of `text` (all at once, as LSP does) and
 * returns the new text. Throws EditConflictError, with a Chinese message, when
 * an edit points outside the text or two edits overlap; `text` is never half-edited.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const spans = toOffsets(new SourceText(text), edits);
  for (let i = 1; i < spans.length; i++) {
    if (conflicts(spans[i - 1], spans[i])) throw conflictError(spans[i - 1], spans[i]);
  }
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + s.newText;
    at = s.end;
  }
  return out + text.slice(at);
}

// ---------------------------------------------------------------------------
// Small helpers

function edit(line: number, start: number, end: number, newText: string): TextEdit {
  return { range: { start: { line, character: start }, end: { line, character: end } }, newText };
}

/** The line end the document uses (its first one), so inserted lines match it. */
export function lineEnding(source: SourceText): string {
  const m = /\r\n|\r|\n/.exec(source.text);
  return m ? m[0] : '\n';
}

function reportAt(doc: ParsedDocument, line: number): Report | undefined {
  return doc.reports.find((r) => r.startLine <= line && line <= r.endLine);
}

// A parsed report never changes, so what is derived from it is kept with it:
// fix all asks once per finding, and a draft may hold thousands of headings.
const headingsByLine = new WeakMap<Report, Map<number, HeadingNode>>();

function headingOnLine(report: Report, line: number): HeadingNode | undefined {
  let map = headingsByLine.get(report);
  if (!map) {
    map = new Map(report.headings.map((h) => [h.line, h]));
    headingsByLine.set(report, map);
  }
  return map.get(line);
}

function rangesTouch(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

function isArabic(style: MarkerStyle): boolean {
  return style === 'arabic-dot' || style === 'arabic-paren';
}

/**
 * The edit that makes `node`'s marker read `number` in the variant of `like`;
 * null when it already does. When only the number differs, only the numeral is
 * replaced, so the author's punctuation and spacing inside the marker stay.
 */
function markerEdit(source: SourceText, node: HeadingNode, number: number, like: Pick<HeadingMarker, 'style' | 'variant'>): TextEdit | null {
  const m = node.marker;
  if (m.number === number && m.variant === like.variant) return null;
  if (m.variant === like.variant && m.style !== 'circled') {
    const text = source.lines[node.line].slice(m.markerStart, m.markerEnd);
    const numeral = /[一二三四五六七八九十两]+|\d+/.exec(text);
    if (numeral) {
      const at = m.markerStart + numeral.index;
      return edit(node.line, at, at + numeral[0].length, isArabic(m.style) ? String(number) : toChineseNumber(number));
    }
  }
  return edit(node.line, m.markerStart, m.markerEnd, formatMarker(like, number));
}

/** The text written before a heading's marker that a new heading of its level repeats: indentation, `## `, `**`. */
function headingFrame(source: SourceText, node: HeadingNode | null): { prefix: string; suffix: string } {
  if (!node) return { prefix: '', suffix: '' };
  const prefix = source.lines[node.line].slice(0, node.marker.markerStart);
  return { prefix, suffix: prefix.endsWith('**') ? '**' : '' };
}

function quoted(s: string): string {
  return `「${s}」`;
}

// ---------------------------------------------------------------------------
// Heading runs (一、 （一） 1. （1） ①)

/** The numbered siblings of `node` with its rank: the run its number belongs to. */
export function headingRun(report: Report, node: HeadingNode): HeadingNode[] {
  const siblings = node.parent ? node.parent.children : report.roots;
  return siblings.filter((h) => h.rank === node.rank && NUMBERED_STYLES.has(h.marker.style));
}

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

/** Renumbers `run` from `start` in order, in the style of its first item; only wrong markers are touched. */
function sequentialEdits(source: SourceText, run: HeadingNode[], start: number, like: HeadingMarker = run[0].marker): TextEdit[] {
  const out: TextEdit[] = [];
  run.forEach((h, i) => {
    const e = markerEdit(source, h, start + i, like);
    if (e) out.push(e);
  });
  return out;
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
      const part = plans?.slot ? doc.profile.part(plans.slot) : undefined;
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

export function promptLine(profile: ParsedDocument['profile']): string {
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
  const part = typeof slot === 'string' ? doc.profile.part(slot) : undefined;
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
  const block = [frame.prefix + heading + frame.suffix, indent + promptLine(doc.profile)];

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

// ---------------------------------------------------------------------------
// Placeholders

/**
 * The placeholder after `position` (after the one it stands in, if any),
 * wrapping around to the first; null when there is no other placeholder.
 */
export function nextPlaceholder(analysis: Analysis, position: Position): Range | null {
  const all = placeholderRanges(analysis);
  const current = all.find((r) => comparePositions(r.start, position) <= 0 && comparePositions(position, r.end) <= 0);
  const from = current ? current.end : position;
  const next = all.find((r) => r !== current && comparePositions(r.start, from) >= 0) ?? all.find((r) => r !== current);
  return next ?? null;
}

/** The ranges of the analysis's placeholders, in document order. */
export function placeholderRanges(analysis: Analysis): Range[] {
  const all = analysis.findings.filter((f) => f.code === 'placeholder').map((f) => f.range);
  return all.sort((a, b) => comparePositions(a.start, b.start));
}

// ---------------------------------------------------------------------------
// Fix all

export interface FixAllPlan {
  /** Non-overlapping edits, to be applied at once. */
  edits: TextEdit[];
  /** The findings these edits resolve. */
  fixed: Finding[];
  /** Safe fixes left out because they overlap one taken earlier; a second run applies them. */
  deferred: Finding[];
}

interface FixGroup {
  edits: TextEdit[];
  findings: Finding[];
}

/** Every safe fix of the analysis, grouped: a group is applied whole or not at all. */
function safeGroups(analysis: Analysis): FixGroup[] {
  const { doc, findings } = analysis;
  const residue: FixGroup[] = [];
  const carried: FixGroup[] = [];
  for (const f of findings) {
    if (!f.fix || f.fix.edits.length === 0 || f.fix.manual || NEVER_AUTOMATIC.has(f.code)) continue;
    (f.code === 'template-residue' ? residue : carried).push({ edits: f.fix.edits, findings: [f] });
  }

  const runs = new Map<HeadingNode, FixGroup>();
  const lists = new Map<Report, { enums: Enumerations; items: Set<EnumItem>; findings: Finding[] }>();
  for (const f of findings) {
    if (f.code !== 'numbering') continue;
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
  const numbering: FixGroup[] = [...runs.values()].filter((g) => g.edits.length > 0);
  for (const { enums, items, findings: fs } of lists.values()) {
    if (items.size === 0) continue;
    const edits = enums.edits(enums.renumber(items));
    if (edits.length) numbering.push({ edits, findings: fs });
  }
  return [...residue, ...carried, ...numbering];
}

/**
 * The safe fixes of the whole document as one set of non-overlapping edits
 * (residue deletions first, then carried corrections, then renumbering); a fix
 * whose edits overlap one already taken is deferred, never half-applied.
 */
export function planFixAll(analysis: Analysis): FixAllPlan {
  const source = analysis.doc.source;
  const taken: OffsetEdit[] = [];
  const plan: FixAllPlan = { edits: [], fixed: [], deferred: [] };
  for (const g of safeGroups(analysis)) {
    let spans: OffsetEdit[];
    try {
      spans = toOffsets(source, g.edits);
    } catch {
      plan.deferred.push(...g.findings);
      continue;
    }
    const clash = spans.some((s, i) => (i > 0 && conflicts(spans[i - 1], s)) || taken.some((t) => conflicts(t, s)));
    if (clash) {
      plan.deferred.push(...g.findings);
      continue;
    }
    taken.push(...spans);
    plan.edits.push(...g.edits);
    plan.fixed.push(...g.findings);
  }
  plan.edits.sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
  return plan;
}

/** The edits of planFixAll: every safe fix, non-overlapping, for one WorkspaceEdit. */
export function fixAllEdits(analysis: Analysis): TextEdit[] {
  return planFixAll(analysis).edits;
}

// ---------------------------------------------------------------------------
// Code actions

/** LSP's rule for `context.only`: a kind is wanted when it is, or lies under, one of the requested kinds. */
function wanted(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return kind === QUICKFIX_KIND;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

function sameEdits(a: TextEdit[], b: TextEdit[]): boolean {
  return a.length === b.length && a.every((e, i) => e.newText === b[i].newText && comparePositions(e.range.start, b[i].range.start) === 0 && comparePositions(e.range.end, b[i].range.end) === 0);
}

/**
 * The code actions for `range`: a quick fix for each finding there that has
 * one, and "fix all" — as a quick fix beside them when it does more than they
 * do, and as the `source.fixAll.zongjie` action when `only` asks for it (which
 * is how VS Code's fix-on-save asks). `only` is the LSP request's
 * `context.only`; without it, quick fixes only.
 */
export function codeActionsFor(analysis: Analysis, range: Range, only?: readonly string[]): EngineCodeAction[] {
  const { doc } = analysis;
  const actions: EngineCodeAction[] = [];
  const add = (a: EngineCodeAction) => {
    const same = actions.find((x) => x.title === a.title && sameEdits(x.edits, a.edits) && x.select === a.select);
    if (same) same.diagnostics.push(...a.diagnostics.filter((d) => !same.diagnostics.includes(d)));
    else actions.push(a);
  };
  const wantQuickfix = wanted(QUICKFIX_KIND, only);
  let anyFixHere = false;

  if (wantQuickfix) {
    for (const f of analysis.findings) {
      if (!rangesTouch(f.range, range)) continue;
      if (f.code === 'placeholder') {
        const next = nextPlaceholder(analysis, f.range.start);
        if (next) add({ title: '跳到下一个占位符', kind: QUICKFIX_KIND, edits: [], diagnostics: [f], isPreferred: false, select: next });
        continue;
      }
      if (f.code === 'missing-section') {
        const p = missingPartEdit(doc, f);
        if (p) add({ title: p.title, kind: QUICKFIX_KIND, edits: p.edits, diagnostics: [f], isPreferred: true });
        continue;
      }
      if (f.code === 'numbering') {
        const p = renumberEdits(doc, f);
        if (!p) continue;
        anyFixHere ||= p.safe;
        add({ title: p.title, kind: QUICKFIX_KIND, edits: p.edits, diagnostics: [f], isPreferred: true });
        // A restart read as the plans part: keeping it in one list remains the user's choice.
        const plain = renumberEdits(doc, f, { ignorePlansRestart: true });
        if (plain && !sameEdits(plain.edits, p.edits)) add({ title: `仍作为同一组：${plain.title}`, kind: QUICKFIX_KIND, edits: plain.edits, diagnostics: [f], isPreferred: false });
        continue;
      }
      if (f.fix && f.fix.edits.length) {
        if (!f.fix.manual) anyFixHere = true;
        add({ title: f.fix.title, kind: QUICKFIX_KIND, edits: f.fix.edits, diagnostics: [f], isPreferred: !f.fix.manual });
      }
    }
  }

  const wantFixAll = wanted(FIX_ALL_KIND, only);
  if (wantFixAll || anyFixHere) {
    const plan = planFixAll(analysis);
    if (plan.edits.length) {
      if (wantFixAll) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edits: plan.edits, diagnostics: plan.fixed, isPreferred: false });
      // Beside the single fixes only when it does more than one of them would.
      const single = actions.some((a) => a.kind === QUICKFIX_KIND && sameEdits(a.edits, plan.edits));
      if (wantQuickfix && anyFixHere && !single && plan.fixed.length > 1) {
        actions.push({ title: FIX_ALL_TITLE, kind: QUICKFIX_KIND, edits: plan.edits, diagnostics: plan.fixed, isPreferred: false });
      }
    }
  }
  return actions;
}
