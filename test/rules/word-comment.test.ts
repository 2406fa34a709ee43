import { ruleTester } from './tester';
import { comment, commented, p, paras, r, wordCase } from './word';

ruleTester('word-comment', {
  valid: [
    '2025年县文旅局工作总结\n（批注：此处数字请核实）',
    { name: 'a Word file without comments', ...wordCase(paras('2025年县文旅局工作总结', '全年开展专题学习12次。')) },
  ],
  invalid: [
    {
      name: 'a comment on a figure, and one on a whole sentence',
      ...wordCase({
        body: paras('2025年县文旅局工作总结') + p(r('全年开展专题学习') + commented(0, '12次') + r('。')) + p(commented(1, '开展主题党日活动4次。')),
        comments: comment(0, '此处数字请核实') + comment(1, '请补充活动名称', '王五'),
      }),
      findings: [
        { line: 1, text: '12次', message: /李四的批注「此处数字请核实」/, data: { comment: '此处数字请核实', author: '李四' } },
        { line: 2, text: '开展主题党日活动4次。', message: /王五的批注「请补充活动名称」/ },
      ],
    },
  ],
});
