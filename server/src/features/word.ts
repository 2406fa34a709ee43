/**
 * Word documents as drafts: the text the engine checks (the paragraphs of
 * the document's body, one per line) and the facts only the Word file holds,
 * placed on those lines. The CLI and the language server read .docx files
 * through here; the Word-only rules read the facts from the rule context.
 */
import { DocxDocument, DocxError, DocxFinding, DocxParagraph, DocxRegion, readDocx } from '../docx';
import { NUMBERED_STYLES, parseHeading } from '../engine/markers';
import { WordFact, WordFacts, WordRegion } from '../engine/word-facts';
import { Analysis, AnalyzeOptions, analyzeText } from './analyze';

export { DocxError };

/**
 * True for the file names read as Word documents: .docx, and the legacy .doc
 * and WPS .wps, which the reader recognises and refuses with a message saying
 * how to save them as .docx (better than "not a text file").
 */
export function isWordPath(path: string): boolean {
  return /\.(docx|doc|wps)$/i.test(path);
}

/**
 * The cap on the XML a Word file may inflate to, all parts together. A report
 * of a hundred pages is a few megabytes of XML; more is a zip bomb or not a
 * report, and stopping there keeps memory bounded.
 */
export const WORD_MAX_XML_BYTES = 64 * 1024 * 1024;
/** The cap on a Word file's size on disk (images make a file large; they are never inflated). */
export const WORD_MAX_FILE_BYTES = 256 * 1024 * 1024;

export interface WordDraft {
  /** The body paragraphs, one per line (LF). */
  text: string;
  /** Line i of `text` is paragraph lineToParagraph[i] of the Word file. */
  lineToParagraph: number[];
  /** Each paragraph's region, by paragraph index. */
  regions: WordRegion[];
  facts: WordFacts;
}

/** The regions that make up the checked text. */
const CHECKED: ReadonlySet<DocxRegion> = new Set<DocxRegion>(['body', 'table', 'textbox']);

function regionOf(r: DocxRegion): WordRegion {
  switch (r) {
    case 'header':
    case 'footer':
    case 'comment':
    case 'footnote':
    case 'endnote':
      return r;
    default:
      return 'body';
  }
}

/**
 * A paragraph's line as a writer would have typed it. Word puts a tab (or a
 * space) between an automatic number and the text; after a number that ends
 * in Chinese punctuation ("一、", "（一）") nobody types one, and after "1." a
 * space reads the same as a tab. Returns the line and how far the text after
 * the number moved (0 or -1).
 */
function lineOf(p: DocxParagraph): { line: string; shiftAt: number; shift: number } {
  const suffix = p.numberSuffix;
  if (!p.numbered || p.numberText === undefined || (suffix !== '\t' && suffix !== ' ')) return { line: p.text, shiftAt: Infinity, shift: 0 };
  const n = p.numberText.length;
  if (/[、）．。：]$/.test(p.numberText)) return { line: p.text.slice(0, n) + p.text.slice(n + 1), shiftAt: n + 1, shift: -1 };
  return { line: suffix === '\t' ? p.text.slice(0, n) + ' ' + p.text.slice(n + 1) : p.text, shiftAt: Infinity, shift: 0 };
}

/** The draft of a Word document read by the reader. */
export function wordDraft(doc: DocxDocument): WordDraft {
  const lines: string[] = [];
  const lineToParagraph: number[] = [];
  const paragraphToLine = new Map<number, number>();
  const shifts = new Map<number, { shiftAt: number; shift: number }>();
  const regions = doc.paragraphs.map((p) => regionOf(p.region));
  const margins: WordFacts['margins'] = [];
  doc.paragraphs.forEach((p, i) => {
    if (CHECKED.has(p.region)) {
      const { line, shiftAt, shift } = lineOf(p);
      paragraphToLine.set(i, lines.length);
      if (shift !== 0) shifts.set(i, { shiftAt, shift });
      lineToParagraph.push(i);
      lines.push(line);
    } else if (p.region === 'header' || p.region === 'footer') {
      margins.push({ paragraph: i, region: p.region, text: p.text });
    }
  });
  const offset = (paragraph: number, at: number): number => {
    const s = shifts.get(paragraph);
    return s && at >= s.shiftAt ? at + s.shift : at;
  };

  const facts: WordFact[] = [];
  const properties: WordFacts['properties'] = [];
  for (const f of doc.hidden) {
    if (f.kind === 'property') {
      if (f.name && f.text) properties.push({ name: f.name, value: f.text });
      continue;
    }
    facts.push(factOf(f, doc, regions, paragraphToLine, offset));
  }
  const draft: WordDraft = { text: lines.join('\n'), lineToParagraph, regions, facts: { facts, margins, properties } };
  const ranks = headingRanks(doc, lines, lineToParagraph);
  if (ranks.size > 0) draft.facts.headingRanks = ranks;
  return draft;
}

/** A paragraph in a heading style longer than this is body text in the wrong style, not a heading. */
const STYLED_HEADING_MAX = 100;

/**
 * The rank each heading-styled line has on the markers' scale (1 for 一、, 2
 * for （一）…). A style whose numbered paragraphs read 「（一）」 ranks its
 * unnumbered ones as （一） too; a style level with no numbered paragraph
 * ranks from the nearest level that has one (one rank per level between), or
 * as its level when no heading in the document is numbered. Only lines
 * without a number are listed: a numbered heading (typed or automatic) is
 * the parser's by its number already, and is counted once.
 */
function headingRanks(doc: DocxDocument, lines: string[], lineToParagraph: number[]): Map<number, number> {
  const styled: { line: number; level: number; rank?: number }[] = [];
  const votes = new Map<number, Map<number, number>>();
  let content = 0;
  let unnumbered = 0;
  for (let line = 0; line < lines.length; line++) {
    const text = lines[line];
    if (text.trim() === '') continue;
    content++;
    const p = doc.paragraphs[lineToParagraph[line]];
    if (p.region !== 'body' || p.headingLevel === undefined) continue;
    const m = parseHeading(text, false);
    if (m && NUMBERED_STYLES.has(m.style) && m.style !== 'cn-shi') {
      styled.push({ line, level: p.headingLevel, rank: m.rank });
      let v = votes.get(p.headingLevel);
      if (!v) votes.set(p.headingLevel, (v = new Map()));
      v.set(m.rank, (v.get(m.rank) ?? 0) + 1);
    } else if (!m && text.trim().length <= STYLED_HEADING_MAX) {
      styled.push({ line, level: p.headingLevel });
      unnumbered++;
    }
  }
  const out = new Map<number, number>();
  // A template whose body text is in an outline style marks no headings by it.
  if (unnumbered === 0 || unnumbered * 2 > content) return out;
  const known = new Map<number, number>();
  for (const [level, v] of votes) {
    let best = -1;
    let most = 0;
    for (const [rank, n] of v) if (n > most || (n === most && rank < best)) [best, most] = [rank, n];
    known.set(level, best);
  }
  const rankOf = (level: number): number => {
    const own = known.get(level);
    if (own !== undefined) return own;
    for (let up = level - 1; up >= 1; up--) {
      const r = known.get(up);
      if (r !== undefined) return r + (level - up);
    }
    for (let down = level + 1; down <= 9; down++) {
      const r = known.get(down);
      if (r !== undefined) return r - (down - level);
    }
    return level;
  };
  for (const s of styled) if (s.rank === undefined) out.set(s.line, rankOf(s.level));
  return out;
}

function factOf(
  f: DocxFinding,
  doc: DocxDocument,
  regions: WordRegion[],
  paragraphToLine: Map<number, number>,
  offset: (paragraph: number, at: number) => number,
): WordFact {
  const out: WordFact = { kind: f.kind as WordFact['kind'], text: f.text ?? '', region: 'body' };
  if (f.author !== undefined) out.author = f.author;
  if (f.color !== undefined) out.color = f.color;
  if (f.paragraph === undefined) {
    // Watermarks and WordArt belong to no paragraph: a header's watermark is seen on every page.
    if (f.kind === 'watermark') {
      out.region = f.part && /footer/i.test(f.part) ? 'footer' : 'header';
      // Placed at the first paragraph of the header or footer that draws it, when it has one.
      const host = f.part === undefined ? -1 : doc.paragraphs.findIndex((p) => p.part === f.part);
      if (host >= 0) out.paragraph = host;
    }
    return out;
  }
  out.paragraph = f.paragraph;
  out.region = regions[f.paragraph] ?? 'body';
  const line = paragraphToLine.get(f.paragraph);
  if (line !== undefined) {
    out.line = line;
    out.start = offset(f.paragraph, f.start ?? 0);
    let end = offset(f.paragraph, f.end ?? f.start ?? 0);
    // A comment anchored across paragraphs is shown to the end of its first one.
    if (f.endParagraph !== undefined && f.endParagraph !== f.paragraph) end = lineLength(doc, f.paragraph, offset);
    out.end = Math.max(out.start, end);
  }
  return out;
}

function lineLength(doc: DocxDocument, paragraph: number, offset: (paragraph: number, at: number) => number): number {
  return offset(paragraph, doc.paragraphs[paragraph].text.length);
}

/** Reads a .docx into a draft; throws DocxError (a Chinese message, naming `fileName`'s extension) when it cannot be read. */
export function readWordDraft(bytes: Buffer, fileName?: string): WordDraft {
  return wordDraft(readDocx(bytes, { maxUncompressedBytes: WORD_MAX_XML_BYTES, fileName }));
}

/** The engine's analysis of a Word draft: its text, with the Word-only facts for the Word-only rules. */
export function analyzeWord(draft: WordDraft, options: AnalyzeOptions = {}): Analysis {
  return analyzeText(draft.text, { ...options, markdown: false, word: draft.facts });
}

/** Where a finding on `line` of the checked text is in the Word file. */
export function wordPlaceOfLine(draft: WordDraft, line: number): { paragraph: number; region: WordRegion } {
  const paragraph = draft.lineToParagraph[line] ?? draft.lineToParagraph[draft.lineToParagraph.length - 1] ?? 0;
  return { paragraph, region: draft.regions[paragraph] ?? 'body' };
}
