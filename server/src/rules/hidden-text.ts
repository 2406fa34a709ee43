/**
 * hidden-text: text formatted as hidden in a Word file. It does not print and
 * is not shown, yet it is in the file for anyone who turns on hidden text —
 * often the template's instructions, or a previous version of a sentence.
 */
import { RuleFinding } from '../engine/types';
import { DocumentRule, RuleContext } from './rule';
import { excerpt, placeData, placeRange, whereNote } from './word-place';

export const hiddenTextRule: DocumentRule = {
  id: 'hidden-text',
  docs: {
    title: '隐藏文字',
    summary: 'Word 文档中有设为“隐藏”的文字',
    readme: { problem: '隐藏文字（Word）', examples: '设为隐藏的模板说明、旧版本的句子' },
    hover: {
      explanation:
        '这里有设为“隐藏”格式的文字：页面上看不到，也不打印，但仍在文件里，别人在 Word 中打开“显示隐藏文字”就能看到。常见的是模板的填写说明或删改前的旧句子。请删除这些文字，或取消隐藏格式后改好。检查时不把隐藏文字算作正文。',
      wrong: '全年开展专题学习12次。[隐藏：此处填写学习次数]',
      right: '全年开展专题学习12次。',
    },
    details: [
      '只检查 Word 文档（.docx）。设为“隐藏”（字体—隐藏）的文字报告在它所在的位置，消息中给出隐藏的内容。',
      '隐藏文字不算作正文，其他检查都不读它。',
      '',
      '- 错误示例：模板的填写说明「此处填写学习次数」被设为隐藏，留在文件中。',
      '- 正确示例：删除隐藏的说明文字后再提交。',
    ],
  },
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'document',
  check(ctx: RuleContext): RuleFinding[] {
    const out: RuleFinding[] = [];
    for (const f of ctx.word?.facts ?? []) {
      if (f.kind !== 'hidden-text' || f.text.trim() === '') continue;
      out.push({
        message: `${whereNote(f)}此处有隐藏的文字「${excerpt(f.text)}」：看不到也不打印，但仍在文件中，提交前请删除。`,
        range: placeRange(f),
        data: placeData(f, { text: f.text }),
      });
    }
    return out;
  },
};
