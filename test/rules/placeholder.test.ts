import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/features/analyze';
import { codeActionsFor, nextPlaceholder } from '../../server/src/features/fixes';
import { reportWith } from '../chinese/util';
import { draft } from '../helpers';
import { actionsFor, only } from '../fixes/util';
import { InvalidCase, ruleTester } from './tester';

const ID = 'placeholder';

/** `line` as the body line (line 2) of a small report, and the placeholders it must hold. */
const inBody = (line: string, found: string[], markdown = false): InvalidCase => ({
  name: line,
  text: reportWith(line),
  options: { markdown },
  findings: found.map((text) => ({ line: 2, text })),
});

ruleTester(ID, {
  suite: 'found, with the exact span',
  invalid: [
    inBody('全年召开党委会X次，专题研究意识形态工作XX次。', ['X', 'XX']),
    inBody('xx镇党委在x个村开展宣讲。', ['xx', 'x']),
    inBody('在X、X、X等村设立宣传栏。', ['X', 'X', 'X']),
    inBody('通过zz微信公众号发布信息。', ['zz']),
    inBody('组织××名干部参加培训，覆盖○○社区。', ['××', '○○']),
    inBody('由某某同志负责，某镇党委落实。', ['某某', '某']),
    inBody('会议于＿＿月召开，参会__人。', ['＿＿', '__']),
    inBody('20XX年、202X年、20__年、20xx年的工作', ['20XX', '202X', '20__', '20xx']),
    inBody('【单位名称】党委认真落实责任制。', ['【单位名称】']),
    inBody('共召开会议（  ）次。', ['（  ）']),
    inBody('全年开展活动Ｘ场，参与率达X%，满意度X％。', ['Ｘ', 'X', 'X']),
    inBody('在《XX日报》和《XXX通讯》刊发稿件。', ['XX', 'XXX']),
    inBody('开展“第X个X宣传月”活动。', ['X', 'X']),
    inBody('拍摄微电影《XX》。', ['XX']),
  ],
});

ruleTester(ID, {
  suite: 'letters and symbols that belong to real words stay silent',
  valid: [
    '利用“学习强国”APP和PPT课件开展学习，建立QQ群和微信群。',
    '推进5G基站和VR展厅建设，淘汰Windows XP电脑。',
    '为群众提供X光、X射线和CT、B超检查。',
    '会场按3×4排列，配备N95口罩。',
    '二○○八年以来、二〇二三年以来持续推进。',
    '某些单位、某种程度上、某个环节、某一方面存在不足，某市场主体反映问题。',
    '登录www.xx.gov.cn查看，邮箱x@example.com。',
    '【打击倒卖活动】',
    '采取MAX模式，Xi和xyz都不是占位符。',
  ].map((line) => ({ name: line, text: reportWith(line) })),
});

ruleTester(ID, {
  suite: 'Markdown strong emphasis __粗体__ is not a blank',
  valid: [{ name: '这是__重点内容__的说明', text: reportWith('这是__重点内容__的说明'), options: { markdown: true } }],
  invalid: [inBody('参会__人', ['__'], true)],
});

const XX_TEXT = draft('2024年意识形态工作总结', '　　XX党委全年召开会议X次。');

ruleTester(ID, {
  suite: 'findings',
  invalid: [
    {
      name: 'one finding per occurrence, ranges in UTF-16 characters; never fixed',
      text: XX_TEXT,
      findings: [
        { line: 1, text: 'XX', character: 2, severity: 'error', message: /「XX」.*占位符.*单位或地名/ },
        { line: 1, text: 'X', character: 12, message: /实际数字/ },
      ],
      output: null,
      fixAllOutput: XX_TEXT,
    },
    ...['\r\n', '\r', '\n'].map((eol) => ({
      name: `a BOM and ${JSON.stringify(eol)} line ends do not shift positions`,
      text: '\uFEFF2024年意识形态工作总结' + eol + '全年召开会议X次。' + eol,
      findings: [{ line: 1, text: 'X', character: 6 }],
    })),
    {
      name: 'characters beyond the BMP count as two UTF-16 units',
      text: draft('2024年意识形态工作总结', '𠮷X次'),
      findings: [{ line: 1, text: 'X', character: 2 }],
    },
    {
      name: 'extra patterns of the user are found too',
      text: draft('2024年意识形态工作总结', '由〔待定〕负责。'),
      options: { extraPlaceholderPatterns: [/〔待定〕/] },
      findings: [{ line: 1, text: '〔待定〕' }],
    },
  ],
  valid: [{ name: 'without the user’s pattern, 〔待定〕 is text', text: draft('2024年意识形态工作总结', '由〔待定〕负责。') }],
});

describe('placeholder: never fixed, its action jumps to the next one', () => {
  const HEAD = ['2024年意识形态工作总结', '今年以来，区文化馆党支部认真落实意识形态工作责任制，现将有关情况总结如下。'];
  const text = draft(...HEAD, '一、主要工作开展情况', '全年召开党委会X次，XX镇党委在《XX日报》发表稿件。', '二、存在的问题', '学习不深。', '三、下一步工作打算', '深化学习。');
  const a = analyzeText(text);
  const ranges = only(a.findings, ID).map((f) => f.range);

  test('from each placeholder to the next, wrapping round to the first, with no edit', () => {
    assert.equal(ranges.length, 3);
    for (let i = 0; i < ranges.length; i++) {
      const { actions } = actionsFor(a, ID, 3);
      const mine = codeActionsFor(a, ranges[i]).filter((x) => x.diagnostics.some((d) => d.range === ranges[i]));
      assert.equal(mine.length, 1, `placeholder ${i}`);
      assert.deepEqual({ title: mine[0].title, edits: mine[0].edits, preferred: mine[0].isPreferred }, { title: '跳到下一个占位符', edits: [], preferred: false });
      assert.deepEqual(mine[0].select, ranges[(i + 1) % ranges.length]);
      assert.ok(actions.length >= 1);
    }
  });

  test('nextPlaceholder from any position', () => {
    assert.deepEqual(nextPlaceholder(a, { line: 0, character: 0 }), ranges[0]);
    assert.deepEqual(nextPlaceholder(a, { line: 3, character: 9 }), ranges[1]);
    // From inside or at the end of one placeholder: the one after it.
    assert.deepEqual(nextPlaceholder(a, { line: 3, character: 11 }), ranges[2]);
    assert.deepEqual(nextPlaceholder(a, { line: 3, character: 12 }), ranges[2]);
    assert.deepEqual(nextPlaceholder(a, { line: 6, character: 0 }), ranges[0]);
  });

  test('a lone placeholder has nowhere to jump', () => {
    const one = analyzeText(draft(...HEAD, '一、主要工作开展情况', '全年召开党委会X次。'));
    const f = only(one.findings, ID)[0];
    assert.equal(nextPlaceholder(one, f.range.start), null);
    assert.deepEqual(codeActionsFor(one, f.range).filter((x) => x.diagnostics.includes(f)), []);
  });
});

ruleTester(ID, {
  suite: 'asterisks that mask a name or a figure',
  invalid: [
    inBody('*镇党委全年召开会议**次。', ['*', '**']),
    inBody('投入宣传经费*.*万元，中共*县委表彰*名个人。', ['*', '*', '*', '*']),
    inBody('于*月*日召开专题会议。', ['*', '*']),
    inBody('在微**平台开设专栏。', ['**']),
    inBody('全年参会＊＊人。', ['＊＊']),
    inBody('参会**人，发放资料**份。', ['**', '**'], true),
    // Pairs of masks in plain text are no pasted bold: a clause between them, or a unit after.
    inBody('由**同志带队，在**镇召开专题会议。', ['**', '**']),
    inBody('**镇**村两级党组织全年召开会议。', ['**', '**']),
    inBody('**街道宣传办**社区全年开展宣讲。', ['**', '**']),
    inBody('妥善处置“**中学校园欺凌、**小学教师视频”等舆情。', ['**', '**']),
    // Masks set off by spaces, before a unit word.
    inBody('中共 * 县 * 乡第三届委员会向大会报告工作，全力谱写 * 乡发展新篇章。', ['*', '*', '*']),
    // A list in quotes outside the pair does not make it bold.
    inBody('开展“**村、**社区”结对共建。', ['**', '**']),
  ],
  valid: [
    { name: 'arithmetic', text: reportWith('按5*2的标准配置宣传栏。') },
    { name: 'spaced arithmetic and a spaced star between words that are no unit', text: reportWith('按 5 * 2 的标准配置，重点 * 难点逐一梳理。') },
    { name: 'Markdown emphasis', text: reportWith('这是*重点*和**关键**内容。'), options: { markdown: true } },
    { name: 'a Markdown bullet', text: reportWith('* 加强阵地管理'), options: { markdown: true } },
    { name: 'a separator line', text: reportWith('******') },
    { name: 'a footnote mark', text: reportWith('注*：以上数据截至年底。') },
    {
      name: 'Markdown bold pasted into plain text, flattened onto one line',
      text: reportWith('**2024年团支部工作计划****一、指导思想**以党的创新理论为指导。**二、工作目标**1. **加强支部自身建设** - 定期召开支部会议。'),
    },
    {
      name: 'pasted Markdown bold around a name that lists with 、 inside its quotes',
      text: reportWith('2. **实施“好学风、好校风”培育计划**：组织评选先进班级，举办经验交流会。'),
    },
    {
      name: 'pasted Markdown bold around a short phrase with a quoted name',
      text: reportWith('1. **建立“书香社区”**：整合现有资源。'),
    },
    {
      name: 'pasted Markdown bold around a title in title marks that lists with 、',
      text: reportWith('1. **学习《条例》、《办法》专题**：分两批组织集中学习。'),
    },
  ],
});

ruleTester(ID, {
  suite: '某 before a unit word, and before a few words and a long unit word',
  invalid: [
    inBody('2023年某工业园区工作委员会落实意识形态工作责任制。', ['某']),
    inBody('某医院党委、某中心党支部、某银行党总支、某大型企业党委均参加。', ['某', '某', '某', '某']),
    inBody('某小学、某中学和某协会开展宣讲，某机关党委、某委员会审核稿件。', ['某', '某', '某', '某', '某']),
  ],
  valid: [
    '某些单位、某种程度上、某个环节、某一方面、某位同志、某方面、某程度上、某段时间存在不足。',
    '某村民在网上发帖，某企业员工在群里转发，某医院患者投诉，某学校学生留言。',
    '某医院发生一起医疗纠纷，引发网络舆情；某镇因征地补偿问题被网民发帖炒作。',
    '某天去医院复查，某年某月在学校开会，某次到企业调研。',
  ].map((line) => ({ name: line, text: reportWith(line) })),
});

ruleTester(ID, {
  suite: 'year and underscore blanks',
  invalid: [
    {
      name: '20_年、202_年、____年 want a year; 工作__年 a count',
      text: reportWith('20_年、202_年和____年的工作，参加工作__年。'),
      findings: [
        { line: 2, text: '20_', data: { expects: 'year' } },
        { line: 2, text: '202_', data: { expects: 'year' } },
        { line: 2, text: '____', data: { expects: 'year' } },
        { line: 2, text: '__', data: { expects: 'content' } },
      ],
    },
    inBody('〇〇社区和◯◯村开展宣讲。', ['〇〇', '◯◯']),
    { ...inBody('网络安_有力有效，舆论＿导向正确。', ['_', '＿']), name: 'a single blank glued to Han text' },
    { ...inBody('全年编印简报_期，第_页起为附表。', ['_', '_']), name: 'a blank before 期 or 页 is still one' },
    { ...inBody('坚持以_为指导，做好本单位_网站建设。', ['_', '_']), name: 'a blank before a word that is no site name ending the line' },
  ],
  valid: [
    '运行__init__方法，变量名user_name、snake_case不是占位符。',
    '登录www.zheng_wu.gov.cn，或发邮件到wang_li@example.com。',
    '党支部宣传工作方案_第3页',
    '城关街道2024年宣传工作总结_青藤范文网',
    '老秘网_青藤范文',
  ].map((line) => ({ name: line, text: reportWith(line) })),
});

ruleTester(ID, {
  suite: 'mask symbols',
  invalid: [
    inBody('△△镇□□村开展宣讲，☆☆社区组织学习。', ['△△', '□□', '☆☆']),
    inBody('■■集团召开会议▲▲次。', ['■■', '▲▲']),
    inBody('全年共有□名干部参加培训，△镇党委牵头。', ['□', '△']),
  ],
  valid: [
    '□ 加强组织领导，△ 完善制度。',
    '□是 □否',
    '景区获评☆☆☆级，服务星级★★★★。',
    '◆◆◆◆◆◆',
    '勾选：□县级 □市级',
  ].map((line) => ({ name: line, text: reportWith(line) })),
});

ruleTester(ID, {
  suite: 'N for a count, and a site’s pinyin masks',
  invalid: [
    inBody('开展了N项特色活动，覆盖N个支部。', ['N', 'N']),
    inBody('妥善处置涉疫yq，全年处置网络yq20余起。', ['yq', 'yq']),
  ],
  valid: [
    '配备N95口罩，推行N+1帮扶模式，采用PDCA循环，跑了N多趟。',
    '建立qq群，制作ppt课件，播放mv短片，发布pdf文件。',
  ].map((line) => ({ name: line, text: reportWith(line) })),
});

ruleTester(ID, {
  suite: 'choose-one slots for the author’s own level: 县（市、区）',
  invalid: [
    {
      ...inBody('县(市、区)党委认真落实责任制，为全县（市、区）提供思想保证。', ['县(市、区)', '县（市、区）']),
      findings: [
        { line: 2, text: '县(市、区)', severity: 'error', message: /^「县\(市、区\)」是模板中供选择的写法，请只保留本单位实际的一级（如「县」）/ },
        { line: 2, text: '县（市、区）' },
      ],
    },
    inBody('今年，镇（乡、街道）党委书记主持召开会议。', ['镇（乡、街道）']),
    inBody('*县(市、区)党委宣传部牵头。', ['*', '县(市、区)']),
  ],
  valid: [
    '指导各县(市区)、各县（市、区）做好工作，督促31个省（区、市）落实，乡镇(街道)党委负责。',
    '所辖县（市、区）均已完成，督促县（市、区）党委落实。',
  ].map((line) => ({ name: line, text: reportWith(line) })),
});

ruleTester(ID, {
  suite: "a template's notes to the writer, in brackets",
  invalid: [
    {
      ...inBody('制定《*（单位相关制度、方案，请结合实际添加）》，把任务细化到岗。', ['*', '（单位相关制度、方案，请结合实际添加）']),
      findings: [
        { line: 2, text: '*' },
        { line: 2, text: '（单位相关制度、方案，请结合实际添加）', message: /填写说明：请按说明写上实际内容，再删去这段说明/ },
      ],
    },
    inBody('全年开展活动（此处请填写具体活动名称）5次，举办培训（根据实际情况填写）。', ['（此处请填写具体活动名称）', '（根据实际情况填写）']),
    inBody('组织专题学习【可结合本单位实际增减内容】。', ['【可结合本单位实际增减内容】']),
  ],
  valid: [
    '依法处理（根据《条例》第十条），名单附后（请见附件1）。',
    '报送材料（请示件）一份，制度（修改后的制度见附件）已印发。',
    '学习内容（此处省略），计划（根据实际情况调整）。',
  ].map((line) => ({ name: line, text: reportWith(line) })),
});

ruleTester(ID, {
  suite: 'words a site masked with letters (ZZ for 政治, X for 党), known by the words after them',
  invalid: [
    {
      name: 'ZZ责任, X的二十届, X员干部: the word is named, and offered as a quick fix the user picks',
      text: reportWith('深入学习贯彻X的二十届三中全会精神，扛起意识形态工作ZZ责任，覆盖X员干部200人次。'),
      findings: [
        { line: 2, text: 'X', message: /「X的二十」中的「X」像是模板网站遮去的「党」/ },
        { line: 2, text: 'ZZ', message: /遮去的「政治」/ },
        { line: 2, text: 'X', message: /「X员干部」/ },
      ],
      output: reportWith('深入学习贯彻党的二十届三中全会精神，扛起意识形态工作政治责任，覆盖党员干部200人次。'),
      fixAllOutput: reportWith('深入学习贯彻X的二十届三中全会精神，扛起意识形态工作ZZ责任，覆盖X员干部200人次。'),
    },
    // Anywhere else X is a blank to fill, as before.
    inBody('于X月X日召开X委会议。', ['X', 'X', 'X']),
  ],
  valid: ['开展X射线检查，与ZZ公司签约，车次为ZZ12。'].map((line) => ({ name: line, text: reportWith(line) })),
});

ruleTester(ID, {
  suite: 'XX in every case mix, and masks inside quotes',
  invalid: [
    inBody('xX镇、Xx局和ＸＸ县联合开展活动。', ['xX', 'Xx', 'ＸＸ']),
    inBody('实施集团“*****”发展战略，出版《**》汇编。', ['*****', '**']),
  ],
  valid: [{ name: 'Markdown emphasis inside quotes', text: reportWith('这是“*重点*”内容。'), options: { markdown: true } }],
});

/** `line` as the body line of a small report, and the gaps (warnings) it must hold. */
const gapsIn = (line: string, found: string[]): InvalidCase => ({
  name: line,
  text: reportWith(line),
  findings: found.map((text) => ({ line: 2, text, severity: 'warning', message: /^此处似乎缺少内容：/, data: { gap: /./ } })),
  output: null,
});

ruleTester(ID, {
  suite: 'deletion gaps: something seems missing (a warning, with the code placeholder)',
  invalid: [
    gapsIn('以习新时代中国特色.主义思想为指导，学习贯彻党的.精神及.系列重要讲话精神。', ['习新时代', '色.主', '贯彻党的.精神', '及.系']),
    gapsIn('始终坚持以思想为指导，在的正确领导下，自觉向看齐。', ['以思想为指导', '在的正确领导下', '向看齐']),
    gapsIn('坚决拥护以为核心的党中央，认真学习贯彻重要讲话精神。', ['以为核心的党中央', '学习贯彻重要讲话']),
    gapsIn('紧密团结在以同志为核心的党中央周围，学习二十届中全会精神。', ['以同志为核心', '届中全会']),
    gapsIn('深入学习党的 大精神和党的届三中全会精神。', ['党的 大精神', '党的届三中全会']),
    gapsIn('认真贯彻落实党的二十大精神和，坚持用党的创新理论武装头脑。', ['和']),
    gapsIn('加强理论学习及；完善制度与。', ['及', '与']),
    gapsIn('在 的领导下，全体党员向 看齐。', ['在 的领导下', '向 看齐']),
    gapsIn('实施“”发展规划，组织学习《》和「 」。', ['“”', '《》', '「 」']),
    {
      name: 'the message says what usually fills a formulation’s slot',
      text: reportWith('坚持以思想为指导。'),
      findings: [{ line: 2, text: '以思想为指导', message: /^此处似乎缺少内容：「以思想为指导」中间像是漏了字（如「习近平新时代中国特色社会主义」），请补上。$/ }],
    },
    {
      name: 'a gap is at most a warning, also when the rule is set to error; off with the rule',
      text: reportWith('坚持以思想为指导，召开会议X次。'),
      options: { severities: { placeholder: 'error' } },
      findings: [
        { line: 2, text: '以思想为指导', severity: 'warning' },
        { line: 2, text: 'X', severity: 'error' },
      ],
    },
  ],
  valid: [
    '保持温和，全面普及，积极参与。打开窗户通风换气，共和。悔之不及，力所能及，心平气和。',
    '开展“我为群众办实事”活动，学习《中国共产党章程》和「第一议题」制度。',
    '一.主要工作开展情况',
    '现将有关情况总结如下：一.主要工作开展情况（一）强化组织领导二.存在的问题',
    '以此思想为指导，以习近平同志为核心的党中央，向党中央看齐，学习新时代的新要求。',
    '弘扬伟大建党精神，传承党的精神谱系，赓续党的精神血脉。',
    '在局党组的正确领导下，在市委的坚强领导下，学习贯彻习近平总书记重要讲话精神。',
    '版本号1.5.2，文件名report.docx，马克思·韦伯的著作。',
  ].map((line) => ({ name: line, text: reportWith(line) })),
});

ruleTester(ID, {
  suite: 'placeholder off: no gap either',
  valid: [{ name: 'off', text: reportWith('坚持以思想为指导。'), options: { severities: { placeholder: 'off' } } }],
});

ruleTester(ID, {
  suite: 'the spaces of a layout are never gaps',
  valid: [
    // A PDF's wrap spaces recurring in a flattened line, a justified short line, a paragraph join, title and body.
    '全面落实意识形态工作责任制，牢牢掌握意识形态 工作领导权，不断巩固壮大主流思想舆论，持续加强 网络阵地建设和管理，切实维护意识形态安全，为全 面完成各项工作任务提供坚强思想保证。',
    '学 习 教 育 扎 实 开 展',
    '召开专题会议4次。 组织集中学习12次。',
    '2023年工作总结 一年来，在局党组的领导下',
    '按照 县教委的部署，根据 上级要求开展工作。',
    '存在 的问题，正在 为群众办实事，面对 的困难，学习 的深度，向 同志们学习。',
    '学习 习近平 新时代 中国 特色 社会 主义 思想。',
  ].map((line) => ({ name: line, text: reportWith(line) })),
});
