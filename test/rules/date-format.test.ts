import { draft } from '../helpers';
import { reportWith } from '../chinese/util';
import { ruleTester } from './tester';

const ID = 'date-format';

ruleTester(ID, {
  suite: 'dates in running text',
  valid: [
    '于2024年3月5日召开专题会议，2024-06-01前完成整改。',
    // Versions, decimals, URLs are not dates.
    '升级到2.10.3版，增长12.5%，详见https://example.com/2024/12/20/a.html。',
    // A date still to be filled in is the placeholder rule's.
    '于20XX年X月X日召开专题会议。',
  ].map((line) => ({ name: line, text: reportWith(line) })),
  invalid: [
    {
      name: '2024.3.5 and 2024/6/1',
      text: reportWith('于2024.3.5召开专题会议，2024/6/1前完成整改。'),
      findings: [
        { line: 2, text: '2024.3.5', message: /「2024年3月5日」/ },
        { line: 2, text: '2024/6/1' },
      ],
      output: reportWith('于2024年3月5日召开专题会议，2024年6月1日前完成整改。'),
      fixAllOutput: reportWith('于2024年3月5日召开专题会议，2024年6月1日前完成整改。'),
    },
  ],
});

const TITLE = '2024年意识形态工作总结';
const BODY = '2024年以来，局党组认真落实意识形态工作责任制，现将有关情况总结如下。';

ruleTester(ID, {
  suite: 'a dotted date on a line of its own',
  valid: [
    // The closing date's other forms are closing-date's; in running text 2024-12-20 is allowed.
    { name: '2024-12-20 on its own line', text: draft(TITLE, BODY, 'XX镇党委', '2024-12-20') },
  ],
  invalid: [
    {
      name: '2024.12.20 as the closing date',
      text: draft(TITLE, BODY, 'XX镇党委', '2024.12.20'),
      findings: [{ line: 3, text: '2024.12.20' }],
      output: draft(TITLE, BODY, 'XX镇党委', '2024年12月20日'),
      fixAllOutput: draft(TITLE, BODY, 'XX镇党委', '2024年12月20日'),
    },
  ],
});
