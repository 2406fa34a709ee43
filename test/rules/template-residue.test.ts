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
