import { ruleTester } from './tester';
import { del, ins, p, paras, r, wordCase } from './word';

ruleTester('tracked-change', {
  valid: [
    // A text draft has no revisions, whatever it says.
    '2025年县文旅局工作总结\n全年开展专题学习12次（修订稿）。',
    { name: 'a Word file without revisions', ...wordCase(paras('2025年县文旅局工作总结', '全年开展专题学习12次。')) },
    {
      name: 'a deleted paragraph mark alone is not reported: the reader records deleted text, and no text changes',
      ...wordCase(p(r('全年开展专题学习12次。'), '<w:rPr><w:del w:id="9" w:author="张三" w:date="2025-03-01T10:00:00Z"/></w:rPr>') + paras('开展研讨4次。')),
    },
  ],
  invalid: [
    {
      name: 'an insertion and a deletion not accepted',
      ...wordCase(paras('2025年县文旅局工作总结') + p(r('全年开展') + del('8') + ins(r('12')) + r('次专题学习。'))),
      findings: [
        { line: 1, text: '', character: 4, message: /删除「8」的修订/, data: { change: 'deletion', author: '张三', region: 'body', paragraph: 1 } },
        { line: 1, text: '12', message: /「12」是张三插入的修订/, data: { change: 'insertion' } },
      ],
      output: null,
    },
    {
      name: 'a revision in the header is reported at the top, with its paragraph',
      ...wordCase({ body: paras('2025年县文旅局工作总结'), header: p(ins(r('县文旅局'))) }),
      findings: [{ line: 0, text: '', message: /（页眉）「县文旅局」/, data: { region: 'header', paragraph: 1 } }],
    },
  ],
});
