import { draft } from '../helpers';
import { ruleTester } from './tester';
import { getProfile, compileProfile } from '../../server/src/engine/profile';

const ID = 'closing-date';
const BODY = ['局党组认真落实意识形态工作责任制，现将有关情况总结如下。', '一、主要工作', '全年组织集中学习12次。', 'XX局党组'];

ruleTester(ID, {
  suite: 'a closing date before the period',
  valid: [
    { name: 'dated at the end of the year', text: draft('2024年意识形态工作总结', ...BODY, '2024年12月20日') },
    { name: 'dated the next January', text: draft('2024年意识形态工作总结', ...BODY, '2025年1月8日') },
    { name: 'a half-year dated in July', text: draft('2024年上半年意识形态工作总结', ...BODY, '2024年7月2日') },
    { name: 'a date to be filled in', text: draft('2024年意识形态工作总结', ...BODY, '20XX年X月X日') },
    { name: 'a dotted date is date-format\'s', text: draft('2024年意识形态工作总结', ...BODY, '2024.12.20') },
    { name: 'a hyphen date in running text is allowed', text: draft('2024年意识形态工作总结', '局党组于2024-03-05召开会议，现将有关情况总结如下。', '一、主要工作', '全年组织集中学习12次。') },
    {
      name: 'a plan is dated before its year (retrospective: false)',
      text: draft('2025年意识形态工作计划', ...BODY, '2024年12月20日'),
      options: { profile: compileProfile({ ...getProfile().data, id: 'plan-like', retrospective: false }) },
    },
  ],
  invalid: [
    {
      name: '2024-12-20 as the closing date',
      text: draft('2024年意识形态工作总结', ...BODY, '2024-12-20'),
      findings: [{ line: 5, text: '2024-12-20', message: /7\.3\.5\.1/, data: { kind: 'form' } }],
      output: draft('2024年意识形态工作总结', ...BODY, '2024年12月20日'),
      fixAllOutput: draft('2024年意识形态工作总结', ...BODY, '2024年12月20日'),
    },
    {
      name: 'Chinese numerals under the title, padding zeros at the end',
      text: draft('2024年意识形态工作总结', '（二〇二四年十二月二十日）', ...BODY.slice(0, 3)),
      findings: [{ line: 1, text: '二〇二四年十二月二十日', message: /阿拉伯数字/ }],
      output: draft('2024年意识形态工作总结', '（2024年12月20日）', ...BODY.slice(0, 3)),
    },
    {
      name: 'padding zeros',
      text: draft('2024年意识形态工作总结', ...BODY, 'XX局党组　2024年03月05日'),
      findings: [{ line: 5, text: '2024年03月05日', message: /虚位/ }],
      output: draft('2024年意识形态工作总结', ...BODY, 'XX局党组　2024年3月5日'),
    },
    {
      name: 'a 2024 summary dated 2023',
      text: draft('2024年意识形态工作总结', ...BODY, '2023年12月20日'),
      findings: [{ line: 5, text: '2023年12月20日', message: /早于/, severity: 'warning' }],
      output: null,
    },
    {
      name: 'a second-half summary dated in June',
      text: draft('2024年下半年意识形态工作总结', ...BODY, 'XX局党组　2024年6月30日'),
      findings: [{ line: 5, text: '2024年6月30日' }],
    },
  ],
});
