/** The Word reader's output: paragraphs of plain text and the Word-only facts beside them. */

/**
 * Where a paragraph sits. In the main document: 'body', 'table' (a table
 * cell), 'textbox', or 'toc' (inside a table-of-contents field or a TOC
 * style). Other parts give their own region whatever is inside them.
 */
export type DocxRegion = 'body' | 'table' | 'textbox' | 'toc' | 'header' | 'footer' | 'footnote' | 'endnote' | 'comment';

export interface DocxParagraph {
  /**
   * The text a reader sees: the automatic number first when there is one
   * ("一、", "（一）", "1.") followed by Word's separator (a tab by default,
   * a space, or nothing, per w:suff), then the runs. Deleted, hidden and
   * field-code text is left out; inserted text is in. w:tab is a tab, w:br
   * and w:cr a space (none at the very start), no line breaks ever.
   */
  text: string;
  region: DocxRegion;
  /** The package part the paragraph comes from, e.g. "word/document.xml", "word/header1.xml". */
  part: string;
  /** The paragraph style's name as styles.xml gives it ("heading 1", "标题 1", "Normal"…). */
  style?: string;
  styleId?: string;
  /**
   * 1–9 when the style is a heading style (heading N / 标题 N, a style based
   * on one, or one with an outline level), or the paragraph's own outline
   * level says so; absent when the paragraph's own level is body text (9).
   */
  headingLevel?: number;
  /** w:outlineLvl (0–8) from the paragraph or its style chain; absent for body text. */
  outlineLevel?: number;
  /** True when Word numbers the paragraph automatically: `text` starts with numberText + numberSuffix. */
  numbered?: boolean;
  numberText?: string;
  numberSuffix?: '\t' | ' ' | '';
  /** The list level (w:ilvl, 0-based) of a numbered or bulleted paragraph. */
  listLevel?: number;
  /** True for a bulleted list item; the bullet itself is not put into `text`. */
  bulleted?: boolean;
  /** For region 'table' (and tables nested in text boxes): which table (in document order), row and cell, 0-based. */
  table?: { index: number; row: number; cell: number };
  /** For region 'comment': the w:id of the comment the paragraph belongs to. */
  commentId?: string;
}

export type DocxFindingKind =
  /** Tracked insertion not yet accepted: the text is in the paragraph, at [start, end). */
  | 'insertion'
  /** Tracked deletion not yet accepted: `text` was removed at `start` (= end); it is not in the paragraph. */
  | 'deletion'
  /** A comment (批注): anchored at [start, end) (to endParagraph when it spans paragraphs); `text` is its content. */
  | 'comment'
  /** A run with w:highlight (fill-in placeholders of templates are often yellow); `color` is Word's name. */
  | 'highlight'
  /** A run with a background fill (w:shd); `color` is the hex fill. */
  | 'shading'
  /** A run with a font colour other than automatic or black (w:color); `color` is hex. */
  | 'font-color'
  /** Hidden text (w:vanish): `text` is left out of the paragraph at `start` (= end). */
  | 'hidden-text'
  /** A content control still showing its placeholder prompt (w:showingPlcHdr). */
  | 'content-control-placeholder'
  /** WordArt text in a header or footer, which is how Word draws watermarks (样稿, 仅供参考…). */
  | 'watermark'
  /** WordArt text in the body (VML text path), which is not part of any paragraph's text. */
  | 'wordart'
  /** A document property (docProps/core.xml, docProps/app.xml): `name` and `text`. */
  | 'property';

export interface DocxFinding {
  kind: DocxFindingKind;
  /** Index in DocxDocument.paragraphs; absent for document-wide facts. */
  paragraph?: number;
  /** UTF-16 offsets in that paragraph's text. */
  start?: number;
  end?: number;
  /** For a comment whose range ends in another paragraph. */
  endParagraph?: number;
  /** The text concerned: the marked text, the deleted or hidden text, the comment's content, the watermark, the property value. */
  text?: string;
  author?: string;
  date?: string;
  color?: string;
  /** Property name (creator, lastModifiedBy, company…); comment id for comments. */
  name?: string;
  /** For a comment: the indices of its own paragraphs (region 'comment'), first and last. */
  commentParagraphs?: [number, number];
  part?: string;
}

export interface DocxProperties {
  title?: string;
  subject?: string;
  creator?: string;
  lastModifiedBy?: string;
  keywords?: string;
  description?: string;
  category?: string;
  created?: string;
  modified?: string;
  lastPrinted?: string;
  revision?: string;
  company?: string;
  manager?: string;
  template?: string;
  application?: string;
  appVersion?: string;
  totalTime?: string;
  pages?: string;
  words?: string;
  characters?: string;
}

export interface DocxDocument {
  /** Body paragraphs in reading order (tables, text boxes and TOC in place), then headers, footers, footnotes, endnotes, comments. */
  paragraphs: DocxParagraph[];
  /** Word-only facts, ordered by paragraph and offset; document-wide ones last. */
  hidden: DocxFinding[];
  properties: DocxProperties;
  /** Uncompressed bytes of XML read, and zip entries in the package. */
  stats: { xmlBytes: number; entries: number };
}

export interface ReadDocxOptions {
  /** Cap on the uncompressed XML read, all parts together (default 200 MB). Images are never inflated. */
  maxUncompressedBytes?: number;
  /** Cap on the number of zip entries (default 10000). */
  maxEntries?: number;
  /** The file's name (or path): messages about a renamed file name its extension (.doc, .wps). */
  fileName?: string;
}
