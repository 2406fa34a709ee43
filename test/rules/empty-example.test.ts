import { reportWith } from '../chinese/util';
import { ruleTester } from './tester';

const ID = 'empty-example';

const CASES: [string, string[]][] = [
  ['出现“应学未学”“替人代学”等情况，如。二是培训不够到位，例如。', ['如', '例如']],
  ['个别党员学习不够主动，比如，。', ['比如，']],
  ['宣传形式较为单一（如：），吸引力不强。', ['如：']],
  ['宣传形式较为单一，譬如；活动内容不够丰富。', ['譬如']],
];

ruleTester(ID, {
  suite: 'an example announced and not given',
  invalid: CASES.map(([line, covered]) => ({
    name: line,
    text: reportWith(line),
    findings: covered.map((text) => ({ line: 2, text, message: /没有写出例子/ })),
    // Only the author knows the example: no fix.
    output: null,
  })),
});

ruleTester(ID, {
  suite: 'cues with an example, and words that contain 如, stay silent',
  valid: [
    '按时如期完成各项任务，如实记录会议内容。',
    '具体情况如下：',
    '例如：',
    '例如“学习强国”平台的使用率明显提高。',
    '如：组织观看警示教育片。',
    '诸如此类问题仍然存在，比如部分党员学习不够主动。',
    '正如习近平总书记所强调的那样。',
    '假如没有制度保障，工作就难以落实。',
  ].map((line) => ({ name: line, text: reportWith(line) })),
});
