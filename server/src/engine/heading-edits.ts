/**
 * Edits of a report's headings: renumbering a run of sibling headings in the
 * style of its first, and the frame (indentation, `## `, `**`) a new heading of
 * a level repeats. Shared by the numbering and missing-section fixes.
 */
import { edit } from './edits';
import { HeadingMarker, MarkerStyle, NUMBERED_STYLES, formatMarker, toChineseNumber } from './markers';
import { HeadingNode, Report } from './parse';
import { SourceText } from './source';
import { TextEdit } from './types';

// A parsed report never changes, so what is derived from it is kept with it:
// fix all asks once per finding, and a draft may hold thousands of headings.
const headingsByLine = new WeakMap<Report, Map<number, HeadingNode>>();

export function headingOnLine(report: Report, line: number): HeadingNode | undefined {
  let map = headingsByLine.get(report);
  if (!map) {
    map = new Map(report.headings.map((h) => [h.line, h]));
    headingsByLine.set(report, map);
  }
  return map.get(line);
}

function isArabic(style: MarkerStyle): boolean {
  return style === 'arabic-dot' || style === 'arabic-paren';
}

/**
 * The edit that makes `node`'s marker read `number` in the variant of `like`;
 * null when it already does. When only the number differs, only the numeral is
 * replaced, so the author's punctuation and spacing inside the marker stay.
 */
export function markerEdit(source: SourceText, node: HeadingNode, number: number, like: Pick<HeadingMarker, 'style' | 'variant'>): TextEdit | null {
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
export function headingFrame(source: SourceText, node: HeadingNode | null): { prefix: string; suffix: string } {
  if (!node) return { prefix: '', suffix: '' };
  const prefix = source.lines[node.line].slice(0, node.marker.markerStart);
  return { prefix, suffix: prefix.endsWith('**') ? '**' : '' };
}

/** The numbered siblings of `node` with its rank: the run its number belongs to. */
export function headingRun(report: Report, node: HeadingNode): HeadingNode[] {
  const siblings = node.parent ? node.parent.children : report.roots;
  return siblings.filter((h) => h.rank === node.rank && NUMBERED_STYLES.has(h.marker.style));
}

/** Renumbers `run` from `start` in order, in the style of its first item; only wrong markers are touched. */
export function sequentialEdits(source: SourceText, run: HeadingNode[], start: number, like: HeadingMarker = run[0].marker): TextEdit[] {
  const out: TextEdit[] = [];
  run.forEach((h, i) => {
    const e = markerEdit(source, h, start + i, like);
    if (e) out.push(e);
  });
  return out;
}
