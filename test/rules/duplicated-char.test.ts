import { reportWith } from '../chinese/util';
import { ruleTester } from './tester';

const ID = 'duplicated-char';

// line, what the finding covers, the line after the fix
const TYPOS: [string, string, string][] = [
  ['深入学习贯彻党的二十大大精神，推动工作落实。', '二十大大', '深入学习贯彻党的二十大精神，推动工作落实。'],
  ['认真做好收集整理资料的的工作。', '的的', '认真做好收集整理资料的工作。'],
  ['班子成员对照对照检查材料逐条整改。', '对照对照', '班子成员对照检查材料逐条整改。'],
  ['认真落实落实各项制度。', '落实落实', '认真落实各项制度。'],
  ['今年我们加强意识形态意识形态工作。', '意识形态意识形态', '今年我们加强意识形态工作。'],
  ['进一步加加强阵地建设。', '加加强', '进一步加强阵地建设。'],
  ['我们们要继续努力。', '我们们', '我们要继续努力。'],
  ['让发展展成果惠及群众。', '发展展', '让发展成果惠及群众。'],
  ['在在全镇范围内开展宣传。', '在在', '在全镇范围内开展宣传。'],
  ['组织党员干部干部职工参加培训。', '干部干部', '组织党员干部职工参加培训。'],
];

ruleTester(ID, {
  suite: 'typing errors are found and fixed',
  // With words; without them the rule reports nothing.
  words: 'needed',
  invalid: TYPOS.map(([line, covered, fixed]) => ({
    name: line,
    text: reportWith(line),
    findings: [{ line: 2, text: covered, message: /重复/, severity: 'warning' as const }],
    output: reportWith(fixed),
  })),
});

ruleTester(ID, {
  suite: 'real reduplication and words that meet stay silent',
  words: 'needed',
  valid: [
    '干部职工的政治素养大大提高。',
    '常常深入基层开展调研，往往能发现真问题。',
    '层层压实意识形态工作责任，形成一级抓一级、层层抓落实的格局。',
    '营造人人参与、个个争先的浓厚氛围。',
    '坚持天天学、时时学、事事学。',
    '对照问题清单一一对应抓整改。',
    '谢谢大家对宣传工作的支持。',
    '扎扎实实抓好理论学习，实实在在为群众办实事。',
    '认认真真学、踏踏实实干、明明白白讲、清清楚楚记。',
    '方方面面的工作都要抓好，点点滴滴记录成长。',
    '家家户户张贴宣传画，上上下下形成合力。',
    '兢兢业业、勤勤恳恳做好本职工作。',
    '一个个鲜活的典型被挖掘出来，一次次走访座谈，一项项任务落地见效。',
    '2023年年底前完成整改，今年年初召开专题会议。',
    '深入学习习近平总书记重要讲话精神，学习习总书记讲话。',
    '持续改进工作作风，提升工作作为。',
    '成立以王丽丽同志为组长的领导小组，刘婷婷负责宣传工作。',
    '仅仅依靠会议传达是不够的，要渐渐形成习惯。',
    '群众纷纷表示要学深悟透，处处体现为民情怀。',
    '时时处处严格要求自己，对不了了之的问题要追责。',
    '开展演讲比赛、知识竞赛等等各类活动。',
    '多多少少存在问题，来来往往的群众都能看到。',
    '推动委员会会议制度化，党委委员会同有关部门研究。',
    '党的二十大大会主题是高举中国特色社会主义伟大旗帜。',
    '村村通广播，户户有宣传栏。',
    '对群众反映的问题进行了了解，围绕着着力解决急难愁盼问题开展工作。',
    '维护社会稳定和和谐，主动与与会代表交流，加强参与与配合。',
    '这是实现目的的重要途径。',
  ].map((line) => ({ name: line, text: reportWith(line) })),
});

ruleTester(ID, {
  suite: 'needs words',
  valid: [{ name: 'without a segmenter the rule does not run', text: reportWith('深入学习贯彻党的二十大大精神。'), words: 'without' }],
});
