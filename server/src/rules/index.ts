/**
 * The registry: every rule the engine runs, in the order docs/rules.md lists
 * them (it is generated from this list). To add a rule, add its file and list it here.
 */
import { emptySectionRule } from './empty-section';
import { missingSectionRule } from './missing-section';
import { numberingRule } from './numbering';
import { placeholderRule } from './placeholder';
import { Rule } from './rule';
import { sectionOrderRule } from './section-order';
import { templateResidueRule } from './template-residue';
import { duplicatedCharRule } from './duplicated-char';
import { formulationRule } from './formulation';
import { outdatedReferenceRule } from './outdated-reference';
import { yearMismatchRule } from './year-mismatch';
import { punctuationRule } from './punctuation';
import { emptyExampleRule } from './empty-example';
import { trackedChangeRule } from './tracked-change';
import { wordCommentRule } from './word-comment';
import { markedPlaceholderRule } from './marked-placeholder';
import { marginResidueRule } from './margin-residue';
import { hiddenTextRule } from './hidden-text';
import { documentPropertiesRule } from './document-properties';
import { teamWordingRule } from './team-wording';
import { fullWidthAlnumRule } from './full-width-alnum';
import { headingStyleRule } from './heading-style';
import { ellipsisDashRule } from './ellipsis-dash';
import { straightQuotesRule } from './straight-quotes';
import { htmlEntityRule } from './html-entity';
import { unpairedMarkRule } from './unpaired-mark';
import { numberFormRule } from './number-form';
import { dateFormatRule } from './date-format';
import { closingBlockRule } from './closing-block';
import { closingDateRule } from './closing-date';
import { paragraphEndRule } from './paragraph-end';

export const ALL_RULES: readonly Rule[] = [
  placeholderRule,
  missingSectionRule,
  sectionOrderRule,
  numberingRule,
  emptySectionRule,
  templateResidueRule,
  duplicatedCharRule,
  formulationRule,
  outdatedReferenceRule,
  yearMismatchRule,
  punctuationRule,
  emptyExampleRule,
  teamWordingRule,
  fullWidthAlnumRule,
  headingStyleRule,
  ellipsisDashRule,
  straightQuotesRule,
  htmlEntityRule,
  unpairedMarkRule,
  numberFormRule,
  dateFormatRule,
  closingBlockRule,
  closingDateRule,
  paragraphEndRule,
  // Word-only: they read what a .docx holds beside its text, and find nothing in a text draft.
  trackedChangeRule,
  wordCommentRule,
  markedPlaceholderRule,
  marginResidueRule,
  hiddenTextRule,
  documentPropertiesRule,
];

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
