/**
 * Layouts that pasting breaks, found before headings are read:
 *
 * - a site's table of contents above the report (「目录/提纲：……」, heading-only
 *   lines, 「……」): not the report's outline;
 * - a doc site's page text cut into chunks of about 300 characters, each
 *   prefixed 「1、」「2、」…: the counters are the site's, not headings.
 *
 * Both passes look at runs of lines whose shape is cheap to test (a marker at
 * the start, the length); they cost one walk over the lines.
 */
import layout from '../data/layout.json';
import { matchMarker } from './markers';

/** A line as the layout passes read it: its text and the bounds of its content. */
export interface LayoutLine {
  start: number;
  end: number;
}

const TOC_START = new RegExp(layout.toc.start);
const TOC_END = new RegExp(layout.toc.end);
/** A site's keyword line says the block is generated (「目录/提纲：……」); a bare 「目录」 may be the writer's own. */
const TOC_SITE_START = /[/／]|…|\.{3}/;
/** First characters of the keyword lines (as code units: the passes below read every line on every keystroke). */
const TOC_FIRST = new Set([...'目提文内本'].map((ch) => ch.charCodeAt(0)));

/** A line of a table of contents: a numbered heading with no sentence after it. */
const TOC_ENTRY_MAX = 40;

export interface TocZone {
  startLine: number;
  endLine: number;
  /** True when the block shows it is a site's (its keyword line or closing 「……」); else it is the writer's own, left alone. */
  site: boolean;
}

function isEntry(text: string): boolean {
  return entryMarker(text) !== null;
}

/** The marker of a line of a table of contents, or null (one matchMarker per line: it runs on the headings of every document on every keystroke). */
function entryMarker(text: string): ReturnType<typeof matchMarker> {
  return text.length <= TOC_ENTRY_MAX && !/[。；！？]/.test(text) ? matchMarker(text) : null;
}

/**
 * Tables of contents: a keyword line (目录, 提纲, 目录/提纲…) followed by
 * heading-only lines, up to a closing 「……」 line or the first line that is not
 * an entry.
 */
/**
 * What the table-of-contents passes saw besides the zones: a run of two or
 * more numbered entries (an outline whose first heading may come again below).
 */
export interface TocSeen {
  run: boolean;
}

export function findTocZones(texts: readonly string[], lines: readonly LayoutLine[], seen: TocSeen = { run: false }): TocZone[] {
  const zones: TocZone[] = [];
  const contents = (k: number) => texts[k].slice(lines[k].start, lines[k].end);
  for (let l = 0; l < lines.length; l++) {
    const { start, end: stop } = lines[l];
    // Most lines are ruled out by their length or first character, without a copy.
    if (stop <= start || stop - start > 20 || !TOC_FIRST.has(texts[l].charCodeAt(start))) continue;
    const text = contents(l);
    if (!TOC_START.test(text)) continue;
    let end = l;
    let entries = 0;
    let closed = false;
    for (let k = l + 1; k < lines.length; k++) {
      const t = contents(k);
      if (t.length === 0) continue;
      if (TOC_END.test(t)) {
        end = k;
        closed = true;
        break;
      }
      if (!isEntry(t)) break;
      entries++;
      end = k;
    }
    if (entries < 2) continue;
    zones.push({ startLine: l, endLine: end, site: closed || TOC_SITE_START.test(text) });
    l = end;
  }
  return zones.length > 0 ? zones : repeatedOutline(texts, lines, contents, seen);
}

/**
 * An outline with no keyword line: two or more heading-only lines in a row
 * (blank lines between them at most), numbered one after another at one rank
 * (「一、」「二、」「三、」), whose first comes again below as a line of its own. A
 * page that lists a report's headings above it shows them twice; a report's own
 * heading and its first subheading differ in rank, and an empty part is not
 * followed by a second copy of the first heading.
 */
/** Characters a heading's number can start with (markers.ts tests the same before its patterns): 一…十, （ (, 0-9, ①-⑳. */
const CN_NUMERALS = new Set([...'一二三四五六七八九十'].map((ch) => ch.charCodeAt(0)));
function entryFirst(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0xff08 || c === 0x28 || (c >= 0x2460 && c <= 0x2473) || CN_NUMERALS.has(c);
}

function repeatedOutline(texts: readonly string[], lines: readonly LayoutLine[], contents: (k: number) => string, seen: TocSeen): TocZone[] {
  for (let l = 0; l < lines.length; l++) {
    const { start, end: stop } = lines[l];
    // Most lines are ruled out by their length or first character, without a copy.
    if (stop <= start || stop - start > TOC_ENTRY_MAX || !entryFirst(texts[l].charCodeAt(start))) continue;
    // A run needs a second entry on the next line of content: a heading followed
    // by its text (nearly every heading) is ruled out by that line's length or
    // first character before any marker is read.
    let next = l + 1;
    while (next < lines.length && lines[next].end <= lines[next].start) next++;
    if (next === lines.length || lines[next].end - lines[next].start > TOC_ENTRY_MAX || !entryFirst(texts[next].charCodeAt(lines[next].start))) continue;
    const head = contents(l);
    const first = entryMarker(head);
    if (first === null || first.number !== 1) continue;
    let last = l;
    let count = 1;
    let k = l + 1;
    for (; k < lines.length; k++) {
      if (lines[k].end <= lines[k].start) continue;
      // A line too long for an entry ends the run without a copy of it.
      const m = lines[k].end - lines[k].start > TOC_ENTRY_MAX ? null : entryMarker(contents(k));
      if (m === null || m.style !== first.style || m.number !== count + 1) break;
      count++;
      last = k;
    }
    if (count >= 2) {
      seen.run = true;
      for (let j = last + 1; j < lines.length; j++) {
        if (lines[j].end - lines[j].start === head.length && contents(j) === head) return [{ startLine: l, endLine: last, site: false }];
      }
    }
    l = k - 1;
  }
  return [];
}

/**
 * True when the passes here may read `content` (a line's content) as more than
 * running text or a table of contents' entry: a table of contents' keyword or
 * closing line, or a line opening with a page-chunk counter.
 */
export function layoutWords(content: string): boolean {
  return CHUNK_COUNTER.test(content) || TOC_START.test(content) || TOC_END.test(content);
}

/** True when `content` could be a line of a table of contents (a short numbered heading). */
export function isTocEntry(content: string): boolean {
  return entryMarker(content) !== null;
}

/** A page-chunk counter at the start of a line: 「12、」. */
const CHUNK_COUNTER = /^(\d{1,2})、/;
/** Doc sites cut page text into chunks of this many characters (the counter included), give or take. */
const CHUNK_MIN = 285;
const CHUNK_MAX = 320;
const CHUNK_SPREAD = 6;
const SENTENCE_END = /[。！？；.!?;…”」』）)]/;

export interface ChunkRun {
  /** The chunk lines, in order. */
  lines: number[];
}

/**
 * Runs of page chunks: two or more consecutive lines of content starting
 * 「k、」「k+1、」…, every chunk but the last of nearly the same length, about
 * 300 characters. A real list of long paragraphs never has that regularity.
 */
export function findChunkRuns(texts: readonly string[], lines: readonly LayoutLine[]): ChunkRun[] {
  const runs: ChunkRun[] = [];
  let run: number[] = [];
  let expect = -1;
  const close = () => {
    // Called after almost every line, on every keystroke: a run of none or one
    // line is no run, and needs no arrays made.
    if (run.length < 2) {
      if (run.length === 1) run = [];
      expect = -1;
      return;
    }
    // A cut every 300 characters lands mid-sentence; a written item ends its sentence.
    const full = run.slice(0, -1);
    if (regular(full.map((l) => lines[l].end - lines[l].start)) && full.some((l) => !SENTENCE_END.test(texts[l].charAt(lines[l].end - 1)))) {
      runs.push({ lines: run });
    }
    run = [];
    expect = -1;
  };
  for (let l = 0; l < lines.length; l++) {
    const { start, end } = lines[l];
    if (end <= start) continue;
    const c = texts[l].charCodeAt(start);
    const m = c >= 0x30 && c <= 0x39 ? CHUNK_COUNTER.exec(texts[l].slice(start, start + 3)) : null;
    const length = end - start;
    if (m && run.length > 0 && Number(m[1]) === expect) {
      // A chunk after a short one ends the run: only the last chunk is short.
      const last = lines[run[run.length - 1]];
      const prev = last.end - last.start;
      if (prev >= CHUNK_MIN && prev <= CHUNK_MAX) {
        run.push(l);
        expect++;
        continue;
      }
    }
    close();
    if (m && length >= CHUNK_MIN && length <= CHUNK_MAX) {
      run.push(l);
      expect = Number(m[1]) + 1;
    }
  }
  close();
  return runs;
}

function regular(lengths: number[]): boolean {
  if (lengths.length === 0) return false;
  const min = Math.min(...lengths);
  const max = Math.max(...lengths);
  return min >= CHUNK_MIN && max <= CHUNK_MAX && max - min <= CHUNK_SPREAD;
}

/** Length of the chunk counter at the start of `text` (0 when none). */
export function chunkCounterLength(text: string): number {
  const m = CHUNK_COUNTER.exec(text);
  return m ? m[0].length : 0;
}
