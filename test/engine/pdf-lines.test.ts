/**
 * Text pasted from a PDF: a title split over short lines, body paragraphs
 * hard-wrapped mid-sentence, a heading marker alone on its line. The outline
 * and findings are those of the tidy draft. Fixture drafts are made up.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/features/analyze';
import { draft } from '../helpers';

const outline = (text: string) =>
  analyzeText(text).doc.reports.map((r) => ({
    title: r.title?.text ?? null,
    headings: r.headings.map((h) => `${h.depth}:${h.text}`),
    parts: r.parts.filter((p) => p.headed).map((p) => p.slot),
  }));
const said = (text: string) => analyzeText(text).findings.map((f) => `${f.code}: ${f.message}`).sort();

const BODY = [
  '2025年，镇党委坚持把意识形态工作作为党的建设的重要内容，现将有关情况报告如下。',
  '一、主要工作开展情况',
  '全年召开党委会专题研究意识形态工作6次，开展中心组学习12次。一是压实责任。二是强化学习。',
  '二、存在的问题',
  '基层宣传阵地的管理还不够严格，个别宣传栏更新不及时。',
  '三、2026年工作计划',
  '持续深化理论武装，加强阵地管理。',
];

/** Cuts each long line into print lines of `width` characters, as PDF extraction does. */
const wrap = (lines: string[], width: number) => lines.flatMap((l) => (l.length <= width ? [l] : l.match(new RegExp(`.{1,${width}}`, 'gu'))!));

describe('a title split over short lines', () => {
  const tidy = draft('青禾镇2025年意识形态工作总结与2026年工作计划', ...BODY);
  const split = draft('青禾镇2025', '年意识形态工作总结与', '2026', '年工作计划', ...BODY);

  test('is one title, read from the joined text', () => {
    assert.deepEqual(outline(split), outline(tidy));
    const t = analyzeText(split).doc.reports[0].title!;
    assert.deepEqual([t.line, t.start, t.endLine, t.end], [0, 0, 3, 5]);
  });

  test('gives the same findings: no lost year on the line after 「2025」', () => {
    assert.deepEqual(said(split), said(tidy));
    assert.deepEqual(said(split), []);
  });

  test('the report period is read across the pieces and placed on the piece that holds the year', () => {
    const { doc } = analyzeText(draft('2023', '年青禾镇意识形态工作总结', ...BODY.slice(1)));
    assert.equal(doc.reports[0].title?.text, '2023年青禾镇意识形态工作总结');
    const wrong = said(draft('2023', '年青禾镇意识形态工作总结', ...BODY));
    assert.equal(wrong.filter((s) => s.startsWith('year-mismatch')).length, 1, 'the title says 2023, the opening 2025');
  });

  test('a name or a site’s line above a whole title stays apart', () => {
    assert.equal(outline(draft('中共青禾镇委员会', '2025年意识形态工作总结', ...BODY))[0].title, '2025年意识形态工作总结');
    assert.equal(outline(draft('文档介绍', '2025年意识形态工作总结', ...BODY))[0].title, '2025年意识形态工作总结');
  });

  test('a break inside the title’s ending word (……工作总/结, ……对照检/查材料) joins the lines', () => {
    assert.deepEqual(outline(draft('青禾镇2025年意识形态工作总', '结', ...BODY)), outline(draft('青禾镇2025年意识形态工作总结', ...BODY)));
    const check = outline(draft('青禾镇党委领导班子2025年度民主生活会对照检', '查材料（含案例）', '根据上级党委的统一部署，班子成员深入开展谈心谈话。', '一、存在的主要问题', '理论学习还不够深入。'));
    assert.equal(check[0].title, '青禾镇党委领导班子2025年度民主生活会对照检查材料（含案例）');
  });

  test('a whole title and a next line that happens to start with the rest of a word stay apart', () => {
    const text = draft('青禾镇党委领导班子2025年度民主生活会对照检查材料', '查摆问题12条', '根据上级党委的统一部署，班子成员深入开展谈心谈话。');
    assert.equal(outline(text)[0].title, '青禾镇党委领导班子2025年度民主生活会对照检查材料');
  });
});

describe('body lines hard-wrapped mid-sentence', () => {
  const title = '青禾镇2025年意识形态工作总结';
  test('give the same outline and findings as the tidy draft', () => {
    const tidy = draft(title, ...BODY);
    const wrapped = draft(title, ...wrap(BODY, 18));
    assert.deepEqual(outline(wrapped), outline(tidy));
    assert.deepEqual(said(wrapped), said(tidy));
  });

  test('a heading marker alone on its line takes its words from the next', () => {
    const text = draft(title, BODY[0], '一、', '主要工作开展情况', '全年召开专题会议6次。', '二、存在的问题', '阵地管理不严。', '三、2026年工作计划', '加强阵地管理。');
    assert.deepEqual(outline(text)[0].headings, ['1:主要工作开展情况', '1:存在的问题', '1:2026年工作计划']);
    assert.deepEqual(said(text), []);
  });
});
