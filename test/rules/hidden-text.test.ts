import { ruleTester } from './tester';
import { p, paras, r, wordCase } from './word';

const hidden = (t: string) => r(t, '<w:vanish/>');

ruleTester('hidden-text', {
  valid: [
    '2025年县文旅局工作总结\n全年开展专题学习12次。',
    { name: 'a Word file without hidden text', ...wordCase(paras('2025年县文旅局工作总结', '全年开展专题学习12次。')) },
    { name: 'hidden blanks are nothing to remove', ...wordCase(p(r('全年开展专题学习12次。') + hidden('  '))) },
  ],
  invalid: [
    {
      name: "a template's hidden instruction after a sentence",
      ...wordCase(paras('2025年县文旅局工作总结') + p(r('全年开展专题学习12次。') + hidden('（此处填写学习次数）'))),
      findings: [{ line: 1, text: '', character: 12, message: /隐藏的文字「（此处填写学习次数）」/, data: { text: '（此处填写学习次数）' } }],
    },
  ],
});
