/**
 * The contract every rule file fulfils. A rule declares its scope and what it
 * reads; the runner (features/analyze.ts) calls it, caches its findings by
 * scope, and adds the rule's id and the severity in force. No rule touches a
 * cache.
 *
 * - `line`: findings of one line from its text alone (and the options, its
 *   words, and at most some facts of the report around it). Computed as if the
 *   line were line 0, remembered by the line's text, moved to the line.
 * - `report`: findings inside one report, from the report alone; remembered
 *   while none of the report's lines changes. Its findings carry no line
 *   numbers in `data` (a moved report's findings are moved).
 * - `document`: findings from the whole parsed document, computed every time
 *   (for cheap walks over the parts of each report).
 */
import { FixGroup, FixProposal } from '../engine/edits';
import { LineKind, ParsedDocument, Report } from '../engine/parse';
import { Profile } from '../engine/profile';
import { Segmenter } from '../engine/segmenter';
import { SourceText } from '../engine/source';
import { Finding, RuleFinding, Severity } from '../engine/types';

/** What a report or document rule reads. */
export interface RuleContext {
  doc: ParsedDocument;
  source: SourceText;
  profile: Profile;
  /** Extra placeholder patterns of the user's own (already validated). */
  extraPlaceholderPatterns: RegExp[];
  /** Present only when word segmentation is ready; see requiresSegmenter. */
  segmenter?: Segmenter;
}

/** What a line rule reads besides the line's text. */
export interface LineContext<Facts = unknown> {
  markdown: boolean;
  extraPlaceholderPatterns: readonly RegExp[];
  /** The line's words, when the rule uses words and they are known for this line. */
  segmenter?: Segmenter;
  /** The report facts the rule asked for (reportFacts); undefined for a rule that asks none. */
  facts: Facts;
}

interface RuleBase {
  /** Kebab-case id; the diagnostic `code`. */
  id: string;
  /** One line, in Chinese, for docs, settings and hover. */
  description: string;
  defaultSeverity: Severity;
  /** True when a quick fix can repair (some of) its findings: a fix carried by the finding, or the rule's quickFixes/fixAll. */
  fixable: boolean;
  /** True for rules that need word segmentation: they run only when a segmenter is given (a line rule: only on lines whose words are known). */
  requiresSegmenter?: boolean;
  /**
   * Fixes worked out from the document for one of the rule's findings, the
   * preferred first; without it, the fix a finding carries is its quick fix.
   */
  quickFixes?(doc: ParsedDocument, finding: Finding): FixProposal[];
  /**
   * What "fix all" may apply unasked for the rule's findings, in groups applied
   * whole; without it, each finding's carried fix unless marked manual.
   */
  fixAll?(doc: ParsedDocument, findings: Finding[]): FixGroup<Finding>[];
  /** True when a finding marks a place the author must fill in: its action selects the next one. */
  fillIn?: boolean;
}

export interface LineRule<Facts = unknown> extends RuleBase {
  scope: 'line';
  /** The kinds of line the rule reads (lines outside any report included, unless it asks for report facts). */
  kinds: readonly LineKind[];
  /** True when the rule reads words where they are known, and judges a line without them otherwise. */
  usesWords?: boolean;
  /**
   * Facts of the report that the line's findings also depend on (a report's
   * period), as a value JSON can write: the cache is keyed by it. Null: the
   * report has nothing to check. With it, lines outside reports are not read.
   */
  reportFacts?(report: Report, source: SourceText): Facts | null;
  /** The findings of one line, with ranges on line 0. */
  checkLine(line: string, ctx: LineContext<Facts>): RuleFinding[];
}

export interface ReportRule extends RuleBase {
  scope: 'report';
  checkReport(report: Report, ctx: RuleContext): RuleFinding[];
}

export interface DocumentRule extends RuleBase {
  scope: 'document';
  check(ctx: RuleContext): RuleFinding[];
}

export type Rule = LineRule<any> | ReportRule | DocumentRule; // eslint-disable-line @typescript-eslint/no-explicit-any
