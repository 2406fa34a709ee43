import { draft } from '../helpers';
import { ruleTester } from './tester';

const ID = 'paragraph-end';
const TITLE = '2024年意识形态工作总结';
const OPENING = '2024年以来，局党组认真落实意识形态工作责任制，现将有关情况总结如下。';

ruleTester(ID, {
  suite: 'paragraph endings',
  valid: [
    {
      name: 'finished paragraphs, headings, 一是 items, the closing block',
      text: draft(TITLE, OPENING, '', '一、主要工作', '', '全年组织集中学习12次。各支部开展主题党日活动。', '', '二、存在的问题', '一是学习不够深入', '二是阵地管理有薄弱环节', '', 'XX局党组', '2024年12月20日'),
    },
    {
      name: 'lines that run on (hard wraps, a paragraph being typed)',
      text: draft(TITLE, OPENING, '全年组织集中学习12次。各支部结合实际开展主题', '党日活动，覆盖全体党员。', '二、存在的问题'),
    },
    { name: 'the last paragraph of a report', text: draft(TITLE, OPENING, '', '全年组织集中学习12次。各支部结合实际开展主题党日活动') },
    { name: 'a lead-in ending in a colon, a quotation, an ellipsis', text: draft(TITLE, OPENING, '', '主要做法如下。具体包括以下几个方面：', '', '正如文件所说。要“守土有责、守土负责、守土尽责”', '', '开展了学习。宣讲、培训……', '', '二、存在的问题') },
    { name: 'short lines and lines without a finished sentence', text: draft(TITLE, OPENING, '', '附件：1.学习计划。2.考核办法', '', '县文化和旅游局意识形态工作领导小组办公室', '', '文档由用户上传发布，收益归属用户', '', '二、存在的问题') },
    { name: 'decoration of a site notice', text: draft(TITLE, OPENING, '', '---此处隐藏2000字。下载后查看---', '', '二、存在的问题') },
    {
      name: 'Markdown lists, tables and quotes',
      text: draft('# ' + TITLE, '', OPENING, '', '- 全年组织集中学习12次。覆盖全体党员', '', '| 项目。 | 次数 |', '', '> 引用。一段话', '', '## 二、存在的问题'),
      options: { markdown: true },
    },
  ],
  invalid: [
    {
      name: 'a paragraph before a heading lost its full stop',
      text: draft(TITLE, OPENING, '全年组织集中学习12次。各支部结合实际开展主题党日活动', '二、存在的问题', '学习不够深入。'),
      findings: [{ line: 2, text: '动', severity: 'hint', data: { last: '动' } }],
      output: null,
    },
    {
      name: 'before a blank line, in Markdown with emphasis',
      text: draft('# ' + TITLE, '', OPENING, '', '全年组织集中学习12次。各支部结合实际开展**主题党日活动**', '', '## 二、存在的问题', '', '学习不够深入。'),
      options: { markdown: true },
      findings: [{ line: 4, text: '动' }],
    },
  ],
});
