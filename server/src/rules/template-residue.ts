/**
 * template-residue: text a template site left in the draft — watermarks,
 * advertising, paid-content markers, a web preview of the title — which is
 * not part of the report and must not be submitted.
 */
import { ResidueRegion, residueDeletion } from '../engine/residue';
import { SourceText } from '../engine/source';
import { DocumentRule, RuleContext } from './rule';
import { RuleFinding } from '../engine/types';

function excerpt(source: SourceText, r: ResidueRegion): string {
  const first = source.lines[r.startLine].slice(r.range.start.character, r.kind === 'span' ? r.range.end.character : undefined).trim();
  const short = first.length > 20 ? first.slice(0, 20) + '…' : first;
  return r.endLine > r.startLine ? `「${short}」等 ${r.endLine - r.startLine + 1} 行` : `「${short}」`;
}

export const templateResidueRule: DocumentRule = {
  id: 'template-residue',
  description: '模板网站留下的水印、广告、付费标记、网页预览等非正文内容',
  defaultSeverity: 'error',
  fixable: true,
  scope: 'document',
  check(ctx: RuleContext): RuleFinding[] {
    return ctx.doc.residue.map((r) => ({
      message: r.certain
        ? `${excerpt(ctx.source, r)}是模板网站留下的${r.label}，不属于报告正文，提交前请删除。`
        : `${excerpt(ctx.source, r)}像是模板网站留下的${r.label}，不属于报告正文；若确是网站的文字，提交前请删除（不会自动删除）。`,
      range: r.range,
      fix: r.certain
        ? { title: r.kind === 'span' ? '删除此标记' : '删除这些行', edits: [residueDeletion(ctx.source, r)] }
        : { title: r.kind === 'span' ? '删除这段文字' : '删除这些行', edits: [residueDeletion(ctx.source, r)], manual: true },
      data: { label: r.label, certain: r.certain },
    }));
  },
};
