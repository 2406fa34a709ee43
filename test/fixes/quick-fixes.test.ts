import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/features/analyze';
import { planFixAll } from '../../server/src/features/fixes';
import { missingPartEdit } from '../../server/src/rules/missing-section';
import { renumberEdits } from '../../server/src/rules/numbering';
import { reportOutline } from '../../server/src/features/outline';
import { ProfileData, compileProfile, getProfile } from '../../server/src/engine/profile';
import { lineRange } from '../../server/src/engine/types';
import { ALL_RULES } from '../../server/src/rules';
import { Rule } from '../../server/src/rules/rule';
import { draft } from '../helpers';
import { actionsFor, applyAction, changedLines, linesOf, only, replaced } from './util';

const HEAD = ['2024年意识形态工作总结', '今年以来，区文化馆党支部认真落实意识形态工作责任制，现将有关情况总结如下。'];
const report = (...body: string[]) => draft(...HEAD, ...body);

/** Renumbers through the quick fix of the first numbering finding and checks it both ways. */
function renumbered(text: string, expectChanged: number[], expectReplaced?: string[]): string {
  const a = analyzeText(text);
  const { actions } = actionsFor(a, 'numbering');
  assert.equal(actions[0].isPreferred, true);
  assert.equal(actions[0].kind, 'quickfix');
  if (expectReplaced) assert.deepEqual(replaced(text, actions[0].edits), expectReplaced);
  const { text: out, analysis } = applyAction(text, actions[0]);
  assert.deepEqual(only(analysis.findings, 'numbering'), [], out);
  assert.deepEqual(changedLines(text, out), expectChanged);
  return out;
}

describe('template residue', () => {
  const text = draft(
    '本文系读者投稿，仅供学习参考，请勿照搬照抄！',
    ...HEAD,
    '一、主要工作开展情况',
    '组织集中学习12次。##paidbegin##开展专题研讨4次。',
    '二、存在的问题',
    '学习形式比较单一。',
    '三、下一步工作打算',
    '创新学习方式。',
  );
  const a = analyzeText(text);

  test('a residue line: deleted with its line end, nothing else changes', () => {
    const { actions } = actionsFor(a, 'template-residue', 0);
    assert.equal(actions[0].title, '删除这些行');
    assert.equal(actions[0].isPreferred, true);
    const { text: out, analysis } = applyAction(text, actions[0]);
    assert.equal(out, linesOf(text).slice(1).join('\n'));
    assert.equal(only(analysis.findings, 'template-residue').length, 1);
  });

  test('a residue span inside a line: only the span goes', () => {
    const { actions } = actionsFor(a, 'template-residue', 4);
    assert.equal(actions[0].title, '删除此标记');
    const { text: out, analysis } = applyAction(text, actions[0]);
    assert.equal(linesOf(out)[4], '组织集中学习12次。开展专题研讨4次。');
    assert.deepEqual(changedLines(text, out), [4]);
    assert.equal(only(analysis.findings, 'template-residue').length, 1);
  });
});

describe('a correction a finding carries', () => {
  // A rule of the test's own, so the mechanism is tested apart from any real rule's wording.
  const doubled: Rule = {
    id: 'test-doubled-de',
    description: '测试用：“的的”',
    defaultSeverity: 'warning',
    fixable: true,
    check(ctx) {
      const out = [];
      for (let l = 0; l < ctx.source.lineCount; l++) {
        const at = ctx.source.lines[l].indexOf('的的');
        if (at >= 0) out.push({ message: '“的”重复。', range: lineRange(l, at, at + 2), fix: { title: '删去多余的“的”', edits: [{ range: lineRange(l, at + 1, at + 2), newText: '' }] } });
      }
      return out;
    },
  };
  const rules = [...ALL_RULES, doubled];
  const text = report('一、主要工作开展情况', '落实意识形态工作的的责任制。', '二、存在的问题', '学习形式比较单一。', '三、下一步工作打算', '创新学习方式。');

  test('is offered as the preferred quick fix, under its own title, and resolves the finding', () => {
    const a = analyzeText(text, { rules });
    const { actions } = actionsFor(a, 'test-doubled-de');
    assert.equal(actions.length, 1);
    assert.deepEqual({ title: actions[0].title, preferred: actions[0].isPreferred }, { title: '删去多余的“的”', preferred: true });
    const { text: out, analysis } = applyAction(text, actions[0], { rules });
    assert.deepEqual(changedLines(text, out), [3]);
    assert.equal(linesOf(out)[3], '落实意识形态工作的责任制。');
    assert.deepEqual(only(analysis.findings, 'test-doubled-de'), []);
  });

  test('belongs to fix all', () => {
    const a = analyzeText(text, { rules });
    assert.deepEqual(planFixAll(a).fixed.map((f) => f.code), ['test-doubled-de']);
  });
});

describe('renumbering a broken run, in each style', () => {
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

  test('a run in order offers nothing', () => {
    const text = report('一、主要工作开展情况', '1.压实责任。', '2.强化学习。');
    const a = analyzeText(text);
    assert.equal(renumberEdits(a.doc, { line: 3, character: 0 }), null);
    assert.deepEqual(only(a.findings, 'numbering'), []);
  });

  test('a position on a heading renumbers its run, the same as its finding', () => {
    const text = report('一、主要工作开展情况', '（一）压实责任。', '（三）强化学习。');
    const a = analyzeText(text);
    const byPosition = renumberEdits(a.doc, { line: 3, character: 4 });
    const byFinding = renumberEdits(a.doc, only(a.findings, 'numbering')[0]);
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

describe('a run that restarts at （一）', () => {
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
    const { actions } = actionsFor(a, 'numbering', 7);
    assert.equal(actions.length, 2);
    const [insert, plain] = actions;
    assert.equal(insert.isPreferred, true);
    assert.match(insert.title, /补上上级标题「三、下一步工作打算」/);
    assert.equal(plain.isPreferred, false);
    assert.match(plain.title, /（三）.*（四）|「（一）」至「（四）」/);

    const { text: out, analysis } = applyAction(text, insert);
    assert.deepEqual(linesOf(out), [...linesOf(text).slice(0, 7), '三、下一步工作打算', ...linesOf(text).slice(7, 9), '四、意识形态领域形势研判分析', '总体平稳，未发生重大舆情。']);
    assert.deepEqual(only(analysis.findings, 'numbering'), []);
    const slots = reportOutline(analysis.doc.reports[0]).sections.map((s) => `${s.slot}:${s.headed}`);
    assert.deepEqual(slots, ['achievements:true', 'problems:true', 'next-steps:true', 'situation:true']);
  });

  test('keeping it one list stays the user’s choice', () => {
    const a = analyzeText(text);
    const plain = actionsFor(a, 'numbering', 7).actions[1];
    const { text: out, analysis } = applyAction(text, plain);
    assert.deepEqual(changedLines(text, out), [7, 8]);
    assert.deepEqual(only(analysis.findings, 'numbering'), []);
  });

  test('neither is applied by fix all', () => assert.deepEqual(planFixAll(analyzeText(text)).edits, []));

  test('a restart not read as a new part is renumbered, on request only', () => {
    const plain = report('一、主要工作开展情况', '（一）压实责任。', '（二）强化学习。', '（一）管好阵地。', '二、存在的问题', '学习不深。', '三、下一步工作打算', '深化学习。');
    const out = renumbered(plain, [5], ['一']);
    assert.equal(linesOf(out)[5], '（三）管好阵地。');
    assert.deepEqual(planFixAll(analyzeText(plain)).edits, []);
  });
});

describe('a missing part', () => {
  test('its heading and a prompt go where the profile’s order puts them; later numbers move up', () => {
    const text = report('一、主要工作开展情况', '组织集中学习12次。', '二、下一步工作打算', '继续深化学习。');
    const a = analyzeText(text);
    const { actions } = actionsFor(a, 'missing-section');
    assert.equal(actions.length, 1);
    assert.equal(actions[0].isPreferred, true);
    assert.match(actions[0].title, /「二、存在的问题」/);
    const { text: out, analysis } = applyAction(text, actions[0]);
    assert.deepEqual(linesOf(out).slice(4), ['二、存在的问题', '【请填写本部分内容】', '三、下一步工作打算', '继续深化学习。']);
    assert.deepEqual(only(analysis.findings, 'missing-section'), []);
    assert.deepEqual(only(analysis.findings, 'numbering'), []);
    assert.deepEqual(only(analysis.findings, 'empty-section'), []);
    // The prompt is a placeholder the author must replace, and says what belongs there.
    const prompts = only(analysis.findings, 'placeholder');
    assert.equal(prompts.length, 1);
    assert.equal(prompts[0].range.start.line, 5);
    assert.match(prompts[0].message, /「【请填写本部分内容】」.*请填入实际内容/);
  });

  test('at the end of a CRLF draft without a final line end: appended with CRLF', () => {
    const text = report('一、主要工作开展情况', '组织集中学习12次。', '二、存在的问题', '学习形式单一。').replace(/\n/g, '\r\n');
    const a = analyzeText(text);
    const { actions } = actionsFor(a, 'missing-section');
    const { text: out, analysis } = applyAction(text, actions[0]);
    assert.equal(out, text + '\r\n三、下一步工作打算\r\n【请填写本部分内容】');
    assert.deepEqual(only(analysis.findings, 'missing-section'), []);
  });

  test('in a draft whose parts are separated by blank lines, so is the new one', () => {
    const text = draft(...HEAD, '', '一、主要工作开展情况', '组织集中学习12次。', '', '二、下一步工作打算', '继续深化学习。');
    const { actions } = actionsFor(analyzeText(text), 'missing-section');
    const { text: out } = applyAction(text, actions[0]);
    assert.deepEqual(linesOf(out).slice(5), ['', '二、存在的问题', '【请填写本部分内容】', '', '三、下一步工作打算', '继续深化学习。']);
  });

  test('Markdown headings keep their #', () => {
    const text = draft('# 2024年意识形态工作总结', '今年以来，局党组认真落实意识形态工作责任制。', '## 一、主要工作开展情况', '组织集中学习12次。', '## 二、存在的问题', '学习形式单一。');
    const a = analyzeText(text, { markdown: true });
    const { actions } = actionsFor(a, 'missing-section');
    const { text: out, analysis } = applyAction(text, actions[0], { markdown: true });
    assert.deepEqual(linesOf(out).slice(6), ['## 三、下一步工作打算', '【请填写本部分内容】']);
    assert.deepEqual(only(analysis.findings, 'missing-section'), []);
  });

  test('two parts missing: each has its own fix', () => {
    const text = report('一、主要工作开展情况', '组织集中学习12次。');
    const a = analyzeText(text);
    const fixes = only(a.findings, 'missing-section').map((f) => missingPartEdit(a.doc, f)?.title);
    assert.equal(fixes.length, 2);
    assert.match(fixes[0] ?? '', /二、存在的问题/);
    assert.match(fixes[1] ?? '', /二、下一步工作打算/);
  });

  test('a profile whose heading words would make the prompt a heading gets a prompt that cannot be one', () => {
    const data = JSON.parse(JSON.stringify(getProfile().data)) as ProfileData;
    data.id = 'test-prompt-words';
    data.parts = data.parts.map((p) => (p.slot === 'problems' ? { ...p, headingPatterns: [...p.headingPatterns, '本部分'] } : p));
    const profile = compileProfile(data);
    const text = report('一、主要工作开展情况', '组织集中学习12次。', '二、下一步工作打算', '继续深化学习。');
    const { actions } = actionsFor(analyzeText(text, { profile }), 'missing-section');
    const { text: out, analysis } = applyAction(text, actions[0], { profile });
    assert.equal(linesOf(out)[5], '【请填写本部分内容，替换本行】');
    assert.deepEqual(only(analysis.findings, 'empty-section'), []);
    assert.deepEqual(only(analysis.findings, 'missing-section'), []);
    assert.equal(only(analysis.findings, 'placeholder').length, 1);
  });

  test('never part of fix all', () => {
    assert.deepEqual(planFixAll(analyzeText(report('一、主要工作开展情况', '组织集中学习12次。'))).edits, []);
  });
});
