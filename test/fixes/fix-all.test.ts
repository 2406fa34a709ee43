import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/features/analyze';
import { FIX_ALL_KIND, TakenSpans, codeActionsFor, fixAllEdits, planFixAll } from '../../server/src/features/fixes';
import { OffsetEdit, applyEdits, conflicts } from '../../server/src/engine/edits';
import { lineRange } from '../../server/src/engine/types';
import { ALL_RULES } from '../../server/src/rules';
import { Rule } from '../../server/src/rules/rule';
import { draft, testDocs } from '../helpers';
import { randomDocument } from '../robustness/generator';
import { changedLines, linesOf, only } from './util';

/** Residue, three numbering faults, a placeholder and nothing else. */
const MESSY = draft(
  '仅供学习参考，请勿照搬照抄',
  '2024年意识形态工作总结',
  '今年以来，县文旅局党组认真落实意识形态工作责任制，现将有关情况总结如下。',
  '一、主要工作开展情况',
  '（一）压实工作责任。召开党组会专题研究意识形态工作4次。',
  '（二）强化理论武装。组织中心组集中学习X次。',
  '（四）管好宣传阵地。审核景区宣传栏内容36处。',
  '三、存在的问题',
  '一是学习形式比较单一。三是网络阵地管理还有短板。',
  '四、下一步工作打算',
  '一是创新学习方式。二是加强网络阵地管理。',
);

const FIXED = draft(
  '2024年意识形态工作总结',
  '今年以来，县文旅局党组认真落实意识形态工作责任制，现将有关情况总结如下。',
  '一、主要工作开展情况',
  '（一）压实工作责任。召开党组会专题研究意识形态工作4次。',
  '（二）强化理论武装。组织中心组集中学习X次。',
  '（三）管好宣传阵地。审核景区宣传栏内容36处。',
  '二、存在的问题',
  '一是学习形式比较单一。二是网络阵地管理还有短板。',
  '三、下一步工作打算',
  '一是创新学习方式。二是加强网络阵地管理。',
);

describe('fix all', () => {
  test('residue, renumbering and list numbers in one set of edits; placeholders left for the author', () => {
    const a = analyzeText(MESSY);
    const plan = planFixAll(a);
    assert.deepEqual(plan.fixed.map((f) => `${f.code}@${f.range.start.line}`), ['template-residue@0', 'numbering@6', 'numbering@7', 'numbering@8']);
    assert.deepEqual(plan.deferred, []);
    const out = applyEdits(MESSY, plan.edits);
    assert.equal(out, FIXED);
    assert.deepEqual(analyzeText(out).findings.map((f) => f.code), ['placeholder']);
  });

  test('applying it twice is applying it once', () => {
    const once = applyEdits(MESSY, fixAllEdits(analyzeText(MESSY)));
    assert.deepEqual(fixAllEdits(analyzeText(once)), []);
    for (const text of [FIXED, FIXED.replace(/\n/g, '\r\n'), '\ufeff' + FIXED]) assert.deepEqual(fixAllEdits(analyzeText(text)), [], JSON.stringify(text.slice(0, 3)));
  });

  test('CRLF text: the same fixes, line ends untouched', () => {
    const crlf = MESSY.replace(/\n/g, '\r\n');
    const out = applyEdits(crlf, fixAllEdits(analyzeText(crlf)));
    assert.equal(out, FIXED.replace(/\n/g, '\r\n'));
  });

  test('touches nothing but the markers and the residue line', () => {
    const a = analyzeText(MESSY);
    const out = applyEdits(MESSY, fixAllEdits(a));
    // Without the residue line, the other lines differ only where a number was wrong.
    assert.deepEqual(changedLines(draft(...linesOf(MESSY).slice(1)), out), [5, 6, 7, 8]);
  });

  test('offered as source.fixAll.zongjie (the kind fix-on-save asks for) and as a quick fix beside single fixes', () => {
    const a = analyzeText(MESSY);
    const whole = { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } };
    for (const onlyKinds of [[FIX_ALL_KIND], ['source.fixAll'], ['source']]) {
      const actions = codeActionsFor(a, whole, onlyKinds);
      assert.equal(actions.length, 1, onlyKinds.join());
      assert.deepEqual({ title: actions[0].title, kind: actions[0].kind }, { title: '修复全部可自动修复的问题', kind: FIX_ALL_KIND });
      assert.equal(applyEdits(MESSY, actions[0].edits), FIXED);
      assert.equal(actions[0].diagnostics.length, 4);
    }
    assert.deepEqual(codeActionsFor(a, whole, ['quickfix']).filter((x) => x.kind === FIX_ALL_KIND), []);
    assert.deepEqual(codeActionsFor(a, whole, ['refactor']), []);
    // On the residue line: its own fix first, then fix all.
    const here = codeActionsFor(a, lineRange(0, 0, 0));
    assert.deepEqual(here.map((x) => [x.title, x.isPreferred]), [['删除这些行', true], ['修复全部可自动修复的问题', false]]);
  });

  test('nothing to fix: no fix-all action', () => {
    const a = analyzeText(FIXED);
    assert.deepEqual(codeActionsFor(a, { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }, [FIX_ALL_KIND]), []);
  });

  test('a fix that overlaps one already taken waits for the next run; nothing is half-applied', () => {
    // A rule of the test's own whose correction rewrites the residue line the residue fix deletes.
    const clash: Rule = {
      id: 'test-clash',
      docs: testDocs('测试用'),
      defaultSeverity: 'warning',
      fixable: true, scope: 'document',
      check: () => [{ message: '测试。', range: lineRange(0, 0, 2), fix: { title: '测试', edits: [{ range: lineRange(0, 0, 2), newText: '只供' }] } }],
    };
    const a = analyzeText(MESSY, { rules: [...ALL_RULES, clash] });
    const plan = planFixAll(a);
    assert.deepEqual(plan.deferred.map((f) => f.code), ['test-clash']);
    assert.equal(applyEdits(MESSY, plan.edits), FIXED);
  });

  test('thousands of broken headings and lists: a hang guard, not a speed test', () => {
    const lines = ['2024年意识形态工作总结', '现将有关情况总结如下。', '一、主要工作开展情况'];
    for (let i = 1; i <= 3000; i++) lines.push(`${i + (i % 3 === 0 ? 1 : 0)}.压实责任。制定清单。`);
    for (let i = 0; i < 2000; i++) lines.push('主要做法：一是加强领导。三是管好阵地。');
    const text = lines.join('\n');
    const a = analyzeText(text);
    const t0 = Date.now();
    const plan = planFixAll(a);
    codeActionsFor(a, a.findings[a.findings.length - 1].range);
    assert.ok(Date.now() - t0 < 5000, `${Date.now() - t0} ms`);
    const after = analyzeText(applyEdits(text, plan.edits));
    assert.deepEqual(only(after.findings, 'numbering'), []);
  });

  test('generated drafts: the plan always applies, and every quick fix offered applies', () => {
    for (let seed = 7000; seed < 7300; seed++) {
      const text = randomDocument(seed);
      const a = analyzeText(text);
      const plan = planFixAll(a);
      assert.doesNotThrow(() => applyEdits(text, plan.edits), `seed ${seed}`);
      for (const f of a.findings) for (const action of codeActionsFor(a, f.range)) assert.doesNotThrow(() => applyEdits(text, action.edits), `seed ${seed}: ${action.title}`);
      // Nothing that needs the author is ever in it.
      assert.ok(plan.fixed.every((f) => f.code !== 'placeholder' && f.code !== 'missing-section'));
      assert.deepEqual(only(plan.fixed, 'placeholder'), []);
    }
  });
});

describe('the edits fix-all has taken (TakenSpans)', () => {
  test('answers as asking each taken edit in turn would, insertions and touching edits included', () => {
    let seed = 17;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const spans: OffsetEdit[] = Array.from({ length: 40 }, () => {
        const start = next(60);
        const end = next(3) === 0 ? start : start + 1 + next(6);
        return { start, end, newText: '', edit: { range: lineRange(0, start, end), newText: '' } };
      });
      const taken = new TakenSpans(spans.map((s) => s.start));
      const naive: OffsetEdit[] = [];
      for (const s of spans) {
        const expected = naive.some((t) => conflicts(t, s));
        assert.equal(taken.conflicts(s), expected, `round ${round}: [${s.start}, ${s.end}) against ${naive.map((t) => `[${t.start}, ${t.end})`).join(' ')}`);
        if (!expected) {
          naive.push(s);
          taken.add(s);
        }
      }
    }
  });
});
