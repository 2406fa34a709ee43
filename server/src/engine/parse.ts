/**
 * Reads a draft the way a reviewer does: which lines are template residue,
 * where each report of a collection starts, each report's title, opening
 * paragraph and heading tree, and which standard part (slot) each top-level
 * heading — or a passage of running text — fills.
 *
 * Everything here is linear in the size of the document; rules read the
 * result and never re-parse.
 */
import layout from '../data/layout.json';
import { EnumerationItem, enumerationItems } from './enumeration';
import { HeadingMarker, matchMarker, parseHeading, unnumberedHeading } from './markers';
import { Genres, singleGenre } from './genre';
import { Profile } from './profile';
import { withFlags } from './safe-regex';
import { LineResidue, ResidueRegion, detectLineResidue, isPreviewLine, preTitleResidue, previewCut, voiceAfterResidue } from './residue';
import { LONG_LINE, LayoutMemo, LineMemo, MANY_LINES_CHANGED, NO_CACHE, NO_LINE_CHANGED, linePieces } from './line-cache';
import { Segmenter, wordState } from './segmenter';
import { boundariesOf, wordsOf } from './words';
import { TocSeen, chunkCounterLength, findChunkRuns, findTocZones, isTocEntry, layoutWords } from './layout';
import { InlineMarker, flatTitle, inlineMarkers } from './flat';
import { PIAN_LABEL, SiteSpan, TitleCandidate, isCollectionLine, isCopy, isSalutation, pianLine, titleCandidate as computeTitleCandidate } from './title';
import { SourceText, leadingBlank, trailingBlankStart } from './source';

/**
 * 'toc': a table of contents (the writer's own, or a site's when also
 * residue): part of no outline.
 */
export type LineKind = 'blank' | 'residue' | 'collection' | 'title' | 'heading' | 'body' | 'toc';

export interface LineInfo {
  line: number;
  /** Offsets of the first and just past the last non-blank character. */
  start: number;
  end: number;
  kind: LineKind;
  heading: HeadingMarker | null;
}

export interface HeadingNode {
  line: number;
  marker: HeadingMarker;
  text: string;
  rank: number;
  /** 1 for the top level of a report. */
  depth: number;
  parent: HeadingNode | null;
  children: HeadingNode[];
  /** Last line of the heading's content (before the next heading of the same or higher rank). */
  endLine: number;
  /** True when the heading has body text, run-in or on later lines, or sub-headings. */
  hasBody: boolean;
  /** True for a heading inside a flattened line (not at the line's start). */
  inline?: boolean;
}

export interface ReportPart {
  slot: string | null;
  /** False for a part found in running text or inferred from the structure. */
  headed: boolean;
  line: number;
  /** Where the deciding words start (the heading text, or the running-text marker). */
  character: number;
  node: HeadingNode | null;
  heading: string | null;
  /** The words that decided the classification, for explanations. */
  evidence: string;
  /** How it was decided: a heading pattern, a topic heading, running text, a restarted list. */
  reason: 'heading' | 'topic' | 'running-text' | 'restart' | 'body' | 'unknown';
}

export interface ReportTitle {
  line: number;
  text: string;
  start: number;
  end: number;
  /** True when the title is the start of a flattened line that goes on with the report's text. */
  inline?: boolean;
  /**
   * A title split over lines (PDF extraction): its last line (`end` is on it),
   * and where each piece of `text` is in the source.
   */
  endLine?: number;
  segments?: { line: number; start: number; end: number }[];
}

export interface Report {
  index: number;
  startLine: number;
  endLine: number;
  title: ReportTitle | null;
  opening: { line: number } | null;
  roots: HeadingNode[];
  /** All headings in document order. */
  headings: HeadingNode[];
  parts: ReportPart[];
  /** The report's genre: its parts, their order and words (engine/genre.ts decides it). */
  profile: Profile;
}

export interface ParsedDocument {
  source: SourceText;
  markdown: boolean;
  /** The genres the document was read under; each report has its own (Report.profile). */
  genres: Genres;
  lines: LineInfo[];
  residue: ResidueRegion[];
  reports: Report[];
  /** True when the first report's title was found: what findsReportTitle answers for the same text and options. */
  titled: boolean;
  /** The 一是/二是 items of a line (remembered by the line's text). */
  enumerationsAt(line: number): EnumerationItem[];
}

export interface ParseOptions {
  markdown?: boolean;
  /** When given, part classification matches its patterns on word boundaries only. */
  segmenter?: Segmenter;
  /** Per-line facts remembered across analyses (see line-cache.ts). */
  memo?: LineMemo;
  /**
   * Lines the document's own structure marks as headings (a Word paragraph in
   * a heading style): line → rank on the markers' scale (1 for 一、). Such a
   * line with no number of its own is a heading of that rank; a numbered one
   * keeps the rank of its number.
   */
  headingRanks?: ReadonlyMap<number, number>;
}

const YEARISH = /(19|20)\d{2}|20[Xx×Ｘｘ]{2}|20\d[Xx×Ｘｘ]|[上下]半年|年度/;
/** A title's ending with the report's first heading right after it. */
const GLUED_HEADING = new RegExp(`(?:${layout.title.flatSuffix})(?:一、|[（(]一[）)])`);
/** How far down the page the first report's title is looked for, in lines of content. */
const PREAMBLE_LINES = 40;
/** How far past a paragraph a copy of the page title or a 篇 marker shows that the paragraph was the site's. */
const PREAMBLE_LOOKAHEAD = 12;

/** The title a body line would be (memoised by the line's text). */
function titleCandidate(line: string, info: LineInfo, profile: Genres, markdown: boolean, memo: LineMemo = NO_CACHE): TitleCandidate | null {
  if (info.kind !== 'body') return null;
  // A title is at most 60 characters and the site's words around it are short:
  // a long line is running text (a flattened report's title at its start is flatTitle's).
  // Its suffix patterns would read the whole line on every keystroke typed into it.
  if (info.end - info.start > LONG_LINE) return null;
  // A line read from past a page-chunk counter is remembered apart from the same text read whole.
  const namespace = info.start === leadingBlank(line) ? 'title' : 'title:chunk';
  const known = memo.get<TitleCandidate | null>(info.line, namespace);
  return known !== undefined ? known : memo.set(info.line, namespace, computeTitleCandidate(line, info.start, info.end, profile, markdown));
}

/**
 * The template residue of a line, at line 0. A long line (LONG_LINE) is read
 * piece by piece, as the line rules read it (line-cache.ts: pieceStarts), and
 * each piece's residue is kept by the piece's text: typing at the end of a
 * 300,000-character paragraph pasted from a web page re-reads the piece typed
 * into, not the whole line. A piece that is residue as a whole is a span of
 * the line; the line is residue as a whole only when every piece is.
 */
function lineResidue(text: string, info: LineInfo, memo: LineMemo): LineResidue {
  if (info.end - info.start <= LONG_LINE) return detectLineResidue(text, 0, info.start, info.end);
  const { starts, pieces } = linePieces(text);
  const regions: ResidueRegion[] = [];
  let whole = true;
  let certain = true;
  let label: string | null = null;
  let voice = false;
  for (let i = 0; i < pieces.length; i++) {
    const offset = starts[i];
    const piece = pieces[i];
    // The line's content within the piece (its leading and trailing blanks are not read).
    const from = Math.max(0, info.start - offset);
    const to = Math.min(piece.length, info.end - offset);
    if (to <= from) continue;
    const namespace = from === 0 && to === piece.length ? 'residue' : `residue:${from}:${to}`;
    const compute = () => [detectLineResidue(piece, 0, from, to)];
    const place = (found: LineResidue[]) => [shiftResidue(found[0], offset, from)];
    const r = memo.pieces ? memo.pieces.at(piece, namespace, 0, offset, compute, place)[0] : place(compute())[0];
    if (r.voice) voice = true;
    if (r.wholeLine) {
      label ??= r.regions[0].label;
      if (!r.regions[0].certain) certain = false;
    } else {
      whole = false;
    }
    for (const region of r.regions) regions.push(region);
  }
  if (whole && label !== null) {
    return { wholeLine: true, regions: [{ kind: 'lines', label, startLine: 0, endLine: 0, range: { start: { line: 0, character: 0 }, end: { line: 0, character: info.end } }, certain }], ...(voice ? { voice } : {}) };
  }
  return voice ? { wholeLine: false, regions, voice } : { wholeLine: false, regions };
}

/**
 * A piece's residue moved `offset` characters into its line. A piece that is
 * residue as a whole becomes a span of its content (from `from`), never
 * certain: a piece is a cut of a paragraph, not a line the site wrote, so
 * fix-all does not delete it unasked.
 */
function shiftResidue(r: LineResidue, offset: number, from: number): LineResidue {
  const regions = r.regions.map((x): ResidueRegion => ({
    ...x,
    kind: 'span',
    certain: x.kind === 'lines' ? false : x.certain,
    range: {
      start: { line: 0, character: (x.kind === 'lines' ? from : x.range.start.character) + offset },
      end: { line: 0, character: x.range.end.character + offset },
    },
  }));
  return r.voice ? { wholeLine: r.wholeLine, regions, voice: true } : { wholeLine: r.wholeLine, regions };
}

function contentOf(source: SourceText, info: LineInfo): string {
  return source.lines[info.line].slice(info.start, info.end);
}

/** The report that holds `line`, if any. */
export function reportAt(doc: Pick<ParsedDocument, 'reports'>, line: number): Report | undefined {
  return doc.reports.find((r) => r.startLine <= line && line <= r.endLine);
}

/** What a reading of the page carries from step to step of the parse. */
interface PageReading {
  markdown: boolean;
  profile: Genres;
  lines: LineInfo[];
  residue: ResidueRegion[];
  memo: LineMemo;
  headingRanks: ReadonlyMap<number, number>;
  pre: Preamble;
}

/** What the steps up to the first report's title found (parseDocument's steps 1-2). */
interface Opening extends PageReading {
  voice: Set<number>;
  chunked: Set<number>;
  /** 1 for a line of content with no residue and no site's voice in it. */
  siteFree: Uint8Array;
  toc: TocSeen;
}

/** Residue by its own words, layouts that are no outline, and the first report's title. */
function readOpening(source: SourceText, genres: Genres | Profile, options: ParseOptions): Opening {
  const markdown = Boolean(options.markdown);
  // Titles and collections are found by any genre's title patterns; parts by the report's own genre.
  const profile = 'detect' in genres ? genres : singleGenre(genres);
  const lines: LineInfo[] = source.lines.map((text, line) => {
    const start = leadingBlank(text);
    const end = trailingBlankStart(text);
    return { line, start, end, kind: start >= end ? 'blank' : 'body', heading: null };
  });
  const residue: ResidueRegion[] = [];

  const memo = options.memo ?? NO_CACHE;
  const headingRanks = options.headingRanks ?? NO_RANKS;

  // 1. Residue that shows by its own words.
  /** Paragraphs in the site's voice, residue only above the title (step 3). */
  const voice = new Set<number>();
  /** Lines with the site's voice or a residue span in them (step 2 tells a site's intro from a report's opening by them). */
  const siteWords = new Set<number>();
  const siteFree = new Uint8Array(lines.length);
  for (let l = 0; l < lines.length; l++) {
    const info = lines[l];
    if (info.kind === 'blank') continue;
    const r = memo.get<LineResidue>(l, 'residue') ?? memo.set(l, 'residue', lineResidue(source.lines[l], info, memo));
    if (r.wholeLine) info.kind = 'residue';
    if (r.voice) voice.add(l);
    if (r.voice || r.regions.length > 0) siteWords.add(l);
    else if (!r.wholeLine) siteFree[l] = 1;
    for (let k = 0; k < r.regions.length; k++) residue.push(atLine(r.regions[k], l));
  }

  // 1b. Layouts that are no outline: a table of contents above the report (a
  //     site's is residue), and page-chunk counters (「1、」 before each ~300
  //     characters of a doc site's page text), which are the site's, not headings.
  const toc: TocSeen = { run: false };
  for (const z of findTocZones(source.lines, lines, toc)) {
    for (let l = z.startLine; l <= z.endLine; l++) if (lines[l].kind !== 'blank') lines[l].kind = z.site ? 'residue' : 'toc';
    if (z.site) residue.push(wholeLines(source, z.startLine, z.endLine, '网站生成的目录', false));
  }
  const chunked = new Set<number>();
  for (const run of findChunkRuns(source.lines, lines)) {
    for (const l of run.lines) {
      chunked.add(l);
      const info = lines[l];
      const at = info.start;
      residue.push({
        kind: 'span',
        label: '网页分段编号',
        startLine: l,
        endLine: l,
        range: { start: { line: l, character: at }, end: { line: l, character: at + chunkCounterLength(source.lines[l].slice(at, at + 3)) } },
        certain: true,
      });
      // The line's content starts after the counter: for titles, headings and the rest.
      let k = at + chunkCounterLength(source.lines[l].slice(at, at + 3));
      while (k < info.end && /[\s\u3000]/.test(source.lines[l].charAt(k))) k++;
      info.start = k;
    }
  }

  // 2. The first report's title: the last title-like line above the body.
  //    Template sites put the page title, a file name and the document's own
  //    title above a report, with chrome in between; copies of the title, 篇
  //    markers and a site's intro paragraph above them are residue.
  const pre = findFirstTitle(source, lines, profile, markdown, memo, siteWords);
  return { markdown, profile, lines, residue, memo, headingRanks, voice, chunked, pre, siteFree, toc };
}

/**
 * True when `source` holds a report with a title: what
 * `parseDocument(...).reports.some((r) => r.title !== null)` answers, read
 * without building the reports (the first report's title decides it). The
 * language server asks this of a document's opening lines on keystrokes there.
 */
export function findsReportTitle(source: SourceText, genres: Genres | Profile, options: ParseOptions = {}): boolean {
  return readOpening(source, genres, options).pre.title >= 0;
}

export function parseDocument(source: SourceText, genres: Genres | Profile, options: ParseOptions = {}): ParsedDocument {
  const memo = options.memo ?? NO_CACHE;
  const page = (memo.layout && layoutAfterEdit(source, genres, options, memo.layout)) ?? readLayout(source, genres, options);
  return buildReports(source, page, options);
}

/** What steps 1-6 of the parse find on the whole page: each line's kind, the residue, where reports start. */
interface PageLayout extends PageReading {
  chunked: ReadonlySet<number>;
  bounds: { start: number; title: TitleCandidate | null }[];
}

/** Steps 1-6: the page read line by line. */
function readLayout(source: SourceText, genres: Genres | Profile, options: ParseOptions): PageLayout {
  const { markdown, profile, lines, residue, memo, headingRanks, voice, chunked, pre, siteFree, toc } = readOpening(source, genres, options);
  const firstTitle = pre.title;
  for (const l of pre.collection) lines[l].kind = 'collection';
  for (const l of pre.copies) {
    lines[l].kind = 'residue';
    residue.push(wholeLines(source, l, l, '重复的网页标题', false));
  }
  for (const l of pre.markers) {
    lines[l].kind = 'residue';
    residue.push(wholeLines(source, l, l, PIAN_LABEL, true));
  }
  for (const l of pre.intro) {
    lines[l].kind = 'residue';
    residue.push(wholeLines(source, l, l, '网站导语', false));
  }
  for (const { line, span } of pre.site) {
    residue.push({ kind: 'span', label: span.label, startLine: line, endLine: line, range: { start: { line, character: span.start }, end: { line, character: span.end } }, certain: false });
  }

  // 3. Before the first title, a block of lines that holds residue is residue as
  //    a whole: template sites surround their watermark with slogans and
  //    contact lines that carry no telltale word of their own.
  if (firstTitle > 0) {
    let blockStart = -1;
    let blockHasResidue = false;
    // The block is certainly the site's when one of its lines certainly is.
    let blockCertain = false;
    const closeBlock = (endLine: number) => {
      if (blockStart >= 0 && blockHasResidue) {
        for (let l = blockStart; l <= endLine; l++) {
          if (lines[l].kind === 'body' || lines[l].kind === 'residue') lines[l].kind = 'residue';
        }
        residue.push(wholeLines(source, blockStart, endLine, '模板网站广告', blockCertain));
      }
      blockStart = -1;
      blockHasResidue = false;
      blockCertain = false;
    };
    for (let l = 0; l < firstTitle; l++) {
      const info = lines[l];
      if (info.kind === 'blank' || info.kind === 'collection') {
        closeBlock(l - 1);
        continue;
      }
      if (blockStart < 0) blockStart = l;
      for (const r of residue) {
        if (r.startLine !== l) continue;
        blockHasResidue = true;
        if (r.certain) blockCertain = true;
      }
      if (info.kind === 'residue') blockHasResidue = true;
    }
    closeBlock(firstTitle - 1);
    // Everything above the title is one zone: chrome that blank lines keep apart from the residue found is residue too.
    for (const l of preTitleResidue(lines, (k) => source.lines[k], firstTitle, residue, (k) => voice.has(k))) {
      lines[l].kind = 'residue';
      residue.push(wholeLines(source, l, l, '页面文字', false));
    }
  }

  for (const l of voice.size ? voiceAfterResidue(lines, voice) : []) {
    // The title found in step 2 stays the title even when it speaks the site's words (「第1篇：……范文」).
    if (l === firstTitle) continue;
    lines[l].kind = 'residue';
    residue.push(wholeLines(source, l, l, '小编导语', false));
  }

  // 4. Titles of the following reports: a title-like line that names a period
  //    (or is numbered "篇2：", or is a Markdown H1) and starts a new block; a
  //    line that is only a 篇 marker ("第二篇") starts one too, once the report
  //    before it has text. A copy of the title before any text is the page's.
  const titles: { line: number; cand: TitleCandidate | null }[] = [];
  if (firstTitle >= 0) {
    titles.push({ line: firstTitle, cand: pre.split?.cand ?? pre.flat ?? titleCandidate(source.lines[firstTitle], lines[firstTitle], profile, markdown, memo)! });
    if (pre.split) {
      for (let l = firstTitle + 1; l <= pre.split.endLine; l++) if (lines[l].kind === 'body') lines[l].kind = 'title';
    } else {
      addSiteSpans(titles[0].cand!, firstTitle, residue);
    }
    // 「……总结篇2」 after 「……总结篇1」 and its text: the collection's next piece.
    const nextPiece = (cand: TitleCandidate, l: number, current: number): boolean => {
      if (!cand.pian) return false;
      const here = pianNumber(contentOf(source, lines[l]));
      const above = pianNumber(contentOf(source, lines[current]));
      return here !== null && above !== null && here !== above;
    };
    // A flattened title's line goes on with the report's text.
    let hasText = pre.flat !== null;
    // Body lines since the current title: a site shows the title, a summary line or the
    // lead paragraph, then the title again; a copy after one such line is still the site's.
    let textSince = hasText ? 2 : 0;
    let pendingMarker = -1;
    for (let l = (pre.split?.endLine ?? firstTitle) + 1; l < lines.length; l++) {
      const info = lines[l];
      if (info.kind !== 'body') continue;
      // get/set rather than at(): no closure per line on this walk over every line.
      let pian = memo.get<string | false>(l, 'pian');
      if (pian === undefined) pian = memo.set(l, 'pian', pianLine(contentOf(source, info)) ?? false);
      if (pian !== false) {
        info.kind = 'residue';
        residue.push(wholeLines(source, l, l, PIAN_LABEL, true));
        if (hasText) {
          pendingMarker = l;
          hasText = false;
        }
        continue;
      }
      const cand = titleCandidate(source.lines[l], info, profile, markdown, memo);
      const current = titles[titles.length - 1].cand;
      if (cand && (!hasText || (textSince <= 1 && !nextPiece(cand, l, titles[titles.length - 1].line))) && current && isCopy(cand.text, current.text) && pendingMarker < 0) {
        info.kind = 'residue';
        residue.push(wholeLines(source, l, l, '重复的网页标题', false));
        continue;
      }
      if (cand) {
        const prev = lines[l - 1];
        const startsBlock = prev.kind === 'blank' || prev.kind === 'residue' || prev.kind === 'collection';
        if (pendingMarker >= 0 || cand.prefixed || cand.h1 || (startsBlock && YEARISH.test(cand.text)) || nextPiece(cand, l, titles[titles.length - 1].line)) {
          titles.push({ line: l, cand });
          addSiteSpans(cand, l, residue);
          pendingMarker = -1;
          hasText = false;
          textSince = 0;
          continue;
        }
      }
      if (pendingMarker >= 0) {
        // A 篇 marker with no title under it: the next report starts at the marker, untitled.
        titles.push({ line: pendingMarker, cand: null });
        pendingMarker = -1;
      }
      hasText = true;
      textSince++;
    }
    for (const t of titles) if (t.cand && t.cand !== pre.flat) lines[t.line].kind = 'title';
  }

  // 5. A web page's preview line: the title and first sentence again, cut off with "...".
  for (const t of titles) {
    const prev = previousContent(lines, t.line);
    if (t.cand && prev && prev.kind === 'body' && isPreviewLine(contentOf(source, prev), t.cand.text)) {
      prev.kind = 'residue';
      residue.push(wholeLines(source, prev.line, prev.line, '网页预览', true));
    }
  }

  // 6. Where the site cut the page: the dots ending the last paragraph.
  const cut = previewCut(lines, (k) => source.lines[k], residue);
  if (cut) residue.push(cut);

  // Merge whole-line residue that only blank lines separate, so one finding
  // (and one deletion) covers one block of junk.
  const merged = mergeResidue(residue, lines);

  const bounds: { start: number; title: TitleCandidate | null }[] = [];
  if (titles.length) {
    for (const t of titles) bounds.push({ start: t.line, title: t.cand });
  } else {
    const first = lines.find((i) => i.kind === 'body');
    if (first) bounds.push({ start: first.line, title: null });
  }
  const page: PageLayout = { markdown, profile, lines, residue: merged, memo, headingRanks, chunked, pre, bounds };
  if (memo.layout) memo.layout.value = headingRanks.size === 0 ? snapshotOf(source, genres, page, siteFree, toc) : null;
  return page;
}

/** Step 7: the reports, each built from its lines (or the one built last time for the same lines). */
function buildReports(source: SourceText, page: PageLayout, options: ParseOptions): ParsedDocument {
  const { markdown, profile, lines, memo, headingRanks, chunked, pre, bounds } = page;
  const reports: Report[] = [];
  for (let k = 0; k < bounds.length; k++) {
    const start = bounds[k].start;
    let end = k + 1 < bounds.length ? bounds[k + 1].start - 1 : lines.length - 1;
    while (end > start && (lines[end].kind === 'blank' || lines[end].kind === 'collection')) end--;
    const t = bounds[k].title;
    const genre = reportGenre(source, lines, profile, start, end, t, memo);
    const build = () =>
      buildReport(source, lines, genre, markdown, k, start, end, t ? reportTitle(start, t, pre) : null, options.segmenter, memo, chunked, headingRanks);
    reports.push(memo.reports ? memo.reports.report({ startLine: start, endLine: end, index: k, shape: genre.cacheKey + (t === pre.flat && t ? 'F' : '') + reportShape(source, lines, start, end, t !== null, options.segmenter, chunked, headingRanks) }, build, markHeadings(lines), moveReport) : build());
  }

  memo.reports?.settle();
  const enumerationsAt = (l: number): EnumerationItem[] =>
    memo.get<EnumerationItem[]>(l, 'enumeration') ?? memo.set(l, 'enumeration', enumerationItems(source.lines[l]));
  return { source, markdown, genres: profile, lines, residue: page.residue, reports, titled: pre.title >= 0, enumerationsAt };
}

/** True when the content line before or after line `i` could be a table of contents' entry. */
function tocEntryNear(source: SourceText, last: PageSnapshot, i: number): boolean {
  for (const step of [-1, 1]) {
    let k = i + step;
    while (k >= 0 && k < last.kinds.length && last.kinds[k] === 'blank') k += step;
    if (k < 0 || k >= last.kinds.length) continue;
    const text = source.lines[k];
    if (isTocEntry(text.slice(leadingBlank(text), trailingBlankStart(text)))) return true;
  }
  return false;
}

/**
 * The page as steps 1-6 left it, kept for the next parse of the document
 * (LineMemo.layout). Never changed once made: the next parse copies it.
 */
interface PageSnapshot {
  genres: Genres | Profile;
  markdown: boolean;
  /** The lines of the text read. */
  texts: readonly string[];
  kinds: LineKind[];
  starts: Int32Array;
  ends: Int32Array;
  /** 1 for a line of content with no residue and no site's voice in it. */
  siteFree: Uint8Array;
  toc: TocSeen;
  residue: ResidueRegion[];
  chunked: ReadonlySet<number>;
  pre: Preamble;
  bounds: PageLayout['bounds'];
}

function snapshotOf(source: SourceText, genres: Genres | Profile, page: PageLayout, siteFree: Uint8Array, toc: TocSeen): PageSnapshot {
  const n = page.lines.length;
  const kinds = new Array<LineKind>(n);
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  for (let l = 0; l < n; l++) {
    const info = page.lines[l];
    kinds[l] = info.kind;
    starts[l] = info.start;
    ends[l] = info.end;
  }
  return { genres, markdown: page.markdown, texts: source.lines, kinds, starts, ends, siteFree, toc, residue: page.residue, chunked: page.chunked, pre: page.pre, bounds: page.bounds };
}

/**
 * Steps 1-6 after a keystroke, without reading the page again: when the one
 * line that changed is running text or a heading below what the title search
 * read, before and after the edit — no residue or site's voice, no table of
 * contents' keyword or closing line, no page-chunk counter, no entry beside
 * another or on a page with an outline, no title, no 篇 marker, no preview of
 * the title below it, not the last paragraph of a page with residue — every
 * other line is read as last time, so the last reading stands with the line's
 * new bounds. Null when the edit may change more (the page is then read whole).
 */
function layoutAfterEdit(source: SourceText, genres: Genres | Profile, options: ParseOptions, memo: LayoutMemo): PageLayout | null {
  const last = memo.value as PageSnapshot | null;
  const markdown = Boolean(options.markdown);
  if (last === null || last.genres !== genres || last.markdown !== markdown || (options.headingRanks?.size ?? 0) > 0) return null;
  const n = source.lines.length;
  if (last.texts.length !== n || memo.changedLine === MANY_LINES_CHANGED) return null;
  const lineMemo = options.memo ?? NO_CACHE;
  const profile = 'detect' in genres ? genres : singleGenre(genres);
  let snapshot = last;
  const i = memo.changedLine;
  if (i !== NO_LINE_CHANGED) {
    if (last.pre.title < 0 || i <= last.pre.readTo || last.kinds[i] !== 'body' || last.siteFree[i] !== 1) return null;
    const before = last.texts[i];
    const wasContent = before.slice(leadingBlank(before), trailingBlankStart(before));
    if (layoutWords(wasContent)) return null;
    const text = source.lines[i];
    const start = leadingBlank(text);
    const end = trailingBlankStart(text);
    if (start >= end || end - start > LONG_LINE) return null;
    const content = text.slice(start, end);
    if (layoutWords(content) || pianLine(content) !== null) return null;
    // A table of contents' entry counts only beside another (two make an outline), or as a copy of an outline's first line.
    if ((isTocEntry(wasContent) || isTocEntry(content)) && (last.toc.run || tocEntryNear(source, last, i))) return null;
    const info: LineInfo = { line: i, start, end, kind: 'body', heading: null };
    const r = lineMemo.get<LineResidue>(i, 'residue') ?? lineMemo.set(i, 'residue', lineResidue(text, info, lineMemo));
    if (r.wholeLine || r.voice || r.regions.length > 0) return null;
    if (titleCandidate(text, info, profile, markdown, lineMemo) !== null) return null;
    // The line above a title may be the site's preview of it (step 5).
    let next = i + 1;
    while (next < n && last.kinds[next] === 'blank') next++;
    if (next < n && last.kinds[next] === 'title') {
      const title = last.bounds.find((b) => b.start === next)?.title;
      if (!title || isPreviewLine(content, title.text)) return null;
    }
    // Once the page has residue, its last paragraph may end where the site cut it (step 6).
    if (last.residue.length > 0) {
      while (next < n && (last.kinds[next] === 'blank' || last.kinds[next] === 'residue')) next++;
      if (next === n) return null;
    }
    const starts = last.starts.slice();
    const ends = last.ends.slice();
    starts[i] = start;
    ends[i] = end;
    snapshot = { ...last, texts: source.lines, starts, ends };
  } else {
    snapshot = { ...last, texts: source.lines };
  }
  memo.value = snapshot;
  const lines = new Array<LineInfo>(n);
  for (let l = 0; l < n; l++) lines[l] = { line: l, start: snapshot.starts[l], end: snapshot.ends[l], kind: snapshot.kinds[l], heading: null };
  return { markdown, profile, lines, residue: snapshot.residue, memo: lineMemo, headingRanks: NO_RANKS, chunked: snapshot.chunked, pre: snapshot.pre, bounds: snapshot.bounds };
}

/** How many lines after the title (or from the start, untitled) detection reads, and how much of them. */
const OPENING_LINES = 3;
const OPENING_CHARS = 300;

/** The genre of the report at start..end: what its title says, else its first lines (engine/genre.ts). */
function reportGenre(source: SourceText, lines: LineInfo[], genres: Genres, start: number, end: number, title: TitleCandidate | null, memo: LineMemo): Profile {
  if (genres.fixed) return genres.fixed;
  if (title) {
    const byTitle = memo.at(start, 'genre-title', () => genres.detectTitle(title.text));
    if (byTitle) return byTitle;
  }
  let opening = '';
  let taken = 0;
  for (let l = title ? start + 1 : start; l <= end && taken < OPENING_LINES && opening.length < OPENING_CHARS; l++) {
    const kind = lines[l].kind;
    if (kind === 'blank' || kind === 'residue' || kind === 'collection') continue;
    opening += (opening ? '\n' : '') + contentOf(source, lines[l]);
    taken++;
  }
  return genres.detect(title ? title.text : null, opening.slice(0, OPENING_CHARS));
}

function reportTitle(line: number, t: TitleCandidate, pre: Preamble): ReportTitle {
  if (t === pre.split?.cand) {
    const segs = pre.split.segments.filter((g) => g.end > g.start);
    const first = segs[0];
    const last = segs[segs.length - 1];
    return { line: first.line, text: t.text, start: first.start, end: last.end, endLine: last.line, segments: segs };
  }
  return t === pre.flat ? { line, text: t.text, start: t.start, end: t.end, inline: true } : { line, text: t.text, start: t.start, end: t.end };
}

interface Preamble {
  /** The first report's title line, or -1. */
  title: number;
  /** Standalone copies of the title above it. */
  copies: number[];
  /** Lines that are only a 篇 marker, above the title. */
  markers: number[];
  /** A site's paragraphs above the title (an intro, a notice) that the title's copies or 篇 markers show were not the report's. */
  intro: number[];
  /** A collection's own title or count lines. */
  collection: number[];
  /** The title, when it is the start of a flattened line rather than a line of its own. */
  flat: TitleCandidate | null;
  /** The title, when PDF extraction split it over several short lines. */
  split: SplitTitle | null;
  /** Site words on the line of a flattened title, or a copy of the title at the start of the body's line: residue. */
  site: { line: number; span: SiteSpan }[];
  /** The last line whose text or kind the search for the title may have read: an edit below it cannot change what it found. */
  readTo: number;
}

/** A line that starts the report's text: a numbered heading, a paragraph, an addressee. */
function startsBody(text: string): boolean {
  if (matchMarker(text)) return true;
  if (isSalutation(text)) return true;
  if (text.length > 60) return true;
  // A bulleted line of page metadata is no paragraph.
  if (/^[-•·*]\s/.test(text)) return false;
  if (text.includes('。') && text.length >= 16) return true;
  return /如下[：:]$/.test(text);
}

/** A short line that names a standard part ("工作开展情况"): under a title it is a heading, not a second title. */
function namesPart(text: string, genres: Genres): boolean {
  // A title names its period and unit; a part's heading rarely does.
  if (YEARISH.test(text) && text.length > 12) return false;
  return text.length <= PLAIN_HEADING_MAX && genres.profiles.some((g) => g.parts.some((p) => p.headingRegexes.some((r) => r.test(text))));
}

/**
 * The first report's title: the last title-like line above the body, within
 * the first lines of content. A paragraph above it is the site's when a copy
 * of the page title or a 篇 marker follows it before any top-level heading.
 * Looks at a bounded number of lines at the top of the document only.
 */
function findFirstTitle(source: SourceText, lines: LineInfo[], profile: Genres, markdown: boolean, memo: LineMemo, siteWords: ReadonlySet<number>): Preamble {
  const out: Preamble = { title: -1, copies: [], markers: [], intro: [], collection: [], flat: null, split: null, site: [], readTo: -1 };
  let lastVisited = -1;
  const candidates: number[] = [];
  let best: TitleCandidate | null = null;
  let sawCollection = false;
  const pending: number[] = [];
  const candAt = (info: LineInfo) => titleCandidate(source.lines[info.line], info, profile, markdown, memo);
  const flatAt = (info: LineInfo) => {
    const namespace = info.start === leadingBlank(source.lines[info.line]) ? 'title:flat' : 'title:flat:chunk';
    return memo.at(info.line, namespace, () => flatTitle(source.lines[info.line], info.start, info.end, profile, markdown));
  };
  /** After a paragraph at `from`: does a copy of the title, a 篇 marker or (in a collection) a title follow before the report's own headings? */
  /** A line read past a page-chunk counter (its content starts after the line's indentation). */
  const chunkedLine = (info: LineInfo) => info.start !== leadingBlank(source.lines[info.line]);
  /** Where a copy of `title` that opens the line and is followed by a blank and more text ends; -1 when there is none. */
  const spacedTitleCopy = (info: LineInfo, title: TitleCandidate): number => {
    const line = source.lines[info.line];
    const gap = /[ \t\u3000]+(?=\S)/g;
    gap.lastIndex = info.start + TITLE_COPY_MIN;
    for (let m = gap.exec(line); m && m.index - info.start <= TITLE_COPY_MAX; m = gap.exec(line)) {
      if (m.index >= info.end) break;
      const cand = computeTitleCandidate(line, info.start, m.index, profile, markdown);
      if (cand && cand.start === info.start && isCopy(cand.text, title.text)) return m.index;
    }
    return -1;
  };
  // Between a title and its copy, a paragraph is the site's only if it speaks
  // in the site's voice: a report's own opening sentence above a page header
  // that PDF extraction repeated is content.
  const siteVoiced = (l: number): boolean => {
    return siteWords.has(l);
  };
  const siteParagraph = (from: number): boolean => {
    let n = 0;
    for (let l = from + 1; l < lines.length && n < PREAMBLE_LOOKAHEAD; l++) {
      if (l > lastVisited) lastVisited = l;
      const info = lines[l];
      if (info.kind !== 'body') continue;
      n++;
      const text = contentOf(source, info);
      if (pianLine(text) !== null) return true;
      const cand = candAt(info);
      if (cand) {
        // 「……篇1」 above and 「……篇2」 here: the paragraph between is the first piece's text, not the site's.
        if (cand.pian && best?.pian && out.title >= 0) {
          const above = pianNumber(contentOf(source, lines[out.title]));
          const here = pianNumber(text);
          if (above !== null && here !== null && above !== here) return false;
        }
        if (cand.pian || isPreviewLine(contentOf(source, lines[from]), cand.text)) return true;
        if (best) return isCopy(cand.text, best.text) && siteVoiced(from);
        // With no title above, only a page of several reports puts its intro before the first title.
        return sawCollection;
      }
      const flat = text.length > 60 ? flatAt(info) : null;
      if (flat) {
        if (best) return isCopy(flat.cand.text, best.text) && siteVoiced(from);
        // A doc site's page: the file's description, then its text cut into counted chunks.
        return sawCollection || (chunkedLine(info) && !namesPart(flat.cand.text, profile));
      }
      const m = matchMarker(text);
      if (m && m.rank <= 2) return false;
    }
    return false;
  };
  let n = 0;
  for (let l = 0; l < lines.length && n < PREAMBLE_LINES; l++) {
    if (l > lastVisited) lastVisited = l;
    const info = lines[l];
    if (info.kind !== 'body') continue;
    n++;
    const text = contentOf(source, info);
    if (pianLine(text) !== null) {
      out.markers.push(l);
      continue;
    }
    // A title that PDF extraction split over short lines (「2025」/「年意识形态工作总结与」/「2026」/「年工作计划」).
    const split = splitTitleAt(source, lines, l, profile, markdown, memo);
    if (split) {
      best = split.cand;
      out.title = l;
      out.split = split;
      out.intro.push(...pending);
      pending.length = 0;
      l = split.endLine;
      continue;
    }
    const cand = candAt(info);
    if (cand && nextIsCount(source, lines, l)) {
      out.collection.push(l);
      sawCollection = true;
      continue;
    }
    if (cand) {
      if (best && !isCopy(cand.text, best.text) && namesPart(cand.text, profile)) break;
      candidates.push(l);
      best = cand;
      out.title = l;
      out.split = null;
      out.intro.push(...pending);
      pending.length = 0;
      continue;
    }
    // A collection's title or count line is short; a long line is running text.
    if (text.length <= LONG_LINE && isCollectionLine(text, profile, cand !== null)) {
      out.collection.push(l);
      sawCollection = true;
      continue;
    }
    if (text.startsWith('——')) continue;
    // A PDF page's own title again at the start of the first body line, set off by a space
    // (「2020 年社区宣传工作总结 一年来，……」 under 「年 XX 社区宣传工作总结」): the page's copy.
    if (best && !best.file && !out.flat && text.length <= 60 && previousContent(lines, l)?.line === out.title) {
      const copyEnd = spacedTitleCopy(info, best);
      if (copyEnd > 0) {
        out.site.push({ line: l, span: { start: info.start, end: copyEnd, label: '重复的网页标题' } });
        break;
      }
    }
    // A title glued to the report's first heading on a line of its own (「……工作方案一、总体要求」).
    if (!best && text.length <= 60 && GLUED_HEADING.test(text)) {
      const flat = flatAt(info);
      if (flat) {
        best = flat.cand;
        out.title = l;
        out.flat = flat.cand;
        for (const span of flat.site) out.site.push({ line: l, span });
        out.intro.push(...pending);
        break;
      }
    }
    if (startsBody(text)) {
      if (isSalutation(text)) break;
      // A report flattened onto long lines: its title is the start of the first one.
      const flat = text.length > 60 ? flatAt(info) : null;
      if (flat && (!best || isCopy(flat.cand.text, best.text))) {
        if (best && !best.file) {
          // The page showed the title above the text, and the text starts with it again.
          out.site.push({ line: l, span: { start: info.start, end: flat.cand.end, label: '重复的网页标题' } });
        } else {
          if (best) candidates.push(l);
          best = flat.cand;
          out.title = l;
          out.split = null;
          out.flat = flat.cand;
          for (const span of flat.site) out.site.push({ line: l, span });
          out.intro.push(...pending);
        }
        break;
      }
      if (siteParagraph(l)) {
        pending.push(l);
        continue;
      }
      break;
    }
  }
  if (best) {
    for (const l of candidates) {
      const c = candAt(lines[l]);
      if (l !== out.title && c && isCopy(c.text, best.text)) out.copies.push(l);
    }
  }
  // Markers below the title belong to the reports (step 4).
  out.markers = out.markers.filter((l) => l < out.title);
  // From a line visited, a split title reads the lines below it, and a collection's title the next content line.
  out.readTo = Math.max(lastVisited + SPLIT_PIECES_MAX, nextContent(lines, lastVisited)?.line ?? lines.length);
  return out;
}

/** A title split over lines: the joined title and where each piece of it is. */
interface SplitTitle {
  cand: TitleCandidate;
  endLine: number;
  /** The title's characters, piece by piece: line, and the range of the title on it. */
  segments: { line: number; start: number; end: number }[];
}

const SPLIT_WORDS = new RegExp(layout.title.splitWords, 'g');

/** Whether the break between `before` and `after` falls inside one of a title's ending words (「……对照检」/「查材料」). */
function breaksWord(before: string, after: string): boolean {
  const at = before.length;
  const around = before.slice(-3) + after.slice(0, 3);
  const shift = at - Math.min(3, at);
  SPLIT_WORDS.lastIndex = 0;
  for (let m = SPLIT_WORDS.exec(around); m; m = SPLIT_WORDS.exec(around)) {
    if (shift + m.index < at && at < shift + m.index + m[0].length) return true;
  }
  return false;
}

/** A title copied at the start of a body line is this long (spaces a PDF put between digits and 年 included). */
const TITLE_COPY_MIN = 6;
const TITLE_COPY_MAX = 50;

/** Pieces of a split title are this short; the whole is no longer than a title. */
const SPLIT_PIECE_MAX = 30;
const SPLIT_PIECES_MAX = 6;

/**
 * A title split over consecutive short lines starting at `l`: joined, the
 * lines make a title, and they are fragments on their own (the first is no
 * title, or a conjunction joins them). Null for a title on one line.
 */
function splitTitleAt(source: SourceText, lines: LineInfo[], l: number, profile: Genres, markdown: boolean, memo: LineMemo): SplitTitle | null {
  const piece = (k: number): string | null => {
    const info = lines[k];
    if (!info || info.kind !== 'body' || info.end - info.start > SPLIT_PIECE_MAX) return null;
    const t = contentOf(source, info);
    return t.includes('。') || t.startsWith('#') || matchMarker(t) ? null : t;
  };
  const first = piece(l);
  if (first === null || l + 1 >= lines.length || piece(l + 1) === null) return null;
  const alone = titleCandidate(source.lines[l], lines[l], profile, markdown, memo);
  let joined = first;
  const bounds = [{ line: l, at: 0 }];
  let found: SplitTitle | null = null;
  for (let k = l + 1; k < lines.length && k - l < SPLIT_PIECES_MAX; k++) {
    const next = piece(k);
    if (next === null) break;
    // A whole title joins the next line, and a line joins a whole title after it, only where the
    // text runs on (「2025」/「年……」, 「……总结与」/「2026……」): a name or the site's chrome above a title stays apart.
    const glued = /[\d与和及暨的]$/.test(joined) || /^[年与和及暨]/.test(next) || breaksWord(joined, next);
    if (!glued && (alone || titleCandidate(source.lines[k], lines[k], profile, markdown, memo))) break;
    bounds.push({ line: k, at: joined.length });
    joined += next;
    if (joined.length > 60) break;
    const cand = computeTitleCandidate(joined, 0, joined.length, profile, false);
    if (cand && !/[与和及暨的、]$/.test(next)) {
      const segments = bounds.map((b, i) => {
        const from = Math.max(cand.start, b.at);
        const to = Math.min(cand.end, i + 1 < bounds.length ? bounds[i + 1].at : joined.length);
        const start = lines[b.line].start + (from - b.at);
        return { line: b.line, start, end: start + Math.max(0, to - from) };
      });
      found = { cand, endLine: k, segments };
    }
  }
  return found;
}

/** The number of a 篇 marker before or after a title (「篇2：」「第二篇」「……总结篇3」), or null. */
function pianNumber(text: string): string | null {
  const m = /篇\s*([\d一二三四五六七八九十]+)\s*$|^【?\s*(?:第\s*)?([\d一二三四五六七八九十]+)\s*篇|^【?\s*篇\s*([\d一二三四五六七八九十]+)/.exec(text);
  return m ? (m[1] ?? m[2] ?? m[3]) : null;
}

function nextIsCount(source: SourceText, lines: LineInfo[], from: number): boolean {
  const next = nextContent(lines, from);
  return next !== null && /^[（(]\s*\d+\s*篇\s*[）)]$/.test(contentOf(source, next));
}

function addSiteSpans(cand: TitleCandidate, line: number, residue: ResidueRegion[]): void {
  for (const s of cand.site) {
    residue.push({
      kind: 'span',
      label: s.label,
      startLine: line,
      endLine: line,
      range: { start: { line, character: s.start }, end: { line, character: s.end } },
      certain: s.label === PIAN_LABEL,
    });
  }
}

const NO_RANKS: ReadonlyMap<number, number> = new Map();

const KIND_CODES: Record<LineKind, string> = { blank: '_', residue: 'r', collection: 'c', title: 't', heading: 'h', body: 'b', toc: 'o' };

/**
 * What a report's build reads of its lines besides their texts: each line's
 * kind as the passes before it left it, and the state of its words (see
 * wordState); whether the report has a title. Equal shapes and equal texts
 * build equal reports (report-memo.ts).
 */
function reportShape(
  source: SourceText,
  lines: LineInfo[],
  start: number,
  end: number,
  titled: boolean,
  segmenter: Segmenter | undefined,
  chunked: ReadonlySet<number>,
  headingRanks: ReadonlyMap<number, number>,
): string {
  let shape = titled ? 'T' : 'N';
  for (let l = start; l <= end; l++) {
    const kind = lines[l].kind;
    shape += KIND_CODES[kind];
    if (headingRanks.size > 0 && headingRanks.has(l)) shape += 's' + headingRanks.get(l) + ';';
    if (chunked.size > 0 && chunked.has(l)) shape += 'k' + lines[l].start;
    if (segmenter && (kind === 'body' || kind === 'title')) shape += wordState(segmenter, source.lines[l]).charAt(0);
  }
  return shape;
}

/** Marks a reused report's heading lines the way buildReport marks them. */
function markHeadings(lines: LineInfo[]): (report: Report) => void {
  return (report) => {
    for (const h of report.headings) {
      if (h.inline) continue;
      const info = lines[h.line];
      info.kind = 'heading';
      info.heading = h.marker;
    }
  };
}

function atLine(r: ResidueRegion, line: number): ResidueRegion {
  return {
    ...r,
    startLine: r.startLine + line,
    endLine: r.endLine + line,
    range: { start: { line: r.range.start.line + line, character: r.range.start.character }, end: { line: r.range.end.line + line, character: r.range.end.character } },
  };
}

function nextContent(lines: LineInfo[], from: number): LineInfo | null {
  for (let l = from + 1; l < lines.length; l++) if (lines[l].kind !== 'blank') return lines[l];
  return null;
}

function previousContent(lines: LineInfo[], from: number): LineInfo | null {
  for (let l = from - 1; l >= 0; l--) if (lines[l].kind !== 'blank') return lines[l];
  return null;
}

function wholeLines(source: SourceText, startLine: number, endLine: number, label: string, certain: boolean): ResidueRegion {
  return {
    kind: 'lines',
    label,
    startLine,
    endLine,
    certain,
    range: { start: { line: startLine, character: 0 }, end: { line: endLine, character: source.lines[endLine].length } },
  };
}

/**
 * One region per run of residue: whole lines that only blank lines separate
 * make one run (its certain stretches kept in `sure`, what fix-all may delete
 * of an uncertain run), and spans of one line that overlap or touch make one
 * span; a span on a line that is residue as a whole gives way to it.
 */
function mergeResidue(regions: ResidueRegion[], lines: LineInfo[]): ResidueRegion[] {
  // Nearly every draft has none, and the walk below looks at every line on every keystroke.
  if (regions.length === 0) return [];
  const wholeLineSet = new Map<number, string>();
  /** Whole lines that are certainly the site's (a line two regions cover is certain when either says so). */
  const certainLines = new Set<number>();
  for (const r of regions) {
    if (r.kind === 'lines') {
      for (let l = r.startLine; l <= r.endLine; l++) {
        if (!wholeLineSet.has(l)) wholeLineSet.set(l, r.label);
        if (r.certain) certainLines.add(l);
      }
    }
  }
  const out: ResidueRegion[] = [];
  let current: ResidueRegion | null = null;
  let sure: { startLine: number; endLine: number } | null = null;
  const close = () => {
    if (current && current.sure && current.sure.length === 1 && current.sure[0].startLine === current.startLine && current.sure[0].endLine === current.endLine) {
      current.certain = true;
      delete current.sure;
    }
    current = null;
    sure = null;
  };
  for (let l = 0; l < lines.length; l++) {
    if (wholeLineSet.has(l)) {
      const label = wholeLineSet.get(l)!;
      if (current) {
        current.endLine = l;
        current.range.end = { line: l, character: lines[l].end };
        if (!current.label.split('、').includes(label)) current.label += '、' + label;
      } else {
        current = { kind: 'lines', label, startLine: l, endLine: l, range: { start: { line: l, character: 0 }, end: { line: l, character: lines[l].end } }, certain: false, sure: [] };
        out.push(current);
      }
      if (certainLines.has(l)) {
        if (sure) sure.endLine = l;
        else current.sure!.push((sure = { startLine: l, endLine: l }));
      } else {
        sure = null;
      }
    } else if (lines[l].kind !== 'blank') {
      close();
    }
  }
  close();
  for (const r of out) if (r.sure && r.sure.length === 0) delete r.sure;
  const spans = regions
    .filter((r) => r.kind === 'span' && !wholeLineSet.has(r.startLine))
    .sort((a, b) => a.startLine - b.startLine || a.range.start.character - b.range.start.character);
  let last: ResidueRegion | null = null;
  for (const r of spans) {
    if (last && last.startLine === r.startLine && r.range.start.character <= last.range.end.character) {
      // One finding for one stretch of the site's text; certain only if every part is.
      if (r.range.end.character > last.range.end.character) last.range.end = r.range.end;
      last.certain = last.certain && r.certain;
      if (!last.label.split('、').includes(r.label)) last.label += '、' + r.label;
      continue;
    }
    last = { ...r, range: { start: r.range.start, end: r.range.end } };
    out.push(last);
  }
  return out.sort((a, b) => a.startLine - b.startLine || a.range.start.character - b.range.start.character);
}

/** An opening paragraph is a few sentences; a line this long is a whole report flattened onto one line. */
const FLATTENED_REPORT = 300;

/** Lines short and bare enough to be an unnumbered heading ("存在的问题"). */
const PLAIN_HEADING_MAX = 24;
/** Lines this long may hold a flattened report's headings. */
const INLINE_MIN = 160;

function buildReport(
  source: SourceText,
  lines: LineInfo[],
  profile: Profile,
  markdown: boolean,
  index: number,
  startLine: number,
  endLine: number,
  title: ReportTitle | null,
  segmenter: Segmenter | undefined,
  memo: LineMemo,
  chunked: ReadonlySet<number>,
  headingRanks: ReadonlyMap<number, number>,
): Report {
  const headings: HeadingNode[] = [];
  const bodyStart = title && !title.inline ? (title.endLine ?? startLine) + 1 : startLine;
  // The numbers of the last 一、 and （一） seen, to tell headings inside a flattened line from look-alikes.
  let lastDun = 0;
  let lastParen = 0;
  const push = (l: number, marker: HeadingMarker, inline: boolean) => {
    let rank = marker.rank;
    if (marker.style === 'markdown') rank = marker.hashes <= 2 ? 1 : marker.hashes - 1;
    const node: HeadingNode = { line: l, marker, text: marker.text, rank, depth: 0, parent: null, children: [], endLine: endLine, hasBody: marker.runIn };
    if (inline) node.inline = true;
    headings.push(node);
    if (marker.style === 'cn-dun') {
      lastDun = marker.number;
      lastParen = 0;
    } else if (marker.style === 'cn-paren') {
      lastParen = marker.number;
    }
  };
  /** A line whose words a bare marker line above took as its heading: the heading's, not another. */
  let borrowed = -1;
  for (let l = bodyStart; l <= endLine; l++) {
    const info = lines[l];
    if (info.kind !== 'body' || l === borrowed) continue;
    let text = source.lines[l];
    let namespace = memoKey(profile, 'heading');
    if (chunked.size > 0 && chunked.has(l)) {
      // A page-chunk counter is no heading marker: read the line without it (positions kept).
      text = ' '.repeat(info.start) + text.slice(info.start);
      namespace = memoKey(profile, 'heading:chunk');
    }
    let marker = memo.at(l, namespace, () => parseHeading(text, markdown) ?? plainHeading(text, info, profile));
    if ((marker === null || marker.style === 'plain') && headingRanks.size > 0) {
      // A heading by its style: its rank is the style's, once (a numbered one keeps its number's).
      const rank = headingRanks.get(l);
      if (rank !== undefined) marker = unnumberedHeading(text, rank) ?? marker;
    }
    // A report flattened onto long lines: headings inside the line.
    const flattened = info.end - info.start >= INLINE_MIN || title?.inline === true;
    const inline = flattened ? inlineHeadings(l, text, info, marker, title?.inline && title.line === l ? title.end : -1) : null;
    if (marker && marker.text.length === 0 && marker.style !== 'markdown' && l < endLine) {
      // A marker alone on its line (「2.」), its words on the next: PDF extraction cut the heading.
      const next = nextContent(lines, l);
      if (next && next.kind === 'body' && next.line <= endLine && !matchMarker(contentOf(source, next))) {
        const words = contentOf(source, next);
        const stop = words.search(/[。！？；：:]/);
        marker = { ...marker, text: stop > 0 ? words.slice(0, stop) : words, runIn: true };
        borrowed = next.line;
      }
    }
    if (marker) {
      info.kind = 'heading';
      if (flattened && marker.style !== 'plain') {
        const stop = inline && inline.length ? inline[0].at : info.end;
        const short = headingIn(text, marker.markerStart, stop);
        if (short) {
          short.runIn = marker.runIn || stop > short.textEnd + 1;
          marker = short;
        }
      }
      info.heading = marker;
      push(l, marker, false);
    }
    if (!inline) continue;
    for (let k = 0; k < inline.length; k++) {
      const stop = k + 1 < inline.length ? inline[k + 1].at : info.end;
      const m = headingIn(text, inline[k].at, stop);
      if (!m) continue;
      push(l, m, true);
      // Text after it on the line is its body; at the end of a page chunk, the next chunk is.
      if (/[^\s\u3000]/.test(text.slice(m.textEnd + 1, stop)) || chunked.has(l)) headings[headings.length - 1].hasBody = true;
    }
  }

  /** The heading whose marker is at `at`, read no further than `stop` and, in a flattened line, than the first space after its words. */
  function headingIn(text: string, at: number, stop: number): HeadingMarker | null {
    const space = text.slice(at + 3, stop).search(/[ \t\u3000]/);
    const headEnd = space >= 0 ? at + 3 + space : stop;
    return parseHeading(' '.repeat(at) + text.slice(at, headEnd), markdown);
  }

  /**
   * The inline markers of line `l` that continue the report's numbering (at
   * least two, or one after a heading of its style, or the first right after
   * the title the line starts with: 「……工作方案一、总体要求」).
   */
  function inlineHeadings(l: number, text: string, info: LineInfo, lineStart: HeadingMarker | null, titleEnd: number): InlineMarker[] | null {
    const found = memo.at(l, 'inline', () => inlineMarkers(text)).filter((c) => c.at > info.start);
    if (found.length === 0) return null;
    let dun = lastDun;
    let paren = lastParen;
    if (lineStart?.style === 'cn-dun') {
      dun = lineStart.number;
      paren = 0;
    } else if (lineStart?.style === 'cn-paren') {
      paren = lineStart.number;
    }
    const kept: InlineMarker[] = [];
    let continues = false;
    for (const c of found) {
      if (c.style === 'cn-dun' && c.number === dun + 1) {
        if (dun > 0) continues = true;
        dun = c.number;
        paren = 0;
        kept.push(c);
      } else if (c.style === 'cn-paren' && c.number === paren + 1) {
        if (paren > 0) continues = true;
        paren = c.number;
        kept.push(c);
      }
    }
    const afterTitle = kept.length === 1 && titleEnd >= 0 && kept[0].number === 1 && kept[0].at >= titleEnd && kept[0].at - titleEnd <= 4;
    return kept.length >= 2 || (kept.length === 1 && (continues || afterTitle)) ? kept : null;
  }

  // The heading tree: each heading hangs under the nearest open heading of a higher rank.
  const roots: HeadingNode[] = [];
  const stack: HeadingNode[] = [];
  for (const h of headings) {
    while (stack.length && stack[stack.length - 1].rank >= h.rank) {
      const done = stack.pop()!;
      // Headings inside one flattened line end on that line.
      done.endLine = Math.max(done.line, h.line - 1);
    }
    const parent = stack.length ? stack[stack.length - 1] : null;
    h.parent = parent;
    h.depth = parent ? parent.depth + 1 : 1;
    (parent ? parent.children : roots).push(h);
    stack.push(h);
  }
  // Body below a heading: any body line up to its end line (children count too).
  for (const h of headings) {
    if (h.children.length) h.hasBody = true;
    if (h.hasBody) continue;
    const stop = h.children.length ? h.children[0].line - 1 : h.endLine;
    for (let l = h.line + 1; l <= stop; l++) {
      if (lines[l].kind === 'body') {
        h.hasBody = true;
        break;
      }
    }
  }

  let opening: { line: number } | null = null;
  for (let l = bodyStart; l <= endLine; l++) {
    if (lines[l].kind === 'blank' || lines[l].kind === 'residue') continue;
    if (lines[l].kind === 'body') opening = { line: l };
    break;
  }

  const report: Report = { index, startLine, endLine, title, opening, roots, headings, parts: [], profile };
  report.parts = classifyParts(source, lines, profile, report, segmenter, memo);
  return report;
}

const MEMO_KEYS = new WeakMap<Profile, Map<string, string>>();

/** A line memo namespace for facts that depend on the report's genre: one string object per genre and name. */
function memoKey(profile: Profile, name: string): string {
  let keys = MEMO_KEYS.get(profile);
  if (!keys) MEMO_KEYS.set(profile, (keys = new Map()));
  let key = keys.get(name);
  if (key === undefined) keys.set(name, (key = name + '\u0000' + profile.cacheKey));
  return key;
}

/** An unnumbered short line that names a standard part ("存在的问题", "下一步工作打算："). */
function plainHeading(text: string, info: LineInfo, profile: Profile): HeadingMarker | null {
  let end = info.end;
  while (end > info.start && /[：:。]/.test(text.charAt(end - 1))) end--;
  const content = text.slice(info.start, end);
  if (content.length < 2 || content.length > PLAIN_HEADING_MAX || /[。，；]/.test(content)) return null;
  if (startsWithTopicVerb(content, profile)) return null;
  if (!profile.parts.some((p) => p.headingRegexes.some((r) => r.test(content)))) return null;
  return {
    style: 'plain',
    rank: 1,
    number: 0,
    variant: '',
    markerStart: info.start,
    markerEnd: info.start,
    textStart: info.start,
    textEnd: end,
    text: content,
    runIn: false,
    hashes: 0,
  };
}

export function startsWithTopicVerb(text: string, profile: Profile): boolean {
  return profile.topicVerbs.some((v) => text.startsWith(v));
}

export interface HeadingClassification {
  slots: string[];
  evidence: string[];
}

const GLOBAL_COPIES = new WeakMap<RegExp, RegExp>();

/**
 * A match of `re` in `text`; with `isBoundary`, the first match that sits on
 * words: its start and end, and the ends of each captured alternative, fall on
 * word boundaries (计划 in 计划生育, 但 in 不但, 有 in 有效 do not count).
 * Adjacent captured groups may share a word (还有 = 还 + 有).
 */
function matchOnWords(re: RegExp, text: string, isBoundary?: (offset: number) => boolean): RegExpExecArray | null {
  if (!isBoundary) return re.exec(text);
  let g = GLOBAL_COPIES.get(re);
  if (!g) {
    g = withFlags(re, re.flags.replace(/[gd]/g, '') + 'gd');
    GLOBAL_COPIES.set(re, g);
  }
  for (let from = 0; from <= text.length; ) {
    g.lastIndex = from;
    const m = g.exec(text);
    if (!m) return null;
    if (isBoundary(m.index) && isBoundary(m.index + m[0].length) && groupsOnWords(m, isBoundary)) return m;
    from = m.index + 1;
  }
  return null;
}

function groupsOnWords(m: RegExpExecArray, isBoundary: (offset: number) => boolean): boolean {
  const spans = (m.indices ?? []).slice(1).filter((s): s is [number, number] => s !== undefined && s[1] > s[0]);
  return spans.every(([s, e]) => {
    const joinedBefore = spans.some(([, pe]) => pe === s);
    const joinedAfter = spans.some(([ns]) => ns === e);
    return (joinedBefore || isBoundary(s)) && (joinedAfter || isBoundary(e));
  });
}

/**
 * Word boundaries of a line, as a predicate on offsets (undefined without a
 * segmenter). The words are cut when first asked for: a pattern that matches
 * nowhere on the line needs none (a part looked for in running text is looked
 * for on every line of a report, and on every keystroke on the line typed into).
 */
function lineBoundaries(segmenter: Segmenter | undefined, line: string, offset = 0): ((i: number) => boolean) | undefined {
  if (!segmenter) return undefined;
  let b: ((i: number) => boolean) | null = null;
  return (i) => (b ??= boundariesIn(segmenter, line))(offset + i);
}

/**
 * The word boundaries of `line`. A long line's are its pieces' (line-cache.ts:
 * pieces end at punctuation, where words end too; the language server cuts long
 * lines piece by piece, and the line rules read them so), found by the piece an
 * offset falls in: the words of a 300,000-character line are some 150,000
 * objects, too many to make again on every keystroke.
 */
function boundariesIn(segmenter: Segmenter, line: string): (i: number) => boolean {
  if (line.length <= LONG_LINE) {
    const b = boundariesOf(wordsOf(segmenter, line), line.length);
    return (i) => b.has(i);
  }
  const { starts, pieces } = linePieces(line);
  const bounds = new Map<number, Set<number>>();
  return (i) => {
    if (i < 0 || i > line.length) return false;
    if (i === line.length) return true;
    // The piece that holds offset i: the last that starts at or before it.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    let b = bounds.get(lo);
    if (!b) bounds.set(lo, (b = boundariesOf(wordsOf(segmenter, pieces[lo]), pieces[lo].length)));
    return b.has(i - starts[lo]);
  };
}

/**
 * The slots a top-level heading names, with the words that decided each.
 * `isBoundary` (offsets in `text`) makes the patterns match whole words only.
 */
export function classifyHeadingText(text: string, profile: Profile, isBoundary?: (offset: number) => boolean): HeadingClassification {
  const slots: string[] = [];
  const evidence: string[] = [];
  // A heading that opens with a verb ("加强组织领导…") is a themed topic of the
  // work done; words like 问题 or 分析研判 inside it do not make it another part.
  if (startsWithTopicVerb(text, profile)) return { slots, evidence };
  // A merged heading the profile spells out ("存在的问题及下一步打算") names its parts in the profile's words.
  for (const merged of profile.mergedHeadings) {
    const m = matchOnWords(merged.regex, text, isBoundary);
    if (m) return { slots: merged.slots.slice(), evidence: merged.slots.map(() => m[0]) };
  }
  for (const part of profile.parts) {
    for (const re of part.headingRegexes) {
      const m = matchOnWords(re, text, isBoundary);
      if (m) {
        slots.push(part.slot);
        evidence.push(m[0]);
        break;
      }
    }
  }
  // A merged heading names parts in the order it mentions them.
  if (slots.length > 1) {
    const order = slots.map((s, i) => ({ s, e: evidence[i], at: text.indexOf(evidence[i]) }));
    order.sort((a, b) => a.at - b.at);
    // Words of the first part ("工作情况") inside a heading that names a later one: the heading is that later part.
    const first = profile.ordered[0]?.slot;
    const filtered = order.filter((o) => !(o.s === first && order.some((x) => x.s !== first)));
    return { slots: filtered.map((o) => o.s), evidence: filtered.map((o) => o.e) };
  }
  return { slots, evidence };
}

const RUNNING_KEYS = new Map<string, string>();

/** The memo namespace of a part's running-text match, one string object per genre, slot and word state. */
function runningKey(profile: Profile, slot: string, words: string): string {
  const k = profile.cacheKey + '\u0000' + slot + '\u0000' + words;
  let key = RUNNING_KEYS.get(k);
  if (!key) {
    key = 'running:' + k;
    RUNNING_KEYS.set(k, key);
  }
  return key;
}

/** Where a part's running-text pattern first matches a line, and the deciding words. */
function runningTextMatch(regexes: RegExp[], text: string, segmenter: Segmenter | undefined): { at: number; evidence: string } | null {
  const isBoundary = lineBoundaries(segmenter, text);
  for (const re of regexes) {
    const m = matchOnWords(re, text, isBoundary);
    if (m) {
      // Point at the words themselves, past a leading sentence end the pattern needed.
      const lead = /^[。！？；\s]+/.exec(m[0]);
      const skip = lead ? lead[0].length : 0;
      return { at: m.index + skip, evidence: m[0].slice(skip) };
    }
  }
  return null;
}

function classifyParts(source: SourceText, lines: LineInfo[], profile: Profile, report: Report, segmenter: Segmenter | undefined, memo: LineMemo): ReportPart[] {
  const parts: ReportPart[] = [];
  const first = profile.parts.find((p) => p.order === 1);
  const laterSlots = new Set(profile.parts.filter((p) => p.order !== null && p.order > (first?.order ?? 1)).map((p) => p.slot));
  let pastFirstPart = false;
  for (const node of report.roots) {
    // Words are cut from the whole line; Markdown emphasis stripped from the text leaves no offsets to map.
    const lineText = source.lines[node.line];
    const mapped = lineText.slice(node.marker.textStart, node.marker.textEnd) === node.text;
    const { slots, evidence } = classifyHeadingText(node.text, profile, mapped ? lineBoundaries(segmenter, lineText, node.marker.textStart) : undefined);
    if (slots.length) {
      slots.forEach((slot, i) =>
        parts.push({ slot, headed: true, line: node.line, character: node.marker.textStart, node, heading: node.text, evidence: evidence[i], reason: 'heading' }),
      );
      if (slots.some((s) => laterSlots.has(s))) pastFirstPart = true;
    } else if (!pastFirstPart && first) {
      // Themed headings before the problems are topics of the work done.
      parts.push({ slot: first.slot, headed: true, line: node.line, character: node.marker.textStart, node, heading: node.text, evidence: node.text, reason: 'topic' });
    } else {
      parts.push({ slot: null, headed: true, line: node.line, character: node.marker.textStart, node, heading: node.text, evidence: '', reason: 'unknown' });
    }
  }

  const present = new Set(parts.map((p) => p.slot));
  const openingLine = report.opening?.line ?? -1;

  // Parts written in running text ("…但也存在一些不足：一是…", "下一步，我们将…").
  for (const part of profile.parts) {
    if (present.has(part.slot) || part.runningTextRegexes.length === 0) continue;
    found: for (let l = report.startLine; l <= report.endLine; l++) {
      const info = lines[l];
      if ((info.kind !== 'body' && info.kind !== 'heading') || l === openingLine) continue;
      const text = source.lines[l];
      const hit = memo.at(l, runningKey(profile, part.slot, wordState(segmenter, text)), () => runningTextMatch(part.runningTextRegexes, text, segmenter));
      if (hit) {
        parts.push({ slot: part.slot, headed: false, line: l, character: hit.at, node: null, heading: null, evidence: hit.evidence, reason: 'running-text' });
        present.add(part.slot);
        break found;
      }
    }
  }

  // A list that restarts at （一） inside the problems part, with headings that
  // read as measures rather than shortcomings, is the plans part without its heading.
  const plansSlot = profile.parts.find((p) => p.order !== null && p.order === Math.max(...profile.parts.map((q) => q.order ?? 0)));
  const problemsSlot = profile.parts.find((p) => p.slot !== plansSlot?.slot && p.order !== null && p.order > (first?.order ?? 1));
  if (plansSlot && problemsSlot && !present.has(plansSlot.slot)) {
    for (const p of parts) {
      if (p.slot !== problemsSlot.slot || !p.node) continue;
      const kids = p.node.children;
      const restart = kids.findIndex((k, i) => i > 0 && k.rank === kids[0].rank && k.marker.number === 1 && kids[i - 1].marker.number >= 1);
      if (restart > 0 && !profile.problemWords.some((w) => kids[restart].text.includes(w))) {
        const k = kids[restart];
        parts.push({ slot: plansSlot.slot, headed: false, line: k.line, character: k.marker.markerStart, node: null, heading: null, evidence: k.text, reason: 'restart' });
        present.add(plansSlot.slot);
        break;
      }
    }
  }

  // The work done, written as paragraphs with no heading at all.
  if (first && !present.has(first.slot)) {
    const limit = parts.length ? Math.min(...parts.map((p) => p.line)) : report.endLine + 1;
    let l = report.startLine;
    for (; l < limit && l <= report.endLine; l++) {
      if (lines[l].kind === 'body' && l !== openingLine) {
        parts.push({ slot: first.slot, headed: false, line: l, character: lines[l].start, node: null, heading: null, evidence: '', reason: 'body' });
        break;
      }
    }
    // A report pasted as one long paragraph (a page's text flattened onto one line) holds its work in its "opening".
    if ((l >= limit || l > report.endLine) && openingLine >= 0 && openingLine < limit && lines[openingLine].end - lines[openingLine].start >= FLATTENED_REPORT) {
      parts.push({ slot: first.slot, headed: false, line: openingLine, character: lines[openingLine].start, node: null, heading: null, evidence: '', reason: 'body' });
    }
  }

  const orderOf = (slot: string | null) => profile.parts.find((p) => p.slot === slot)?.order ?? 99;
  // Headings on one line (a report flattened onto it) go by where they stand, as
  // on lines of their own; the parts one merged heading names, by the profile's order.
  parts.sort(
    (a, b) =>
      a.line - b.line ||
      (a.headed === b.headed ? 0 : a.headed ? -1 : 1) ||
      (a.headed ? a.character - b.character : 0) ||
      orderOf(a.slot) - orderOf(b.slot) ||
      a.character - b.character,
  );
  return parts;
}

/** A copy of `r` `d` lines further down (the heading tree copied with it; markers hold no line numbers). */
export function moveReport(r: Report, d: number): Report {
  const copies = new Map<HeadingNode, HeadingNode>();
  const copy = (h: HeadingNode, parent: HeadingNode | null): HeadingNode => {
    const n: HeadingNode = { ...h, line: h.line + d, endLine: h.endLine + d, parent, children: [] };
    copies.set(h, n);
    n.children = h.children.map((c) => copy(c, n));
    return n;
  };
  const roots = r.roots.map((h) => copy(h, null));
  return {
    index: r.index,
    startLine: r.startLine + d,
    endLine: r.endLine + d,
    title: r.title ? moveTitle(r.title, d) : null,
    opening: r.opening ? { line: r.opening.line + d } : null,
    roots,
    headings: r.headings.map((h) => copies.get(h)!),
    parts: r.parts.map((p) => ({ ...p, line: p.line + d, node: p.node ? copies.get(p.node)! : null })),
    profile: r.profile,
  };
}

function moveTitle(t: ReportTitle, d: number): ReportTitle {
  const moved: ReportTitle = { ...t, line: t.line + d };
  if (t.endLine !== undefined) moved.endLine = t.endLine + d;
  if (t.segments) moved.segments = t.segments.map((g) => ({ ...g, line: g.line + d }));
  return moved;
}
