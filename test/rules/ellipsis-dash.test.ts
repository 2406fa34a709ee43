import { draft } from '../helpers';
import { reportWith } from '../chinese/util';
import { ruleTester } from './tester';

const ID = 'ellipsis-dash';

ruleTester(ID, {
  suite: 'ellipses and dashes',
  valid: [
    '开展学习、宣讲、培训……，主题活动——知识竞赛。',
    // Two ellipses: omitted paragraphs.
    '…………',
    // The 一字线 connects: 北京—上海, GB/T 15834—2011.
    '开通北京—上海专线，执行GB/T 15834—2011标准。',
    // Latin text and URLs keep their dots and hyphens.
    '使用Windows... and Linux，访问https://example.com/a...b了解详情。',
    '运行npm --version查看版本，参加人员有党员、群众。',
    // 。。。 is the punctuation rule's.
    '全体党员参加。。。',
    // An NFKC-normalised page: its …… arrives as six dots, with no full-width mark on the line.
    '开展学习、宣讲、培训......主题活动',
  ].map((line) => ({ name: line, text: reportWith(line) })),
  invalid: [
    {
      name: '... and ...... in Chinese text',
      text: reportWith('开展学习、宣讲、培训...，组织观看影片......等。'),
      findings: [
        { line: 2, text: '...', message: /「……」/ },
        { line: 2, text: '......' },
      ],
      output: reportWith('开展学习、宣讲、培训……，组织观看影片……等。'),
      fixAllOutput: reportWith('开展学习、宣讲、培训……，组织观看影片……等。'),
    },
    {
      name: 'a lone … and three in a row',
      text: reportWith('参加人员有党员、群众…，还有干部………'),
      findings: [
        { line: 2, text: '…', character: 10 },
        { line: 2, text: '………' },
      ],
      output: reportWith('参加人员有党员、群众……，还有干部……'),
    },
    {
      name: '-- and －－ between Chinese words',
      text: reportWith('主题活动--“学习强国”知识竞赛，另一项活动－－演讲比赛。'),
      findings: [
        { line: 2, text: '--', message: /「——」/ },
        { line: 2, text: '－－' },
      ],
      output: reportWith('主题活动——“学习强国”知识竞赛，另一项活动——演讲比赛。'),
      fixAllOutput: reportWith('主题活动——“学习强国”知识竞赛，另一项活动——演讲比赛。'),
    },
  ],
});

ruleTester(ID, {
  suite: 'Markdown',
  valid: [{ name: 'inline code and a rule line', text: draft('# 2024年意识形态工作总结', '', '---', '', '运行`a...b`即可，参加人员有党员。'), options: { markdown: true } }],
});
