/**
 * The engine's entry point: text in, parsed reports and findings out. The CLI,
 * the language server and the tests all call `analyzeText`.
 */
import { ALL_RULES } from '../rules';
import { Rule, RuleContext } from '../rules/rule';
import { RuleFinding } from '../engine/types';
import { LineCache, LineMemo, NO_CACHE } from '../engine/line-cache';
import { ParsedDocument, parseDocument } from '../engine/parse';
import { DEFAULT_PROFILE_ID, Profile, getProfile } from '../engine/profile';
import { Segmenter } from '../engine/segmenter';
import { SourceText } from '../engine/source';
import { Finding, Severity } from '../engine/types';

export type SeveritySetting = Severity | 'off';

export interface AnalyzeOptions {
  /** A profile id, a path to a profile JSON file, or a compiled profile. */
  profile?: string | Profile;
  /** Parse `#` headings and Markdown emphasis (for .md files). */
  markdown?: boolean;
  /** Severity per rule id, or 'off'. Rules not named keep their default. */
  severities?: Record<string, SeveritySetting>;
  extraPlaceholderPatterns?: RegExp[];
  /** Word segmentation; without it, rules that require one are skipped. */
  segmenter?: Segmenter;
  /** The rules to run (all registered rules by default). */
  rules?: readonly Rule[];
  /**
   * A memo of per-line work kept by the caller across analyses of one document
   * (the language server keeps one per open document); without it every line
   * is examined afresh.
   */
  cache?: LineCache;
}

/** What per-line facts depend on besides the line's text: the key a LineCache's analyses are made under. */
export function lineCacheKey(profile: Profile, markdown: boolean | undefined, extraPlaceholderPatterns: readonly RegExp[] = []): string {
  return [profile.id, markdown ? 'md' : 'txt', ...extraPlaceholderPatterns.map((r) => r.source + '/' + r.flags)].join('\u0000');
}

export interface RuleFailure {
  rule: string;
  message: string;
}

export interface Analysis {
  doc: ParsedDocument;
  findings: Finding[];
  /** The rules that ran, whose fixes the findings' actions are. */
  rules: readonly Rule[];
  /** Rules that threw: their findings are dropped, all others are kept. */
  failures: RuleFailure[];
}

export function analyzeText(text: string, options: AnalyzeOptions = {}): Analysis {
  const profile = typeof options.profile === 'object' ? options.profile : getProfile(options.profile ?? DEFAULT_PROFILE_ID);
  const source = new SourceText(text);
  const cache = options.cache;
  cache?.begin(lineCacheKey(profile, options.markdown, options.extraPlaceholderPatterns), source.lines);
  const memo: LineMemo = cache ?? NO_CACHE;
  const doc = parseDocument(source, profile, { markdown: options.markdown, segmenter: options.segmenter, memo });
  const ctx: RuleContext = { doc, source, profile, extraPlaceholderPatterns: options.extraPlaceholderPatterns ?? [], segmenter: options.segmenter, memo };
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  // Without a memo every rule finding is new, so remembering what was made of it
  // would only fill a WeakMap (whose entries each garbage collection must visit).
  const withCode = cache ? rememberedWithCode : freshWithCode;
  const rules = options.rules ?? ALL_RULES;
  for (const rule of rules) {
    const setting = options.severities?.[rule.id];
    if (setting === 'off') continue;
    if (rule.requiresSegmenter && !options.segmenter) continue;
    const severity = setting ?? rule.defaultSeverity;
    try {
      for (const f of rule.check(ctx)) findings.push(withCode(f, rule.id, severity));
    } catch (e) {
      failures.push({ rule: rule.id, message: e instanceof Error ? e.message : String(e) });
    }
  }
  findings.sort(compareFindings);
  return { doc, findings, failures, rules };
}

/**
 * The finding made of each rule finding, kept while the rule finding lives:
 * rule findings of unchanged lines and reports are the same objects from one
 * analysis to the next (line-cache.ts, report-memo.ts), and so are the
 * findings and diagnostics made of them, which the server then need not
 * rebuild or re-encode on every keystroke.
 */
const FINDINGS = new WeakMap<RuleFinding, Finding>();

/** A rule's finding with its code and severity, the same object as last time when the rule finding is. */
function rememberedWithCode(f: RuleFinding, code: string, severity: Severity): Finding {
  const known = FINDINGS.get(f);
  if (known !== undefined && known.code === code && known.severity === severity) return known;
  const out = freshWithCode(f, code, severity);
  FINDINGS.set(f, out);
  return out;
}

/** A rule's finding with its code and severity (fields written out: object spread is slow on a hot path). */
function freshWithCode(f: RuleFinding, code: string, severity: Severity): Finding {
  const out: Finding = { code, severity, message: f.message, range: f.range };
  if (f.fix !== undefined) out.fix = f.fix;
  if (f.data !== undefined) out.data = f.data;
  return out;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

/** True for file names the engine reads as Markdown. */
export function isMarkdownPath(path: string): boolean {
  return /\.(md|markdown)$/i.test(path);
}
