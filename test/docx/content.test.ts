import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DocxFinding, readDocx, toPlainText } from '../../server/src/docx';
import { buildDocx, buildDocxWithPrefix, p, r } from './build';
import { contentDocx } from './fixtures';

const brief = (f: DocxFinding) =>
  [f.kind, f.paragraph ?? '-', f.start ?? '-', f.end ?? '-', f.text ?? '', f.author ?? '', f.color ?? ''].join('|');

describe('paragraphs of every region', () => {
  const doc = readDocx(contentDocx());

  test('text in reading order with its region: deletions out, insertions in, hidden and field codes out, TOC marked', () => {
    assert.deepEqual(
      doc.paragraphs.map((x) => `${x.region}:${x.text}`),
      [
        'body:2025年某单位意识形态工作总结',
        'body:全年共开展12次专题学习。',
        'body:加强意识形态阵地管理。',
        'body:本单位共有XX个宣传阵地，（填写时间）前完成。',
        'body:正式内容到此结束。',
        'table:项目',
        'table:次数',
        'table:专题学习',
        'table:12',
        'body:见右侧说明',
        'textbox:文本框中的说明文字',
        'body:详见网站链接。',
        'toc:一、主要工作开展情况\t1',
        'toc:二、存在的问题\t2',
        'body:第一行 第二行\t完',
        'body:单击或点击此处输入文字。',
        'body:正文结束。',
        'header:某单位文件',
        'header:',
        'header:',
        'header:仅供参考',
        'footer:第 1 页',
        'footnote:数据来源于年度统计。',
        'comment:请核实阵地数量。',
      ],
    );
  });

  test('table cells know their table, row and cell', () => {
    assert.deepEqual(doc.paragraphs[7].table, { index: 0, row: 1, cell: 0 });
    assert.deepEqual(doc.paragraphs[8].table, { index: 0, row: 1, cell: 1 });
    assert.equal(doc.paragraphs[9].table, undefined);
  });

  test('every Word-only fact, with paragraph and offsets', () => {
    assert.deepEqual(doc.hidden.map(brief), [
      'deletion|1|5|5|8|张三|',
      'insertion|1|5|7|12|张三|',
      'comment|2|2|8|请核实阵地数量。|李四|',
      'highlight|3|5|7|XX||yellow',
      'shading|3|13|19|（填写时间）||FFFF00',
      'hidden-text|4|4|4|（模板说明：此处删除）||',
      'font-color|4|4|9|到此结束。||FF0000',
      'content-control-placeholder|15|0|12|单击或点击此处输入文字。||',
      'watermark|18|0|0|样稿||',
      'watermark|20|0|4|仅供参考||',
      'property|-|-|-|某某范文网||',
      'property|-|-|-|王五||',
      'property|-|-|-|某某文库||',
      'property|-|-|-|意识形态工作总结模板||',
      'property|-|-|-|Normal.dotm||',
    ]);
    const comment = doc.hidden.find((f) => f.kind === 'comment')!;
    assert.equal(doc.paragraphs[comment.paragraph!].text.slice(comment.start, comment.end), '意识形态阵地');
    assert.deepEqual(comment.commentParagraphs, [23, 23]);
    assert.equal(doc.paragraphs[23].commentId, '0');
    assert.equal(comment.date, '2025-03-02T09:00:00Z');
    assert.deepEqual(
      doc.hidden.filter((f) => f.kind === 'property').map((f) => f.name),
      ['creator', 'lastModifiedBy', 'company', 'title', 'template'],
    );
  });

  test('document properties', () => {
    assert.equal(doc.properties.creator, '某某范文网');
    assert.equal(doc.properties.lastModifiedBy, '王五');
    assert.equal(doc.properties.company, '某某文库');
    assert.equal(doc.properties.application, 'Microsoft Office Word');
  });

  test('toPlainText keeps body, tables and text boxes, one paragraph a line, with the map back', () => {
    const plain = toPlainText(doc);
    const lines = plain.text.split('\n');
    assert.equal(lines.length, plain.lineToParagraph.length);
    assert.equal(lines[0], '2025年某单位意识形态工作总结');
    assert.ok(!plain.text.includes('样稿') && !plain.text.includes('主要工作开展情况\t1'));
    assert.equal(doc.paragraphs[plain.lineToParagraph[10]].text, '文本框中的说明文字');
  });
});

describe('markup variants', () => {
  test('a comment spanning paragraphs and a range starting between paragraphs', () => {
    const doc = readDocx(
      buildDocx({
        body: '<w:commentRangeStart w:id="5"/>' + p(r('第一段')) + p(r('第二') + '<w:commentRangeEnd w:id="5"/>' + r('段')),
        comments: '<w:comment w:id="5" w:author="赵六">' + p(r('两段都要改')) + p(r('第二条意见')) + '</w:comment>',
      }),
    );
    const c = doc.hidden.find((f) => f.kind === 'comment')!;
    assert.deepEqual([c.paragraph, c.start, c.endParagraph, c.end, c.text], [0, 0, 1, 2, '两段都要改\n第二条意见']);
    assert.deepEqual(c.commentParagraphs, [2, 3]);
  });

  test('a tracked deletion of whole runs and a moved paragraph: moveFrom is out, moveTo is in', () => {
    const doc = readDocx(
      buildDocx({
        body:
          p('<w:moveFrom w:id="1" w:author="甲"><w:r><w:t>移走的话</w:t></w:r></w:moveFrom>' + r('留下的话')) +
          p('<w:moveTo w:id="2" w:author="甲">' + r('移走的话') + '</w:moveTo>'),
      }),
    );
    assert.deepEqual(doc.paragraphs.map((x) => x.text), ['留下的话', '移走的话']);
    assert.deepEqual(doc.hidden.map(brief), ['deletion|0|0|0|移走的话|甲|', 'insertion|1|0|4|移走的话|甲|']);
  });

  test('old formatting in w:rPrChange / w:pPrChange is ignored', () => {
    const doc = readDocx(
      buildDocx({
        body: p(
          r('现在不是黄色', '<w:rPrChange w:id="3" w:author="甲"><w:rPr><w:highlight w:val="yellow"/></w:rPr></w:rPrChange>'),
          '<w:pPrChange w:id="4" w:author="甲"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange>',
        ),
        numbering: '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
      }),
    );
    assert.equal(doc.paragraphs[0].text, '现在不是黄色');
    assert.equal(doc.paragraphs[0].numbered, undefined);
    assert.deepEqual(doc.hidden, []);
  });

  test('a character style that hides or highlights its runs', () => {
    const doc = readDocx(
      buildDocx({
        styles:
          '<w:style w:type="character" w:styleId="Tip"><w:name w:val="提示"/><w:rPr><w:vanish/></w:rPr></w:style>' +
          '<w:style w:type="character" w:styleId="Fill"><w:name w:val="填写"/><w:basedOn w:val="Base"/></w:style>' +
          '<w:style w:type="character" w:styleId="Base"><w:name w:val="底色"/><w:rPr><w:highlight w:val="green"/></w:rPr></w:style>',
        body: p(r('甲') + r('（提示）', '<w:rStyle w:val="Tip"/>') + r('乙', '<w:rStyle w:val="Fill"/>')),
      }),
    );
    assert.equal(doc.paragraphs[0].text, '甲乙');
    assert.deepEqual(doc.hidden.map(brief), ['hidden-text|0|1|1|（提示）||', 'highlight|0|1|2|乙||green']);
  });

  test('highlight over several runs is one finding; whitespace outside xml:space="preserve" is not text', () => {
    const y = '<w:highlight w:val="yellow"/>';
    const doc = readDocx(
      buildDocx({ body: p(r('XX', y) + r('单位', y) + '<w:r><w:t>  名称  </w:t></w:r>') }),
    );
    assert.equal(doc.paragraphs[0].text, 'XX单位名称');
    assert.deepEqual(doc.hidden.map(brief), ['highlight|0|0|4|XX单位||yellow']);
  });

  test('a part written with other namespace prefixes (ns0:) reads the same', () => {
    const doc = readDocx(buildDocxWithPrefix('ns0', '<ns0:p><ns0:pPr><ns0:pStyle ns0:val="x"/></ns0:pPr><ns0:r><ns0:t>前缀不同</ns0:t></ns0:r></ns0:p>'));
    assert.equal(doc.paragraphs[0].text, '前缀不同');
    assert.equal(doc.paragraphs[0].styleId, 'x');
  });

  test('entities and character references are decoded; line breaks inside text never reach the paragraph', () => {
    const doc = readDocx(buildDocx({ body: p('<w:r><w:t xml:space="preserve">A&amp;B &lt;C&gt; &#x4E00;&#20108;&#10;三</w:t></w:r>') }));
    assert.equal(doc.paragraphs[0].text, 'A&B <C> 一二 三');
  });
  test('a text box with 150 000 paragraphs (more than a call takes as arguments)', () => {
    const many = '<w:p/>'.repeat(150_000);
    const doc = readDocx(buildDocx({ body: p(r('锚点') + `<w:r><w:pict><v:shape><v:textbox><w:txbxContent>${many}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`) + p(r('结尾')) }));
    assert.equal(doc.paragraphs.length, 150_002);
    assert.equal(doc.paragraphs[0].text, '锚点');
    assert.equal(doc.paragraphs[1].region, 'textbox');
    assert.equal(doc.paragraphs[150_001].text, '结尾');
  });

  test('a part written in UTF-16 with a byte order mark', () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${p(r('十六位编码'))}</w:body></w:document>`;
    const data = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    const doc = readDocx(buildDocx({ body: '', override: { 'word/document.xml': { data } } }));
    assert.equal(doc.paragraphs[0].text, '十六位编码');
  });
});

