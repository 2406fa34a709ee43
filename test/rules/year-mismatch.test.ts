import { draft } from '../helpers';
import { ruleTester } from './tester';

const ID = 'year-mismatch';

ruleTester(ID, {
  suite: 'the title and the opening disagree',
  invalid: [
    {
      name: '现将2022年… in a 2023 report',
      text: draft('2023年意识形态工作总结', '局党组坚持把意识形态工作摆在重要位置，现将2022年意识形态工作情况总结如下。', '一、主要工作开展情况'),
      findings: [{ line: 1, text: '2022', message: /标题写的是2023年.*2022年/ }],
      // Which year is right is the author's call.
      output: null,
    },
    {
      name: 'an opening that starts with another year',
      text: draft('2024年意识形态工作总结', '2023年，镇党委高度重视意识形态工作。'),
      findings: [{ line: 1, text: '2023' }],
    },
    {
      name: 'a period that starts after the title’s year',
      text: draft('2023年意识形态工作总结', '2024年以来，镇党委高度重视意识形态工作。'),
      findings: [{ line: 1, text: '2024', message: /还没开始/ }],
    },
  ],
});

const AGREE: [string, string][] = [
  ['2023年意识形态工作总结', '2023年以来，局党组坚持把意识形态工作摆在重要位置，现将2023年工作情况总结如下。'],
  ['2023年意识形态工作总结（局机关）', '根据巡察工作要求，现将我局党组2020年以来落实意识形态工作责任制有关情况汇报如下：'],
  ['2026年意识形态工作总结及2027年工作打算', '2026年，党委全面落实意识形态工作责任制。现将本年度工作总结及2027年工作打算报告如下。'],
  ['2024年上半年意识形态工作总结', '2024年以来，镇党委认真落实意识形态工作责任制。'],
  ['202X年某镇意识形态工作报告', '2021年以来，镇党委认真落实意识形态工作责任制。'],
  ['2023年意识形态工作总结', '近年来，局党组坚持把意识形态工作摆在重要位置，2019年制定的制度得到落实。'],
];

ruleTester(ID, {
  suite: 'years that agree stay silent',
  valid: AGREE.map(([title, opening]) => ({ name: `${title} / ${opening}`, text: draft(title, opening) })),
});

const LOST = '2023年，党支部严格落实工作部署，现将年意识形态工作情况总结如下。';

ruleTester(ID, {
  suite: 'a year lost from the sentence',
  invalid: [
    {
      name: '现将年意识形态工作情况总结如下: the report’s year is the fix',
      text: draft('2023年意识形态工作总结', LOST),
      findings: [{ line: 1, text: '年' }],
      output: draft('2023年意识形态工作总结', '2023年，党支部严格落实工作部署，现将2023年意识形态工作情况总结如下。'),
    },
    {
      name: 'a paragraph that opens with 年以来 away from the opening: found, no fix',
      text: draft('2023年意识形态工作总结', '局党组高度重视意识形态工作。', '一、主要工作开展情况', '年以来，局党组召开专题会议4次。'),
      findings: [{ line: 3, text: '年' }],
      output: null,
    },
    {
      name: 'a title that lost its year before a unit placeholder: 年 XX 街道…',
      text: draft('年 XX 街道宣传思想工作总结', '街道党工委高度重视宣传思想工作。'),
      findings: [{ line: 0, text: '年' }],
      output: null,
    },
    {
      name: 'the same header repeated on the next page: said once',
      text: ['年 XX 街道宣传思想工作总结', '街道党工委高度重视宣传思想工作。', '年 XX 街道宣传思想工作总结', '全年开展宣讲活动12场。'].join('\n'),
      findings: [{ line: 0, text: '年' }],
      output: null,
    },
    {
      name: 'a title that lost its year, with a space before the period word',
      text: draft('年　意识形态工作总结', '局党组高度重视意识形态工作。'),
      findings: [{ line: 0, text: '年' }],
      output: null,
    },
    {
      name: 'without a year anywhere: found, no fix',
      text: draft('意识形态工作总结', '现将年意识形态工作情况总结如下。'),
      findings: [{ line: 1, text: '年' }],
      output: null,
    },
  ],
  valid: [
    '现将年度意识形态工作情况总结如下。',
    '今年以来，局党组认真落实意识形态工作责任制。',
    '全年召开专题会议4次，截至年底已完成整改。',
    '按月、季、年工作安排进行考核。',
    '近年来，网络舆情日益复杂，多年以来坚持不懈。',
    '在年初召开的会议上部署全年工作，去年工作得到肯定。',
  ].map((line) => ({ name: line, text: draft('2023年意识形态工作总结', '局党组高度重视意识形态工作。', line) })),
});

ruleTester(ID, {
  suite: 'a title whose year is on the line before (a page wrap), and 年度 titles: silent',
  valid: [
    { name: '2021 / 年 XX 街道…', text: ['2021', '年 XX 街道宣传思想工作总结', '街道党工委高度重视宣传思想工作。'].join('\n') },
    { name: '2021  / 年意识形态…', text: ['2021 ', '年意识形态工作总结', '局党组高度重视意识形态工作。'].join('\n') },
    { name: '年度 title', text: draft('年度 XX 街道宣传思想工作总结', '街道党工委高度重视宣传思想工作。') },
    { name: '年轻干部', text: draft('2023年意识形态工作总结', '局党组高度重视意识形态工作。', '年轻干部 XX 名参加培训。') },
  ],
});

ruleTester(ID, {
  // A doc site shows the page title, a watermark, then the document's own title: the writer deletes the
  // site's lines in one go and keeps the document's title, so the lost year is told there, once.
  suite: 'a title that lost its year, shown twice on a doc-site page: the finding is on the title the writer keeps',
  invalid: [
    {
      name: 'page title copy, watermark, the document title',
      text: draft('网站客服QQ：12345678', '年 某街道宣传工作总结', '精品文档，仅供参考', '年 某街道宣传工作总结', '一年来，街道宣传工作取得新进展。', '（一）强化责任担当。成立工作专班。'),
      findings: [{ line: 3, text: '年', message: /漏写了年份/ }],
      output: null,
    },
  ],
});
