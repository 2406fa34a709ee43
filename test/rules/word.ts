/**
 * Rule-tester cases made from Word files: the .docx is built in memory, read
 * by the reader and turned into a draft by features/word.ts, and the case
 * carries its text and its Word-only facts (as `options.word`), so the rule
 * runs through the runner exactly as for a real file.
 */
import { readWordDraft } from '../../server/src/features/word';
import { WordFacts } from '../../server/src/engine/word-facts';
import { DocxParts, buildDocx, p, r } from '../docx/build';

export { p, r };

export interface WordCase {
  text: string;
  options: { word: WordFacts };
}

/** A case from a Word file's parts, or from the children of its body. */
export function wordCase(parts: DocxParts | string): WordCase {
  const draft = readWordDraft(buildDocx(typeof parts === 'string' ? { body: parts } : parts));
  return { text: draft.text, options: { word: draft.facts } };
}

/** Paragraphs of plain runs. */
export function paras(...lines: string[]): string {
  return lines.map((l) => p(r(l))).join('');
}

export const ins = (runs: string, author = '张三'): string => `<w:ins w:id="11" w:author="${author}" w:date="2025-03-01T10:00:00Z">${runs}</w:ins>`;
export const del = (text: string, author = '张三'): string =>
  `<w:del w:id="12" w:author="${author}" w:date="2025-03-01T10:00:00Z"><w:r><w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`;
export const highlight = (text: string, color = 'yellow'): string => r(text, `<w:highlight w:val="${color}"/>`);
export const commented = (id: number, text: string): string =>
  `<w:commentRangeStart w:id="${id}"/>${r(text)}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
export const comment = (id: number, text: string, author = '李四'): string =>
  `<w:comment w:id="${id}" w:author="${author}" w:date="2025-03-02T09:00:00Z">${p(r(text))}</w:comment>`;
/** Word's text watermark: a VML WordArt shape in the header. */
export const watermark = (text: string): string =>
  p(`<w:r><w:pict><v:shape id="PowerPlusWaterMarkObject1" type="#_x0000_t136"><v:textpath style="font-family:&quot;宋体&quot;" string="${text}"/></v:shape></w:pict></w:r>`);
