/**
 * Which open documents the server checks. Editors send every .txt and .md file
 * to the server, but most of them (notes, READMEs) are not reports and must not
 * be covered in report diagnostics. A document is checked when its file type
 * allows it and its opening lines read as a report's title — or when the user
 * asked for it with the command zongjie.checkAsReport.
 */
import { isMarkdownPath, lineCacheKey } from '../features/analyze';
import { LineCache } from '../engine/line-cache';
import { findsReportTitle } from '../engine/parse';
import { Genres } from '../engine/genre';
import { Profile } from '../engine/profile';
import { SourceText } from '../engine/source';

/**
 * How many lines the gate reads. A report's title comes within its first few
 * lines of content, but template sites put up to a dozen lines of advertising
 * in front of it (which the parser recognises and skips); 80 lines cover that
 * and keep the gate's cost independent of the document's size.
 */
export const GATE_LINES = 80;

/** The path part of a URI, decoded, without query or fragment. */
function uriPath(uri: string): string {
  const m = /^[A-Za-z][\w+.-]*:(?:\/\/[^/?#]*)?([^?#]*)/.exec(uri);
  const raw = m ? m[1] : uri;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Untitled (never saved) editor buffers: VS Code uses the scheme "untitled". */
export function isUntitledUri(uri: string): boolean {
  return /^untitled:/i.test(uri);
}

/** True for documents whose type may hold a report: .txt, .md, .markdown, and untitled buffers. */
export function isCandidateDocument(uri: string): boolean {
  if (isUntitledUri(uri)) return true;
  return /\.(txt|md|markdown)$/i.test(uriPath(uri));
}

/** Markdown is parsed with `#` headings and emphasis. */
export function isMarkdownDocument(uri: string, languageId: string): boolean {
  return languageId === 'markdown' || isMarkdownPath(uriPath(uri));
}

/** The text of the first `lines` lines (any line ends). */
export function leadingLines(text: string, lines: number): string {
  // Runs on every keystroke: a pattern finds the line ends faster than a loop over the characters.
  const lineEnd = /\r\n?|\n/g;
  let count = 0;
  for (let m = lineEnd.exec(text); m !== null; m = lineEnd.exec(text)) {
    // The cut is at the last character of the line end (a CRLF leaves its CR), as it always was: the memo compares heads.
    if (++count >= lines) return text.slice(0, m.index + m[0].length - 1);
  }
  return text;
}

/**
 * True when the opening of `text` reads as a report: the engine's parser finds
 * a report title (a line ending in 总结, 报告, 落实情况… per the profile's title
 * pattern) among the first lines of content, after skipping template residue
 * and a collection's own title.
 */
export function looksLikeReport(text: string, profile: Genres | Profile, markdown = false): boolean {
  return headLooksLikeReport(leadingLines(text, GATE_LINES), profile, markdown);
}

function headLooksLikeReport(head: string, profile: Genres | Profile, markdown: boolean, cache?: LineCache): boolean {
  const source = new SourceText(head);
  cache?.begin(lineCacheKey({ profile, markdown }), source.lines);
  return findsReportTitle(source, profile, { markdown, memo: cache });
}

/**
 * The last answer for one document. Most edits do not touch the opening lines,
 * so the server keeps one memo per document and the parse is skipped when the
 * opening lines, the profile and the Markdown flag are the same as last time.
 */
export interface GateMemo {
  /**
   * The opening lines' facts: an edit within them re-examines only the line it
   * changed, so the gate stays cheap while the user types in the title area.
   */
  lines?: LineCache;
  head?: string;
  profile?: Genres | Profile;
  markdown?: boolean;
  result?: boolean;
}

export interface GateInput {
  uri: string;
  languageId: string;
  text: string;
  profile: Genres | Profile;
  /** URIs the user asked to check as reports (zongjie.checkAsReport). */
  forced: ReadonlySet<string>;
  /** `leadingLines(text, GATE_LINES)`, when the caller has it already. */
  head?: string;
}

/** Whether the server checks this document as a report. */
export function shouldCheck(input: GateInput, memo?: GateMemo): boolean {
  if (input.forced.has(input.uri)) return true;
  if (!isCandidateDocument(input.uri)) return false;
  const markdown = isMarkdownDocument(input.uri, input.languageId);
  const head = input.head ?? leadingLines(input.text, GATE_LINES);
  if (memo && memo.result !== undefined && memo.head === head && memo.profile === input.profile && memo.markdown === markdown) return memo.result;
  if (memo && !memo.lines) memo.lines = new LineCache();
  const result = headLooksLikeReport(head, input.profile, markdown, memo?.lines);
  if (memo) Object.assign(memo, { head, profile: input.profile, markdown, result });
  return result;
}
