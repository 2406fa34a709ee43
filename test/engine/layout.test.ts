/**
 * Layouts that pasting breaks: a site's table of contents above the report,
 * and a doc site's page text cut into numbered ~300-character chunks.
 * Fixture drafts are made up.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/features/analyze';
import { draft } from '../helpers';

const codes = (text: string) => analyzeText(text).findings.map((f) => `${f.code}@${f.range.start.line}`);
const outline = (text: string) =>
  analyzeText(text).doc.reports.map((r) => ({ title: r.title?.text ?? null, headings: r.headings.map((h) => h.text), parts: r.parts.map((p) => p.slot) }));

const REPORT = [
  '青禾县2022年宣传思想工作座谈会发言材料',
  '尊敬的王部长，各位领导：',
  '根据会议安排，下面我就青禾县2022年宣传思想工作汇报如下。',
  '一、2022年工作成效',
  '1.理论武装深入人心。组建宣讲团8支，开展宣讲120余场。',
  '2.舆论阵地稳固可控。开展网络专项整治3次。',
  '二、存在的主要问题',
  '基层宣传力量仍显薄弱。',
  '三、2023年工作思路',
  '持续深化理论武装，巩固舆论阵地。',
];

describe('a table of contents above the report', () => {
  test('a site’s 目录/提纲 block is residue, and the outline and findings are those of the report alone', () => {
    const toc = ['目录/提纲：……', '一、2022年工作成效', '1、理论武装深入人心', '2、舆论阵地稳固可控', '二、存在的主要问题', '三、2023年工作思路', '一、深化理论武装', '二、巩固舆论阵地', '……'];
    const text = draft(...toc, ...REPORT);
    assert.deepEqual(outline(text), outline(draft(...REPORT)));
    const residue = analyzeText(text).findings.filter((f) => f.code === 'template-residue');
    assert.deepEqual(residue.map((f) => [f.range.start.line, f.range.end.line]), [[0, 8]]);
    assert.deepEqual(codes(text).filter((c) => !c.startsWith('template-residue')), codes(draft(...REPORT)).map((c) => c.replace(/@(\d+)/, (_, n) => '@' + (Number(n) + toc.length))));
  });

  test('the writer’s own table of contents is part of no outline and is not flagged', () => {
    const toc = ['目录', '一、2022年工作成效', '二、存在的主要问题', '三、2023年工作思路'];
    const text = draft(...toc, ...REPORT);
    assert.deepEqual(outline(text), outline(draft(...REPORT)));
    assert.deepEqual(codes(text), []);
    assert.equal(analyzeText(text).doc.lines[1].kind, 'toc');
  });

  test('the headings listed with no keyword line above the report, with blank lines between, are a table of contents', () => {
    const [title, ...rest] = REPORT;
    const text = draft(title, '', '  一、2022年工作成效', '', '  二、存在的主要问题', '', '  三、2023年工作思路', '', ...rest);
    assert.deepEqual(outline(text), outline(draft(...REPORT)));
    assert.deepEqual(codes(text), []);
    assert.equal(analyzeText(text).doc.lines[2].kind, 'toc');
  });

  test('a heading right above its first subheading, or headings with an empty part, are no table of contents', () => {
    const headingThenSub = draft('青禾县2022年宣传思想工作总结', '一、2022年工作成效', '（一）理论武装深入人心', '组建宣讲团8支，开展宣讲120余场。', '二、存在的主要问题', '基层宣传力量仍显薄弱。');
    assert.deepEqual(outline(headingThenSub)[0].headings, ['2022年工作成效', '理论武装深入人心', '存在的主要问题']);
    const emptyPart = draft('青禾县2022年宣传思想工作总结', '一、2022年工作成效', '二、存在的主要问题', '基层宣传力量仍显薄弱。', '三、2023年工作思路', '持续深化理论武装。');
    assert.deepEqual(outline(emptyPart)[0].headings, ['2022年工作成效', '存在的主要问题', '2023年工作思路']);
    assert.ok(codes(emptyPart).some((c) => c.startsWith('empty-section@1')));
  });
});

/** A made-up report cut into chunks of exactly `size` characters after the counter, as doc sites do. */
function chunked(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0, n = 1; i < text.length; i += size, n++) out.push(`${n}、` + text.slice(i, i + size));
  return out;
}

const FLAT =
  '青禾县2023年上半年意识形态工作总结 ' +
  '今年以来，县委坚持把意识形态工作作为党的建设的重要内容，与经济社会发展工作同部署、同落实、同检查、同考核。' +
  '一是压实工作责任。' + '召开常委会会议专题研究意识形态工作4次，制定责任清单，明确班子成员分工。'.repeat(5) +
  '二是强化理论武装。' + '开展中心组学习6次，组织专题研讨3次，引导干部群众坚定理想信念。'.repeat(8) +
  '三是加强阵地管理。' + '对全县宣传栏、电子屏和网站、微信公众号进行排查整改，确保正确导向。'.repeat(5) +
  '下一步，县委将继续压紧压实责任，持续加强阵地建设。';

describe('page-chunk counters', () => {
  test('「1、」「2、」 before chunks of equal length are residue, never headings', () => {
    const lines = chunked(FLAT, 300);
    assert.ok(lines.length >= 3);
    const { doc, findings } = analyzeText(draft(...lines));
    assert.deepEqual(
      findings.filter((f) => f.code === 'template-residue').map((f) => [f.range.start.line, f.range.start.character, f.range.end.character]),
      lines.map((_, i) => [i, 0, 2]),
    );
    assert.deepEqual(doc.reports.flatMap((r) => r.headings.map((h) => h.marker.style)), []);
    assert.equal(findings.filter((f) => f.code === 'numbering' || f.code === 'empty-section').length, 0);
  });

  test('a chunk cut right before the text’s own 、 gives no 「、、」: other rules say nothing inside the counter', () => {
    const a = '今年以来，县委坚持把意识形态工作摆在突出位置，坚持同部署、同落实、同检查'.repeat(10).slice(0, 300);
    const b = ('、同考核，开展专题学习12次，组织宣讲30场，覆盖干部群众两万人次，' + '持续加强网络阵地管理，'.repeat(30)).slice(0, 300);
    const lines = ['1、' + a, '2、' + b, '3、以上是本年度的工作情况。'];
    const found = analyzeText(draft(...lines)).findings;
    assert.deepEqual(found.filter((f) => f.code === 'punctuation').map((f) => f.range.start.line), []);
    assert.deepEqual(found.filter((f) => f.code === 'template-residue').map((f) => f.range.start.line), [0, 1, 2]);
  });

  test('a real 1、2、3、 list of long paragraphs keeps its headings, even when they are about 300 characters long', () => {
    const para = (n: number, len: number) => `${n}、` + '坚持把意识形态工作纳入年度目标考核，'.repeat(Math.ceil(len / 18)).slice(0, len - 1) + '。';
    const text = draft('2024年意识形态工作总结', '一、主要工作开展情况', para(1, 300), para(2, 302), para(3, 240));
    const r = analyzeText(text).doc.reports[0];
    assert.deepEqual(r.headings.map((h) => h.marker.style), ['cn-dun', 'arabic-dot', 'arabic-dot', 'arabic-dot']);
    assert.equal(analyzeText(text).findings.filter((f) => f.code === 'template-residue').length, 0);
  });
});
