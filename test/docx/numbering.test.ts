import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/features/analyze';
import { formatNumber, readDocx, toPlainText } from '../../server/src/docx';
import { buildDocx, numPr, p, r } from './build';
import { NUMBERING, STYLES, reportDocx } from './fixtures';

describe('automatic numbering becomes text', () => {
  const doc = readDocx(reportDocx());
  const texts = doc.paragraphs.map((x) => x.text);

  test('Chinese counting headings, nested （%2）, a decimal third level linked by pStyle, restarts when a higher level advances', () => {
    assert.deepEqual(texts, [
      '2025年某单位意识形态工作总结',
      '今年以来，我单位认真落实意识形态工作责任制，现将有关情况总结如下。',
      '一、主要工作开展情况',
      '（一）加强组织领导',
      '单位党组召开专题会议，研究部署意识形态工作。',
      '（二）抓好理论学习',
      '1.开展集中学习',
      '2.组织专题研讨',
      '（1）分组讨论',
      '①交流发言',
      '②形成成果',
      '（三）落实阵地管理',
      '1.规范网站管理',
      '二、存在的问题',
      '（一）学习深度不够',
      '三、下一步工作打算',
      '2025年某科室意识形态工作总结',
      '一、主要工作开展情况',
      '二、存在的问题',
      '附件',
    ]);
  });

  test('numbered paragraphs carry their number, suffix and level; headings their style and level', () => {
    const h = doc.paragraphs[5];
    assert.equal(h.numbered, true);
    assert.equal(h.numberText, '（二）');
    assert.equal(h.numberSuffix, '');
    assert.equal(h.listLevel, 1);
    assert.equal(h.style, 'heading 2');
    assert.equal(h.styleId, '2');
    assert.equal(h.headingLevel, 2);
    assert.equal(h.outlineLevel, 1);
    const third = doc.paragraphs[6];
    assert.equal(third.style, '标题 3');
    assert.equal(third.headingLevel, 3);
    assert.equal(third.listLevel, 2);
    assert.equal(doc.paragraphs[1].numbered, undefined);
    assert.equal(doc.paragraphs[1].headingLevel, undefined);
    assert.equal(doc.paragraphs[19].numbered, undefined, 'numId 0 turns the style numbering off');
  });

  test('the engine reads the rendered numbers as it reads typed ones', () => {
    // The first report of the file (the second one's title is for the engine to split on, not this reader).
    const text = toPlainText(doc).text.split('\n').slice(0, 16).join('\n');
    const analysis = analyzeText(text);
    const headings = analysis.doc.reports.flatMap((rep) => rep.headings.map((n) => `${n.rank}:${n.marker.number}:${n.text}`));
    assert.ok(headings.includes('1:1:主要工作开展情况'), headings.join(' | '));
    assert.ok(headings.includes('2:2:抓好理论学习'), headings.join(' | '));
    assert.ok(headings.includes('1:3:下一步工作打算'), headings.join(' | '));
    assert.deepEqual(
      analysis.findings.filter((f) => f.code === 'numbering').map((f) => f.message),
      [],
      'a correctly auto-numbered document has no numbering findings',
    );
  });

  test('lvlRestart 0 never restarts; isLgl shows every level in Arabic digits; start overrides; space suffix', () => {
    const d = readDocx(
      buildDocx({
        styles: STYLES,
        numbering: NUMBERING,
        body: [
          p(r('总体情况'), numPr(3, 0)),
          p(r('甲'), numPr(3, 1)),
          p(r('甲甲'), numPr(3, 2)),
          p(r('具体做法'), numPr(3, 0)),
          p(r('乙'), numPr(3, 1)),
          p(r('续一'), numPr(4, 0)),
          p(r('续二'), numPr(4, 0)),
        ].join(''),
      }),
    );
    assert.deepEqual(
      d.paragraphs.map((x) => x.text),
      // Level 2 is not isLgl, so its %1 keeps the Chinese form; level 3 is, so it shows 1.1.1.
      ['一. 总体情况', '一.1\t甲', '1.1.1\t甲甲', '二. 具体做法', '二.2\t乙', '四. 续一', '五. 续二'],
    );
    assert.equal(d.paragraphs[0].numberSuffix, ' ');
    assert.equal(d.paragraphs[1].numberSuffix, '\t', 'Word puts a tab after the number unless w:suff says otherwise');
  });
  test('a style linked to a list level takes that level, whatever its own w:ilvl says', () => {
    const d = readDocx(
      buildDocx({
        styles:
          '<w:style w:type="paragraph" w:styleId="Top"><w:name w:val="一级"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>' +
          '<w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="二级"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr></w:pPr></w:style>',
        numbering:
          '<w:abstractNum w:abstractNumId="9">' +
          '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Top"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>' +
          '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Sub"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/></w:lvl>' +
          '</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="9"/></w:num>',
        body: p(r('主要工作'), '<w:pStyle w:val="Top"/>') + p(r('组织领导'), '<w:pStyle w:val="Sub"/>') + p(r('理论学习'), '<w:pStyle w:val="Sub"/>'),
      }),
    );
    assert.deepEqual(d.paragraphs.map((x) => x.text), ['一、主要工作', '（一）组织领导', '（二）理论学习']);
  });
});

describe('number formats', () => {
  test('Chinese counting: 十 alone, 十一, 二十, 九十九; digit by digit from 100', () => {
    const f = (n: number) => formatNumber(n, 'chineseCounting');
    assert.deepEqual([1, 9, 10, 11, 19, 20, 21, 99, 100, 105].map(f), ['一', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一〇〇', '一〇五']);
  });

  test('Chinese counting thousand reads hundreds and thousands out', () => {
    const f = (n: number) => formatNumber(n, 'chineseCountingThousand');
    assert.deepEqual([10, 15, 100, 101, 110, 111, 1000, 1010, 2305].map(f), ['十', '十五', '一百', '一百〇一', '一百一十', '一百一十一', '一千', '一千〇一十', '二千三百〇五']);
  });

  test('legal, stems, digital, enclosed, letters, roman, zero-padded', () => {
    assert.deepEqual([1, 10, 11, 20, 101].map((n) => formatNumber(n, 'chineseLegalSimplified')), ['壹', '壹拾', '壹拾壹', '贰拾', '壹佰零壹']);
    assert.deepEqual([1, 10, 11].map((n) => formatNumber(n, 'ideographTraditional')), ['甲', '癸', '11']);
    assert.deepEqual([3, 10, 2025].map((n) => formatNumber(n, 'ideographDigital')), ['三', '一〇', '二〇二五']);
    assert.deepEqual([1, 20, 21, 51].map((n) => formatNumber(n, 'decimalEnclosedCircle')), ['①', '⑳', '㉑', '51']);
    assert.deepEqual([1, 10].map((n) => formatNumber(n, 'ideographEnclosedCircle')), ['㈠', '㈩']);
    assert.deepEqual([1, 26, 27, 53].map((n) => formatNumber(n, 'upperLetter')), ['A', 'Z', 'AA', 'AAA']);
    assert.deepEqual([4, 9, 14, 1994].map((n) => formatNumber(n, 'lowerRoman')), ['iv', 'ix', 'xiv', 'mcmxciv']);
    assert.equal(formatNumber(7, 'decimalZero'), '07');
    assert.equal(formatNumber(12, 'decimalFullWidth'), '１２');
    assert.equal(formatNumber(7, 'decimal', '001, 002, 003, ...'), '007');
    assert.equal(formatNumber(3, 'none'), '');
    assert.equal(formatNumber(3, 'someFutureFormat'), '3');
  });
});
