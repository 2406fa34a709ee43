/**
 * Shared by the Word-only rules: where a fact of a Word file is shown, and
 * how it is named. A fact on a line of the checked text is shown there; one
 * outside it (a header, a footer, a comment's own text, a document property)
 * is shown at the top of the document, and its `data` says where it really is
 * (the CLI prints that place).
 */
import { Range, lineRange } from '../engine/types';
import { WordPlace, WordRegion } from '../engine/word-facts';

export const REGION_NAMES: Record<WordRegion, string> = {
  body: '正文',
  header: '页眉',
  footer: '页脚',
  comment: '批注',
  footnote: '脚注',
  endnote: '尾注',
};

/** The range a fact is shown at. */
export function placeRange(place: WordPlace): Range {
  if (place.line === undefined) return lineRange(0, 0, 0);
  return lineRange(place.line, place.start ?? 0, place.end ?? place.start ?? 0);
}

/** The finding's `data`: the region, and the paragraph when the fact has one. */
export function placeData(place: WordPlace, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = { region: place.region, ...extra };
  if (place.paragraph !== undefined) out.paragraph = place.paragraph;
  return out;
}

/** `text` on one line, shortened to `max` characters. */
export function excerpt(text: string, max = 20): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max) + '…' : flat;
}

/** "（页眉）" for a fact outside the body, '' in the body. */
export function whereNote(place: WordPlace): string {
  return place.region === 'body' ? '' : `（${REGION_NAMES[place.region]}）`;
}
