import { draft } from '../helpers';
import { reportWith } from '../chinese/util';
import { ruleTester } from './tester';

const ID = 'unpaired-mark';
const TITLE = '2024年意识形态工作总结';
const OPENING = '2024年以来，局党组认真落实意识形态工作责任制，现将有关情况总结如下。';

ruleTester(ID, {
  suite: 'paired marks',
  valid: [
    { name: 'nested kinds', text: reportWith('组织学习“《条例》《准则》”，开展【学习周】活动，党委（党组）书记带头〔2024〕。') },
    { name: 'a title of a title', text: reportWith('印发《关于贯彻〈条例〉的实施方案》。') },
    { name: 'list markers 1） a） 一）', text: reportWith('1）加强组织领导；a）落实责任；一）强化学习。') },
    { name: 'a half-width bracket closes a full-width one', text: reportWith('党委（党组)书记带头学习。') },
    {
      name: 'a quotation over several paragraphs',
      text: draft(TITLE, OPENING, '“意识形态工作是党的一项极端重要的工作。', '“要把意识形态工作的领导权牢牢掌握在手中。”'),
    },
    { name: 'a truncated paragraph', text: draft(TITLE, OPENING, '组织开展“唱支山歌给党听”主题活动、“奋进新征程') },
    {
      name: 'hard line wraps split a 《…》',
      text: draft(TITLE, OPENING, '深入研究了《关于加强意识形态工作的', '实施意见》，作出部署。'),
    },
    { name: 'Markdown code', text: draft('# ' + TITLE, '', '运行`print("（")`即可。'), options: { markdown: true } },
  ],
  invalid: [
    {
      name: 'an opening mark left open',
      text: reportWith('认真落实“三会一课制度，组织学习《中国共产党纪律处分条例等党内法规。'),
      findings: [
        { line: 2, text: '“', message: /后双引号/ },
        { line: 2, text: '《', message: /后书名号/ },
      ],
      output: null,
    },
    {
      name: 'a closing mark with no opening',
      text: reportWith('成立领导小组），制定实施方案”。'),
      findings: [
        { line: 2, text: '）', message: /前括号/ },
        { line: 2, text: '”' },
      ],
    },
    {
      name: 'a quote typed the wrong way round',
      text: reportWith('开展了学习“两会精神“的主题会。'),
      findings: [
        { line: 2, text: '“', character: 5 },
        { line: 2, text: '“', character: 10 },
      ],
    },
    {
      // As many closing marks as opening ones, but the closing one first: not balanced.
      name: 'a pair written closing mark first',
      text: reportWith('学习》条例《的有关规定。'),
      findings: [
        { line: 2, text: '》', message: /前书名号/ },
        { line: 2, text: '《', message: /后书名号/ },
      ],
    },
    {
      name: 'an unclosed mark in a stand-alone heading',
      text: draft(TITLE, OPENING, '一、深化“两学一做学习教育', '全年组织学习12次。'),
      findings: [{ line: 2, text: '“' }],
    },
  ],
});
