import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import dated from '../../server/src/data/dated-references.json';
import { analyzeText } from '../../server/src/features/analyze';
import { reportWith, segmenter } from '../chinese/util';
import { draft } from '../helpers';
import { needs } from '../pattern-needs';
import { ruleTester } from './tester';

const ID = 'outdated-reference';

// A cheap rule: every case holds with and without a segmenter (the tester's default, 'both').

const SUPERSEDED: [string, number, string[]][] = [
  ['深入学习贯彻党的十九大精神。', 2024, ['党的十九大']],
  ['深入学习贯彻党的十九大精神。', 2023, ['党的十九大']],
  ['组建党的十九大宣讲团，开展党的十九大理论宣讲活动。', 2024, ['党的十九大', '党的十九大']],
  // One phrase, one problem: the names joined by 和 or 、 are one finding over them all.
  ['全面贯彻党的十九大和十九届二中、三中、四中全会精神。', 2023, ['党的十九大和十九届二中、三中、四中全会']],
  ['认真学习贯彻党的十九大和十九届历次全会精神。', 2025, ['党的十九大和十九届历次全会']],
  ['学习党的十九大、十九届五中全会精神。', 2024, ['党的十九大、十九届五中全会']],
  // Two phrases, each cited with its own 精神: two findings.
  ['学习党的十九大精神和十九届六中全会精神。', 2024, ['党的十九大', '十九届六中全会']],
  ['学习贯彻十九届六中全会精神。', 2025, ['十九届六中全会']],
  ['学习贯彻十九届历次全会精神。', 2023, ['十九届历次全会']],
  ['以党的十九精神为指导。', 2024, ['党的十九']],
  ['认真学习十八届六中全会精神。', 2019, ['十八届六中全会']],
  ['认真学习十九大精神和十九大报告。', 2023, ['十九大']],
];

ruleTester(ID, {
  suite: 'superseded guidance cited as current',
  invalid: SUPERSEDED.map(([line, year, covered]) => ({
    name: `${year}: ${line}`,
    text: reportWith(line, year),
    findings: covered.map((text) => ({ line: 2, text, message: /已于\d{4}年\d{1,2}月召开/, data: { kind: 'superseded' } })),
    output: null,
  })),
});

const ANACHRONISMS: [string, number | string, string][] = [
  ['学习贯彻党的二十届四中全会精神。', 2024, '二十届四中全会'],
  ['学习贯彻党的二十届三中全会精神。', '2024年上半年', '二十届三中全会'],
  ['深入学习贯彻党的二十大精神。', 2021, '党的二十大'],
  ['党的十九届六中全会通过的历史决议。', 2020, '十九届六中全会'],
];

ruleTester(ID, {
  suite: 'a meeting cited before it took place',
  invalid: ANACHRONISMS.map(([line, year, covered]) => ({
    name: `${year}: ${line}`,
    text: reportWith(line, year),
    findings: [{ line: 2, text: covered, message: /晚于本报告的报告期/, data: { kind: 'anachronism' } }],
  })),
});

const SILENT: [string, number | string][] = [
  ['深入学习贯彻党的十九大精神，组建党的十九大宣讲团。', 2018],
  ['全面贯彻党的十九大和十九届二中、三中、四中全会精神。', 2020],
  ['全面贯彻党的十九大和十九届二中、三中、四中全会精神。', 2022],
  ['党的十九大以来，我局意识形态工作取得长足进步。', 2024],
  ['自党的十九大召开以来，各项工作稳步推进。', 2024],
  ['从党的十九大到二十大，是两个一百年奋斗目标的历史交汇期。', 2024],
  ['从党的十九大到二十大，是两个一百年奋斗目标的历史交汇期。', 2018],
  ['党的十九大报告指出，意识形态决定文化前进方向和发展道路。', 2024],
  ['党的十九届六中全会通过的历史决议总结了党的百年奋斗重大成就。', 2023],
  ['学习党的十八大、十九大、二十大精神的理论成果。', 2023],
  ['党的十八大以来，以习近平同志为核心的党中央高度重视意识形态工作。', 2025],
  ['学习贯彻党的二十届四中全会精神。', 2025],
  ['喜迎党的二十大胜利召开。', '2022年上半年'],
  ['深入学习贯彻党的二十大精神。', 2023],
  ['深入学习贯彻党的十九大精神。', '202X'],
  ['全力推进全县二十大重点项目建设。', 2021],
  ['学习十九大重点项目经验。', 2024],
];

ruleTester(ID, {
  suite: 'right for its year, historical, or looking forward: silent',
  valid: [
    ...SILENT.map(([line, year]) => ({ name: `${year}: ${line}`, text: reportWith(line, year) })),
    { name: 'a report without any year gets nothing', text: draft('意识形态工作总结', '局党组认真落实意识形态工作责任制。', '深入学习贯彻党的十九大精神。') },
  ],
});

const SLOGANS: [string, number | string, string, string][] = [
  ['全镇宣传工作以扎实开展党史学习教育为主线，各项任务稳步推进。', 2023, '以扎实开展党史学习教育为主线', 'party-history-education-mainline'],
  ['以党史学习教育为契机，组织干部职工开展集中学习。', 2022, '以党史学习教育为契机', 'party-history-education-mainline'],
  ['以“不忘初心、牢记使命”主题教育为主线，深化理论武装。', 2021, '以“不忘初心、牢记使命”主题教育为主线', 'theme-education-2019-mainline'],
  ['今年，中心上下喜迎建党100周年，精心组织系列活动。', 2022, '喜迎建党100周年', 'party-centenary-forward'],
  ['开展献礼党的百年华诞主题征文。', 2024, '献礼党的百年华诞', 'party-centenary-forward'],
  ['在推进全面建设小康社会的征程中，我街道各项工作迈上新台阶。', 2023, '全面建设小康社会', 'xiaokang-building'],
  ['紧扣决胜全面建成小康社会目标任务，压实意识形态工作责任。', 2021, '决胜全面建成小康社会', 'xiaokang-decisive'],
  ['围绕决胜高水平全面建成小康社会的中心工作，做好舆论引导。', '2022年上半年', '决胜高水平全面建成小康社会', 'xiaokang-decisive'],
  ['深入贯彻落实科学发展观，切实加强宣传思想工作。', 2019, '深入贯彻落实科学发展观', 'scientific-outlook-current'],
  ['以科学发展观统领机关党建各项工作。', 2024, '以科学发展观统领', 'scientific-outlook-current'],
  ['持续深化创先争优活动，激发党员干事创业热情。', 2020, '深化创先争优活动', 'chuangxian-zhengyou-campaign'],
];

ruleTester(ID, {
  suite: 'a slogan of a past period written as current',
  invalid: SLOGANS.map(([line, year, text, item]) => ({
    name: `${year}: ${line}`,
    text: reportWith(line, year),
    findings: [{ line: 2, text, message: /已不是当前的提法/, data: { kind: 'slogan', item } }],
    output: null,
  })),
});

const SLOGANS_SILENT: [string, number | string][] = [
  // In its own time.
  ['以扎实开展党史学习教育为主线，各项任务稳步推进。', 2021],
  ['以“不忘初心、牢记使命”主题教育为主线，深化理论武装。', 2019],
  ['喜迎建党100周年，精心组织系列活动。', '2021年上半年'],
  ['紧扣决胜全面建成小康社会目标任务，压实意识形态工作责任。', 2020],
  ['深入贯彻落实科学发展观，切实加强宣传思想工作。', 2011],
  ['持续深化创先争优活动，激发党员干事创业热情。', 2011],
  // History, not the task of the day.
  ['2019年，我局以“不忘初心、牢记使命”主题教育为主线，认真检视问题。', 2021],
  ['2019年开展了“不忘初心、牢记使命”主题教育，整改问题12个。', 2019],
  ['巩固拓展党史学习教育成果，推动学习教育常态化长效化。', 2023],
  ['回顾这些年，我们从喜迎建党100周年到学习贯彻二十大精神，走过了不平凡的历程。', 2024],
  ['党的十六大提出全面建设小康社会的奋斗目标。', 2023],
  ['从全面建设小康社会到全面建成小康社会，我们党带领人民接续奋斗。', 2023],
  ['我国已经全面建成小康社会，正在全面建设社会主义现代化国家。', 2024],
  ['重温《关于为决胜全面建成小康社会提供作风保障的通知》。', 2022],
  ['坚持以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观和习近平新时代中国特色社会主义思想为指导。', 2024],
  ['营造比学赶超、创先争优的浓厚氛围。', 2024],
  ['以开展党史学习教育为主线，认真做好各项工作。', '202X'],
];

ruleTester(ID, {
  suite: 'a slogan in its own time, in history or in a title: silent',
  valid: SLOGANS_SILENT.map(([line, year]) => ({ name: `${year}: ${line}`, text: reportWith(line, year) })),
});

test('outdated-reference: every slogan has a YYYY-MM end, a source and a task wording', () => {
  const data = JSON.parse(readFileSync(join(__dirname, '../../../server/src/data/dated-references.json'), 'utf8')) as {
    slogans: { id: string; name: string; pattern: string; currentUntil: string; source: string; instead: string; endedBy: string }[];
  };
  assert.ok(data.slogans.length >= 8);
  for (const s of data.slogans) {
    assert.match(s.currentUntil, /^\d{4}-(0[1-9]|1[0-2])$/, s.id);
    assert.ok(s.source.length > 10 && s.endedBy.length > 6 && s.instead.length > 4, s.id);
    assert.doesNotThrow(() => new RegExp(s.pattern), s.id);
  }
});

test('outdated-reference: every dated item has a YYYY-MM date and a source; supersessions come later', () => {
  const data = JSON.parse(readFileSync(join(__dirname, '../../../server/src/data/dated-references.json'), 'utf8')) as {
    items: { id: string; pattern: string; date: string; supersededBy: { date: string } | null; source: string }[];
  };
  for (const i of data.items) {
    assert.match(i.date, /^\d{4}-(0[1-9]|1[0-2])$/, i.id);
    assert.ok(i.source.length > 6, i.id);
    assert.doesNotThrow(() => new RegExp(i.pattern), i.id);
    if (i.supersededBy) assert.ok(i.supersededBy.date >= i.date, i.id);
  }
  assert.equal(data.items.find((i) => i.id === 'congress-20')?.date, '2022-10');
  assert.equal(data.items.find((i) => i.id === 'plenum-20-4')?.date, '2025-10');
});

describe('a wrong formulation that is also an outdated reference: one finding that says both', () => {
  const findingsOf = (text: string, words: boolean) =>
    analyzeText(text, { segmenter: words ? segmenter() : undefined }).findings.filter((f) => f.code === 'formulation' || f.code === ID);

  for (const words of [true, false]) {
    test(`党的十九精神 in a 2024 report, ${words ? 'with' : 'without'} words: outdated-reference alone, naming the lost 大 too`, () => {
      const found = findingsOf(reportWith('认真学习贯彻党的十九精神。', 2024), words);
      assert.deepEqual(found.map((f) => f.code), [ID]);
      assert.match(found[0].message, /^「党的十九」漏了「大」字，规范简称是「党的十九大」；而且本报告属于2024年，党的二十大已于2022年10月召开/);
    });
  }

  test('十九五中全会精神 in a 2024 report: one finding naming the lost 届', () => {
    for (const words of [true, false]) {
      const found = findingsOf(reportWith('深入学习贯彻十九五中全会精神。', 2024), words);
      assert.deepEqual(found.map((f) => f.code), [ID]);
      assert.match(found[0].message, /^「十九五中全会」漏了「届」字，规范简称是「十九届五中全会」；而且本报告属于2024年/);
    }
  });

  test('in a 2020 report it is current: the formulation alone', () => {
    const found = findingsOf(reportWith('认真学习贯彻党的十九精神。', 2020), true);
    assert.deepEqual(found.map((f) => [f.code, f.message]), [['formulation', '「党的十九」应为「党的十九大」：党的全国代表大会简称「党的X大」，「大」字不能省略。']]);
  });

  test('a written-out 党的十九大精神 in 2024 covers nothing: another formulation finding nearby stays', () => {
    const found = findingsOf(reportWith('认真学习贯彻党的十九大精神，抓好党的创理论学习。', 2024), true);
    assert.deepEqual(found.map((f) => f.code).sort(), ['formulation', ID]);
  });
});

describe("the slogans' needs: a line is scanned for a slogan only when it holds one of them", () => {
  test('every match of a slogan pattern holds one of its needs', () => {
    for (const s of dated.slogans) assert.ok(needs(s.pattern, s.needs), `${s.id}: ${s.pattern} needs one of ${s.needs.join(' ')}`);
  });

  test('the checker can fail: 献礼建党百年 holds no 迎', () => {
    const centenary = dated.slogans.find((s) => s.id === 'party-centenary-forward')!;
    assert.equal(needs(centenary.pattern, ['迎']), false);
  });

  test('a slogan is still found behind its needs', () => {
    const findings = analyzeText(reportWith('全年以深入开展党史学习教育为主线，推动工作落实。', 2023)).findings.filter((f) => f.code === ID);
    assert.deepEqual(findings.map((f) => f.data?.item), ['party-history-education-mainline']);
  });
});
