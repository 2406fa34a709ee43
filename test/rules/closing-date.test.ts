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
    {
      name: 'a plan is dated before its year (retrospective: false)',
      text: draft('2025年意识形态工作计划', ...BODY, '2024年12月20日'),
      options: { profile: compileProfile({ ...getProfile().data, id: 'plan-like', retrospective: false }) },
    },
  ],
  invalid: [
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
