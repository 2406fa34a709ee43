/**
 * Template residue: what template sites put into a draft that belongs to no
 * report — watermarks, advertising, paid-content markers, preview lines.
 * The patterns are data (data/residue.json); this module applies them to a line.
 */
import residueData from '../data/residue.json';
import { Range } from './types';

export interface ResidueRegion {
  /** 'lines': whole lines startLine…endLine; 'span': a part of one line. */
  kind: 'lines' | 'span';
  label: string;
  startLine: number;
  endLine: number;
  range: Range;
}

interface LabeledPattern {
  re: RegExp;
  label: string;
}

const LINE_PATTERNS: LabeledPattern[] = residueData.line.map((p) => ({ re: new RegExp(p.pattern), label: p.label }));
const SPAN_PATTERNS: LabeledPattern[] = residueData.span.map((p) => ({ re: new RegExp(p.pattern, 'g'), label: p.label }));
const AD_PATTERN = new RegExp(residueData.ad.join('|'));
/**
 * Matches wherever a line or span pattern would: nearly every line has no
 * residue, and one test spares it the fourteen. (A pattern with a back
 * reference would be renumbered inside the union: then there is no shortcut.)
 */
const ANY_PATTERN: RegExp | null = [...LINE_PATTERNS, ...SPAN_PATTERNS].some((p) => /\\[1-9]|\\k</.test(p.re.source))
  ? null
  : new RegExp([...LINE_PATTERNS, ...SPAN_PATTERNS].map((p) => `(?:${p.re.source})`).join('|'));

/** A watermark inside a longer line is cut out as a span; a line up to this long is residue as a whole. */
const SHORT_LINE = 80;
/** Advertising words only count in short lines: a real paragraph may well mention 订阅 or 二维码. */
const AD_LINE = 60;

export interface LineResidue {
  wholeLine: boolean;
  regions: ResidueRegion[];
}

export function detectLineResidue(text: string, line: number, start: number, end: number): LineResidue {
  const content = text.slice(start, end);
  if (ANY_PATTERN !== null && !ANY_PATTERN.test(content)) return adResidue(content, line, end) ?? NO_RESIDUE;
  const regions: ResidueRegion[] = [];
  const span = (from: number, to: number, label: string): ResidueRegion => ({
    kind: 'span',
    label,
    startLine: line,
    endLine: line,
    range: { start: { line, character: from }, end: { line, character: to } },
  });

  let covered = 0;
  for (const p of SPAN_PATTERNS) {
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(content))) {
      if (m[0].length === 0) {
        p.re.lastIndex++;
        continue;
      }
      regions.push(span(start + m.index, start + m.index + m[0].length, p.label));
      covered += m[0].length;
    }
  }
  if (regions.length && content.replace(/\s/g, '').length <= covered) return wholeLineResidue(regions[0].label, line, end);

  for (const p of LINE_PATTERNS) {
    const m = p.re.exec(content);
    if (!m) continue;
    if (content.length <= SHORT_LINE) return wholeLineResidue(p.label, line, end);
    // Inside a paragraph the watermark is a sentence of its own ("…。仅供学习参考，请勿照搬照抄！"):
    // cover that sentence, so deleting it leaves no stray punctuation behind.
    const [from, to] = sentenceAround(content, m.index, m.index + m[0].length);
    if (!regions.some((r) => r.range.start.character === start + from)) regions.push(span(start + from, start + to, p.label));
  }
  return adResidue(content, line, end) ?? { wholeLine: false, regions };
}

/** What a line with no residue pattern gives: nothing (shared, never changed by callers). */
const NO_RESIDUE: LineResidue = Object.freeze({ wholeLine: false, regions: Object.freeze([]) as unknown as ResidueRegion[] });

/** A short advertising line, which is residue as a whole; null for any other line. */
function adResidue(content: string, line: number, end: number): LineResidue | null {
  if (content.length > AD_LINE || content.endsWith('。') || !AD_PATTERN.test(content) || /^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十\d]+[）)]/.test(content)) return null;
  return wholeLineResidue('广告', line, end);
}

/** Line `line` as residue from its start to `end`. */
function wholeLineResidue(label: string, line: number, end: number): LineResidue {
  return { wholeLine: true, regions: [{ kind: 'lines', label, startLine: line, endLine: line, range: { start: { line, character: 0 }, end: { line, character: end } } }] };
}

const SENTENCE_END = /[。！？!?]/;

/** The sentence of `content` that holds [from, to): from after the previous sentence end to its own end. */
function sentenceAround(content: string, from: number, to: number): [number, number] {
  let a = from;
  while (a > 0 && !SENTENCE_END.test(content.charAt(a - 1))) a--;
  let b = to;
  while (b < content.length && !SENTENCE_END.test(content.charAt(b - 1))) b++;
  return [a, b];
}

/** A web preview: the title and the first sentence again, cut off with "..." or "……". */
export function isPreviewLine(content: string, title: string): boolean {
  if (!/(\.{3,}|…+|。。。)$/.test(content)) return false;
  return content.length > title.length + 4 && content.startsWith(title);
}
