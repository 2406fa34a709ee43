import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/features/analyze';
import { planFixAll } from '../../server/src/features/fixes';
import { reportOutline } from '../../server/src/features/outline';
import { renumberEdits } from '../../server/src/rules/numbering';
import { draft } from '../helpers';
import { actionsFor, applyAction, changedLines, linesOf, only, replaced } from '../fixes/util';
import { HEAD, complete } from './structure';
import { ruleTester } from './tester';

const ID = 'numbering';
/** A short report: title, opening, then `body` from line 2. */
const short = (...body: string[]) => draft('2024年意识形态工作总结', '现将有关情况总结如下。', ...body);
/** A report of the quick-fix tests: HEAD, then `body` from line 2. */
const report = (...body: string[]) => draft(...HEAD, ...body);

ruleTester(ID, {
  suite: 'headings',
  invalid: [
    {
      name: 'a skipped number',
      text: short('一、主要工作开展情况', '开展学习。', '三、存在的问题', '不够深入。', '四、下一步工作打算', '深化学习。'),
      findings: [{ line: 4, text: '三、', message: /^编号不连续：「一、」之后应为「二、」，这里却是「三、」/ }],
    },
    {
      name: 'a duplicate and a number out of order',
      text: short('一、主要工作开展情况', '（一）压实责任。制定清单。', '（二）强化学习。集中学习。', '（二）管好阵地。审核信息。', '（一）抓好宣传。开展宣讲。'),
      findings: [
        { line: 5, text: '（二）', message: /^编号重复/ },
        { line: 6, text: '（一）', message: /^编号在同一上级标题下重新从「（一）」开始/ },
      ],
    },
    {
      name: 'a sub-level before the first top-level heading has no parent',
      text: short('（一）压实责任。制定清单。', '一、主要工作开展情况', '开展学习。'),
      findings: [{ line: 2, text: '（一）', message: /没有上级标题/ }],
    },
    {
      name: 'the missing number written in the other style of the same brackets: that heading is reported, the next is no skip',
      text: short('一、主要工作开展情况', '（一）压实责任。制定清单。', '（二）强化学习。集中学习。', '（3）管好阵地。审核信息。', '（四）抓好宣传。开展宣讲。'),
      findings: [{ line: 5, text: '（3）' }],
    },
    {
      name: 'a run of sub-level headings before the first top-level heading is one finding',
      text: short('（一）压实责任。制定清单。', '（二）强化学习。集中学习。', '一、主要工作开展情况', '开展学习。'),
      findings: [{ line: 2, text: '（一）', message: /没有上级标题/ }],
    },
    {
      name: 'mixed styles at one level',
      text: short('一、主要工作开展情况', '1.压实责任。制定清单。', '2、强化学习。集中学习。', '3.管好阵地。审核信息。'),
      findings: [{ line: 4, text: '2、', message: /^同一级标题的编号样式不一致：前面用「1.」，这里用「2、」/ }],
    },
  ],
  valid: [
    { name: 'numbering restarts with each report of a collection and under each parent', text: draft(complete('篇1：2024年意识形态工作总结'), '', complete('篇2：2024年意识形态工作总结')) },
    { name: '1、 directly under 一、 is fine', text: short('一、工作开展情况', '1、压实责任。制定清单。', '2、强化学习。集中学习。') },
    {
      name: 'Markdown heading marks pasted into plain text before numbered headings: items restart under each （一）',
      text: short('#### 一、主要任务', '##### （一）加强思想教育', '1. 开展文明礼仪讲座。', '2. 举办家风展览。', '##### （二）丰富文化生活', '1. 建立社区书屋。', '2. 推广全民阅读。'),
    },
  ],
});

ruleTester(ID, {
  suite: '一是 glued to the heading before it, or cut off by a page break',
  invalid: [
    {
      name: 'a 二是 with no 一是 anywhere in its section',
      text: short('一、主要工作开展情况', '（一）主要做法', '坚持把意识形态工作摆在重要位置，', '二是加强思想引领。'),
      findings: [{ line: 5, text: '二是', message: /缺少「一是」/ }],
    },
  ],
  valid: [
    { name: '一是 glued to the heading', text: short('一、主要工作开展情况', '（一）主要做法一是压实责任，制定责任清单，', '明确分工。二是加强思想引领。') },
    { name: '一是 mid-line in a paragraph a print line cut', text: short('一、主要工作开展情况', '（一）主流舆论巩固。一是注重教育引导。组织学习会', '12场，深入研讨交流。', '二是强化网络舆情监测。') },
  ],
});

ruleTester(ID, {
  suite: '一是/二是 lists: starting at 二是, skipping, and legitimate runs',
  invalid: [
    {
      name: 'a list that starts at 二是',
      text: short('一、主要工作开展情况', '始终把意识形态工作摆在重要位置。二是加强思想引领。三是管好阵地。'),
      findings: [{ line: 3, text: '二是', message: /缺少「一是」/ }],
    },
    {
      name: 'a list that skips',
      text: short('一、主要工作开展情况', '一是加强领导。三是管好阵地。'),
      findings: [{ line: 3, text: '三是', message: /^列举编号跳号/ }],
    },
    {
      name: '一是 heading lines that start at 二是',
      text: short('二是加强领导。成立领导小组。', '三是强化学习。集中学习。'),
      findings: [{ line: 2, text: '二是', message: /缺少「一是」/ }],
    },
  ],
  valid: [
    { name: 'a list in order', text: short('一、主要工作开展情况', '一是加强领导。二是强化学习；三是管好阵地。') },
    { name: 'a list that runs on from one line to the next', text: short('一、主要工作开展情况', '一是加强领导。二是强化学习。', '三是管好阵地。', '四是抓好宣传。') },
    { name: '一是/二是 lines as headings of a paragraph-style report', text: short('一是加强领导。成立领导小组。', '二是强化学习。集中学习。', '三是管好阵地。审核信息。') },
    { name: '说一是一 is not a list', text: short('一、主要工作开展情况', '坚持说一是一、说二是二的作风。') },
    { name: 'a run in order offers nothing', text: report('一、主要工作开展情况', '1.压实责任。', '2.强化学习。') },
    {
      name: 'a new 一是 list announced by a colon at the end of the paragraph before',
      text: short('一是围绕中心开展宣传。组织宣讲12场。', '二是加强阵地建设。同时，调研组也指出了存在的不足：', '一是部分干部认识不足。', '二是方式方法滞后。'),
    },
  ],
});

ruleTester(ID, {
  suite: '一是 restarting with no colon before it is still reported',
  invalid: [
    {
      name: 'a restart after a paragraph that announces nothing',
      text: short('一是围绕中心开展宣传。组织宣讲12场。', '二是加强阵地建设。调研组也指出了存在的不足。', '一是部分干部认识不足。', '二是方式方法滞后。'),
      findings: [{ line: 4, text: '一是', message: /^编号在同一上级标题下重新从「一是」开始/ }],
    },
  ],
});

/** Renumbers through the quick fix of the first numbering finding and checks it both ways. */
function renumbered(text: string, expectChanged: number[], expectReplaced?: string[]): string {
  const a = analyzeText(text);
  const { actions } = actionsFor(a, ID);
  assert.equal(actions[0].isPreferred, true);
  assert.equal(actions[0].kind, 'quickfix');
  if (expectReplaced) assert.deepEqual(replaced(text, actions[0].edits), expectReplaced);
  const { text: out, analysis } = applyAction(text, actions[0]);
  assert.deepEqual(only(analysis.findings, ID), [], out);
  assert.deepEqual(changedLines(text, out), expectChanged);
  return out;
}

describe('numbering: renumbering a broken run, in each style', () => {
  test('一、: every top-level heading of the report, only the numerals', () => {
    const text = report('一、主要工作开展情况', '开展学习。', '三、存在的问题', '不够深入。', '四、下一步工作打算', '深化学习。');
    const out = renumbered(text, [4, 6], ['三', '四']);
    assert.deepEqual(linesOf(out).slice(4, 7), ['二、存在的问题', '不够深入。', '三、下一步工作打算']);
  });

  test('（一）: a duplicate, a half-width marker and a skip in one run under one parent', () => {
    const text = report(
      '一、主要工作开展情况',
      '（一）压实责任。制定清单。',
      '（二）强化学习。集中学习。',
      '(二)管好阵地。审核信息。',
      '（五）抓好宣传。开展宣讲。',
      '二、存在的问题',
      '（一）学习不够深入。',
      '三、下一步工作打算',
      '（一）深化学习。',
    );
    const out = renumbered(text, [5, 6], ['(二)', '五']);
    assert.deepEqual(linesOf(out).slice(3, 7).map((l) => l.slice(0, 3)), ['（一）', '（二）', '（三）', '（四）']);
    // The runs under the other parents start again at （一） and are left alone.
    assert.equal(linesOf(out)[8], '（一）学习不够深入。');
  });

  test('1. and 1、: the style of the run’s first heading wins', () => {
    const text = report('一、主要工作开展情况', '1.压实责任。制定清单。', '2、强化学习。集中学习。', '3.管好阵地。审核信息。', '5.抓好宣传。开展宣讲。');
    const out = renumbered(text, [4, 6], ['2、', '5']);
    assert.deepEqual(linesOf(out).slice(3, 7).map((l) => l.slice(0, 2)), ['1.', '2.', '3.', '4.']);
    const dun = report('一、主要工作开展情况', '1、压实责任。制定清单。', '3、强化学习。集中学习。');
    assert.equal(linesOf(renumbered(dun, [4], ['3']))[4], '2、强化学习。集中学习。');
  });

  test('（1）', () => {
    const text = report('一、主要工作开展情况', '（一）压实责任', '（1）制定责任清单。', '（3）开展专项督查。', '（4）纳入年度考核。');
    renumbered(text, [5, 6], ['3', '4']);
  });

  test('一是 heading lines of a paragraph-style report', () => {
    const text = report('一是加强领导。成立领导小组。', '三是强化学习。集中学习10次。', '四是管好阵地。审核信息。');
    const out = renumbered(text, [3, 4], ['三', '四']);
    assert.deepEqual(linesOf(out).slice(2).map((l) => l.slice(0, 2)), ['一是', '二是', '三是']);
  });

  test('一是 inside a paragraph: the correction carries on down the list', () => {
    const text = report('一、主要工作开展情况', '一是加强领导。三是管好阵地。四是抓好宣传。');
    const out = renumbered(text, [3], ['三', '四']);
    assert.equal(linesOf(out)[3], '一是加强领导。二是管好阵地。三是抓好宣传。');
  });

  test('一是 lines that rightly go on from the list of the line before keep their numbers', () => {
    const text = report('一、主要工作开展情况', '主要做法是：一是加强领导；二是强化学习。', '三是管好阵地。审核信息。', '五是抓好宣传。开展宣讲。');
    const out = renumbered(text, [5], ['五']);
    assert.deepEqual(linesOf(out).slice(4).map((l) => l.slice(0, 2)), ['三是', '四是']);
  });

  // renumberEdits by position has no caller but these tests: the only import of a rule's internals here.
  test('a run in order offers no renumbering at a position on it', () => {
    const a = analyzeText(report('一、主要工作开展情况', '1.压实责任。', '2.强化学习。'));
    assert.equal(renumberEdits(a.doc, { line: 3, character: 0 }), null);
  });

  test('a position on a heading renumbers its run, the same as its finding', () => {
    const text = report('一、主要工作开展情况', '（一）压实责任。', '（三）强化学习。');
    const a = analyzeText(text);
    const byPosition = renumberEdits(a.doc, { line: 3, character: 4 });
    const byFinding = renumberEdits(a.doc, only(a.findings, ID)[0]);
    assert.ok(byPosition && byFinding);
    assert.deepEqual(byPosition.edits, byFinding.edits);
  });

  test('a list that starts late (二是 with no 一是) is renumbered on request, but never by fix all', () => {
    const text = report('一、主要工作开展情况', '始终把意识形态工作摆在重要位置。二是加强思想引领。三是管好阵地。');
    const out = renumbered(text, [3], ['二', '三']);
    assert.equal(linesOf(out)[3], '始终把意识形态工作摆在重要位置。一是加强思想引领。二是管好阵地。');
    assert.deepEqual(planFixAll(analyzeText(text)).edits, []);
  });
});

describe('numbering: a run that restarts at （一）', () => {
  // The second （一）…（二） reads as measures: the plans part lost its heading.
  const text = draft(
    ...HEAD,
    '一、主要工作开展情况',
    '组织集中学习12次。',
    '二、存在的问题',
    '（一）理论学习还不够深入。学用结合不紧。',
    '（二）阵地管理还有短板。巡查不够经常。',
    '（一）深化理论武装。办好读书班。',
    '（二）加强阵地管理。每月巡查一次。',
    '三、意识形态领域形势研判分析',
    '总体平稳，未发生重大舆情。',
  );

  test('read as the plans part: the preferred fix inserts the missing parent heading and moves later numbers up', () => {
    const a = analyzeText(text);
    const { actions } = actionsFor(a, ID, 7);
    assert.equal(actions.length, 2);
    const [insert, plain] = actions;
    assert.equal(insert.isPreferred, true);
    assert.match(insert.title, /补上上级标题「三、下一步工作打算」/);
    assert.equal(plain.isPreferred, false);
    assert.match(plain.title, /（三）.*（四）|「（一）」至「（四）」/);

    const { text: out, analysis } = applyAction(text, insert);
    assert.deepEqual(linesOf(out), [...linesOf(text).slice(0, 7), '三、下一步工作打算', ...linesOf(text).slice(7, 9), '四、意识形态领域形势研判分析', '总体平稳，未发生重大舆情。']);
    assert.deepEqual(only(analysis.findings, ID), []);
    const slots = reportOutline(analysis.doc.reports[0]).sections.map((s) => `${s.slot}:${s.headed}`);
    assert.deepEqual(slots, ['achievements:true', 'problems:true', 'next-steps:true', 'situation:true']);
  });

  test('keeping it one list stays the user’s choice', () => {
    const a = analyzeText(text);
    const plain = actionsFor(a, ID, 7).actions[1];
    const { text: out, analysis } = applyAction(text, plain);
    assert.deepEqual(changedLines(text, out), [7, 8]);
    assert.deepEqual(only(analysis.findings, ID), []);
  });

  test('neither is applied by fix all', () => assert.deepEqual(planFixAll(analyzeText(text)).edits, []));

  test('a restart not read as a new part is renumbered, on request only', () => {
    const plain = report('一、主要工作开展情况', '（一）压实责任。', '（二）强化学习。', '（一）管好阵地。', '二、存在的问题', '学习不深。', '三、下一步工作打算', '深化学习。');
    const out = renumbered(plain, [5], ['一']);
    assert.equal(linesOf(out)[5], '（三）管好阵地。');
    assert.deepEqual(planFixAll(analyzeText(plain)).edits, []);
  });
});
