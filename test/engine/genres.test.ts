/**
 * Genres: each report gets the genre its title and opening say (the fallback
 * genre otherwise), and is checked against that genre's parts. For every
 * built-in genre a complete draft of our own has no missing part and the same
 * draft without a required part gets exactly that one missing-section.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/features/analyze';
import { AUTO, builtInGenres, genreSet, getGenres } from '../../server/src/engine/genre';
import { ProfileData, builtInProfileIds, compileProfile, getProfile } from '../../server/src/engine/profile';
import { GENRE_DRAFTS } from './genre-fixtures';

const missing = (text: string, options = {}) => analyzeText(text, options).findings.filter((f) => f.code === 'missing-section');

describe('each built-in genre on drafts of our own', () => {
  test('every built-in genre with a required part has its two drafts here', () => {
    const withRequired = builtInProfileIds().filter((id) => getProfile(id).parts.some((p) => p.required));
    assert.deepEqual(GENRE_DRAFTS.map((d) => d.genre).sort(), withRequired.sort());
  });

  for (const draft of GENRE_DRAFTS) {
    const complete = draft.lines.join('\n');
    const [from, to] = draft.missing.drop;
    const without = draft.lines.filter((_, i) => i + 1 < from || i + 1 > to).join('\n');

    test(`${draft.genre}: the complete draft is detected as its genre, with every part found`, () => {
      const a = analyzeText(complete);
      assert.deepEqual(a.doc.reports.map((r) => r.profile.id), [draft.genre]);
      assert.deepEqual(missing(complete), []);
      const required = getProfile(draft.genre).parts.filter((p) => p.required).map((p) => p.slot);
      const found = new Set(a.doc.reports[0].parts.map((p) => p.slot));
      assert.deepEqual(required.filter((s) => !found.has(s)), []);
      assert.deepEqual(a.findings.filter((f) => f.code === 'section-order'), []);
    });

    test(`${draft.genre}: without 「${draft.missing.name}」, exactly that part is missing`, () => {
      const a = analyzeText(without);
      assert.deepEqual(a.doc.reports.map((r) => r.profile.id), [draft.genre]);
      const found = missing(without);
      assert.deepEqual(found.map((f) => (f.data as { slot: string }).slot), [draft.missing.slot]);
      assert.match(found[0].message, new RegExp(`缺少「${draft.missing.name}」部分`));
    });
  }

  test('a research report has no required part: neither shape (problems and measures, or experience) is demanded', () => {
    const text = ['关于全县农村集体经济发展情况的调研报告', '一、基本情况', '全县128个村中，集体经营性收入超过10万元的有41个。', '二、几点启示', '一是选好带头人，二是盘活闲置资产。'].join('\n');
    assert.equal(analyzeText(text).doc.reports[0].profile.id, 'research-report');
    assert.deepEqual(missing(text), []);
  });
});

describe('detection', () => {
  const genreOf = (text: string) => analyzeText(text).doc.reports.map((r) => r.profile.id);

  test('titles: the most specific genre wins', () => {
    const cases: [string, string][] = [
      ['2025年意识形态工作总结', 'ideology-summary'],
      ['2025年意识形态工作总结及2026年工作计划', 'ideology-summary'],
      ['2026年意识形态工作要点', 'work-plan'],
      ['第三季度意识形态领域形势分析研判报告', 'ideology-analysis-report'],
      ['2025年抓基层党建工作述职报告', 'grassroots-party-duty-report'],
      ['2025年度述责述廉报告', 'duty-integrity-report'],
      ['关于落实全面从严治党主体责任情况的报告', 'party-discipline-report'],
      ['关于巡察反馈意见整改落实情况的报告', 'inspection-rectification-report'],
      ['2025年度专题民主生活会对照检查材料', 'self-criticism-material'],
      ['机关党支部2025年党建工作总结', 'party-building-summary'],
      ['2025年度工作总结', 'work-summary'],
    ];
    for (const [title, genre] of cases) assert.deepEqual(genreOf(`${title}\n一、主要工作\n全年召开会议12次。`), [genre], title);
  });

  test('no telling title: the opening says the genre, and the fallback takes the rest', () => {
    assert.deepEqual(genreOf('一年来，机关党支部在局党组领导下，认真落实“三会一课”制度。\n一、主要工作\n召开支部党员大会4次。'), ['party-building-summary']);
    assert.deepEqual(genreOf('今年以来，我局全面落实意识形态工作责任制。\n一、主要工作\n专题研究4次。'), ['ideology-summary']);
    assert.deepEqual(genreOf('今年以来，我局扎实推进各项业务工作。\n一、主要工作\n完成项目12个。'), ['work-summary']);
  });

  test('a title run into the first sentence (a flattened page) still says the genre', () => {
    assert.deepEqual(genreOf('城关镇2025年党风廉政建设工作总结 今年以来，镇党委坚持……\n一、主要工作\n开展督查6轮。'), ['party-discipline-report']);
  });

  test('a collection mixes genres: each report gets its own, and is checked against it', () => {
    const text = [
      '2025年党建和意识形态工作材料汇编',
      '篇1：机关党支部2025年党建工作总结',
      '一、主要工作开展情况',
      '召开支部党员大会4次。',
      '二、存在的问题',
      '组织生活形式比较单一。',
      '三、下一步工作打算',
      '每季度开展一次主题党日。',
      '篇2：2026年意识形态工作要点',
      '一、重点任务',
      '全年开展理论宣讲20场。',
    ].join('\n');
    const a = analyzeText(text);
    assert.deepEqual(a.doc.reports.map((r) => r.profile.id), ['party-building-summary', 'work-plan']);
    assert.deepEqual(a.findings.filter((f) => f.code === 'missing-section'), []);
  });

  test('a genre named in the setting applies to every report, detection off', () => {
    const text = '2026年意识形态工作要点\n一、重点任务\n全年开展理论宣讲20场。';
    assert.deepEqual(analyzeText(text, { profile: 'work-plan' }).doc.reports.map((r) => r.profile.id), ['work-plan']);
    assert.deepEqual(analyzeText(text, { profile: 'ideology-summary' }).doc.reports.map((r) => r.profile.id), ['ideology-summary']);
    assert.deepEqual(analyzeText(text, { profile: AUTO }).doc.reports.map((r) => r.profile.id), ['work-plan']);
    assert.equal(getGenres('work-plan').fixed?.id, 'work-plan');
    assert.equal(getGenres(AUTO), builtInGenres());
  });

  test('a genre may switch a rule off for its reports, and only for them', () => {
    const data = JSON.parse(JSON.stringify(getProfile('work-plan').data)) as ProfileData;
    data.rules = { numbering: false };
    const quiet = compileProfile(data);
    const genres = genreSet([...builtInProfileIds().filter((id) => id !== 'work-plan').map((id) => getProfile(id)), quiet]);
    const text = ['2026年工作要点', '一、重点任务', '三、保障措施', '', '2025年工作总结', '一、主要工作', '三、存在的问题', '四、下一步工作打算'].join('\n');
    const found = analyzeText(text, { profile: genres }).findings.filter((f) => f.code === 'numbering');
    assert.deepEqual(found.map((f) => f.range.start.line), [6]);
  });
});

describe('issue 12 §5: a report of another genre is never told to write 意识形态 parts', () => {
  const others = [
    ['县生态环境局2025年工作总结', '一、主要工作', '完成大气污染防治项目12个。'],
    ['县人民医院2025年党建工作总结', '一、主要工作', '召开党委会专题研究党建工作6次。'],
    ['2025年度个人述职述廉报告', '一、履职尽责情况', '牵头完成项目5个。'],
  ];
  for (const lines of others) {
    test(lines[0], () => {
      const found = missing(lines.join('\n'));
      assert.ok(found.length > 0, 'the draft lacks parts, so there are findings to read');
      for (const f of found) assert.doesNotMatch(f.message, /意识形态/);
    });
  }
});
