/**
 * The mechanism of quick fixes, apart from any real rule: a correction a
 * finding carries. Each rule's own fixes are tested in test/rules/<id>.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/features/analyze';
import { planFixAll } from '../../server/src/features/fixes';
import { lineRange } from '../../server/src/engine/types';
import { ALL_RULES } from '../../server/src/rules';
import { Rule } from '../../server/src/rules/rule';
import { draft, testDocs } from '../helpers';
import { actionsFor, applyAction, changedLines, linesOf, only } from './util';

const HEAD = ['2024年意识形态工作总结', '今年以来，区文化馆党支部认真落实意识形态工作责任制，现将有关情况总结如下。'];
const report = (...body: string[]) => draft(...HEAD, ...body);

describe('a correction a finding carries', () => {
  // A rule of the test's own, so the mechanism is tested apart from any real rule's wording.
  const doubled: Rule = {
    id: 'test-doubled-de',
    docs: testDocs('测试用：“的的”'),
    defaultSeverity: 'warning',
    fixable: true,
    scope: 'document',
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
