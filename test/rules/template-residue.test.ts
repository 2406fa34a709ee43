import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/features/analyze';
import { planFixAll } from '../../server/src/features/fixes';
import { applyEdits } from '../../server/src/engine/edits';
import { draft } from '../helpers';
import { actionsFor, applyAction, changedLines, linesOf, only } from '../fixes/util';
import { HEAD as FIX_HEAD, complete } from './structure';
import { ruleTester } from './tester';

const ID = 'template-residue';

const WATERMARK = '本文系读者投稿，仅供学习参考，请勿照搬照抄！';
const LONG_BODY = '全年组织集中学习12次，开展专题研讨4次，撰写心得体会60余篇，各支部均按计划完成学习任务，学习成效明显，干部职工的理论水平和政治素养有了明显提高，为各项工作开展打下了坚实的思想基础。';

ruleTester(ID, {
  suite: 'what a template site leaves',
  invalid: [
    {
      name: 'a watermark line before the title, with a fix that deletes the line',
      text: draft(WATERMARK, complete()),
      findings: [{ line: 0, text: WATERMARK, severity: 'error' }],
      output: complete(),
    },
    {
      name: 'an advertising block before the title is residue as a whole',
      text: draft('仅供学习 禁止外传', '某某文库', '海量范文 持续更新', '', '关注公众号获取更多资料', '会员群：  QQ群：', '', '', complete()),
      findings: [{ line: 0, text: '仅供学习 禁止外传\n某某文库\n海量范文 持续更新\n\n关注公众号获取更多资料\n会员群：  QQ群：' }],
    },
    {
      name: 'paid-content markers inside a paragraph and on their own line',
      text: draft(complete(), '组织学习12次，并通过撰写##paidbegin##心得体会等形式提升质量。', '##paidend##'),
      findings: [
        { line: 9, text: '##paidbegin##' },
        { line: 10, text: '##paidend##' },
      ],
      // The last line goes, the line end before it stays.
      output: draft(complete(), '组织学习12次，并通过撰写心得体会等形式提升质量。', ''),
    },
    {
      name: 'a web preview line repeating the title and opening',
      text: draft(' 2024年意识形态工作总结今年以来，局党组认真落实意识形态工作责任制，现将有...', complete()),
      findings: [{ line: 0, text: ' 2024年意识形态工作总结今年以来，局党组认真落实意识形态工作责任制，现将有...', message: /网页预览/ }],
    },
    {
      name: 'a watermark sentence inside a long paragraph is cut out as a whole sentence',
      text: draft(complete(), LONG_BODY + '本文仅供学习参考，请勿照搬照抄！各支部还开展了主题党日活动。'),
      findings: [{ line: 9, text: '本文仅供学习参考，请勿照搬照抄！' }],
    },
    {
      name: 'a disclaimer and a paid-content hint on adjacent lines make one block to delete',
      text: draft(complete(), '免责声明：本文来源于网络。', '此处隐藏3216字，下载后查看全文'),
      findings: [{ line: 9, text: '免责声明：本文来源于网络。\n此处隐藏3216字，下载后查看全文', message: /免责声明/ }],
    },
  ],
  valid: [
    {
      name: 'ordinary sentences that mention subscriptions or references stay silent',
      text: draft(
        complete(),
        '（三）做好党报党刊订阅工作，全年订阅各类报刊120份。',
        '数据仅供参考的说法不是水印，会员单位、二维码宣传牌也不是广告：我们在社区设置了二维码宣传牌，方便群众扫码学习。',
      ),
    },
  ],
});

describe('template-residue: the quick fixes', () => {
  const text = draft(
    WATERMARK,
    ...FIX_HEAD,
    '一、主要工作开展情况',
    '组织集中学习12次。##paidbegin##开展专题研讨4次。',
    '二、存在的问题',
    '学习形式比较单一。',
    '三、下一步工作打算',
    '创新学习方式。',
  );
  const a = analyzeText(text);

  test('a residue line: deleted with its line end, nothing else changes', () => {
    const { actions } = actionsFor(a, ID, 0);
    assert.equal(actions[0].title, '删除这些行');
    assert.equal(actions[0].isPreferred, true);
    const { text: out, analysis } = applyAction(text, actions[0]);
    assert.equal(out, linesOf(text).slice(1).join('\n'));
    assert.equal(only(analysis.findings, ID).length, 1);
  });

  test('a residue span inside a line: only the span goes', () => {
    const { actions } = actionsFor(a, ID, 4);
    assert.equal(actions[0].title, '删除此标记');
    const { text: out, analysis } = applyAction(text, actions[0]);
    assert.equal(linesOf(out)[4], '组织集中学习12次。开展专题研讨4次。');
    assert.deepEqual(changedLines(text, out), [4]);
    assert.equal(only(analysis.findings, ID).length, 1);
  });
});

// Fix all must never delete report text. Report sentences that merely use the
// words template sites put in their notices (版权归属, 禁止外传, 转载请注明) are
// content, and a residue fix that might remove the author's words is offered
// only as a quick fix the user picks.

const HEAD = ['2024年县融媒体中心意识形态工作总结', '今年以来，中心党支部认真履行意识形态工作主体责任，现将有关情况总结如下。', '一、主要工作开展情况'];
const TAIL = ['二、存在的问题', '一是业务培训还不够系统。', '三、下一步工作打算', '一是健全采编审核制度。'];
const CLEAN = draft(...HEAD, '组织集中学习12次。', ...TAIL);

/** Report lines that use notice words; none of them is residue. */
const LOOKALIKES = [
  '（一）加强版权保护。明确新闻作品版权归属，签订转载授权协议12份。',
  '（二）严格保密管理。严格执行涉密文件禁止外传规定，开展保密自查2次。',
  '（三）规范转载行为。坚持转载请注明出处的要求，全年未发生侵权纠纷。',
  '1.版权归属清晰，全部稿件实行登记管理。',
  '一是对内部资料禁止外传作出明确规定，二是对转载稿件逐篇审核。',
  '组织干部学习《著作权法》，讲清版权所有人的权利和义务',
  '建立工作微信群，及时发布学习资料',
  '深入开展走访活动，增加群众获得感',
  '明确新闻作品版权归属',
  '严格执行涉密文件禁止外传规定',
  '坚持转载请注明出处的要求',
];

ruleTester(ID, {
  suite: 'report text that uses the words of site notices',
  valid: LOOKALIKES.map((line) => ({ name: line, text: draft(...HEAD, line, ...TAIL) })),
});

test('template-residue: report text that uses the words of site notices is not residue, and fix all (all rules) keeps it', () => {
  for (const line of LOOKALIKES) {
    const text = draft(...HEAD, line, ...TAIL);
    const a = analyzeText(text);
    const out = applyEdits(text, planFixAll(a).edits);
    assert.ok(out.includes(line), out);
    assert.equal(a.doc.lines[3].kind === 'residue', false, line);
  }
});

const notice = (name: string, line: string, label: RegExp) => ({
  name: `${name} is deleted by fix all`,
  text: draft(line, ...HEAD, '组织集中学习12次。', ...TAIL),
  findings: [{ line: 0, text: line, data: { label, certain: true } }],
  fixAllOutput: CLEAN,
});
const IN_SENTENCE = draft(...HEAD, '组织集中学习12次，仅供参考，开展研讨4次。', ...TAIL);
const UNSURE_AD = draft(...HEAD, '组织集中学习12次。', '更多精彩', ...TAIL);

ruleTester(ID, {
  suite: 'site notices',
  invalid: [
    notice('a whole notice line', '本文系网友投稿，仅供学习参考，请勿照搬照抄！', /水印/),
    notice('a copyright line', '版权归原作者所有，如有侵权请联系删除', /版权声明/),
    notice('a source line', '内容来源于网络，转载请注明出处', /来源声明/),
    notice('a watermark line', '内部资料 禁止外传', /水印/),
    {
      name: 'a notice sentence at the end of a paragraph is cut out by fix all, the report sentence kept',
      text: draft(...HEAD, '组织集中学习12次。仅供学习参考，请勿照搬照抄！', ...TAIL),
      findings: [{ line: 3, text: '仅供学习参考，请勿照搬照抄！' }],
      fixAllOutput: CLEAN,
    },
    {
      name: 'a notice inside a report sentence is found but only removed when the user picks it',
      text: IN_SENTENCE,
      findings: [{ line: 3, text: '仅供参考，', message: /不会自动删除/, data: { certain: false } }],
      fixAllOutput: IN_SENTENCE,
      output: draft(...HEAD, '组织集中学习12次，开展研讨4次。', ...TAIL),
    },
    {
      name: 'an advertising line with a group number is deleted by fix all',
      text: draft('加入QQ群123456789，免费赠送全套资料', ...HEAD, '组织集中学习12次。', ...TAIL),
      findings: [{ line: 0, text: '加入QQ群123456789，免费赠送全套资料', data: { label: '广告', certain: true } }],
      fixAllOutput: CLEAN,
    },
    {
      name: 'an advertising line without a second sign is only flagged',
      text: UNSURE_AD,
      findings: [{ line: 4, text: '更多精彩', data: { certain: false } }],
      fixAllOutput: UNSURE_AD,
    },
  ],
});

describe('template-residue: manual fixes', () => {
  test('a whole-line notice carries a fix fix all may apply; one inside a sentence, or without a second sign, a manual one', () => {
    const sure = only(analyzeText(draft('内部资料 禁止外传', ...HEAD, '组织集中学习12次。', ...TAIL)).findings, ID);
    assert.equal(sure.length, 1);
    assert.equal(sure[0].fix?.manual, undefined);
    assert.equal(only(analyzeText(IN_SENTENCE).findings, ID)[0]?.fix?.manual, true);
    assert.equal(only(analyzeText(UNSURE_AD).findings, ID)[0]?.fix?.manual, true);
  });

  test('a numbered line with a watermark keeps its place: flagged, not deleted unasked', () => {
    const text = draft(...HEAD, '（一）仅供学习参考', '组织集中学习12次。', ...TAIL);
    const a = analyzeText(text);
    assert.equal(a.doc.lines[3].kind, 'heading');
    const residue = only(a.findings, ID);
    assert.equal(residue.length, 1);
    assert.equal(residue[0].fix?.manual, true);
    assert.equal(applyEdits(text, planFixAll(a).edits), text);
  });
});


describe('moving a finding', () => {
  test('keeps its fix manual', () => {
    const { moveFinding } = require('../../server/src/engine/types') as typeof import('../../server/src/engine/types');
    const f = { message: 'm', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } }, fix: { title: 't', edits: [], manual: true } };
    assert.equal(moveFinding(f, 3).fix?.manual, true);
    assert.equal(moveFinding({ ...f, fix: { title: 't', edits: [] } }, 3).fix?.manual, undefined);
  });
});

describe('download notices', () => {
  const body = ['2024年县档案馆意识形态工作总结', '今年以来，馆党支部认真落实意识形态工作责任制，现将有关情况总结如下。', '一、主要工作开展情况', '组织集中学习12次。'];
  test('a notice with two signs of a download page is residue that fix all deletes', () => {
    const text = draft(...body, '本站提供word文档下载，如需完整版请登录');
    const a = analyzeText(text);
    const [f] = only(a.findings, ID);
    assert.ok(f && f.range.start.line === 4, 'found');
    assert.equal(f.fix?.manual, undefined);
    assert.equal(applyEdits(text, planFixAll(a).edits), draft(...body) + '\n');
  });

  test('a numbered download notice is flagged but never deleted unasked', () => {
    const text = draft(...body, '3、成为VIP后，下载本文档将扣除相应次数');
    const a = analyzeText(text);
    const [f] = only(a.findings, ID);
    assert.ok(f, 'found');
    assert.equal(f.fix?.manual, true);
    assert.equal(applyEdits(text, planFixAll(a).edits), text);
  });

  test('a report line about the unit’s own documents is not a notice', () => {
    const text = draft(...body, '完善文档下载管理制度，规范资料借阅');
    assert.deepEqual(only(analyzeText(text).findings, ID), []);
  });
});

// ---------------------------------------------------------------------------
// Families of template-site chrome, recognised by their shape, not by the site.
// Every line below is made up; each family is pinned both ways.

const REPORT = complete().split('\n');
/** The complete report with `lines` right under its title (where pages put their chrome). */
const underTitle = (...lines: string[]) => draft(REPORT[0], ...lines, ...REPORT.slice(1));
/** The complete report with `line` as a paragraph of its work. */
const inBody = (line: string) => draft(...REPORT.slice(0, 5), line, ...REPORT.slice(5));

const FAMILIES: { family: string; lines: string[]; label: RegExp }[] = [
  {
    family: 'page meta lines (publish time, source, read count, size, page count, word count)',
    label: /页面信息/,
    lines: [
      '发布时间：2024-01-15 09:30:12',
      '更新日期:2024-03 来源：网友投稿',
      '2024-02-08 | 阅读：2317',
      '- 2024-05-06 发布 |',
      '• 48.20 KB',
      '- 12页',
      'guest 分享 时间: 加入收藏 共计3105个字，预计阅读时长9分钟。',
      '第2页 共7页',
      '全文约4120字，请下载后阅读、编辑。',
      '发布日期:2024-03-05 09:12信息来源:某县人民政府办公室浏览次数: 字号:[ ] 色调调节:',
      '时间:2022-05-06 10:21:33 工作总结',
      '某县党建工作方案_第2页',
      '来源:县融媒体中心   2024-03-05 10:21',
      '浏览量:12 | | |',
      '时间：2024-06-18 15:20:41 分享：晨曦 下载本文',
      '上传者：文秘小助手 2024-05-06 09:12',
    ],
  },
  {
    family: 'breadcrumbs',
    label: /面包屑导航/,
    lines: ['当前位置：范文大全网 > 工作总结 > 党建工作 >', '首页>工作总结>党支部制度汇编', '您的位置：首页 > 办公文档 > 学习教育', '首页 -> 政务公开 -> 通知公告', '-> 新闻中心 -> 通知公告 -> 工作动态', '首页总结工作总结'],
  },
  {
    family: 'site menus, shop and page widgets, related lists, comment widgets',
    label: /网站栏目|网站菜单|网站横幅|欢迎语/,
    lines: [
      '购物车',
      '我的足迹',
      '查看更多',
      '• 相关推荐',
      '• 某县2023年度工作总结范文三篇 推荐度：',
      '评论3',
      '发表评论取消回复',
      '文档介绍',
      'lucky88 总结与计划2阅读模式',
      '快捷搜索：论文 合同 演讲',
      '文档中心|精品|范文|模板|写作|PPT|',
      'FANWEN518.COM —— 专注公文写作范文',
      '您好，欢迎访问青藤文库',
      '打开APP',
      '首页',
      '文档简介',
      '猜你喜欢',
      '热门推荐',
      '点击下载文档',
      '复制全文',
      '手机阅读',
      '本文链接：https://qt.example.cn/a/1.html',
      '公文高手，超级方便的公文写作神器！ 立即了解',
      'AI公文写作神器，一键生成，立即体验',
    ],
  },
  {
    family: 'paywall, VIP, login wall and preview-end prompts',
    label: /付费内容提示|登录提示/,
    lines: ['加入Vip免费下载 立即下载', 'VIP专免', '预览结束，免费获取全文或定制代笔此类文章！', '请点击👉 abc123 👈联系老师', '（阅读全部图文内容，您需要先登录！）', '---此处隐藏2000字，下载后查看---', '已阅读5页，还剩12页未读 继续免费阅读'],
  },
  {
    family: 'document file names and share sentences',
    label: /文件名|分享说明/,
    lines: [
      '2024年某局工作总结（4篇）.docx',
      '某街道党建工作汇报.docxVIP',
      '《某镇2023年工作总结.docx》由会员分享，可在线阅读，更多相关《某镇2023年工作总结.docx(8页珍藏版)》请在青藤文库上搜索。',
    ],
  },
  {
    family: 'numbered site notices and disclaimers, whatever their length',
    label: /网站声明/,
    lines: [
      '  1. 1、本文档由用户上传，青藤文库整理发布，可阅读全部内容，如有疑问请与我们联系，我们将在第一时间内进行核实和处理，感谢您的理解与支持。',
      '- 2、本文档内容版权归属内容提供方，所产生的收益全部归内容提供方所有。',
      '网站客服QQ：123456789',
      '申明敬告：本站不保证该用户上传的文档完整性，不预览、不比对内容而直接下载产生的反悔问题本站不予受理。',
    ],
  },
  {
    family: 'the site’s own voice (小编 and its intros)',
    label: /小编导语/,
    lines: ['下面是小编为大家整理的某县工作总结，供大家参考。', '下面是为大家整理的某街道工作汇报，欢迎阅读。', '本文旨在梳理社区工作的经验，并提供三篇不同侧重点的范文，供大家参考。', '【参考】此例办公资料由网友为您精心整理编辑，以供您阅读参考之用，喜欢就复制下载吧！', '下面是网友为您分享的“某县2024年宣传工作总结”相关材料，供您参考学习。', '以下是本站为您推荐的某镇工作汇报，欢迎阅读。'],
  },
  {
    family: 'the title of a collection page, with the site’s count (汇总N篇, 精选N篇)',
    label: /汇编网页标题/,
    lines: ['社区党建工作制度(汇总12篇)', '个人述职报告精选(八篇)', '支部工作计划范文（通用5篇）', '乡镇宣传工作总结范文五篇', '2023年度某局工作情况报告【优秀4篇】'],
  },
  { family: 'author lines with a site handle', label: /作者信息/, lines: ['作者：Lm山人'] },
  {
    family: 'page meta with a category, an author name, a read counter, or the word count after the title',
    label: /页面信息/,
    lines: ['分类：工作汇报 时间： 2024-03-01 10:20:30 浏览： 作者：小编', '来源：青藤范文 3.2W', '作者： 文秘小助手    时间： 2024-5-6 08:15', '某镇2024年宣传工作总结（全文共2356字）'],
  },
  {
    family: 'lists of related documents, and the site’s columns and ad slots',
    label: /相关文章列表|网站栏目/,
    lines: ['热门文档', '2024-05-06 09:10:11 (5篇)学习贯彻某会议精神研讨材料', '内容头部广告位(手机)', '首页/栏目/文章底部广告位', 'AI写作助手'],
  },
  { family: 'a slash breadcrumb', label: /面包屑导航/, lines: ['首页/工作总结/党建工作总结/'] },
  { family: 'a welcome line after the site’s name', label: /欢迎语/, lines: ['青藤文库，欢迎您！'] },
  { family: 'stray markup', label: /排版残留/, lines: ['####'] },
  { family: 'forum jammer on a line of its own', label: /论坛防采集乱码/, lines: ['$ R2 p; V. b4 {% L x7 ^ N', 'k3 ]% Q, w8 T) e# 9 Z$ m'] },
  // A site's address in Unicode's mathematical letters (made up here: 𝒘𝒘𝒘.𝒘𝒆𝒏𝒌𝒖.𝒄𝒏), which filters miss.
  { family: 'a site’s address or name in styled letters', label: /花体字母水印/, lines: ['\u{1D498}\u{1D498}\u{1D498}.\u{1D498}\u{1D486}\u{1D48F}\u{1D48C}\u{1D496}.\u{1D484}\u{1D48F}', '\u{1D400}\u{1D408} \u{1D416}\u{1D42B}\u{1D422}\u{1D42D}\u{1D41E}\u{1D42B}'] },
  { family: 'tag and keyword lines', label: /网站标签/, lines: ['本文标签：述职报告 述廉报告', '标签：党建 工作总结', '关键词：意识形态；工作总结', 'Tags: 党建 总结'] },
];

for (const { family, lines, label } of FAMILIES) {
  ruleTester(ID, {
    suite: `family: ${family}`,
    invalid: lines.map((line) => ({
      name: line,
      text: underTitle(line),
      findings: [{ line: 1, text: line, data: { label } }],
    })),
  });
}

/** Report lines that share words or shapes with the families; none is residue, and fix all keeps each. */
const FAMILY_LOOKALIKES = [
  '时间：2023年5月12日',
  '时间：2023-05-12',
  '2023-12-20',
  '新闻发布会于2023-05-12召开',
  '发布信息120条，阅读量达10万次',
  '经费来源：县财政专项资金',
  '阅读量达10万+',
  '全文共分三个部分',
  '浏览次数达2000次以上',
  '共计开展培训12次',
  '动员工会会员下载学习强国',
  '本站全年安全运行365天，用户满意率98%',
  '供电站本站付费用户达3000户',
  'VIP病房改造完成',
  '医院VIP病房会员服务',
  '以上几点意见，供大家参考。',
  '以上体会供大家参考，希望对大家有所帮助。',
  '坚持为大家办实事',
  '组织党员登录学习强国，阅读全部图文内容',
  '作者：张三',
  '做好相关推荐工作',
  '点击量突破50万次',
  '附件：2024年学习计划.docx',
  '1.2024年工作台账.docx',
  'A类>B类>C类',
  '欢迎来到我们社区的每一位新居民都能感受到温暖',
  '通过公众号【平安某县】和网站www.xx.gov.cn发布信息',
  '加强网站客服队伍建设，全年答复留言120条',
  '本单位文库建设稳步推进，会员单位达20家',
  '组织编写优秀范文汇编，收集范文30篇',
  '下面结合三篇范文谈几点体会',
  '举报电话和网站客服电话24小时畅通',
  '培养网络小编20名',
  '上一篇章已经翻过',
  '以上意见仅供参考',
  '二〇二三年十二月二十日',
  '全年共发表理论文章12篇',
  '编印学习资料汇编（共3篇）',
  '会议时间：2024-03-05 14:30 三楼会议室',
  '时间：2024-03-05 14:30 召开支部委员会',
  '首页改版由宣传科负责',
  '来源：县融媒体中心',
  '第2页为附表',
  '浏览量达12万次',
  '县政务中心为您精心准备了办事指南',
  '规范户外广告位设置',
  '相关文章',
  '热门文档下载量统计',
  '2024-05-06 09:10 网民在论坛发帖反映问题',
  '2024-05-06 09:10:11 网民发帖，当日处置完毕',
  '全年培训党员干部 1.2万',
  '作者：李四 时间：2024年3月',
  '某镇宣传工作总结（全文共三部分）',
  '欢迎您提出宝贵意见',
  'AI写作助手进机关培训',
  '首页/栏目设置由信息科负责',
  '下面，我为大家分享三点体会。',
  '以下材料供大家学习参考',
  '时间：2024-06-18 15:20 分享交流会',
  '分享人：张三 时间：2024-03-05',
  '下载本文件的附表，按时填报',
  '关键词：坚持问题导向，抓好整改落实。',
  '推广手机阅读平台',
  '标签化管理',
  '本文链接到县政府网站',
  '热门推荐岗位12个',
  '积极推广公文写作神器',
  '点击了解详情',
  '欢迎群众立即体验',
  '引进公文写作辅助工具，提升办文效率',
  '1 2 3 4 5 6 7 8 9',
  'A B C D E F G H I',
  'y = ax + b ; z = cx + d ;',
  '| a | b | c | d |',
  '对照 GB/T 9704 要求 A4 纸 排版',
];

ruleTester(ID, {
  suite: 'report lines that look like a family',
  valid: FAMILY_LOOKALIKES.map((line) => ({ name: line, text: inBody(line) })),
});

test('template-residue: family look-alikes are report lines, and fix all (all rules) keeps them', () => {
  for (const line of FAMILY_LOOKALIKES) {
    const text = inBody(line);
    const a = analyzeText(text);
    assert.notEqual(a.doc.lines[5].kind, 'residue', line);
    assert.ok(applyEdits(text, planFixAll(a).edits).includes(line), line);
  }
});

describe('template-residue: one finding per run, and residue never becomes structure', () => {
  const chrome = ['当前位置：青藤范文网 > 工作总结 >', '', '发布时间：2024-01-15 09:30', '购物车', '  1. 1、本文档由用户上传，青藤文库整理发布。', '  2. 2、本文档内容版权归属内容提供方。'];
  const text = draft(...chrome, complete());

  test('a run of chrome lines of different families is one finding that fix all deletes whole', () => {
    const a = analyzeText(text);
    const residue = only(a.findings, ID);
    assert.equal(residue.length, 1);
    assert.equal(residue[0].range.start.line, 0);
    assert.equal(residue[0].range.end.line, 5);
    assert.match(residue[0].message, /面包屑导航/);
    assert.equal(applyEdits(text, planFixAll(a).edits), complete());
  });

  test('the title is found after the chrome; numbered notices are neither headings nor numbering', () => {
    const a = analyzeText(text);
    assert.equal(a.doc.reports.length, 1);
    assert.equal(a.doc.reports[0].title?.line, 6);
    assert.equal(a.doc.lines[4].kind, 'residue');
    assert.deepEqual(
      a.findings.filter((f) => f.code !== ID).map((f) => `${f.code}@${f.range.start.line}`),
      [],
    );
  });

  test('a line two patterns match gets one finding', () => {
    const line = '---此处隐藏2000字，下载后查看---';
    assert.equal(only(analyzeText(underTitle(line)).findings, ID).length, 1);
  });
});

describe('template-residue: what stands above the title', () => {
  test('a page title with 范文, a meta line with the sharer and a summary ending in the site’s intro: one report under the real title', () => {
    const title = '青山县文旅局2024年意识形态工作总结';
    const chrome = [
      `${title}范文`,
      '',
      '时间：2025-01-08 09:12:40 分享：晨曦 下载本文',
      '',
      `青山县文旅局扎实推进意识形态工作，压实责任，加强阵地管理。下面是网友为您分享的“${title}”相关材料，供您参考学习。`,
      '',
    ];
    const a = analyzeText(draft(...chrome, complete(title)));
    assert.equal(a.doc.reports.length, 1);
    assert.equal(a.doc.reports[0].title?.line, chrome.length);
    const residue = only(a.findings, ID);
    assert.deepEqual(
      residue.map((f) => [f.range.start.line, f.range.end.line]),
      [[0, 4]],
    );
    assert.deepEqual(
      a.findings.filter((f) => f.code !== ID).map((f) => `${f.code}@${f.range.start.line}`),
      [],
    );
  });

  test('short lines in a zone that holds residue are residue too, flagged but not deleted unasked', () => {
    const text = draft('当前位置：青藤范文网 > 工作总结 >', '', '意见反馈', '', '引言', '', complete());
    const a = analyzeText(text);
    const [f] = only(a.findings, ID);
    assert.equal(f.range.start.line, 0);
    assert.equal(f.range.end.line, 4);
    assert.equal(f.fix?.manual, true);
    // Fix all deletes the certain breadcrumb and leaves the rest to the user.
    assert.equal(applyEdits(text, planFixAll(a).edits), draft('', '意见反馈', '', '引言', '', complete()));
  });

  test('an addressee, a subtitle or an organisation line without residue above the title stay', () => {
    const a = analyzeText(draft('某县文化馆党支部', '', complete()));
    assert.deepEqual(only(a.findings, ID), []);
    const b = analyzeText(draft('当前位置：青藤范文网 > 工作总结 >', '', '——某县文化馆党支部', '县委宣传部：', complete()));
    const c = analyzeText(draft('当前位置：青藤范文网 > 工作总结 >', '', '中共某县文化馆支部', complete()));
    assert.deepEqual(
      only(c.findings, ID).map((f) => [f.range.start.line, f.range.end.line]),
      [[0, 0]],
    );
    assert.deepEqual(
      only(b.findings, ID).map((f) => [f.range.start.line, f.range.end.line]),
      [[0, 0]],
    );
  });

  test('a paragraph in the site’s voice is residue above the title, content below it', () => {
    const intro = '写好年度总结要把握几个要点，可以参考下面这些范文。';
    const above = analyzeText(draft('当前位置：青藤范文网 > 工作总结 >', '', intro, '', complete()));
    assert.equal(only(above.findings, ID)[0].range.end.line, 2);
    assert.deepEqual(only(analyzeText(inBody(intro)).findings, ID), []);
  });
});

describe('template-residue: text spliced into paragraphs', () => {
  const ad = '青藤文库：www.mmwk.cn添加微信【mmwk01】海量公文范文，朋友圈每天更新';
  const para = '今年以来，我们坚持问题导向，扎实推进各项工作。';

  test('styled letters after a sentence are a span that fix all deletes; the sentence stays, and a formula is text', () => {
    const sentence = '组织开展专题学习，形成学习笔记12篇。';
    const styled = '\u{1D498}\u{1D498}\u{1D498}.\u{1D498}\u{1D486}\u{1D48F}.\u{1D484}\u{1D48F}';
    const text = inBody(sentence + styled);
    const a = analyzeText(text);
    const [f] = only(a.findings, ID);
    assert.match(f.message, /花体字母水印/);
    assert.equal(text.split('\n')[5].slice(f.range.start.character, f.range.end.character), styled);
    assert.equal(applyEdits(text, planFixAll(a).edits), inBody(sentence));
    assert.deepEqual(only(analyzeText(inBody('按公式\u{1D453}(\u{1D465})计算得分。')).findings, ID), []);
    // The message quotes the start of the line without cutting a letter in half.
    const long = '\u{1D498}'.repeat(3) + ' ' + '\u{1D486}'.repeat(10);
    const [g] = only(analyzeText(inBody(long)).findings, ID);
    assert.doesNotMatch(g.message, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  test('forum jammer after a sentence is a span that fix all deletes; the sentence stays', () => {
    const sentence = '组织开展专题学习，形成学习笔记12篇。';
    const jammer = 'k3 ]% Q, w8 T) e# 9 Z$ m';
    const text = inBody(sentence + jammer);
    const a = analyzeText(text);
    const [f] = only(a.findings, ID);
    assert.match(f.message, /论坛防采集乱码/);
    assert.equal(text.split('\n')[5].slice(f.range.start.character, f.range.end.character), jammer);
    assert.equal(applyEdits(text, planFixAll(a).edits), inBody(sentence));
  });

  test('an advert glued to a paragraph is a span; the report text around it survives', () => {
    const text = inBody(ad + para);
    const a = analyzeText(text);
    const [f] = only(a.findings, ID);
    assert.equal(f.range.start.character, 0);
    assert.equal(text.split('\n')[5].slice(f.range.start.character, f.range.end.character), ad);
    assert.equal(f.fix?.manual, true);
    assert.equal(applyEdits(text, f.fix!.edits), inBody(para));
  });

  test('rules skip residue spans: a doubled comma inside the advert gives no punctuation finding', () => {
    const text = inBody(ad.replace('，', '，，') + para);
    const a = analyzeText(text);
    assert.equal(only(a.findings, ID).length, 1);
    assert.deepEqual(only(a.findings, 'punctuation'), []);
  });

  test('a hotline or a 公众号 in a report sentence is one token, not an advert', () => {
    assert.deepEqual(only(analyzeText(inBody('开通服务热线12345678，关注公众号【某县发布】获取资讯。')).findings, ID), []);
  });

  test('a sentence of the site inside a paragraph is cut out, the paragraph kept', () => {
    const voice = '以下我给大家整理了几篇优质的总结范文，希望对大家有所帮助。';
    const text = inBody(para + voice);
    const [f] = only(analyzeText(text).findings, ID);
    assert.equal(text.split('\n')[5].slice(f.range.start.character, f.range.end.character), voice);
  });

  test('a site label glued to a title (「精编」) is a span; a collection named 精选 in a sentence is not', () => {
    const text = draft('2024年社区工作总结精编', ...REPORT.slice(1));
    const [f] = only(analyzeText(text).findings, ID);
    assert.equal(text.slice(f.range.start.character, f.range.end.character), '精编');
    assert.deepEqual(only(analyzeText(inBody('编印《优秀调研报告精选》3期。')).findings, ID), []);
  });

  test('stray heading marks glued to a heading and a site’s elision mark are spans', () => {
    const text = inBody('####（三）创新工作方式。开展主题党日活动6次。');
    const a = analyzeText(text);
    const [f] = only(a.findings, ID);
    assert.equal(text.split('\n')[5].slice(f.range.start.character, f.range.end.character), '####');
    assert.equal(applyEdits(text, f.fix!.edits), inBody('（三）创新工作方式。开展主题党日活动6次。'));
    const cut = inBody('一是组织集中学习。……略……二是开展专题研讨。');
    const [g] = only(analyzeText(cut).findings, ID);
    assert.equal(cut.split('\n')[5].slice(g.range.start.character, g.range.end.character), '……略……');
    assert.deepEqual(only(analyzeText(inBody('（四）其他工作（略）。')).findings, ID), []);
  });

  test('placeholders inside residue are still placeholders', () => {
    const a = analyzeText(underTitle('XX县2024年工作总结.docx'));
    assert.equal(only(a.findings, ID).length, 1);
    assert.ok(only(a.findings, 'placeholder').some((f) => f.range.start.line === 1));
  });
});

describe('template-residue: where the page was cut', () => {
  test('the dots ending the last paragraph before a preview-end line are a span the user may delete', () => {
    const text = draft(complete() + '......', '预览结束，免费获取全文！');
    const a = analyzeText(text);
    const fs = only(a.findings, ID);
    assert.equal(fs.length, 2);
    assert.equal(fs[0].range.start.line, 8);
    assert.equal(text.split('\n')[8].slice(fs[0].range.start.character), '......');
    assert.equal(fs[0].fix?.manual, true);
  });

  test('dots at the end of a document count only when the page left other residue', () => {
    const body = complete() + '，进一步加强网络阵地管理，健全舆情监测和处置机制，压实各级责任...';
    assert.deepEqual(only(analyzeText(body).findings, ID), []);
    const withChrome = draft('当前位置：青藤范文网 > 工作总结 >', body);
    const fs = only(analyzeText(withChrome).findings, ID);
    assert.equal(fs.length, 2);
    assert.equal(fs[1].range.start.line, 9);
  });
});

describe('template-residue: the page title again at the start of the first body line', () => {
  // A PDF page: the site's title lost its year; the document's own title opens its first (hard-wrapped) line.
  const opening = (first: string) =>
    draft('年 XX 街道宣传工作总结', first, '街道党工委坚持围绕中心、服务大局，现将工作总结如下：', '（一）强化责任担当。成立工作专班。');

  test('a copy of the title set off by a space is residue, and the rest of the line stays', () => {
    const text = opening('2023 年街道宣传工作总结 一年来，在区委宣传部的指导下，');
    const a = analyzeText(text);
    const [f] = only(a.findings, ID);
    assert.ok(f, 'found');
    assert.deepEqual([f.range.start.line, f.range.start.character, f.range.end.character], [1, 0, '2023 年街道宣传工作总结'.length]);
    assert.match(f.message, /重复的网页标题/);
    assert.equal(a.doc.reports[0].title?.line, 0);
  });

  for (const first of ['2023年街道宣传工作总结如下：一年来，在区委宣传部的指导下，', '一年来 在区委宣传部的指导下，街道宣传工作总结 如下，', '街道宣传 工作总结汇报如下：']) {
    test(`silent on a first line that only shares words with the title: ${first}`, () => {
      assert.deepEqual(only(analyzeText(opening(first)).findings, ID), []);
    });
  }

  test('silent below the first body line', () => {
    const text = draft('年 XX 街道宣传工作总结', '一年来，在区委宣传部的指导下，', '2023 年街道宣传工作总结 会上作了交流。');
    assert.deepEqual(only(analyzeText(text).findings, ID), []);
  });
});

test('template-residue: a 【第一篇】 after a piece’s title is the site’s marker, and the title is read without it', () => {
  const text = draft('某局2023年度政治生态建设情况报告【优秀3篇】', '某局2023年度政治生态建设情况报告【第一篇】', '今年以来，局党组坚持把政治建设摆在首位。', '一、主要做法', '开展专题学习6次。');
  const a = analyzeText(text);
  assert.equal(a.doc.reports[0].title?.text, '某局2023年度政治生态建设情况报告');
  assert.ok(only(a.findings, ID).some((f) => f.range.start.line === 1 && text.split('\n')[1].slice(f.range.start.character, f.range.end.character) === '【第一篇】'));
});

describe('template-residue: report lines that count reports or plans', () => {
  // A bare count after a title word (……工作总结15篇) is a page title only on a collection page; read as
  // a site's count it would turn these report lines into titles and the report above them into residue.
  test('are content, under the report’s own title', () => {
    const text = draft('2024年社区宣传工作总结', '今年社区组织宣讲活动12场。', '一、主要做法', '撰写调研报告5篇', '编制工作方案3篇', '二、存在的问题', '宣传阵地还不够多。');
    const a = analyzeText(text);
    assert.deepEqual(only(a.findings, ID), []);
    assert.equal(a.doc.reports.length, 1);
    assert.equal(a.doc.reports[0].title?.text, '2024年社区宣传工作总结');
  });
});
