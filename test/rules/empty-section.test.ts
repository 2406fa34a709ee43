import { draft } from '../helpers';
import { complete } from './structure';
import { ruleTester } from './tester';

ruleTester('empty-section', {
  invalid: [
    {
      name: 'a heading with nothing before the next heading of its level, and one at the end',
      text: draft('2024年意识形态工作总结', '现将有关情况总结如下。', '一、主要工作开展情况', '二、存在的问题', '学习不够深入。', '三、下一步工作打算'),
      findings: [
        { line: 2, text: '一、主要工作开展情况', message: /下面没有内容/ },
        { line: 5, text: '三、下一步工作打算' },
      ],
      output: null,
    },
  ],
  valid: [
    { name: 'run-in headings', text: complete() },
    {
      name: 'a parent written at the level of its first child (「（一）推进学习」 then 「（一）……」): the numbering rule says so',
      text: draft('2024年意识形态工作总结', '现将有关情况总结如下。', '（一）推进理论学习', '（一）落实学习制度。全年集中学习12次。', '（二）加强阵地管理。审核信息30条。'),
    },
    {
      name: 'headings with sub-headings and 一是 list lines',
      text: draft(
        '2024年意识形态工作总结',
        '现将有关情况总结如下。',
        '一、主要工作开展情况',
        '（一）压实责任。制定清单。',
        '二、存在问题及不足',
        '一是对意识形态工作的认识还不够清晰。',
        '二是在舆情处置方面经验欠缺。',
        '三、下一步工作思路',
        '（一）加强组织领导。',
        '健全工作机制。',
      ),
    },
  ],
});
