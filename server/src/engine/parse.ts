/**
 * Reads a draft the way a reviewer does: which lines are template residue,
 * where each report of a collection starts, each report's title, opening
 * paragraph and heading tree, and which standard part (slot) each top-level
 * heading — or a passage of running text — fills.
 *
 * Everything here is linear in the size of the document; rules read the
 * result and never re-parse.
 */
import { EnumerationItem, enumerationItems } from './enumeration';
import { HeadingMarker, matchMarker, parseHeading } from './markers';
import { Profile } from './profile';
import { withFlags } from './safe-regex';
import { LineResidue, ResidueRegion, detectLineResidue, isPreviewLine, preTitleResidue, previewCut, voiceAfterResidue } from './residue';
import { LineMemo, NO_CACHE } from './line-cache';
import { Segmenter, wordState } from './segmenter';
import { boundariesOf, wordsOf } from './words';
import { SourceText, leadingBlank, trailingBlankStart } from './source';

export type LineKind = 'blank' | 'residue' | 'collection' | 'title' | 'heading' | 'body';

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
}

export interface ParsedDocument {
  source: SourceText;
  markdown: boolean;
  profile: Profile;
  lines: LineInfo[];
  residue: ResidueRegion[];
  reports: Report[];
  /** The 一是/二是 items of a line (remembered by the line's text). */
  enumerationsAt(line: number): EnumerationItem[];
}

export interface ParseOptions {
  markdown?: boolean;
  /** When given, part classification matches its patterns on word boundaries only. */
  segmenter?: Segmenter;
  /** Per-line facts remembered across analyses (see line-cache.ts). */
  memo?: LineMemo;
}

const YEARISH = /(19|20)\d{2}|20[Xx×Ｘｘ]{2}|20\d[Xx×Ｘｘ]|[上下]半年|年度/;
const REPORT_PREFIX = /^(篇\s*\d+|第[一二三四五六七八九十\d]+篇)\s*[：:、.]?\s*/;
const COUNT_LINE = /^[（(]\s*\d+\s*篇\s*[）)]$/;
const TITLE_END_PUNCT = /[。；，：:,;！？!?]$/;

interface TitleCandidate {
  text: string;
  start: number;
  end: number;
  prefixed: boolean;
  h1: boolean;
}

function computeTitleCandidate(line: string, info: LineInfo, profile: Profile, markdown: boolean): TitleCandidate | null {
  if (info.kind !== 'body') return null;
  let start = info.start;
  const end = info.end;
  let h1 = false;
  if (markdown) {
    const h = /^#[ \t]+/.exec(line.slice(start, end));
    if (h) {
      h1 = true;
      start += h[0].length;
    } else if (line.startsWith('#', start)) {
      return null;
    }
    if (line.startsWith('**', start) && line.endsWith('**', end)) {
      return computeTitleCandidate(line.slice(0, end - 2), { ...info, start: start + 2, end: end - 2 }, profile, false);
    }
  }
  let prefixed = false;
  const p = REPORT_PREFIX.exec(line.slice(start, end));
  if (p) {
    prefixed = true;
    start += p[0].length;
  }
  const text = line.slice(start, end);
  if (text.length < 4 || text.length > 60) return null;
  if (text.includes('。') || TITLE_END_PUNCT.test(text)) return null;
  if (matchMarker(text)) return null;
  if (!profile.titleRegex.test(text)) return null;
  return { text, start, end, prefixed, h1 };
}

/** The title a body line would be (memoised by the line's text). */
function titleCandidate(line: string, info: LineInfo, profile: Profile, markdown: boolean, memo: LineMemo = NO_CACHE): TitleCandidate | null {
  if (info.kind !== 'body') return null;
  const known = memo.get<TitleCandidate | null>(info.line, 'title');
  return known !== undefined ? known : memo.set(info.line, 'title', computeTitleCandidate(line, info, profile, markdown));
}

function isCollectionTitle(text: string, profile: Profile): boolean {
  return profile.collectionRegex.test(text);
}

function contentOf(source: SourceText, info: LineInfo): string {
  return source.lines[info.line].slice(info.start, info.end);
}

/** The report that holds `line`, if any. */
export function reportAt(doc: Pick<ParsedDocument, 'reports'>, line: number): Report | undefined {
  return doc.reports.find((r) => r.startLine <= line && line <= r.endLine);
}

export function parseDocument(source: SourceText, profile: Profile, options: ParseOptions = {}): ParsedDocument {
  const markdown = Boolean(options.markdown);
  const lines: LineInfo[] = source.lines.map((text, line) => {
    const start = leadingBlank(text);
    const end = trailingBlankStart(text);
    return { line, start, end, kind: start >= end ? 'blank' : 'body', heading: null };
  });
  const residue: ResidueRegion[] = [];

  const memo = options.memo ?? NO_CACHE;

  // 1. Residue that shows by its own words.
  /** Paragraphs in the site's voice, residue only above the title (step 3). */
  const voice = new Set<number>();
  for (let l = 0; l < lines.length; l++) {
    const info = lines[l];
    if (info.kind === 'blank') continue;
    const r = memo.get<LineResidue>(l, 'residue') ?? memo.set(l, 'residue', detectLineResidue(source.lines[l], 0, info.start, info.end));
    if (r.wholeLine) info.kind = 'residue';
    if (r.voice) voice.add(l);
    for (let k = 0; k < r.regions.length; k++) residue.push(atLine(r.regions[k], l));
  }

  // 2. The first report's title: the first title-like line among the first few
  //    lines of content. A collection's own title ("…汇编", "（6篇）") is skipped.
  let firstTitle = -1;
  let seen = 0;
  for (const info of lines) {
    if (info.kind !== 'body') continue;
    const text = contentOf(source, info);
    if (isCollectionTitle(text, profile) || COUNT_LINE.test(text)) {
      info.kind = 'collection';
      continue;
    }
    const next = nextContent(lines, info.line);
    if (next && COUNT_LINE.test(contentOf(source, next)) && titleCandidate(source.lines[info.line], info, profile, markdown, memo)) {
      info.kind = 'collection';
      continue;
    }
    if (titleCandidate(source.lines[info.line], info, profile, markdown, memo)) {
      firstTitle = info.line;
      break;
    }
    if (++seen >= 4) break;
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
    lines[l].kind = 'residue';
    residue.push(wholeLines(source, l, l, '小编导语', false));
  }

  // 4. Titles of the following reports: a title-like line that names a period
  //    (or is numbered "篇2：", or is a Markdown H1) and starts a new block.
  const titles: { line: number; cand: TitleCandidate }[] = [];
  if (firstTitle >= 0) {
    titles.push({ line: firstTitle, cand: titleCandidate(source.lines[firstTitle], lines[firstTitle], profile, markdown, memo)! });
    for (let l = firstTitle + 1; l < lines.length; l++) {
      const info = lines[l];
      const cand = titleCandidate(source.lines[l], info, profile, markdown, memo);
      if (!cand) continue;
      const prev = lines[l - 1];
      const startsBlock = prev.kind === 'blank' || prev.kind === 'residue' || prev.kind === 'collection';
      if (cand.prefixed || cand.h1 || (startsBlock && YEARISH.test(cand.text))) titles.push({ line: l, cand });
    }
    for (const t of titles) lines[t.line].kind = 'title';
  }

  // 5. A web page's preview line: the title and first sentence again, cut off with "...".
  for (const t of titles) {
    const prev = previousContent(lines, t.line);
    if (prev && prev.kind === 'body' && isPreviewLine(contentOf(source, prev), t.cand.text)) {
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

  // 7. Reports.
  const reports: Report[] = [];
  const bounds: { start: number; title: TitleCandidate | null }[] = [];
  if (titles.length) {
    for (const t of titles) bounds.push({ start: t.line, title: t.cand });
  } else {
    const first = lines.find((i) => i.kind === 'body');
    if (first) bounds.push({ start: first.line, title: null });
  }
  for (let k = 0; k < bounds.length; k++) {
    const start = bounds[k].start;
    let end = k + 1 < bounds.length ? bounds[k + 1].start - 1 : lines.length - 1;
    while (end > start && (lines[end].kind === 'blank' || lines[end].kind === 'collection')) end--;
    const t = bounds[k].title;
    const build = () =>
      buildReport(source, lines, profile, markdown, k, start, end, t ? { line: start, text: t.text, start: t.start, end: t.end } : null, options.segmenter, memo);
    reports.push(memo.reports ? memo.reports.report({ startLine: start, endLine: end, index: k, shape: reportShape(source, lines, start, end, t !== null, options.segmenter) }, build, markHeadings(lines), moveReport) : build());
  }

  const enumerationsAt = (l: number): EnumerationItem[] =>
    memo.get<EnumerationItem[]>(l, 'enumeration') ?? memo.set(l, 'enumeration', enumerationItems(source.lines[l]));
  return { source, markdown, profile, lines, residue: merged, reports, enumerationsAt };
}

const KIND_CODES: Record<LineKind, string> = { blank: '_', residue: 'r', collection: 'c', title: 't', heading: 'h', body: 'b' };

/**
 * What a report's build reads of its lines besides their texts: each line's
 * kind as the passes before it left it, and the state of its words (see
 * wordState); whether the report has a title. Equal shapes and equal texts
 * build equal reports (report-memo.ts).
 */
function reportShape(source: SourceText, lines: LineInfo[], start: number, end: number, titled: boolean, segmenter: Segmenter | undefined): string {
  let shape = titled ? 'T' : 'N';
  for (let l = start; l <= end; l++) {
    const kind = lines[l].kind;
    shape += KIND_CODES[kind];
    if (segmenter && (kind === 'body' || kind === 'title')) shape += wordState(segmenter, source.lines[l]).charAt(0);
  }
  return shape;
}

/** Marks a reused report's heading lines the way buildReport marks them. */
function markHeadings(lines: LineInfo[]): (report: Report) => void {
  return (report) => {
    for (const h of report.headings) {
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
): Report {
  const headings: HeadingNode[] = [];
  const bodyStart = title ? startLine + 1 : startLine;
  for (let l = bodyStart; l <= endLine; l++) {
    const info = lines[l];
    if (info.kind !== 'body') continue;
    const text = source.lines[l];
    const marker = memo.at(l, 'heading', () => parseHeading(text, markdown) ?? plainHeading(text, info, profile));
    if (!marker) continue;
    info.kind = 'heading';
    info.heading = marker;
    let rank = marker.rank;
    if (marker.style === 'markdown') rank = marker.hashes <= 2 ? 1 : marker.hashes - 1;
    headings.push({ line: l, marker, text: marker.text, rank, depth: 0, parent: null, children: [], endLine: endLine, hasBody: marker.runIn });
  }

  // The heading tree: each heading hangs under the nearest open heading of a higher rank.
  const roots: HeadingNode[] = [];
  const stack: HeadingNode[] = [];
  for (const h of headings) {
    while (stack.length && stack[stack.length - 1].rank >= h.rank) {
      stack.pop()!.endLine = h.line - 1;
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

  const report: Report = { index, startLine, endLine, title, opening, roots, headings, parts: [] };
  report.parts = classifyParts(source, lines, profile, report, segmenter, memo);
  return report;
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

/** Word boundaries of a line, as a predicate on offsets (undefined without a segmenter). */
function lineBoundaries(segmenter: Segmenter | undefined, line: string, offset = 0): ((i: number) => boolean) | undefined {
  if (!segmenter) return undefined;
  const b = boundariesOf(wordsOf(segmenter, line), line.length);
  return (i) => b.has(offset + i);
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

/** The memo namespace of a part's running-text match, one string object per slot and word state. */
function runningKey(slot: string, words: string): string {
  const k = slot + '\u0000' + words;
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
      const hit = memo.at(l, runningKey(part.slot, wordState(segmenter, text)), () => runningTextMatch(part.runningTextRegexes, text, segmenter));
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
  parts.sort((a, b) => a.line - b.line || (a.headed === b.headed ? 0 : a.headed ? -1 : 1) || orderOf(a.slot) - orderOf(b.slot) || a.character - b.character);
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
    title: r.title ? { ...r.title, line: r.title.line + d } : null,
    opening: r.opening ? { line: r.opening.line + d } : null,
    roots,
    headings: r.headings.map((h) => copies.get(h)!),
    parts: r.parts.map((p) => ({ ...p, line: p.line + d, node: p.node ? copies.get(p.node)! : null })),
  };
}
