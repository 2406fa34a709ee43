/**
 * 一是/二是 enumerations: the items a line lists, read by the numbering rule,
 * its renumbering fix and completion alike.
 */

/** 一是 … 九是 at the start of a sentence (or of the line). */
const RE_ENUM = /(^|[。；！？：:;!?])[\s\u3000]*([一二三四五六七八九十]{1,2})是(?![一二三四五六七八九十的否非])/g;
const CN = '一二三四五六七八九十';

export interface EnumerationItem {
  start: number;
  end: number;
  number: number;
}

function cnNumber(s: string): number {
  if (s.length === 1) return CN.indexOf(s) + 1;
  if (s.startsWith('十')) return 10 + CN.indexOf(s.charAt(1)) + 1;
  return NaN;
}

/** 一是/二是 items of a line, with the range of each "N是". */
export function enumerationItems(text: string): EnumerationItem[] {
  const items: EnumerationItem[] = [];
  RE_ENUM.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_ENUM.exec(text))) {
    const n = cnNumber(m[2]);
    if (!Number.isFinite(n) || n <= 0) continue;
    const end = m.index + m[0].length;
    items.push({ start: end - m[2].length - 1, end, number: n });
  }
  return items;
}
