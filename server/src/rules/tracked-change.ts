/**
 * tracked-change: revisions (修订) recorded in a Word file and never accepted
 * or rejected. Whoever opens the file with markup shown sees the crossed-out
 * and inserted text; the check itself reads the text as if every revision
 * were accepted.
 */
import { RuleFinding } from '../engine/types';
import { DocumentRule, RuleContext } from './rule';
import { excerpt, placeData, placeRange, whereNote } from './word-place';

export const trackedChangeRule: DocumentRule = {
  id: 'tracked-change',
  docs: {
    title: '修订未处理',
    summary: 'Word 文档中还有未接受或拒绝的修订（插入、删除）',
    readme: { problem: '修订未处理（Word）', examples: '“修订”模式下的插入和删除还没有接受或拒绝' },
    hover: {
      explanation:
        'Word 文档中还有修订记录：审阅时插入或删除的文字还没有“接受”或“拒绝”。对方打开文件时会看到划掉的字和修改痕迹，也能看到修改人。请在 Word 或 WPS 的“审阅”中逐条接受或拒绝，或选择“接受所有修订”，然后关闭“修订”。检查按接受全部修订后的文字进行。',
      wrong: '本单位共开展专题学习[插入：12]次',
      right: '本单位共开展专题学习12次（已接受修订）',
    },
    details: [
      '只检查 Word 文档（.docx）。在“修订”模式下插入或删除的文字，只要还没有接受或拒绝，就会报告：',
      '- 插入的修订：标出插入的文字；',
      '- 删除的修订：标在删除的位置，消息中给出被删除的文字。',
      '',
      '其他检查按接受全部修订后的文字进行（插入的算在内，删除的不算）。',
      '',
      '- 错误示例：修订模式下把「10次」改成「12次」，没有接受修订就提交。',
      '- 正确示例：在“审阅”中选择“接受所有修订”，并关闭“修订”后再提交。',
    ],
  },
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'document',
  check(ctx: RuleContext): RuleFinding[] {
    const out: RuleFinding[] = [];
    for (const f of ctx.word?.facts ?? []) {
      if (f.kind !== 'insertion' && f.kind !== 'deletion') continue;
      const who = f.author ? `${f.author}` : '';
      const what =
        f.kind === 'insertion'
          ? `${whereNote(f)}「${excerpt(f.text)}」是${who}插入的修订，尚未接受或拒绝`
          : `${whereNote(f)}此处有${who}删除「${excerpt(f.text)}」的修订，尚未接受或拒绝`;
      out.push({
        message: `${what}：提交前请在“审阅”中接受或拒绝修订。`,
        range: placeRange(f),
        data: placeData(f, { change: f.kind, text: f.text, ...(f.author ? { author: f.author } : {}) }),
      });
    }
    return out;
  },
};
