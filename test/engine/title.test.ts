/**
 * The report's title as template sites deliver it: after the site's chrome,
 * copied, wrapped in 篇 markers and site words. Fixture drafts are made up.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/features/analyze';
import { getProfile } from '../../server/src/engine/profile';
import { isCopy, lcsRatio, normalizeTitle, titleCandidate } from '../../server/src/engine/title';
import { draft } from '../helpers';

const profile = getProfile();
const cand = (line: string) => titleCandidate(line, 0, line.length, profile, false);
const titleOf = (text: string) => {
  const { doc } = analyzeText(text);
  const t = doc.reports[0]?.title;
  return t ? [t.line, t.text] : null;
};
const residueLines = (text: string) => analyzeText(text).findings.filter((f) => f.code === 'template-residue').map((f) => [f.range.start.line, f.range.end.line]);

const BODY = ['今年以来，青禾镇党委坚持把意识形态工作摆在重要位置，现将有关情况报告如下。', '一、主要工作开展情况', '开展专题学习9次。', '二、存在的问题', '学习不够深入。', '三、下一步工作打算', '持续深化理论学习。'];

describe('title candidates', () => {
  test('site words around a title are cut off, and the 篇 markers and 精编 are the site’s', () => {
    assert.equal(cand('青禾镇2023年意识形态工作总结篇1')?.text, '青禾镇2023年意识形态工作总结');
    assert.equal(cand('2022意识形态工作情况总结十篇1')?.text, '2022意识形态工作情况总结');
    assert.equal(cand('局党组2023年上半年意识形态工作汇报(自查报告)篇1')?.text, '局党组2023年上半年意识形态工作汇报(自查报告)');
    assert.equal(cand('（2025）第二季度意识形态研判报告（3篇）')?.text, '（2025）第二季度意识形态研判报告');
    assert.equal(cand('【篇一】2021年社区宣传工作总结')?.text, '2021年社区宣传工作总结');
    assert.equal(cand('3篇2021年度村级意识形态工作总结')?.text, '2021年度村级意识形态工作总结');
    assert.equal(cand('县统计局意识形态工作责任制落实情况的自查报告精编')?.text, '县统计局意识形态工作责任制落实情况的自查报告');
    assert.equal(cand('VIP 县医院2024年第二季度意识形态研判分析报告')?.text, '县医院2024年第二季度意识形态研判分析报告');
    assert.deepEqual(cand('青禾镇2023年意识形态工作总结篇1')?.site.map((s) => s.label), ['汇编分篇标记']);
    assert.deepEqual(cand('县统计局意识形态工作责任制落实情况的自查报告精编')?.site.map((s) => s.label), ['网站附加字样']);
    // 范文 and （全文） end many page titles; they are cut off for the test, not reported.
    assert.deepEqual(cand('乡镇2022年意识形态工作总结和2023年工作计划范文')?.site, []);
    assert.equal(cand('区民政局2021年意识形态工作总结（全文）')?.text, '区民政局2021年意识形态工作总结');
  });

  test('titles ending in 材料, 计划, 下一步打算, and a title followed by its addressee', () => {
    assert.equal(cand('局党组2020年意识形态工作开展情况总结汇报材料')?.text, '局党组2020年意识形态工作开展情况总结汇报材料');
    assert.equal(cand('市政协党组2022年第二季度履行主体责任情况报告和下一步打算')?.text, '市政协党组2022年第二季度履行主体责任情况报告和下一步打算');
    assert.equal(cand('中共青禾县委2019年落实意识形态 工作责任制情况汇报 中共某市委：')?.text, '中共青禾县委2019年落实意识形态 工作责任制情况汇报');
  });

  test('look-alikes are no titles', () => {
    for (const line of ['（三）编发简报12篇', '撰写心得3篇', '首页 > 工作总结 > 某单位工作总结', '时间：2022-07-12 浏览次数：', '一、工作开展情况']) {
      assert.equal(cand(line), null, line);
    }
  });

  test('copies of a page title, fuzzily', () => {
    assert.ok(isCopy('街道意识形态工作情况汇报', 'XXX街道意识形态工作情况汇报'));
    assert.ok(isCopy('年 XX 社区宣传思想文化工作总结', '2020 年社区宣传思想文化工作总结'));
    assert.ok(isCopy('(2026)第三季度意识形态研判报告(3篇).docxVIP', '(2026)第三季度意识形态研判报告(3篇)'));
    assert.ok(!isCopy('2023年意识形态工作总结', '2024年意识形态工作总结'), 'another year is another report');
    assert.ok(!isCopy('青禾镇意识形态工作总结', '县教育局党组关于落实意识形态工作责任制情况的报告'));
    assert.equal(normalizeTitle('【篇一】2020 年社区宣传部工作总结'), '2020年社区宣传部工作总结');
    assert.equal(lcsRatio('abcd', 'abcd'), 1);
    assert.equal(lcsRatio('ab', 'cd'), 0);
  });
});

describe('which line is the title', () => {
  test('the last title-like line above the body, after the site’s chrome and copies of the title', () => {
    const text = draft(
      '青禾街道意识形态工作情况汇报',
      '',
      '发布时间：2021-03-02 09:10:11',
      '',
      '青禾街道意识形态工作情况汇报',
      '',
      'XX街道意识形态工作情况汇报',
      '',
      ...BODY,
    );
    assert.deepEqual(titleOf(text), [6, 'XX街道意识形态工作情况汇报']);
    const { doc } = analyzeText(text);
    assert.equal(doc.reports.length, 1);
    assert.equal(doc.lines[4].kind, 'residue');
    assert.equal(doc.lines[0].kind, 'residue');
  });

  test('more than four lines of chrome do not hide the title', () => {
    const text = draft('- 2021-04-12 发布 |', '- 36.1 KB |', '- 12页', '申明：本站不保证文档的完整性。', '文档介绍', '2021年社区宣传部工作总结', ...BODY);
    assert.deepEqual(titleOf(text), [5, '2021年社区宣传部工作总结']);
  });

  test('a repeated page title with a year does not open a second report', () => {
    const text = draft('VIP 县医院2024年上半年意识形态工作总结', '2024-08-02 | 阅读:812', '', '县医院2024年上半年意识形态工作总结', '', ...BODY);
    const { doc } = analyzeText(text);
    assert.equal(doc.reports.length, 1);
    assert.equal(doc.reports[0].title?.line, 3);
    assert.equal(analyzeText(text).findings.filter((f) => f.code === 'missing-section').length, 0);
  });

  test('a report’s opening sentence between the title and a repeated page header is content', () => {
    // A PDF page break repeats the header under the first paragraph: the title stays the first line.
    const text = draft('2023年青禾街道宣传思想工作总结', '街道党工委高度重视宣传思想工作，全年开展宣讲12场。', '2023年青禾街道宣传思想工作总结', ...BODY.slice(1));
    assert.deepEqual(titleOf(text), [0, '2023年青禾街道宣传思想工作总结']);
    assert.ok(!residueLines(text).some(([a, b]) => a <= 1 && 1 <= b));
  });

  test('a site intro above a 篇 marker and the title is the site’s', () => {
    const text = draft(
      '下面是小编为大家整理的2022年度社区意识形态工作总结（三篇），供大家参考。',
      '总结是对过去一段时间工作的回顾，写好总结有助于发现规律、改进工作。',
      '青禾社区意识形态工作总结篇1',
      ...BODY,
    );
    assert.deepEqual(titleOf(text), [2, '青禾社区意识形态工作总结']);
    assert.deepEqual(residueLines(text).slice(-1), [[2, 2]]);
    assert.deepEqual(
      analyzeText(text).findings.filter((f) => f.code === 'template-residue' && f.range.start.line === 2).map((f) => f.range.start.character),
      ['青禾社区意识形态工作总结'.length],
    );
  });

  test('a bare 篇 marker under the title is residue and starts nothing; after a report it starts the next', () => {
    const text = draft('（2025）第二季度意识形态研判报告（3篇）', '', '第一篇', '', ...BODY, '', '第二篇', '', '2025年第二季度，全县意识形态领域总体平稳。', '一、主要工作开展情况', '开展排查3次。');
    const { doc } = analyzeText(text);
    assert.equal(doc.reports.length, 2);
    assert.equal(doc.reports[0].title?.text, '（2025）第二季度意识形态研判报告');
    assert.equal(doc.lines[2].kind, 'residue');
    assert.equal(doc.reports[1].startLine, 12);
    assert.equal(doc.reports[1].title, null);
  });

  test('a part heading under the title is no second title; a real 篇 in a sentence is content', () => {
    const text = draft('2024年意识形态工作总结', '工作开展情况', '全年撰写心得3篇，编发简报12篇。', '存在的问题', '学习不深。', '下一步工作打算', '深化学习。');
    assert.deepEqual(titleOf(text), [0, '2024年意识形态工作总结']);
    assert.deepEqual(residueLines(text), []);
  });

  test('the organisation’s name on its own line above the title', () => {
    const text = draft('中共青禾县委宣传部', '2024年意识形态工作总结', ...BODY);
    assert.deepEqual(titleOf(text), [1, '2024年意识形态工作总结']);
    assert.deepEqual(residueLines(text), []);
  });
});
