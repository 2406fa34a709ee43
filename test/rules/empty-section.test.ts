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
    {
      name: 'a lower-level heading without a full stop and nothing under it is still empty',
      text: draft('某社区党建工作总结', '现将有关情况总结如下。', '一、主要工作', '1.党员教育管理', '(1)坚持每月集中学习', '(2)开展主题党日活动。', '2.阵地建设', '更新宣传栏12期。'),
      findings: [{ line: 4, text: '(1)坚持每月集中学习' }],
      output: null,
    },
  ],
  valid: [
    {
      name: 'numbered items below the top levels that are whole sentences (「（1）坚持每季度公开党务。」)',
      text: draft('某社区党建工作总结', '现将有关情况总结如下。', '一、主要工作', '1.坚持党务公开。', '(1)坚持每季度公开党务。', '(2)定期组织观看电教片，每两个月一次。', '2.加强队伍建设', '发展党员2名。'),
    },
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
