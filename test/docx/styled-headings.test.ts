/**
 * Heading styles shape the outline: a Word paragraph in 标题 1 / Heading 2 /
 * a style based on one / a style or paragraph with an outline level is a
 * heading even with no number, ranked as the document's numbered headings of
 * that style are; a numbered one is counted once, by its number. All drafts
 * are made up for these tests.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/features/analyze';
import { analyzeWord, readWordDraft } from '../../server/src/features/word';
import { OutlineSection, reportOutline } from '../../server/src/features/outline';
import { LineCache } from '../../server/src/engine/line-cache';
import { scratchFolder, run } from '../cli/scratch';
import { buildDocx, p, pStyle, r } from './build';

const scratch = scratchFolder('zongjie-docx-styled-');

/** Styles as Chinese Word and WPS save them: localized names, custom styles based on them, outline levels. */
const STYLES =
  '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>' +
  // WPS writes the localized name; the id says nothing.
  '<w:style w:type="paragraph" w:styleId="10"><w:name w:val="标题 1"/><w:basedOn w:val="a"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="20"><w:name w:val="标题 2"/><w:basedOn w:val="a"/></w:style>' +
  // Word's built-in name, lower case.
  '<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="a"/></w:style>' +
  // A template's own style based on 标题 2.
  '<w:style w:type="paragraph" w:styleId="myH2"><w:name w:val="单位二级标题"/><w:basedOn w:val="20"/></w:style>' +
  // A custom style that is a heading only by its outline level.
  '<w:style w:type="paragraph" w:styleId="bigHead"><w:name w:val="大标题"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
  // A heading style numbered automatically 一、 (its numbering in the style).
  '<w:style w:type="paragraph" w:styleId="numH1"><w:name w:val="Heading 1"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>';

const NUMBERING =
  '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>' +
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';

const para = (text: string, style?: string, pPr = ''): string => p(r(text), (style ? pStyle(style) : '') + pPr);

function outlineOf(body: string): { sections: OutlineSection[]; headingLines: number[]; text: string } {
  const draft = readWordDraft(buildDocx({ body, styles: STYLES, numbering: NUMBERING }));
  const analysis = analyzeWord(draft);
  assert.equal(analysis.doc.reports.length, 1);
  const report = analysis.doc.reports[0];
  return { sections: reportOutline(report).sections, headingLines: report.headings.map((h) => h.line), text: draft.text };
}

/** heading@depth, depth first, as a compact picture of the tree. */
function tree(sections: OutlineSection[]): string[] {
  const out: string[] = [];
  const walk = (s: OutlineSection) => {
    if (s.headed) out.push(`${s.heading}@${s.level}`);
    s.children.forEach(walk);
  };
  sections.forEach(walk);
  return out;
}

const TITLE = para('2025年县图书馆意识形态工作总结');
const OPENING = para('今年以来，馆党支部认真落实意识形态工作责任制，现将有关情况总结如下。');

describe('heading styles inform the outline', () => {
  test('unnumbered paragraphs in 标题 1 / 标题 2 / a style based on 标题 2 / heading 3 are headings at their levels', () => {
    const body =
      TITLE +
      OPENING +
      para('工作开展情况', '10') +
      para('强化理论武装', '20') +
      para('全年组织集中学习12次，开展专题研讨4次。') +
      para('读书班', 'Heading3') +
      para('举办读书班2期，参训60人次。') +
      para('管好宣传阵地', 'myH2') +
      para('审核信息稿件120篇，未发生问题。') +
      para('存在的不足', '10') +
      para('学习形式比较单一，阵地管理有待加强。') +
      para('下一步打算', '10') +
      para('创新学习方式，加强阵地管理。');
    const { sections } = outlineOf(body);
    assert.deepEqual(tree(sections), ['工作开展情况@1', '强化理论武装@2', '读书班@3', '管好宣传阵地@2', '存在的不足@1', '下一步打算@1']);
    // The same paragraphs typed into a .txt: only the lines that name a part are headings; the style made the others.
    const typed = analyzeText(readWordDraft(buildDocx({ body, styles: STYLES })).text);
    assert.deepEqual(tree(reportOutline(typed.doc.reports[0]).sections), ['工作开展情况@1', '存在的不足@1', '下一步打算@1']);
  });

  test('a custom style with an outline level, and a Normal paragraph with its own outline level, are headings; level 9 (body text) on a heading style is not', () => {
    const { sections } = outlineOf(
      TITLE +
        OPENING +
        para('工作开展情况', 'bigHead') +
        para('全年组织集中学习12次。') +
        para('存在的不足', undefined, '<w:outlineLvl w:val="0"/>') +
        para('学习形式比较单一。') +
        para('这一段误用了标题样式', '10', '<w:outlineLvl w:val="9"/>') +
        para('下一步打算', '10') +
        para('创新学习方式。'),
    );
    assert.deepEqual(tree(sections), ['工作开展情况@1', '存在的不足@1', '下一步打算@1']);
  });

  test('a styled heading with an automatic number is counted once, by its number; an unnumbered one under it ranks below', () => {
    const { sections, headingLines, text } = outlineOf(
      TITLE +
        OPENING +
        para('主要工作开展情况', 'numH1') +
        para('强化理论武装', '20') +
        para('全年组织集中学习12次。') +
        para('存在的问题', 'numH1') +
        para('学习形式比较单一。') +
        para('下一步工作打算', 'numH1') +
        para('创新学习方式。'),
    );
    assert.deepEqual(text.split('\n').filter((l) => l.includes('、')), ['一、主要工作开展情况', '二、存在的问题', '三、下一步工作打算']);
    assert.deepEqual(tree(sections), ['主要工作开展情况@1', '强化理论武装@2', '存在的问题@1', '下一步工作打算@1']);
    // One heading per styled paragraph: none twice.
    assert.deepEqual(headingLines, [2, 3, 5, 7]);
  });

  test('a typed number in a heading-styled paragraph keeps its rank; an unnumbered heading of a higher style level holds it', () => {
    const { sections } = outlineOf(
      TITLE +
        OPENING +
        para('第一部分 年度工作', '10') +
        para('一、加强组织领导', '20') +
        para('召开专题会议4次。') +
        para('二、守好宣传阵地', '20') +
        para('审核稿件120篇。') +
        para('（一）网站管理', 'Heading3') +
        para('更新栏目6个。') +
        para('信息报送', 'Heading3') +
        para('报送信息30条。'),
    );
    // 标题 2 reads 一、 (rank 1), so 标题 1 ranks above it and heading 3 as （一）.
    assert.deepEqual(tree(sections), ['第一部分 年度工作@1', '加强组织领导@2', '守好宣传阵地@2', '网站管理@3', '信息报送@3']);
  });

  test('body text in a heading style (a long paragraph, or a template that styles most paragraphs so) shapes no outline', () => {
    const long = '全年组织集中学习12次，开展专题研讨4次，举办读书班2期，参训60人次，'.repeat(3) + '取得了较好成效。';
    assert.ok(long.length > 100);
    const one = outlineOf(TITLE + OPENING + para('工作开展情况', '10') + para(long, '20') + para('存在的不足', '10') + para('学习形式比较单一。'));
    assert.deepEqual(tree(one.sections), ['工作开展情况@1', '存在的不足@1']);
    const most = outlineOf(
      TITLE + OPENING + para('强化理论武装', '20') + para('全年组织集中学习12次。', '20') + para('开展专题研讨4次。', '20') + para('举办读书班2期。', '20') + para('参训60人次。'),
    );
    assert.deepEqual(most.headingLines, []);
  });

  test('a styled heading with no body under it is an empty section, as a typed one is', () => {
    const draft = readWordDraft(
      buildDocx({
        styles: STYLES,
        body: TITLE + OPENING + para('工作开展情况', '10') + para('全年组织集中学习12次。') + para('存在的不足', '10') + para('下一步打算', '10') + para('创新学习方式。'),
      }),
    );
    const codes = analyzeWord(draft).findings.map((f) => `${f.code}:${f.range.start.line}`);
    assert.ok(codes.includes('empty-section:4'), codes.join(' '));
  });

  test('the line memo of a view: the same text with and without its styles is read afresh each time', () => {
    const draft = readWordDraft(buildDocx({ styles: STYLES, body: TITLE + OPENING + para('强化理论武装', '10') + para('全年组织集中学习12次。') + para('管好宣传阵地', '10') + para('审核信息稿件120篇。') }));
    const cache = new LineCache();
    const styled = () => analyzeWord(draft, { cache }).doc.reports[0].headings.length;
    const plain = () => analyzeText(draft.text, { cache }).doc.reports[0].headings.length;
    assert.deepEqual([styled(), plain(), styled(), styled(), plain()], [2, 0, 2, 2, 0]);
  });

  test('the CLI outline of a Word file shows styled headings by paragraph', () => {
    const file = scratch.write('styled/报告.docx', buildDocx({ styles: STYLES, body: TITLE + OPENING + para('工作开展情况', '10') + para('强化理论武装', '20') + para('全年组织集中学习12次。') + para('存在的不足', '10') + para('学习形式比较单一。') }));
    const res = run('outline', file);
    assert.equal(res.code, 0, res.err);
    assert.match(res.out, /工作开展情况.*第 3 段/);
    assert.match(res.out, /\n\s+强化理论武装\s+第 4 段/);
  });

  test('a file LibreOffice wrote: its Heading 1 has no outline level, only the name; Heading 2 is based on its own "Heading"', () => {
    // fixtures/libreoffice-headings.docx: `soffice --headless --convert-to docx` of an HTML page of our own
    // (title and opening as <p>, 工作开展情况 / 存在的不足 / 下一步打算 as <h1>, the two work items as <h2>).
    const file = join(__dirname, '../../../test/docx/fixtures/libreoffice-headings.docx');
    const draft = readWordDraft(readFileSync(file));
    const report = analyzeWord(draft).doc.reports[0];
    assert.equal(report.title?.text, '2025年县图书馆意识形态工作总结');
    assert.deepEqual(tree(reportOutline(report).sections), ['工作开展情况@1', '强化理论武装@2', '管好宣传阵地@2', '存在的不足@1', '下一步打算@1']);
    const res = run('outline', file);
    assert.match(res.out, /\n\s+强化理论武装\s+第 4 段\n\s+管好宣传阵地\s+第 6 段/);
  });
});
