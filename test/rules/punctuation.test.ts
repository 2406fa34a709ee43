import { reportWith } from '../chinese/util';
import { draft } from '../helpers';
import { ruleTester } from './tester';

const ID = 'punctuation';

// line, what the findings cover (one per paragraph: its first half-width mark), the line after their fixes
const HALF_WIDTH: [string, string[], string][] = [
  ['学习的深度不足,没有在理论研究上下功夫。', [','], '学习的深度不足，没有在理论研究上下功夫。'],
  ['存在“重业务轻思想”的倾向;把大量时间用于业务。', [';'], '存在“重业务轻思想”的倾向；把大量时间用于业务。'],
  ['召开会议3次, 覆盖全体党员。', [', '], '召开会议3次，覆盖全体党员。'],
  ['主要做法如下:一是抓学习。', [':'], '主要做法如下：一是抓学习。'],
  ['这是为什么?我们要反思!', ['?'], '这是为什么？我们要反思！'],
  ['党委(党组)理论学习中心组。', ['('], '党委（党组）理论学习中心组。'],
  ['(1)加强组织领导。', ['('], '（1）加强组织领导。'],
  ['推广APP(应用程序)。', ['('], '推广APP（应用程序）。'],
  ['详见http://www.example.gov.cn/a?b=1,c=2(第3页)。', ['('], '详见http://www.example.gov.cn/a?b=1,c=2（第3页）。'],
];

ruleTester(ID, {
  suite: 'half-width marks inside Chinese sentences',
  invalid: HALF_WIDTH.map(([line, covered, fixed]) => ({
    name: line,
    text: reportWith(line),
    findings: covered.map((text) => ({ line: 2, text })),
    output: reportWith(fixed),
  })),
});

const PASTED = '今年以来,局党组召开专题会议6次;组织中心组学习12次,开展宣讲(含线上)8场:效果良好!';
const PASTED_FIXED = '今年以来，局党组召开专题会议6次；组织中心组学习12次，开展宣讲（含线上）8场：效果良好！';

ruleTester(ID, {
  suite: 'a paragraph pasted with half-width marks throughout: one finding, on the first mark, that fixes them all',
  invalid: [
    {
      name: 'seven marks, one finding',
      text: reportWith(PASTED),
      findings: [{ line: 2, text: ',', character: 4, message: /^本段中文句子中有 7 处半角标点（逗号「,」、分号「;」、左括号「\(」、右括号「\)」、冒号「:」、叹号「!」），应改为全角/, data: { kind: 'half-width', count: 7 } }],
      output: reportWith(PASTED_FIXED),
      fixAllOutput: reportWith(PASTED_FIXED),
      outputFindings: [],
    },
    {
      name: 'one finding per paragraph',
      text: draft('2024年意识形态工作总结', '召开会议3次,覆盖全体党员;效果良好。', '开展活动5场,参与200人次。'),
      findings: [
        { line: 1, text: ',', message: /2 处半角标点/ },
        { line: 2, text: ',', message: /^中文句子中使用了半角逗号「,」/ },
      ],
      fixAllOutput: draft('2024年意识形态工作总结', '召开会议3次，覆盖全体党员；效果良好。', '开展活动5场，参与200人次。'),
    },
  ],
});

ruleTester(ID, {
  suite: 'half-width marks that are not Chinese punctuation stay',
  valid: [
    '共发放资料1,000份，会议于14:30召开，比例为3:2。',
    '访问 https://www.example.com/path?x=1 了解详情。',
    '使用Windows, Linux等系统。',
    '开发了App (Beta) 版本。',
    '学习《条例》《准则》等党规，开展“学习强国”“八桂先锋”学习。',
    '核对、登记、上报，党、政、军、民、学，对、错要分明。',
    '按月、季、年进行考核，做到件件有着落、事事有回音。',
  ].map((line) => ({ name: line, text: reportWith(line) })),
  invalid: [
    // The e-mail address keeps its marks; the colon after the Chinese label is Chinese punctuation.
    { name: '联系邮箱:admin@example.com', text: reportWith('联系邮箱:admin@example.com'), findings: [{ line: 2, text: ':' }], output: reportWith('联系邮箱：admin@example.com') },
  ],
});

ruleTester(ID, {
  suite: 'Markdown',
  valid: [
    {
      name: 'link targets and inline code keep their marks',
      text: draft(
        '# 2024年意识形态工作总结',
        '',
        '详见[通知](http://example.com/a(1)?b=2)，运行`npm run build;echo ok`即可。',
        '',
        '活动现场如图所示![现场照片](photo.png)。',
        '',
        '[^1]: 数据来源于年度统计。',
      ),
      options: { markdown: true },
    },
  ],
});

ruleTester(ID, {
  suite: 'a mark typed twice',
  invalid: [
    {
      name: '，， and 。。 are fixed by deleting one',
      text: reportWith('做好宣传工作，，营造良好氛围。。'),
      findings: [
        { line: 2, text: '，，' },
        { line: 2, text: '。。' },
      ],
      output: reportWith('做好宣传工作，营造良好氛围。'),
    },
    {
      name: '。。。 is an ellipsis written wrong: no automatic fix',
      text: reportWith('全体党员参加。。。'),
      findings: [{ line: 2, text: '。。。', message: /……/ }],
      output: null,
    },
    {
      name: '、、 usually lost an item: reported without a fix',
      text: reportWith('利用微信群、、公众号等平台发布信息。'),
      findings: [{ line: 2, text: '、、', message: /漏写了一项/ }],
      output: null,
    },
  ],
});

ruleTester(ID, {
  suite: 'a 、 whose word was cut out: found with words, not without',
  valid: [{ name: '加强对、微博等, without words', text: reportWith('从而加强对、微博等新兴媒体的监管。'), words: 'without' }],
  invalid: [{ name: '加强对、微博等, with words', text: reportWith('从而加强对、微博等新兴媒体的监管。'), findings: [{ line: 2, text: '对、' }], words: 'with' }],
});

const CUT: [string, string][] = [
  ['通过微信、QQ、等平台发布信息。', 'Q、'],
  ['开设专栏（、微信）宣传。', '（、'],
  ['组织开展“、学习强国”答题。', '“、'],
  ['在公众号、抖音、）等平台发布。', '音、'],
  ['认真开展宣传，、营造氛围。', '，、'],
  ['召开会议研究部署并与、群众代表座谈。', '与、'],
  ['积极向、上级部门报送信息。', '向、'],
  ['\u3000\u3000、加强宣传阵地建设。', '\u3000、'],
  ['、加强宣传阵地建设。', '、'],
  ['主要做法：，一是加强学习。', '：，'],
  ['利用微信、微博、。', '博、'],
];

ruleTester(ID, {
  suite: 'a 、 or ， whose word was cut out',
  words: 'with',
  invalid: CUT.map(([line, covered]) => ({ name: line, text: reportWith(line), findings: [{ line: 2, text: covered }], output: null })),
  valid: [
    '认真核对、登记、上报各类信息。',
    '做好针对性、实效性工作，面对、解决各类问题。',
    '严格落实同部署、同落实、同检查、同考核。',
    '对、错要分明，是、非要清楚。',
    '加强对微信、微博等新兴媒体的监管。',
    '发挥党员在学习、工作、生活中的表率作用。',
    '组织党员和群众参加活动。',
  ].map((line) => ({ name: line, text: reportWith(line) })),
});

ruleTester(ID, {
  suite: '、 between titles in 书名号',
  invalid: [
    {
      name: '《条例》、《准则》: the 、 is deleted',
      text: reportWith('组织党员干部学习《条例》、《准则》等党规党纪。'),
      findings: [{ line: 2, text: '、', message: /GB\/T 15834/ }],
      output: reportWith('组织党员干部学习《条例》《准则》等党规党纪。'),
    },
  ],
});
