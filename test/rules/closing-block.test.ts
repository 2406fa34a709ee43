import { draft } from '../helpers';
import { ruleTester } from './tester';
import { getProfile, compileProfile } from '../../server/src/engine/profile';

const ID = 'closing-block';
const TITLE = '2024年意识形态工作总结';
const BODY = [
  '2024年以来，局党组认真落实意识形态工作责任制，现将有关情况总结如下。',
  '一、主要工作',
  '全年组织集中学习12次，开展专题研讨4次。',
  '二、存在的问题',
  '学习的深度还不够。',
  '三、下一步工作打算',
  '继续抓好理论学习，确保各项任务落到实处。',
];
// A finished report is longer than a sketch: the work-done paragraph, written out.
BODY[2] = BODY[2] + '局党组把意识形态工作纳入重要议事日程，定期研究部署，班子成员认真履行“一岗双责”，层层压实工作责任。'.repeat(10);

ruleTester(ID, {
  suite: 'the closing block',
  valid: [
    { name: 'name, then date', text: draft(TITLE, ...BODY, '', 'XX局党组', '2024年12月20日') },
    { name: 'name and date on one line', text: draft(TITLE, ...BODY, 'XX局党组　　2024年12月20日') },
    { name: 'date under the title', text: draft(TITLE, '（2024年12月20日）', ...BODY) },
    { name: 'a date to be filled in', text: draft(TITLE, ...BODY, 'XX局党组', '20XX年X月X日') },
    { name: 'a dotted date still counts (date-format reports its form)', text: draft(TITLE, ...BODY, 'XX局党组', '2024.12.20') },
    { name: 'Markdown emphasis', text: draft('# ' + TITLE, '', ...BODY, '', '**XX局党组**', '', '**2024年12月20日**'), options: { markdown: true } },
    { name: 'cut off mid-sentence (a truncated page)', text: draft(TITLE, ...BODY, '同时，局党组将进一步加强') },
    { name: 'ending on a heading (not finished yet)', text: draft(TITLE, ...BODY, '四、其他') },
    { name: 'a stray character last (a page cut)', text: draft(TITLE, ...BODY, '极') },
    { name: 'a note in brackets last', text: draft(TITLE, ...BODY, '（阅读全部内容，请先登录）') },
    { name: 'a fragment', text: draft(TITLE, '全年组织集中学习12次。') },
    { name: 'a short sketch still being written', text: draft(TITLE, '局党组认真落实责任制。', '一、主要工作', '全年组织集中学习12次。', '二、存在的问题', '学习的深度还不够。') },
    {
      name: 'a genre without a closing block',
      text: draft(TITLE, ...BODY),
      options: { profile: compileProfile({ ...getProfile().data, id: 'no-closing', closingBlock: false }) },
    },
  ],
  invalid: [
    {
      name: 'no closing block at all',
      text: draft(TITLE, ...BODY),
      findings: [{ line: 7, text: '。', character: BODY[6].length - 1, message: /没有落款/, severity: 'hint', data: { missing: 'block' } }],
      output: null,
    },
    {
      name: 'a name without a date',
      text: draft(TITLE, ...BODY, 'XX局党组'),
      findings: [{ line: 8, text: 'XX局党组', message: /缺少成文日期/, data: { missing: 'date' } }],
    },
  ],
});
