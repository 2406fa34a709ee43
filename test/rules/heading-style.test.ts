import { draft } from '../helpers';
import { ruleTester } from './tester';

const ID = 'heading-style';
const TITLE = '2024年意识形态工作总结';
const OPENING = '2024年以来，局党组认真落实意识形态工作责任制，现将有关情况总结如下。';
/** A report whose lines after the opening are `lines`. */
const report = (...lines: string[]) => draft(TITLE, OPENING, ...lines);

ruleTester(ID, {
  suite: 'the four standard levels',
  valid: [
    { name: '一、 （一） 1. （1）', text: report('一、主要工作', '（一）加强理论学习', '1.落实中心组学习制度', '（1）每月集中学习一次。', '二、存在的问题', '学习不够深入。') },
    { name: 'a full-width dot after an Arabic number', text: report('一、主要工作', '1．落实中心组学习制度', '2．开展专题研讨') },
    { name: 'a run-in heading ends its heading sentence with 。', text: report('一、加强理论学习。全年组织集中学习12次，专题研讨4次。', '（一）抓好宣传。全年发布信息30条。') },
    { name: 'a stand-alone heading that is a whole sentence keeps its 。', text: report('一、坚持正确方向，把意识形态工作摆在突出位置。', '全年召开专题会议4次。') },
    { name: 'Markdown headings', text: draft('# ' + TITLE, '', OPENING, '', '## 一、主要工作', '', '### （一）加强理论学习', '', '**1.落实中心组学习制度**'), options: { markdown: true } },
    // A page stored NFKC-normalised: every bracket is half-width; the line keeps no full-width mark.
    { name: 'NFKC-normalised text is not flooded', text: report('一、主要工作', '(一)加强理论学习,提高政治站位', '(二)强化阵地管理') },
  ],
  invalid: [
    {
      name: '一. for 一、',
      text: report('一.主要工作', '二．存在的问题'),
      findings: [
        { line: 2, text: '一.', message: /「一、」/ },
        { line: 3, text: '二．' },
      ],
      output: report('一、主要工作', '二、存在的问题'),
      fixAllOutput: report('一、主要工作', '二、存在的问题'),
    },
    {
      name: 'half-width brackets on a line with full-width marks, and mixed brackets',
      text: report('一、主要工作', '(一)加强理论学习，提高政治站位', '（二)强化阵地管理', '(1)每月集中学习一次。'),
      findings: [
        { line: 3, text: '(一)', message: /全角括号/ },
        { line: 4, text: '（二)' },
      ],
      output: report('一、主要工作', '（一）加强理论学习，提高政治站位', '（二）强化阵地管理', '(1)每月集中学习一次。'),
    },
    {
      name: '1、 for 1.',
      text: report('一、主要工作', '1、落实中心组学习制度', '2、开展专题研讨'),
      findings: [
        { line: 3, text: '1、', message: /「1\.」/ },
        { line: 4, text: '2、' },
      ],
      output: report('一、主要工作', '1.落实中心组学习制度', '2.开展专题研讨'),
      fixAllOutput: report('一、主要工作', '1.落实中心组学习制度', '2.开展专题研讨'),
    },
    {
      name: 'a mark after a bracketed number',
      text: report('一、主要工作', '（一）、加强理论学习', '（1）.每月集中学习一次'),
      findings: [
        { line: 3, text: '（一）、', message: /不再加标点/ },
        { line: 4, text: '（1）.' },
      ],
      output: report('一、主要工作', '（一）加强理论学习', '（1）每月集中学习一次'),
    },
    {
      name: 'a stand-alone first-level heading ending in 。',
      text: report('一、主要工作。', '全年召开专题会议4次。'),
      findings: [{ line: 2, text: '。', character: 6, message: /不加句号/ }],
      output: report('一、主要工作', '全年召开专题会议4次。'),
      fixAllOutput: report('一、主要工作', '全年召开专题会议4次。'),
    },
  ],
});

ruleTester(ID, {
  suite: 'page chunk numbers are not headings',
  valid: [
    {
      name: 'chunks numbered 1、 2、 that cut sentences',
      text: draft(
        TITLE,
        '1、2024年以来，局党组认真落实意识形态工作责任制，全年召开专题会议4次，研究部署意识形态',
        '2、工作，组织中心组学习12次。二、存在的问题。学习不够深入，阵地管理',
        '3、还有薄弱环节',
      ),
    },
  ],
});
