import { reportWith } from '../chinese/util';
import { ruleTester } from './tester';

const ID = 'full-width-alnum';

ruleTester(ID, {
  suite: 'full-width digits and letters become half-width',
  valid: [
    '全年召开会议12次，建立QQ工作群3个，开展APP推广活动。',
    // Full-width Ｘ is a placeholder: the placeholder rule reports it.
    '召开会议ＸＸ次，２０ＸＸ年完成。',
    // No space rules: digits and Latin words next to Chinese stay as typed.
    '全年召开会议 12 次，使用 Windows 系统。',
    '完成率达到100％。',
  ].map((line) => ({ name: line, text: reportWith(line) })),
  invalid: [
    {
      name: 'digits and letters, each run its own finding',
      text: reportWith('全年召开会议１２次，建立ＱＱ工作群３个。'),
      findings: [
        { line: 2, text: '１２', message: /全角数字.*「12」/ },
        { line: 2, text: 'ＱＱ', message: /全角字母/ },
        { line: 2, text: '３' },
      ],
      output: reportWith('全年召开会议12次，建立QQ工作群3个。'),
      fixAllOutput: reportWith('全年召开会议12次，建立QQ工作群3个。'),
    },
    {
      name: 'a paragraph typed in full-width mode: one finding',
      text: reportWith('开展学习４次、研讨２次、宣讲６场、培训８期，覆盖党员１２０人。'),
      findings: [{ line: 2, text: '４次、研讨２次、宣讲６场、培训８期，覆盖党员１２０', data: { runs: 5 } }],
      output: reportWith('开展学习4次、研讨2次、宣讲6场、培训8期，覆盖党员120人。'),
      fixAllOutput: reportWith('开展学习4次、研讨2次、宣讲6场、培训8期，覆盖党员120人。'),
    },
    {
      name: 'in a heading too',
      text: ['２０２４年意识形态工作总结', '一、主要工作', '（一）抓好学习，全年学习１０次。'].join('\n'),
      findings: [
        { line: 0, text: '２０２４' },
        { line: 2, text: '１０' },
      ],
      output: ['2024年意识形态工作总结', '一、主要工作', '（一）抓好学习，全年学习10次。'].join('\n'),
    },
  ],
});
