/**
 * The .docx fixtures shared by the tests, the LibreOffice cross-check and the
 * throughput measurement. All report text is written for these tests.
 */
import { buildDocx, numPr, p, pStyle, r } from './build';

/** Heading styles as Chinese Word writes them: ids "1", "2", "3", built-in English names; numbering through the style. */
export const STYLES =
  '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="a"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>' +
  '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/>' +
  '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>' +
  // WPS-style name, numbering level taken from the abstract level that names this style.
  '<w:style w:type="paragraph" w:styleId="3"><w:name w:val="标题 3"/><w:basedOn w:val="a"/>' +
  '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="2"/></w:pPr></w:style>';

const lvl = (ilvl: number, fmt: string, text: string, extra = ''): string =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/>${extra}<w:lvlText w:val="${text}"/></w:lvl>`;

export const NUMBERING =
  '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>' +
  lvl(0, 'chineseCounting', '%1、', '<w:suff w:val="nothing"/>') +
  lvl(1, 'chineseCounting', '（%2）', '<w:suff w:val="nothing"/>') +
  lvl(2, 'decimal', '%3.', '<w:pStyle w:val="3"/><w:suff w:val="nothing"/>') +
  lvl(3, 'decimal', '（%4）', '<w:suff w:val="nothing"/>') +
  lvl(4, 'decimalEnclosedCircle', '%5', '<w:suff w:val="nothing"/>') +
  '</w:abstractNum>' +
  // Legal-style multi-level list: level 2 never restarts (lvlRestart 0), level 3 is isLgl over a Chinese level 1.
  '<w:abstractNum w:abstractNumId="1">' +
  lvl(0, 'chineseCountingThousand', '%1.', '<w:suff w:val="space"/>') +
  lvl(1, 'decimal', '%1.%2', '<w:lvlRestart w:val="0"/>') +
  lvl(2, 'decimal', '%1.%2.%3', '<w:isLgl/>') +
  '</w:abstractNum>' +
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
  // "Restart numbering" in Word: a new num on the same abstract with a start override.
  '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' +
  '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>' +
  // An override that starts level 0 at 4 (a continued report).
  '<w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>';

const h1 = (t: string, extra = ''): string => p(r(t), pStyle('1') + extra);
const h2 = (t: string): string => p(r(t), pStyle('2'));
const h3 = (t: string): string => p(r(t), pStyle('3'));
const body = (t: string): string => p(r(t));

/** A 2025 report with auto-numbered headings at four levels, then a second report that restarts the list. */
export function reportDocx(): Buffer {
  return buildDocx({
    styles: STYLES,
    numbering: NUMBERING,
    body: [
      p(r('2025年某单位意识形态工作总结'), pStyle('Title')),
      body('今年以来，我单位认真落实意识形态工作责任制，现将有关情况总结如下。'),
      h1('主要工作开展情况'),
      h2('加强组织领导'),
      body('单位党组召开专题会议，研究部署意识形态工作。'),
      h2('抓好理论学习'),
      h3('开展集中学习'),
      h3('组织专题研讨'),
      p(r('分组讨论'), numPr(1, 3)),
      p(r('交流发言'), numPr(1, 4)),
      p(r('形成成果'), numPr(1, 4)),
      h2('落实阵地管理'),
      h3('规范网站管理'),
      h1('存在的问题'),
      h2('学习深度不够'),
      h1('下一步工作打算'),
      // A second report in the same file restarts its list.
      p(r('2025年某科室意识形态工作总结'), pStyle('Title')),
      h1('主要工作开展情况', numPr(2)),
      // The next heading uses the style's num 1 again: same abstract, so it continues the restarted list.
      h1('存在的问题'),
      // numId 0 switches the style's numbering off.
      h1('附件', numPr(0)),
    ].join(''),
  });
}


const ins = (runs: string, author = '张三') => `<w:ins w:id="11" w:author="${author}" w:date="2025-03-01T10:00:00Z">${runs}</w:ins>`;
const del = (text: string, author = '张三') =>
  `<w:del w:id="12" w:author="${author}" w:date="2025-03-01T10:00:00Z"><w:r><w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`;

/** A text box as Word 2010+ writes it: DrawingML in mc:Choice, the same text again in a VML mc:Fallback. */
const textBox = (text: string) =>
  '<w:r><mc:AlternateContent>' +
  `<mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" name="文本框 1"/><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>${p(r(text))}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
  `<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${p(r(text))}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>` +
  '</mc:AlternateContent></w:r>';

const field = (instr: string, result: string) =>
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
  `<w:r><w:instrText xml:space="preserve">${instr}</w:instrText></w:r>` +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
  r(result) +
  '<w:r><w:fldChar w:fldCharType="end"/></w:r>';

const BODY = [
  p(r('2025年某单位意识形态工作总结')),
  p(r('全年共开展') + del('8') + ins(r('12')) + r('次专题学习。')),
  p(r('加强') + '<w:commentRangeStart w:id="0"/>' + r('意识形态阵地') + '<w:commentRangeEnd w:id="0"/>' + '<w:r><w:commentReference w:id="0"/></w:r>' + r('管理。')),
  p(r('本单位共有') + r('XX', '<w:highlight w:val="yellow"/>') + r('个宣传阵地，') + r('（填写时间）', '<w:shd w:val="clear" w:color="auto" w:fill="FFFF00"/>') + r('前完成。')),
  p(r('正式内容') + r('（模板说明：此处删除）', '<w:vanish/>') + r('到此结束。', '<w:color w:val="FF0000"/>')),
  '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>' +
    `<w:tr><w:tc>${p(r('项目'))}</w:tc><w:tc>${p(r('次数'))}</w:tc></w:tr>` +
    `<w:tr><w:tc>${p(r('专题学习'))}</w:tc><w:tc>${p(r('12'))}</w:tc></w:tr></w:tbl>`,
  p(r('见右侧说明') + textBox('文本框中的说明文字')),
  p(r('详见') + field(' HYPERLINK "https://example.invalid" ', '网站链接') + r('。')),
  p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r('一、主要工作开展情况') + '<w:r><w:tab/></w:r>' + r('1')),
  p(r('二、存在的问题') + '<w:r><w:tab/></w:r>' + r('2') + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
  p(r('第一行') + '<w:r><w:br/></w:r>' + r('第二行') + '<w:r><w:tab/></w:r>' + r('完')),
  p('<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>' + r('单击或点击此处输入文字。') + '</w:sdtContent></w:sdt>'),
  p(r('正文') + '<w:r><w:footnoteReference w:id="1"/></w:r>' + r('结束。')),
].join('');

const HEADER =
  p(r('某单位文件')) +
  // Word's text watermark: a VML WordArt shape (text path) in the header.
  p('<w:r><w:pict><v:shape id="PowerPlusWaterMarkObject1" type="#_x0000_t136"><v:textpath style="font-family:&quot;宋体&quot;" string="样稿"/></v:shape></w:pict></w:r>') +
  // A DrawingML WordArt shape (a warped text box).
  p('<w:r><w:drawing><wps:wsp><wps:txbx><w:txbxContent>' + p(r('仅供参考')) + '</w:txbxContent></wps:txbx><wps:bodyPr><a:prstTxWarp prst="textPlain"/></wps:bodyPr></wps:wsp></w:drawing></w:r>');

const FOOTER = p(r('第 ') + field(' PAGE ', '1') + r(' 页'));

const COMMENTS = '<w:comment w:id="0" w:author="李四" w:date="2025-03-02T09:00:00Z" w:initials="LS">' + p(r('请核实阵地数量。')) + '</w:comment>';

const FOOTNOTES =
  '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
  '<w:footnote w:id="1">' + p('<w:r><w:footnoteRef/></w:r>' + r('数据来源于年度统计。')) + '</w:footnote>';

/** A report with one of each Word-only thing: tracked changes, a comment, placeholders, a table, a text box, fields, a watermark. */
export function contentDocx(): Buffer {
  return buildDocx({
    body: BODY,
    header: HEADER,
    footer: FOOTER,
    comments: COMMENTS,
    footnotes: FOOTNOTES,
    core: { 'dc:creator': '某某范文网', 'cp:lastModifiedBy': '王五', 'dc:title': '意识形态工作总结模板' },
    app: { Company: '某某文库', Template: 'Normal.dotm', Application: 'Microsoft Office Word' },
  });
}

