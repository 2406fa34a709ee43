/**
 * word-comment: comments (批注) still in a Word file. They travel with the
 * file and show beside the text in every reader's copy.
 */
import { RuleFinding } from '../engine/types';
import { DocumentRule, RuleContext } from './rule';
import { excerpt, placeData, placeRange } from './word-place';

export const wordCommentRule: DocumentRule = {
  id: 'word-comment',
  docs: {
    title: '批注未删除',
    summary: 'Word 文档中还留有批注',
    readme: { problem: '批注未删除（Word）', examples: '审阅意见“此处数字请核实”还在文档里' },
    hover: {
      explanation:
        'Word 文档中还留有批注。批注随文件一起发出，对方打开时会在页边看到批注内容和批注人。请按批注改好正文后，在“审阅”中删除批注（“删除文档中的所有批注”）。',
      wrong: '全年开展专题学习12次[批注：此处数字请核实]',
      right: '全年开展专题学习12次',
    },
    details: [
      '只检查 Word 文档（.docx）。文档中每一条批注报告一次，标在批注所指的文字上，消息中给出批注人和批注内容。',
      '批注的内容本身不作为正文检查。',
      '',
      '- 错误示例：审阅人加的批注「此处数字请核实」没有删除就提交。',
      '- 正确示例：按批注改好正文后，在“审阅”中删除文档中的所有批注。',
    ],
  },
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'document',
  check(ctx: RuleContext): RuleFinding[] {
    const out: RuleFinding[] = [];
    for (const f of ctx.word?.facts ?? []) {
      if (f.kind !== 'comment') continue;
      const who = f.author ? `${f.author}的` : '';
      out.push({
        message: `文档中还留有${who}批注「${excerpt(f.text, 30)}」：请按批注处理后，在“审阅”中删除批注再提交。`,
        range: placeRange(f),
        data: placeData(f, { comment: f.text, ...(f.author ? { author: f.author } : {}) }),
      });
    }
    return out;
  },
};
