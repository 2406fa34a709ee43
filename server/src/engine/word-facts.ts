/**
 * What a Word file carries beside its text (tracked changes, comments, marked
 * runs, hidden text, header and footer text, watermarks, document
 * properties), in the engine's own terms: positions are lines of the text the
 * engine checks. The Word reader (server/src/docx) knows nothing of the
 * engine; features/word.ts turns what it reads into these facts, and the
 * Word-only rules read them from the rule context. A text draft has none.
 */

/**
 * Where a Word paragraph is. 'body' covers the document's own text (tables,
 * text boxes and the table of contents included); the others are not part of
 * the checked text.
 */
export type WordRegion = 'body' | 'header' | 'footer' | 'comment' | 'footnote' | 'endnote';

export type WordFactKind =
  | 'insertion'
  | 'deletion'
  | 'comment'
  | 'highlight'
  | 'shading'
  | 'font-color'
  | 'hidden-text'
  | 'content-control-placeholder'
  | 'watermark'
  | 'wordart';

/**
 * A place in the Word file: a line of the checked text (with UTF-16 offsets),
 * or a paragraph outside it (a header, a footer, a comment's own text).
 */
export interface WordPlace {
  /** The line of the checked text, when the paragraph is one of its lines. */
  line?: number;
  start?: number;
  end?: number;
  /** The 0-based index of the paragraph in the Word file (all regions counted). */
  paragraph?: number;
  region: WordRegion;
}

export interface WordFact extends WordPlace {
  kind: WordFactKind;
  /** The text concerned: marked, inserted, deleted or hidden text, a comment's content, a watermark. */
  text: string;
  author?: string;
  /** Word's highlight name (yellow…) or a hex colour. */
  color?: string;
}

/** A paragraph outside the checked text whose words are still seen in print (headers and footers). */
export interface WordMarginParagraph {
  paragraph: number;
  region: WordRegion;
  text: string;
}

export interface WordFacts {
  facts: WordFact[];
  margins: WordMarginParagraph[];
  /** Document properties that name people, organisations or the template: name → value. */
  properties: { name: string; value: string }[];
  /**
   * Lines in a heading style (标题 1, Heading 2, a style with an outline
   * level): line → the rank a heading of that style has in this document (see
   * ParseOptions.headingRanks). Absent or empty when the file has none.
   */
  headingRanks?: ReadonlyMap<number, number>;
}
