/**
 * Word files for the benchmark: the same drafts as the text figures, written
 * as Word writes them (each line a paragraph of several runs with revision
 * ids and fonts, the page settings and properties a real file carries), so
 * the MB/s of .docx can be set beside the MB/s of text.
 */
import { buildDocx } from '../test/docx/build';

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A run as Word writes one: a revision id, the fonts and the size of 仿宋_GB2312 三号. */
function run(text: string, rsid: number): string {
  return `<w:r w:rsidR="00${(0x1a2b3c + rsid).toString(16).toUpperCase()}"><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hint="eastAsia"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/** A draft's text as a .docx: one paragraph per line, its text split into runs of at most 12 characters. */
export function wordDraftOf(text: string): Buffer {
  const paras = text.split('\n').map((line, i) => {
    const runs: string[] = [];
    for (let k = 0; k < line.length; k += 12) runs.push(run(line.slice(k, k + 12), i * 7 + k));
    return `<w:p w:rsidR="00${(0x4d5e6f + i).toString(16).toUpperCase()}"><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr>${runs.join('')}</w:p>`;
  });
  const sect = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>';
  return buildDocx({ body: paras.join('') + sect, core: { 'dc:creator': '办公室', 'cp:lastModifiedBy': '办公室' }, app: { Company: '县文化和旅游局', Application: 'Microsoft Office Word' } });
}
