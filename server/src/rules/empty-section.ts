/**
 * empty-section: a heading with nothing under it before the next heading of
 * the same or a higher level — usually a template heading never written.
 */
import { lineRange, RuleFinding } from '../engine/types';
import { DocumentRule, RuleContext } from './rule';

/** A heading this long is a statement in its own right, not a title awaiting text. */
const STATEMENT_LENGTH = 40;
/** Item styles of the lower levels: 1. 1、 （1） ①. */
const NUMBERED_ITEM: ReadonlySet<string> = new Set(['arabic-dot', 'arabic-paren', 'circled']);
/** A line that ends a sentence (trailing blanks aside). */
const SENTENCE_END = /[。！？!?；;][”’」』）)]?[\s\u3000]*$/;

export const emptySectionRule: DocumentRule = {
  id: 'empty-section',
  docs: {
    title: '标题下没有内容',
    summary: '标题下面没有内容',
    readme: { problem: '标题下没有内容', examples: '模板标题还没写正文' },
    hover: {
      explanation: '在下一个同级或更高一级的标题之前，这个标题下面既没有正文，也没有下级标题，通常是模板里的标题还没有写。请补写这一部分，或删去这个标题。',
      wrong: '三、下一步工作打算\n四、意识形态领域形势研判分析',
      right: '三、下一步工作打算\n一是深化理论学习，二是加强阵地管理。\n四、意识形态领域形势研判分析',
    },
    details: [
      '标题下面没有内容：在下一个同级或更高一级的标题之前，既没有正文，也没有下级标题。',
      '通常是模板里的标题还没有写。“一是……”这样的列举行本身就是内容，不报告；「1.」「（1）」「①」一级以句号等结尾的整句条目（「（1）坚持每季度公开党务。」）也是内容，不报告。',
      '',
      '- 错误示例：',
      '  ```',
      '  三、下一步工作打算',
      '  四、意识形态领域形势研判分析',
      '  ```',
      '- 正确示例：在 `三、下一步工作打算` 下面写出具体打算，或删去这个标题。',
    ],
  },
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'document',
  check(ctx: RuleContext): RuleFinding[] {
    const out: RuleFinding[] = [];
    for (const report of ctx.doc.reports) {
      for (let i = 0; i < report.headings.length; i++) {
        const h = report.headings[i];
        // 一是… lines are list items whose sentence is their content.
        if (h.hasBody || h.marker.style === 'cn-shi' || h.text.length >= STATEMENT_LENGTH) continue;
        // 「（一）…」 right before another 「（一）」: a parent written at the wrong level; the numbering rule reports the restart.
        const next = report.headings[i + 1];
        if (next && next.marker.style === h.marker.style && next.marker.number === h.marker.number && next.marker.number > 0) continue;
        const line = ctx.source.lines[h.line];
        // 「（1）坚持每季度公开党务。」: a numbered item below the top levels that is a whole sentence is its own content.
        if (h.marker.rank >= 3 && NUMBERED_ITEM.has(h.marker.style) && SENTENCE_END.test(line)) continue;
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
