/**
 * The contract every rule file fulfils. A rule reads the parsed document and
 * returns its findings; the engine adds the rule's id and the severity in force.
 */
import { ParsedDocument } from '../engine/parse';
import { Profile } from '../engine/profile';
import { Segmenter } from '../engine/segmenter';
import { SourceText } from '../engine/source';
import { Finding, Severity } from '../engine/types';

export interface RuleContext {
  doc: ParsedDocument;
  source: SourceText;
  profile: Profile;
  /** Extra placeholder patterns of the user's own (already validated). */
  extraPlaceholderPatterns: RegExp[];
  /** Present only when word segmentation is ready; see requiresSegmenter. */
  segmenter?: Segmenter;
}

export type RuleFinding = Omit<Finding, 'code' | 'severity'>;

export interface Rule {
  /** Kebab-case id; the diagnostic `code`. */
  id: string;
  /** One line, in Chinese, for docs, settings and hover. */
  description: string;
  defaultSeverity: Severity;
  /** True when (some of) its findings carry a fix. */
  fixable: boolean;
  /** True for rules that need word segmentation: they run only when a segmenter is given. */
  requiresSegmenter?: boolean;
  /**
   * True for rules that run without a segmenter but find more with one (a cheap
   * rule with one word-based case). A front end with two passes should run such
   * a rule again in the segmented pass and replace its first-pass findings.
   */
  refinedBySegmenter?: boolean;
  check(ctx: RuleContext): RuleFinding[];
}
