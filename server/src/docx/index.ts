/**
 * The Word (.docx) reader: a pure, self-contained module (Node's zlib and
 * nothing else) that turns a .docx into paragraphs of plain text the engine
 * can check, plus the facts only the Word file carries (tracked changes,
 * comments, highlighted placeholders, hidden text, watermarks, properties).
 */
import { DocxDocument, DocxParagraph, DocxRegion } from './types';

export { DocxError, DocxErrorCode } from './errors';
export { DEFAULT_MAX_ENTRIES, DEFAULT_MAX_UNCOMPRESSED_BYTES, readDocx } from './read';
export { formatNumber } from './numbering';
export * from './types';

export interface PlainText {
  /** The chosen paragraphs' text joined with LF: line i is paragraph lineToParagraph[i]. */
  text: string;
  lineToParagraph: number[];
}

/** The regions a report's text is checked in by default: what prints as the body of the document. */
export const BODY_REGIONS: readonly DocxRegion[] = ['body', 'table', 'textbox'];

/**
 * Joins paragraphs into the one-paragraph-per-line text analyzeText reads,
 * keeping the map back to paragraphs (and so to the hidden facts' offsets).
 */
export function toPlainText(doc: DocxDocument, regions: readonly DocxRegion[] = BODY_REGIONS): PlainText {
  const lines: string[] = [];
  const lineToParagraph: number[] = [];
  doc.paragraphs.forEach((p: DocxParagraph, i: number) => {
    if (!regions.includes(p.region)) return;
    lines.push(p.text);
    lineToParagraph.push(i);
  });
  return { text: lines.join('\n'), lineToParagraph };
}
