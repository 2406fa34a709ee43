/**
 * Reports flattened onto one long line (or a few) when a web page was copied:
 * 「…工作总结 今年以来……。一、主要工作（一）强化组织领导……」. The title is
 * the start of the line, and the headings sit inside it.
 *
 * Positions stay those of the source line: a title is a span of the line, an
 * inline heading a marker at its own offset. The work is per line text (the
 * parser memoises it); which inline markers are headings depends on their
 * sequence, decided in parse.ts from these candidates.
 */
import layout from '../data/layout.json';
import { matchMarker, parseChineseNumber } from './markers';
import { SiteSpan, TitleCandidate, TitlePatterns, isCopy, opensBody, titleCandidate } from './title';

const FLAT_SUFFIX = new RegExp(layout.title.flatSuffix, 'g');
const FLAT_SITE_SUFFIX = new RegExp(layout.title.flatSiteSuffix);
/** A title glued to its body is found within this many characters of the line's start. */
const FLAT_TITLE_WITHIN = 80;

export interface FlatTitle {
  /** The title, as a span of the line (site words cut off). */
  cand: TitleCandidate;
  /** Site words right after it (精编) and an earlier copy of it on the line: residue. */
  site: SiteSpan[];
}

/**
 * The title at the start of a long line that goes on with the report's text:
 * a title-like prefix followed by a space, a heading marker, an opening phrase
 * (「今年以来」, 「根据……」, a year) or a second copy of itself.
 */
export function flatTitle(line: string, start: number, end: number, profile: TitlePatterns, markdown: boolean, depth = 0): FlatTitle | null {
  const head = line.slice(start, Math.min(end, start + FLAT_TITLE_WITHIN + 8));
  // matchAll: the search below may call this again for a copy of the title.
  for (const m of head.matchAll(FLAT_SUFFIX)) {
    const stop = m.index + m[0].length;
    if (stop > FLAT_TITLE_WITHIN) break;
    // Inside 《》 the words name a document, not this report.
    const before = head.slice(0, stop);
    if (before.lastIndexOf('《') > before.lastIndexOf('》')) continue;
    let after = start + stop;
    const site: SiteSpan[] = [];
    const s = FLAT_SITE_SUFFIX.exec(line.slice(after, after + 6));
    if (s) {
      if (!/^范文/.test(s[0])) site.push({ start: after, end: after + s[0].length, label: /^篇/.test(s[0]) ? '汇编分篇标记' : '网站附加字样' });
      after += s[0].length;
    }
    const rest = line.slice(after, Math.min(end, after + FLAT_TITLE_WITHIN + 8));
    const cand = titleCandidate(line, start, start + stop, profile, markdown);
    if (!cand) continue;
    if (/^[\s\u3000]/.test(rest) || matchMarker(rest) !== null || opensBody(rest)) return { cand, site };
    // The title twice over (a page title glued to the document's own): the first copy is the site's.
    if (depth === 0) {
      const copy = flatTitle(line, after, end, profile, markdown, 1);
      if (copy && isCopy(copy.cand.text, cand.text)) {
        return { cand: copy.cand, site: [{ start: cand.start, end: after, label: '重复的网页标题' }, ...site, ...copy.site] };
      }
    }
  }
  return null;
}

/** A numbering marker inside a line: its offset and number. */
export interface InlineMarker {
  at: number;
  /** 'cn-dun' (一、) or 'cn-paren' (（一）). */
  style: 'cn-dun' | 'cn-paren';
  number: number;
}

const INLINE_MARKER = /([一二三四五六七八九十]{1,3})、|[（(]([一二三四五六七八九十]{1,3})[）)]/g;
/** What may stand before an inline heading: a sentence end, a space, 「如下：」. */
const BEFORE_HEADING = /[。！？；!?;\s\u3000]$|如下[：:]\s*$|(?:总结|报告|汇报|材料|要点|计划|方案|打算|思路)(?:精编|精选|范文)?$/;

/**
 * Top-level markers (一、, （一）) inside a line, after a sentence end or a
 * space, or right after a short heading (「一、存在的问题（一）……」).
 * Candidates only: parse.ts keeps those that continue the report's numbering.
 */
export function inlineMarkers(line: string): InlineMarker[] {
  const out: InlineMarker[] = [];
  INLINE_MARKER.lastIndex = 0;
  let m: RegExpExecArray | null;
  let lastDun = -100;
  while ((m = INLINE_MARKER.exec(line))) {
    const at = m.index;
    if (at === 0) continue;
    const n = parseChineseNumber(m[1] ?? m[2]);
    if (Number.isNaN(n)) continue;
    const style = m[1] !== undefined ? 'cn-dun' : 'cn-paren';
    const lead = line.slice(Math.max(0, at - 6), at);
    // 「（一）」 glued to the short heading before it.
    const afterHeading = style === 'cn-paren' && at - lastDun <= 24 && !/[。！？；，,]/.test(line.slice(lastDun, at));
    if (!BEFORE_HEADING.test(lead) && !afterHeading) continue;
    // 「一、」 in 「第一、」 or a list 「一、二、三、」 is no heading.
    if (style === 'cn-dun' && /[第一二三四五六七八九十、]$/.test(lead)) continue;
    out.push({ at, style, number: n });
    if (style === 'cn-dun') lastDun = at;
  }
  return out;
}
