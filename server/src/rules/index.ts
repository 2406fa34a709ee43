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
import { teamWordingRule } from './team-wording';

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
];

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
