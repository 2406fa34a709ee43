/**
 * empty-section: a heading with nothing under it before the next heading of
 * the same or a higher level — usually a template heading never written.
 */
import { lineRange, RuleFinding } from '../engine/types';
import { DocumentRule, RuleContext } from './rule';

/** A heading this long is a statement in its own right, not a title awaiting text. */
const STATEMENT_LENGTH = 40;

export const emptySectionRule: DocumentRule = {
  id: 'empty-section',
  description: '标题下面没有内容',
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'document',
  check(ctx: RuleContext): RuleFinding[] {
    const out: RuleFinding[] = [];
    for (const report of ctx.doc.reports) {
      for (const h of report.headings) {
        // 一是… lines are list items whose sentence is their content.
        if (h.hasBody || h.marker.style === 'cn-shi' || h.text.length >= STATEMENT_LENGTH) continue;
        const line = ctx.source.lines[h.line];
        const label = line.slice(h.marker.markerStart, h.marker.textEnd);
        out.push({
          message: `标题「${label}」下面没有内容：请补写这一部分，或删去这个标题。`,
          range: lineRange(h.line, h.marker.markerStart, h.marker.textEnd),
        });
      }
    }
    return out;
  },
};
