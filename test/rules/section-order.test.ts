import assert from 'node:assert/strict';
import { test } from 'node:test';
import { draft, findings } from '../helpers';
import { complete } from './structure';
import { ruleTester } from './tester';

const ID = 'section-order';

/** The parts in the standard order, with the optional situation part first. */
const WITH_SITUATION = draft(
  '2024年意识形态工作报告',
  '现将有关情况报告如下。',
  '一、意识形态领域形势研判分析',
  '总体平稳。',
  '二、工作开展情况',
  '开展学习。',
  '三、存在主要问题',
  '学习不深。',
  '四、下步工作措施',
  '深化学习。',
);

ruleTester(ID, {
  valid: [
    { name: 'the standard order', text: complete() },
    { name: 'an optional situation part anywhere', text: WITH_SITUATION },
  ],
  invalid: [
    {
      name: 'plans before problems: a warning on the problems heading',
      text: draft('2024年意识形态工作总结', '今年以来，局党组认真落实意识形态工作责任制。', '一、主要工作开展情况', '组织集中学习12次。', '二、下一步工作打算', '继续深化学习。', '三、存在的问题', '学习不够深入。'),
      findings: [{ line: 6, text: '三、存在的问题', severity: 'warning', message: /「存在的问题」应放在「下一步工作打算」之前/ }],
      output: null,
    },
  ],
});

test('section-order: a report with a situation part and the usual wordings gets no finding from any rule', () => {
  assert.deepEqual(findings(WITH_SITUATION), []);
});
