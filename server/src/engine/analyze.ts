/**
 * The engine's entry point: text in, parsed reports and findings out. The CLI,
 * the language server and the tests all call `analyzeText`.
 */
import { ALL_RULES } from '../rules';
import { Rule, RuleContext } from '../rules/rule';
import { ParsedDocument, parseDocument } from './parse';
import { DEFAULT_PROFILE_ID, Profile, getProfile } from './profile';
import { Segmenter } from './segmenter';
import { SourceText } from './source';
import { Finding, Severity } from './types';

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
}

export interface RuleFailure {
  rule: string;
  message: string;
}

export interface Analysis {
  doc: ParsedDocument;
  findings: Finding[];
  /** Rules that threw: their findings are dropped, all others are kept. */
  failures: RuleFailure[];
}

export function analyzeText(text: string, options: AnalyzeOptions = {}): Analysis {
  const profile = typeof options.profile === 'object' ? options.profile : getProfile(options.profile ?? DEFAULT_PROFILE_ID);
  const source = new SourceText(text);
  const doc = parseDocument(source, profile, { markdown: options.markdown, segmenter: options.segmenter });
  const ctx: RuleContext = { doc, source, profile, extraPlaceholderPatterns: options.extraPlaceholderPatterns ?? [], segmenter: options.segmenter };
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  for (const rule of options.rules ?? ALL_RULES) {
    const setting = options.severities?.[rule.id];
    if (setting === 'off') continue;
    if (rule.requiresSegmenter && !options.segmenter) continue;
    const severity = setting ?? rule.defaultSeverity;
    try {
      for (const f of rule.check(ctx)) findings.push({ code: rule.id, severity, ...f });
    } catch (e) {
      failures.push({ rule: rule.id, message: e instanceof Error ? e.message : String(e) });
    }
  }
  findings.sort(compareFindings);
  return { doc, findings, failures };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.code.localeCompare(b.code)
  );
}

/** True for file names the engine reads as Markdown. */
export function isMarkdownPath(path: string): boolean {
  return /\.(md|markdown)$/i.test(path);
}
