/**
 * Fix all must never delete report text. Report sentences that merely use the
 * words template sites put in their notices (版权归属, 禁止外传, 转载请注明) are
 * content, and a residue fix that might remove the author's words is offered
 * only as a quick fix the user picks.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/features/analyze';
import { codeActionsFor, planFixAll } from '../../server/src/features/fixes';
import { applyEdits } from '../../server/src/engine/edits';
import { draft } from '../helpers';
import { only } from './util';

const HEAD = ['2024年县融媒体中心意识形态工作总结', '今年以来，中心党支部认真履行意识形态工作主体责任，现将有关情况总结如下。', '一、主要工作开展情况'];
const TAIL = ['二、存在的问题', '一是业务培训还不够系统。', '三、下一步工作打算', '一是健全采编审核制度。'];

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

describe('report text that uses the words of site notices', () => {
  for (const line of LOOKALIKES) {
    test(`kept by fix all: ${line}`, () => {
      const text = draft(...HEAD, line, ...TAIL);
      const a = analyzeText(text);
      assert.deepEqual(only(a.findings, 'template-residue').map((f) => f.message), []);
      const out = applyEdits(text, planFixAll(a).edits);
      assert.ok(out.includes(line), out);
      assert.equal(a.doc.lines[3].kind === 'residue', false);
    });
  }
});

describe('site notices', () => {
  const cases: [string, string][] = [
    ['a whole notice line', '本文系网友投稿，仅供学习参考，请勿照搬照抄！'],
    ['a copyright line', '版权归原作者所有，如有侵权请联系删除'],
    ['a source line', '内容来源于网络，转载请注明出处'],
    ['a watermark line', '内部资料 禁止外传'],
  ];
  for (const [name, notice] of cases) {
    test(`${name} is deleted by fix all`, () => {
      const text = draft(notice, ...HEAD, '组织集中学习12次。', ...TAIL);
      const a = analyzeText(text);
      const residue = only(a.findings, 'template-residue');
      assert.equal(residue.length, 1);
      assert.equal(residue[0].fix?.manual, undefined);
      assert.equal(applyEdits(text, planFixAll(a).edits), draft(...HEAD, '组织集中学习12次。', ...TAIL));
    });
  }

  test('a notice sentence at the end of a paragraph is cut out by fix all, the report sentence kept', () => {
    const text = draft(...HEAD, '组织集中学习12次。仅供学习参考，请勿照搬照抄！', ...TAIL);
    const out = applyEdits(text, planFixAll(analyzeText(text)).edits);
    assert.equal(out, draft(...HEAD, '组织集中学习12次。', ...TAIL));
  });

  test('a notice inside a report sentence is found but only removed when the user picks it', () => {
    const text = draft(...HEAD, '组织集中学习12次，仅供参考，开展研讨4次。', ...TAIL);
    const a = analyzeText(text);
    const [f] = only(a.findings, 'template-residue');
    assert.ok(f, 'found');
    assert.equal(f.fix?.manual, true);
    assert.match(f.message, /不会自动删除/);
    assert.equal(applyEdits(text, planFixAll(a).edits), text);
    const quick = codeActionsFor(a, f.range).find((x) => x.diagnostics.includes(f));
    assert.ok(quick && quick.edits.length === 1, 'offered as a quick fix');
    assert.equal(applyEdits(text, quick.edits), draft(...HEAD, '组织集中学习12次，开展研讨4次。', ...TAIL));
  });

  test('a numbered line with a watermark keeps its place: flagged, not deleted unasked', () => {
    const text = draft(...HEAD, '（一）仅供学习参考', '组织集中学习12次。', ...TAIL);
    const a = analyzeText(text);
    assert.equal(a.doc.lines[3].kind, 'heading');
    const residue = only(a.findings, 'template-residue');
    assert.equal(residue.length, 1);
    assert.equal(residue[0].fix?.manual, true);
    assert.equal(applyEdits(text, planFixAll(a).edits), text);
  });

  test('an advertising line with a group number is deleted; one without a second sign is only flagged', () => {
    const ad = '加入QQ群123456789，免费赠送全套资料';
    const sure = draft(ad, ...HEAD, '组织集中学习12次。', ...TAIL);
    assert.equal(applyEdits(sure, planFixAll(analyzeText(sure)).edits), draft(...HEAD, '组织集中学习12次。', ...TAIL));
    const unsure = draft(...HEAD, '组织集中学习12次。', '更多精彩', ...TAIL);
    const a = analyzeText(unsure);
    assert.equal(only(a.findings, 'template-residue')[0]?.fix?.manual, true);
    assert.equal(applyEdits(unsure, planFixAll(a).edits), unsure);
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
