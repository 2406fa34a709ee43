import { reportWith } from '../chinese/util';
import { ruleTester } from './tester';

const ID = 'number-form';

ruleTester(ID, {
  suite: 'numbers against GB/T 15835',
  valid: [
    '参训党员5000余人，资金3.5万元，覆盖率95%，人口10亿零817万5288人。',
    // Units, not numbers.
    '修建步道3千米，采购物资500千克，装机容量20千瓦。',
    // Allowed separators and ranges.
    '共发放资料1,000份、10 000册，每人学习3～5次、3至5次，2023—2024年。',
    // Codes, dates, phone numbers: not ranges.
    '执行GB/T 9704-2012标准，于2024-12-20召开，电话0771-5551234咨询，编号A3-5号。',
    // A falling pair is not a range.
    '比分为5-3场。',
    '全年开展活动千余次，参加者数以百计。',
  ].map((line) => ({ name: line, text: reportWith(line) })),
  invalid: [
    {
      name: 'digits mixed with 千 and 百',
      text: reportWith('参训党员5千余人，资金3万5千元，志愿者2百余人，经费1千2百万元。'),
      findings: [
        { line: 2, text: '5千', message: /「5000」/ },
        { line: 2, text: '3万5千', message: /「3\.5万」/ },
        { line: 2, text: '2百', message: /「200」/ },
        { line: 2, text: '1千2百', message: /「1200」/ },
      ],
      output: reportWith('参训党员5000余人，资金3.5万元，志愿者200余人，经费1200万元。'),
      fixAllOutput: reportWith('参训党员5000余人，资金3.5万元，志愿者200余人，经费1200万元。'),
    },
    {
      name: '百分之 with digits',
      text: reportWith('覆盖率达百分之95，满意度百分之98.5。'),
      findings: [
        { line: 2, text: '百分之95', message: /「95%」/ },
        { line: 2, text: '百分之98.5' },
      ],
      output: reportWith('覆盖率达95%，满意度98.5%。'),
    },
    {
      name: 'a range with a hyphen',
      text: reportWith('每人每年学习3-5次，联系2-4个自然村，2023-2024年度。'),
      findings: [
        { line: 2, text: '3-5', message: /「3～5」|3至5/ },
        { line: 2, text: '2-4' },
        { line: 2, text: '2023-2024' },
      ],
      output: reportWith('每人每年学习3～5次，联系2～4个自然村，2023～2024年度。'),
      fixAllOutput: reportWith('每人每年学习3～5次，联系2～4个自然村，2023～2024年度。'),
    },
  ],
});
