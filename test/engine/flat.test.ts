/**
 * A report flattened onto one long line or a few: the same outline and the
 * same findings as the tidy draft. Fixture drafts are made up.
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
/** Findings without their positions: what is said, not where. */
const said = (text: string) => analyzeText(text).findings.map((f) => `${f.code}: ${f.message}`).sort();

const TITLE = '青禾县文旅局2024年意识形态工作总结';
const OPENING = '今年以来，局党组坚持把意识形态工作摆在突出位置，与业务工作同部署、同落实、同检查，现将有关情况报告如下。';
const TIDY = [
  TITLE,
  OPENING,
  '一、主要工作开展情况',
  '（一）强化组织领导。召开党组会议专题研究意识形态工作5次，制定责任清单，明确班子成员分工。一是建立台账。二是定期督办。',
  '（二）深化理论武装。开展中心组学习10次，组织专题研讨4次。一是抓好集中学习。二是抓好个人自学。',
  '二、存在的问题',
  '学习的系统性还不够强，阵地管理还有薄弱环节。',
  '三、下一步工作打算',
  '持续压实责任，加强阵地建设，提升舆情应对能力。',
];

describe('a report flattened onto long lines', () => {
  const oneLine = TITLE + ' ' + OPENING + TIDY.slice(2).join('').replace('二、存在的问题', '二、存在的问题 ').replace('三、下一步工作打算', '三、下一步工作打算 ');
  const twoLines = [TITLE + ' ' + OPENING + TIDY.slice(2, 5).join(''), TIDY.slice(5).join(' ')].join('\n');

  test('the title is the start of the line, and the headings are found inside it', () => {
    assert.deepEqual(outline(oneLine), outline(draft(...TIDY)));
    const r = analyzeText(oneLine).doc.reports[0];
    assert.deepEqual([r.title?.line, r.title?.start, r.title?.end], [0, 0, TITLE.length]);
    // Positions are those of the source line.
    const two = r.headings[3];
    assert.equal(oneLine.slice(two.marker.markerStart, two.marker.markerEnd), '二、');
    assert.equal(oneLine.slice(two.marker.textStart, two.marker.textEnd), '存在的问题');
  });

  test('a few long lines give the same outline', () => {
    assert.equal(twoLines.split('\n').length, 2);
    assert.deepEqual(outline(twoLines), outline(draft(...TIDY)));
  });

  test('and the same findings: none on the complete report, the same missing part when one is missing', () => {
    assert.deepEqual(said(oneLine), said(draft(...TIDY)));
    assert.deepEqual(said(oneLine), []);
    const cut = (s: string) => s.replace(/二、存在的问题 ?学习的系统性还不够强，阵地管理还有薄弱环节。\n?/, '').replace('三、下一步', '二、下一步');
    const tidyCut = draft(...TIDY.slice(0, 5), '二、下一步工作打算', TIDY[8]);
    // The same part is missing (the suggested heading's number is computed by lines, which a flattened report lacks).
    const missing = (text: string) => analyzeText(text).findings.map((f) => `${f.code}:${(f.data as { slot?: string } | undefined)?.slot ?? ''}`);
    assert.deepEqual(missing(cut(oneLine)), missing(tidyCut));
    assert.deepEqual(said(tidyCut).map((s) => s.split(':')[0]), ['missing-section']);
  });

  test('a 一是 list restarts after a heading inside the line; a real break is still reported', () => {
    assert.deepEqual(said(oneLine).filter((s) => s.startsWith('numbering')), []);
    const broken = oneLine.replace('二是抓好个人自学', '三是抓好个人自学');
    assert.deepEqual(
      said(broken).filter((s) => s.startsWith('numbering')),
      said(draft(...TIDY).replace('二是抓好个人自学', '三是抓好个人自学')).filter((s) => s.startsWith('numbering')),
    );
    assert.equal(said(broken).filter((s) => s.startsWith('numbering')).length, 1);
  });

  test('a heading run straight into its body after a space, and 「（一）」 glued to its parent', () => {
    const text = TITLE + ' ' + OPENING + '一、存在的问题（一）理论学习不深。学习的系统性还不够强。（二）阵地管理不严。部分宣传栏更新不及时。二、下一步工作打算 持续压实责任，加强阵地建设。';
    assert.deepEqual(
      outline(text)[0].headings,
      ['1:存在的问题', '2:理论学习不深', '2:阵地管理不严', '1:下一步工作打算'],
    );
  });

  test('look-alikes in a long paragraph are no headings', () => {
    const para =
      '全年在一、二、三季度分别开展专项排查，第一、第二批问题已整改到位。' +
      '组织开展主题宣讲活动，覆盖全县各乡镇、街道和社区，受众达到两万人次，群众满意度明显提升。'.repeat(3);
    const text = draft('2024年意识形态工作总结', para, '一、主要工作开展情况', '开展学习。');
    assert.deepEqual(outline(text)[0].headings, ['1:主要工作开展情况']);
  });

  test('a title glued to the first heading on a line of its own: the same outline and findings as the tidy draft', () => {
    const tidy = ['青禾县文旅局2025年意识形态工作方案', '一、总体要求', '坚持正确方向，压实工作责任，守好阵地。', '二、主要任务', '（一）学习安排。每月开展一次集中学习。', '（二）阵地管理。每季度排查一次宣传阵地。'];
    const glued = [tidy[0] + tidy[1], ...tidy.slice(2)];
    assert.deepEqual(outline(draft(...glued)), outline(draft(...tidy)));
    assert.deepEqual(outline(draft(...glued))[0].headings, ['1:总体要求', '1:主要任务', '2:学习安排', '2:阵地管理']);
    assert.deepEqual(said(draft(...glued)), said(draft(...tidy)));
    // A title that only mentions a list goes on being read as running text.
    const mention = ['青禾县文旅局2025年意识形态工作总结', '今年的工作方案一、二、三项任务均已完成。', '一、主要工作', '开展学习。'];
    assert.deepEqual(outline(draft(...mention))[0].headings, ['1:主要工作']);
  });

  test('headings on one line keep their order in the outline, whatever parts they name', () => {
    const plan = [
      '青禾县文旅局2025年意识形态工作计划',
      '为做好今年的意识形态工作，结合本局实际，制定本计划。',
      '一、总体要求',
      '坚持正确方向，压实工作责任，守好阵地。',
      '二、基本安排',
      '（一）学习安排。每月开展一次集中学习。',
      '（二）阵地管理。每季度排查一次宣传阵地。',
    ];
    const flat = plan[0] + ' ' + plan.slice(1).join(' ');
    const parts = (text: string) => analyzeText(text).doc.reports[0].parts.map((p) => p.heading);
    assert.deepEqual(parts(draft(...plan)), ['总体要求', '基本安排']);
    assert.deepEqual(parts(flat), parts(draft(...plan)));
    assert.deepEqual(outline(flat), outline(draft(...plan)));
  });
});
