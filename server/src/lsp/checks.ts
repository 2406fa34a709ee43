/**
 * One check of one document version, as the server runs it: the engine's full
 * analysis for ordinary documents, a bounded placeholder scan for very large
 * ones, and a fallback when the engine itself throws, so that a bug in the
 * engine never leaves the user with nothing (and never kills the server).
 */
import { TeamDictionary } from '../engine/team-dictionary';
import type { Diagnostic } from 'vscode-languageserver';
import { AnalyzeOptions, Analysis, RuleFailure, SeveritySetting, analyzeText } from '../features/analyze';
import { LineCache } from '../engine/line-cache';
import { ParsedDocument } from '../engine/parse';
import { Genres } from '../engine/genre';
import { Profile } from '../engine/profile';
import { Segmenter } from '../engine/segmenter';
import { SourceText, isBlankLine } from '../engine/source';
import { Finding, lineRange } from '../engine/types';
import { WordFacts } from '../engine/word-facts';
import { PlaceholderMatch, findPlaceholders, placeholderMessage, placeholderRule } from '../rules/placeholder';
import { Rule } from '../rules/rule';
import { largeDocumentDiagnostic, toDiagnostics } from './diagnostics';

/**
 * Above this size (UTF-8 bytes) only placeholders are looked for. The full
 * analysis is linear but costs about 150 ms per MB on a 2-core machine, and it
 * runs on every keystroke; a placeholder scan of 2 MB costs about 35 ms, and
 * far less with the per-line cache below.
 */
export const LARGE_DOCUMENT_BYTES = 2 * 1024 * 1024;

export type CheckMode = 'basic' | 'full' | 'reduced';

export interface CheckOptions {
  profile: Genres | Profile;
  markdown: boolean;
  severities: Record<string, SeveritySetting>;
  placeholderPatterns: RegExp[];
  /** The team's dictionary (.zongjie.json). */
  team?: TeamDictionary;
  /** Present for the second phase, when word segmentation is ready. */
  segmenter?: Segmenter;
  /**
   * True when `segmenter` knows only some lines (the first pass after an edit):
   * the result is then 'basic', and a second phase must follow.
   */
  partialWords?: boolean;
  /** The document's memo of per-line work, kept across its versions. */
  cache?: LineCache;
  /** The rules to run (the engine's registry by default). */
  rules?: readonly Rule[];
  /** A Word view's Word-only facts (word-views.ts). */
  word?: WordFacts;
  /** Check only a document whose parse finds a report's title (AnalyzeOptions.onlyTitled). */
  onlyTitled?: boolean;
  /** The analysis to run; tests pass one that throws. */
  analyze?: (text: string, options: AnalyzeOptions) => Analysis;
}

export interface CheckResult {
  /** 'basic': without word segmentation; 'full': with it; 'reduced': large document. */
  mode: CheckMode;
  diagnostics: Diagnostic[];
  /** The parsed document, for outline and folding; null in reduced mode or when analysis threw. */
  doc: ParsedDocument | null;
  /** The whole analysis, for quick fixes, completion and hover; null exactly when `doc` is. */
  analysis: Analysis | null;
  /** Rules that threw (their findings are missing; all others are present). */
  failures: RuleFailure[];
  /** Set when the analysis as a whole threw; the diagnostics are then the placeholder scan's. */
  error: string | null;
}

/** Placeholder matches per line text, reused across versions of one document. */
export type PlaceholderCache = Map<string, PlaceholderMatch[]>;

export function documentBytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * True when `text` is larger than LARGE_DOCUMENT_BYTES in UTF-8. A UTF-16 unit
 * takes one to three bytes, so the length alone decides most documents without
 * counting bytes (which costs a millisecond per megabyte on every keystroke).
 */
export function isLargeDocument(text: string): boolean {
  if (text.length * 3 <= LARGE_DOCUMENT_BYTES) return false;
  if (text.length > LARGE_DOCUMENT_BYTES) return true;
  return documentBytes(text) > LARGE_DOCUMENT_BYTES;
}

/**
 * The placeholder rule's findings, computed line by line without parsing the
 * document. `cache` maps a line's text to its matches for the same options; it
 * is replaced by the lines of this version so it never outgrows the document.
 */
export function scanPlaceholders(
  source: SourceText,
  options: Pick<CheckOptions, 'markdown' | 'severities' | 'placeholderPatterns'>,
  cache?: PlaceholderCache,
): Finding[] {
  const setting = options.severities[placeholderRule.id];
  if (setting === 'off') return [];
  const severity = setting ?? placeholderRule.defaultSeverity;
  const fresh: PlaceholderCache = new Map();
  const out: Finding[] = [];
  for (let l = 0; l < source.lineCount; l++) {
    const text = source.lines[l];
    if (isBlankLine(text)) continue;
    let matches = fresh.get(text) ?? cache?.get(text);
    if (!matches) matches = findPlaceholders(text, options.markdown, options.placeholderPatterns);
    fresh.set(text, matches);
    for (const p of matches) {
      out.push({
        code: placeholderRule.id,
        severity,
        message: placeholderMessage(p, text),
        range: lineRange(l, p.start, p.end),
        data: { placeholder: p.text, expects: p.expects },
      });
    }
  }
  if (cache) {
    cache.clear();
    for (const [k, v] of fresh) cache.set(k, v);
  }
  return out;
}

function reducedCheck(text: string, bytes: number, options: CheckOptions, cache?: PlaceholderCache): CheckResult {
  const source = new SourceText(text);
  const first = source.lines[0] ?? '';
  const notice = largeDocumentDiagnostic(bytes, LARGE_DOCUMENT_BYTES, lineRange(0, 0, first.length));
  const findings = scanPlaceholders(source, options, cache);
  return { mode: 'reduced', diagnostics: [notice, ...toDiagnostics(findings)], doc: null, analysis: null, failures: [], error: null };
}

/** Checks one version of a document. Never throws. */
export function checkDocument(text: string, options: CheckOptions, cache?: PlaceholderCache): CheckResult {
  if (isLargeDocument(text)) {
    try {
      return reducedCheck(text, documentBytes(text), options, cache);
    } catch (e) {
      return { mode: 'reduced', diagnostics: [], doc: null, analysis: null, failures: [], error: errorText(e) };
    }
  }
  const analyze = options.analyze ?? analyzeText;
  const mode: CheckMode = options.segmenter && !options.partialWords ? 'full' : 'basic';
  try {
    const analysis = analyze(text, {
      profile: options.profile,
      markdown: options.markdown,
      severities: options.severities,
      extraPlaceholderPatterns: options.placeholderPatterns,
      team: options.team,
      segmenter: options.segmenter,
      rules: options.rules,
      cache: options.cache,
      word: options.word,
      onlyTitled: options.onlyTitled,
    });
    return { mode, diagnostics: toDiagnostics(analysis.findings), doc: analysis.doc, analysis, failures: analysis.failures, error: null };
  } catch (e) {
    // The parser or the engine's loop failed: placeholders need no parse, so they can still be shown.
    let findings: Finding[] = [];
    try {
      findings = scanPlaceholders(new SourceText(text), options, cache);
    } catch {
      // Nothing more to salvage; the caller logs the first error.
    }
    return { mode, diagnostics: toDiagnostics(findings), doc: null, analysis: null, failures: [], error: errorText(e) };
  }
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}
