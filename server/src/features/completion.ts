/**
 * Completion at the start of a line: the next number at each level open at
 * the cursor (after （二） typing （ offers （三）), the next 一是/二是 item
 * after a paragraph that enumerates, and the standard headings of the parts
 * the report still lacks, numbered as the next top-level heading.
 *
 * The analysis may already contain the line being typed ("二、" alone parses
 * as a heading), so only what stands before the cursor's line is read.
 */
import { enumerationItems } from '../engine/enumeration';
import { Analysis } from './analyze';
import { HeadingMarker, MarkerStyle, formatMarker, toChineseNumber } from '../engine/markers';
import { HeadingNode, Report } from '../engine/parse';
import { leadingBlank } from '../engine/source';
import { Position, Range } from '../engine/types';

export type CompletionKind = 'number' | 'heading' | 'enumeration';

export interface CompletionProposal {
  label: string;
  insertText: string;
  /** Set when the typed text differs in form from the label ("(" typed, "（三）" offered). */
  filterText?: string;
  /** Chinese, shown beside the label. */
  detail: string;
  kind: CompletionKind;
  /** Replaces what was typed of the marker, from its first character to the cursor. */
  textEdit: { range: Range; newText: string };
  /** Keeps the engine's order: the level being written first. */
  sortText: string;
}

const NUMBERED = new Set<MarkerStyle>(['cn-dun', 'cn-paren', 'arabic-dot', 'arabic-paren', 'circled', 'cn-shi']);

/** Beyond this, what precedes the cursor is a sentence, not a marker or heading being typed. */
const MAX_TYPED = 12;

/** Half- and full-width brackets and dots count as the same when matching what was typed. */
function normalize(s: string): string {
  return s.replace(/\(/g, '（').replace(/\)/g, '）').replace(/．/g, '.');
}

const LEVEL_NAMES = ['一级', '二级', '三级', '四级', '五级', '六级'];

function levelName(depth: number): string {
  return LEVEL_NAMES[depth - 1] ?? `${depth} 级`;
}

function markerLabel(analysisLine: string, h: HeadingNode): string {
  return analysisLine.slice(h.marker.markerStart, h.marker.markerEnd).trim();
}

/** The headings open at `line`: the chain of the last heading before it and its ancestors, deepest last. */
function openHeadings(report: Report, line: number): HeadingNode[] {
  const stack: HeadingNode[] = [];
  for (const h of report.headings) {
    if (h.line >= line) break;
    while (stack.length && stack[stack.length - 1].rank >= h.rank) stack.pop();
    stack.push(h);
  }
  return stack;
}

interface Candidate {
  label: string;
  detail: string;
  kind: CompletionKind;
}

export function completionsAt(analysis: Analysis, position: Position, lineTextBeforeCursor: string): CompletionProposal[] {
  const { doc } = analysis;
  const { source } = doc;
  const prefix = lineTextBeforeCursor;
  let head = leadingBlank(prefix);
  if (doc.markdown) {
    const hashes = /^#{1,6}[ \t]+/.exec(prefix.slice(head));
    if (hashes) head += hashes[0].length;
  }
  const typed = prefix.slice(head);
  if (typed.length > MAX_TYPED || /[。，；！？,;!?]/.test(typed)) return [];

  const reports = doc.reports.filter((r) => r.startLine <= position.line);
  const report: Report | undefined = reports[reports.length - 1];
  // The genre of the report being written (the fallback genre before any report).
  const profile = report?.profile ?? doc.genres.fallback;
  if (report?.title && report.title.line === position.line) return [];

  const candidates: Candidate[] = [];
  const add = (c: Candidate) => {
    if (!candidates.some((x) => x.label === c.label)) candidates.push(c);
  };

  const open = report ? openHeadings(report, position.line) : [];

  // 1. The next number at each open level, the deepest (the level being written) first.
  for (let i = open.length - 1; i >= 0; i--) {
    const h = open[i];
    if (!NUMBERED.has(h.marker.style)) continue;
    const line = source.lines[h.line];
    let n = h.marker.number;
    if (h.marker.style === 'cn-shi') {
      // "一是…。二是…" on the heading's own line: the next paragraph goes on from the last item.
      const items = enumerationItems(line);
      if (items.length && items[items.length - 1].number > n) n = items[items.length - 1].number;
    }
    const label = formatMarker(h.marker, n + 1);
    add({
      label,
      detail: h.marker.style === 'cn-shi' ? `接续「${toChineseNumber(n)}是」的列举` : `${levelName(h.depth)}标题「${markerLabel(line, h)}」之后的编号`,
      kind: h.marker.style === 'cn-shi' ? 'enumeration' : 'number',
    });
  }

  // 2. A paragraph that enumerates (…一是…；二是…。) goes on in the next one.
  if (report) {
    for (let l = position.line - 1; l >= report.startLine; l--) {
      const info = doc.lines[l];
      if (info.kind === 'blank') continue;
      if (info.kind === 'body' || info.kind === 'heading') {
        const items = enumerationItems(source.lines[l]);
        if (items.length) {
          const last = items[items.length - 1].number;
          add({ label: toChineseNumber(last + 1) + '是', detail: `接续上一段的「${toChineseNumber(last)}是」`, kind: 'enumeration' });
        }
      }
      break;
    }
  }

  // 3. The standard headings of the parts the report lacks, as the next top-level heading.
  const present = new Set(report?.parts.map((p) => p.slot) ?? []);
  const missing = profile.parts.filter((p) => !present.has(p.slot));
  if (missing.length) {
    const tops = (report?.roots ?? []).filter((r) => r.marker.style === 'cn-dun');
    const before = tops.filter((r) => r.line < position.line);
    let like: Pick<HeadingMarker, 'style' | 'variant'> | null = null;
    let number = 1;
    if (before.length) {
      like = before[before.length - 1].marker;
      number = before[before.length - 1].marker.number + 1;
    } else if (tops.length) {
      like = tops[0].marker;
    } else if (!report || report.headings.length === 0) {
      like = { style: 'cn-dun', variant: '、' };
    }
    // Parts that fit here by the profile's order first, required before optional.
    const orderBefore = Math.max(0, ...(report?.parts ?? []).filter((p) => p.line < position.line).map((p) => profile.part(p.slot ?? '')?.order ?? 0));
    const fits = (order: number | null) => order === null || order >= orderBefore;
    missing.sort((a, b) => Number(fits(b.order)) - Number(fits(a.order)) || Number(b.required) - Number(a.required) || (a.order ?? 99) - (b.order ?? 99));
    for (const part of missing) {
      add({
        label: (like ? formatMarker(like, number) : '') + part.standardHeading,
        detail: `补上本篇报告缺少的「${part.name}」部分${part.required ? '' : '（可选）'}`,
        kind: 'heading',
      });
    }
  }

  const typedNorm = normalize(typed);
  const range: Range = { start: { line: position.line, character: Math.max(0, position.character - typed.length) }, end: { line: position.line, character: position.character } };
  const out: CompletionProposal[] = [];
  for (const c of candidates) {
    if (typed && !normalize(c.label).startsWith(typedNorm)) continue;
    const item: CompletionProposal = {
      label: c.label,
      insertText: c.label,
      detail: c.detail,
      kind: c.kind,
      textEdit: { range, newText: c.label },
      sortText: String(out.length).padStart(3, '0'),
    };
    if (typed && !c.label.startsWith(typed)) item.filterText = typed + c.label.slice(typed.length);
    out.push(item);
  }
  return out;
}
