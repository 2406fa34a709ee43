import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/features/analyze';
import { reportOutline } from '../../server/src/features/outline';
import { draft } from '../helpers';
import { findsReportTitle, parseDocument } from '../../server/src/engine/parse';
import { SourceText } from '../../server/src/engine/source';
import { AUTO, getGenres } from '../../server/src/engine/genre';

const slots = (text: string, markdown = false) =>
  analyzeText(text, { markdown }).doc.reports.map((r) => r.parts.map((p) => `${p.slot}${p.headed ? '' : '*'}@${p.line}`));

describe('reports and titles', () => {
  test('a collection: its own title and count line, then reports with their own titles', () => {
    const text = draft(
      '2024年意识形态工作总结汇编',
      '（2篇）',
      '篇1：2024年意识形态工作总结',
      '局党组全面落实意识形态工作责任制。',
      '一、主要工作开展情况',
      '开展专题学习8次。',
      '',
      '2024年上半年意识形态工作总结（街道）',
      '上半年，街道党工委坚持把意识形态工作摆在重要位置。',
      '一、主要做法及成效',
      '组织宣讲16场。',
    );
    const { doc } = analyzeText(text);
    assert.equal(doc.reports.length, 2);
    assert.deepEqual(doc.reports.map((r) => r.title?.text), ['2024年意识形态工作总结', '2024年上半年意识形态工作总结（街道）']);
    assert.deepEqual(doc.reports.map((r) => [r.startLine, r.endLine]), [[2, 5], [7, 10]]);
    assert.deepEqual(doc.reports.map((r) => r.opening?.line), [3, 8]);
    assert.equal(doc.lines[0].kind, 'collection');
    assert.equal(doc.lines[1].kind, 'collection');
  });

  test('pieces of a collection with the same title and their own 篇 numbers: each is a report, none of its text is residue', () => {
    const text = draft(
      '社区宣传工作总结6篇',
      '下面是小编为大家整理的社区宣传工作总结6篇，供大家参考。',
      '社区宣传工作总结篇1',
      '今年社区组织宣讲活动12场，覆盖居民3000余人。',
      '社区宣传工作总结篇2',
      '一年来，社区党委把宣传工作摆在重要位置。',
      '一、主要工作',
      '开展文明实践活动20次。',
    );
    const { doc } = analyzeText(text);
    assert.deepEqual(doc.reports.map((r) => r.title?.line), [2, 4]);
    assert.equal(doc.lines[3].kind, 'body');
    assert.equal(doc.lines[1].kind, 'residue');
  });

  test('the title again after the lead paragraph, or after a category line and with Markdown marks, is the site\'s copy', () => {
    const lead = draft(
      '某中学党支部意识形态工作责任制落实情况汇报',
      '按照上级要求，现将我校落实意识形态工作责任制情况汇报如下：',
      '某中学党支部意识形态工作责任制落实情况汇报',
      '一、主要工作',
      '开展专题学习12次。',
    );
    const a = analyzeText(lead).doc;
    assert.deepEqual(a.reports.map((r) => r.title?.line), [0]);
    assert.equal(a.lines[2].kind, 'residue');
    assert.deepEqual(a.reports[0].headings.map((h) => h.line), [3]);
    const marked = draft('某社区2025年文明创建工作计划', '工作计划', '### 某社区2025年文明创建工作计划', '#### 一、指导思想', '以社会主义核心价值观为引领。');
    const b = analyzeText(marked).doc;
    assert.deepEqual(b.reports.map((r) => r.title?.line), [0]);
    assert.equal(b.lines[2].kind, 'residue');
  });

  test('a copy of the title with the same 篇 number is still the page title, not another piece', () => {
    const text = draft(
      '社区宣传工作总结篇1',
      '下面是小编为大家整理的社区宣传工作总结，供大家参考。',
      '社区宣传工作总结篇1',
      '一年来，社区党委把宣传工作摆在重要位置。',
      '一、主要工作',
      '开展文明实践活动20次。',
    );
    const { doc } = analyzeText(text);
    assert.deepEqual(doc.reports.map((r) => r.title?.line), [2]);
    assert.equal(doc.lines[1].kind, 'residue');
  });

  test('a title in the site words right under a copy of the page title stays the title', () => {
    // The copy above is residue; the title line speaks the site's words (范文) but is no site intro.
    const text = draft(
      '党支部研判报告',
      '第1篇：党支部研判报告范文',
      '机关第三党支部按照通知要求，对本支部的意识形态风险点进行了排查。',
      '一、阵地管理情况',
      '支部微信群由专人管理。',
    );
    const { doc } = analyzeText(text);
    assert.equal(doc.reports.length, 1);
    assert.equal(doc.reports[0].title?.line, 1);
    assert.equal(doc.lines[0].kind, 'residue');
    assert.equal(doc.lines[1].kind, 'title');
  });

  test('an unnumbered line with a year inside a report does not start a new report', () => {
    const text = draft(
      '2024年意识形态工作总结及2025年工作打算',
      '现将有关情况报告如下。',
      '一、2024年工作开展情况',
      '全年开展专题学习8次。',
      '2025年工作打算',
      '继续深化理论武装。',
    );
    assert.equal(analyzeText(text).doc.reports.length, 1);
  });

  test('a body without any title is one untitled report', () => {
    const text = draft('今年以来，党支部认真落实意识形态工作责任制。', '一、主要工作', '开展学习。');
    const { doc } = analyzeText(text);
    assert.equal(doc.reports.length, 1);
    assert.equal(doc.reports[0].title, null);
  });

  test('full-width indentation and CR line ends', () => {
    const text = ['2024年意识形态工作总结', '　　一、主要工作开展情况', '　　开展学习。', '　　二、存在的问题', '　　学习不深。', '　　三、下一步工作打算', '　　深化学习。'].join('\r');
    assert.deepEqual(slots(text), [['achievements@1', 'problems@3', 'next-steps@5']]);
  });
});

describe('headings and the tree', () => {
  test('levels 一、 （一） 1. （1） and run-in headings', () => {
    const text = draft(
      '2024年意识形态工作总结',
      '一、主要工作开展情况',
      '（一）加强组织领导，压实主体责任。一是成立领导小组。二是制定责任清单。',
      '1.健全制度',
      '（1）完善学习制度。',
      '（二）强化理论武装',
      '组织集中学习12次。',
    );
    const r = analyzeText(text).doc.reports[0];
    const one = r.roots[0];
    assert.equal(one.text, '主要工作开展情况');
    assert.deepEqual(one.children.map((c) => c.text), ['加强组织领导，压实主体责任', '强化理论武装']);
    assert.equal(one.children[0].marker.runIn, true);
    assert.equal(one.children[0].children[0].text, '健全制度');
    assert.equal(one.children[0].children[0].children[0].text, '完善学习制度');
    assert.equal(one.children[0].children[0].children[0].depth, 4);
  });

  test('Markdown headings, with or without numbers', () => {
    const text = draft(
      '# 2024年意识形态工作总结',
      '',
      '今年以来，局党组认真落实意识形态工作责任制。',
      '',
      '## 一、主要工作开展情况',
      '',
      '### （一）加强组织领导',
      '',
      '成立领导小组。',
      '',
      '## 存在的问题',
      '',
      '学习不够深入。',
      '',
      '## 下一步工作打算',
      '',
      '持续深化学习。',
    );
    assert.deepEqual(slots(text, true), [['achievements@4', 'problems@10', 'next-steps@14']]);
    const r = analyzeText(text, { markdown: true }).doc.reports[0];
    assert.equal(r.title?.text, '2024年意识形态工作总结');
    assert.equal(r.roots[0].children[0].text, '加强组织领导');
  });
});

describe('parts', () => {
  test('themed headings are topics of the work done; problems and plans in running text', () => {
    const text = draft(
      '2023年意识形态工作总结（镇）',
      '2023年，镇党委高度重视意识形态工作，现将工作开展情况汇报如下：',
      '一、加强组织领导，压实工作责任。',
      '镇党委召开专题会议研究部署。',
      '二、加强分析研判，做好舆情管控。',
      '召开分析研判会4次。',
      '总体看工作平稳有序，但还存在一些不足：一是宣传形式单一。二是队伍能力不强。',
      '下一步，镇党委将继续压实责任，创新宣传方式。',
    );
    assert.deepEqual(slots(text), [['achievements@2', 'achievements@4', 'problems*@6', 'next-steps*@7']]);
  });

  test('a merged heading holds both parts', () => {
    const text = draft(
      '2023年度意识形态工作总结',
      '局党组坚持把意识形态工作摆在重要位置。',
      '一、强化组织领导，落实主体责任。成立领导小组。',
      '二、存在问题及下一步计划。一是学习不够深入。下一步，我们将深化学习。',
    );
    assert.deepEqual(slots(text), [['achievements@2', 'problems@3', 'next-steps@3']]);
    const o = reportOutline(analyzeText(text).doc.reports[0]);
    assert.deepEqual(o.sections.map((s) => [s.slot, s.heading, s.headed]), [
      ['achievements', '强化组织领导，落实主体责任', true],
      ['problems', '存在问题及下一步计划', true],
      ['next-steps', '存在问题及下一步计划', true],
    ]);
  });

  test('a list restarting inside the problems part, reading as measures, is the plans part', () => {
    const text = draft(
      '2023年意识形态工作总结',
      '现将有关情况汇报如下：',
      '一、加强组织领导，落实主体责任',
      '坚持班子统筹部署。',
      '二、当前工作存在的问题',
      '（一）责任落实还不够到位。个别支部重视不够。',
      '（二）理论学习还不够深入。学用结合不紧。',
      '（一）提高政治认识。健全工作格局。',
      '（二）完善工作机制。推进融合发展。',
    );
    assert.deepEqual(slots(text), [['achievements@2', 'problems@4', 'next-steps*@7']]);
  });

  test('unnumbered plain headings name their parts', () => {
    const text = draft(
      '2024年上半年意识形态工作总结',
      '上半年，公司党委认真落实意识形态工作责任制。',
      '主要工作开展情况',
      '开展专题学习6次。',
      '存在的问题：',
      '学习不够深入。',
      '下一步工作打算',
      '持续深化学习。',
    );
    assert.deepEqual(slots(text), [['achievements@2', 'problems@4', 'next-steps@6']]);
  });

  test('the work done written as paragraphs with no heading at all', () => {
    const text = draft(
      '2024年意识形态工作责任制落实情况',
      '今年以来，党支部认真落实意识形态工作责任制，现将情况报告如下。',
      '支部坚持每月召开支委会研究意识形态工作，全年开展学习12次。',
      '但也存在一些问题，主要是学习形式单一。',
      '下一步，支部将创新学习形式。',
    );
    assert.deepEqual(slots(text), [['achievements*@2', 'problems*@3', 'next-steps*@4']]);
  });

  test('words that only look like a part do not make one', () => {
    const text = draft(
      '2024年意识形态工作总结',
      '今年以来，单位党委认真落实意识形态工作责任制。',
      '一、主要工作开展情况',
      '深入基层调研，帮助群众解决实际问题30个，为下一步工作打下基础。',
    );
    assert.deepEqual(slots(text), [['achievements@2']]);
  });
});

describe('findsReportTitle (the language server asks it of a document\'s opening lines)', () => {
  const texts: [string, boolean][] = [
    [draft('2025年第三党支部意识形态工作总结', '今年以来，支部认真落实意识形态工作责任制。', '一、主要做法', '开展专题学习6次。'), true],
    [draft('下面是小编为大家整理的范文，供大家参考。', '', '2025年上半年党建工作总结', '一、基本情况', '全年发展党员2名。'), true],
    [draft('2025年工作总结汇编', '（2篇）', '篇1：2025年意识形态工作总结', '局党组全面落实责任制。'), true],
    [draft('目录', '一、主要工作', '二、存在问题', '', '2025年宣传思想工作总结', '一、主要工作', '开展宣讲12场。'), true],
    [draft('会议记录', '参加人员：张某、李某', '会议议定了三件事。'), false],
    [draft('购物清单', '鸡蛋', '牛奶'), false],
    ['', false],
  ];
  for (const [text, expected] of texts) {
    test(`${expected ? 'a report' : 'no report'}: ${JSON.stringify(text.slice(0, 16))}`, () => {
      for (const markdown of [false, true]) {
        const source = new SourceText(text);
        const doc = parseDocument(source, getGenres(AUTO), { markdown });
        const full = doc.reports.some((r) => r.title !== null);
        assert.equal(full, expected, 'the full parse');
        assert.equal(findsReportTitle(new SourceText(text), getGenres(AUTO), { markdown }), full);
        // The server decides a short document by its check's own parse (lsp/document-session.ts).
        assert.equal(doc.titled, full, 'ParsedDocument.titled');
      }
    });
  }
});
