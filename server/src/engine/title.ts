/**
 * Report titles as template sites deliver them: wrapped in 篇 markers
 * (「…总结篇1」, 「【篇一】…」, 「3篇…」), site words (范文, 精编, （全文）,
 * `.docx`, VIP), an addressee on the same line (「…情况汇报 中共某市委：」),
 * and copied two or three times above the report (the page title, a file
 * name, the document's own title). This module says whether a line is a
 * title, which of its characters are the title and which are the site's, and
 * whether two titles are copies of one another.
 *
 * Everything here looks at one line (memoised by its text in parse.ts) or at
 * two short titles; nothing walks the document.
 */
import layout from '../data/layout.json';
import { matchMarker } from './markers';
/** What finding a title reads of the genres: any genre's title and collection patterns. */
export interface TitlePatterns {
  titleRegex: RegExp;
  collectionRegex: RegExp;
}

const GENERIC_SUFFIX = new RegExp(layout.title.suffix);
const SITE_SUFFIX = new RegExp(layout.title.siteSuffix);
const SITE_SUFFIX_RESIDUE = new RegExp(layout.title.siteSuffixResidue);
const VIP_PREFIX = new RegExp(layout.title.vipPrefix);
const PIAN_PREFIX = new RegExp(layout.title.pianPrefix);
const PIAN_SUFFIX = new RegExp(layout.title.pianSuffix);
const PIAN_LINE = new RegExp(layout.title.pianLine);
const COUNT = new RegExp(layout.title.count);
const ADDRESSEE = new RegExp(layout.title.addressee);
const SALUTATION = new RegExp(layout.title.salutation);
const CHROME = new RegExp(layout.title.chrome);
const OPENING = new RegExp(layout.title.opening);

const TITLE_END_PUNCT = /[。；，：:,;！？!?]$/;
const TITLE_MIN = 4;
const TITLE_MAX = 60;

/** Characters of a title line that are the site's, not the title's. */
export interface SiteSpan {
  start: number;
  end: number;
  label: string;
}

export interface TitleCandidate {
  /** The title itself, without the site's words around it. */
  text: string;
  start: number;
  end: number;
  /** Numbered as one report of a collection (篇2：…, 【篇一】…). */
  prefixed: boolean;
  /** A Markdown level-1 heading. */
  h1: boolean;
  /** A 篇 marker before or after the title. */
  pian: boolean;
  /** Site words cut from around the title (篇 markers, 精编, VIP). */
  site: SiteSpan[];
  /** A document's file name (「….docx」): the page's, not the document's own title. */
  file: boolean;
}

export const PIAN_LABEL = '汇编分篇标记';
export const SITE_SUFFIX_LABEL = '网站附加字样';
export const PAID_LABEL = '付费标记';

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\u3000' || c === '\u00a0';

/**
 * The title a line would be, or null. `start`/`end` bound the line's content.
 * A title may carry site words around it; they are returned as `site` spans.
 */
export function titleCandidate(line: string, start: number, end: number, profile: TitlePatterns, markdown: boolean): TitleCandidate | null {
  let h1 = false;
  if (markdown) {
    const h = /^#[ \t]+/.exec(line.slice(start, end));
    if (h) {
      h1 = true;
      start += h[0].length;
    } else if (line.startsWith('#', start)) {
      return null;
    }
    if (line.startsWith('**', start) && line.endsWith('**', end) && end - start > 4) {
      const inner = titleCandidate(line, start + 2, end - 2, profile, false);
      return inner ? { ...inner, h1 } : null;
    }
  }
  const site: SiteSpan[] = [];
  let prefixed = false;
  let pian = false;
  let file = false;
  const vip = VIP_PREFIX.exec(line.slice(start, end));
  if (vip && vip[0].length < end - start) {
    site.push({ start, end: start + vip[0].length, label: PAID_LABEL });
    start += vip[0].length;
  }
  const p = PIAN_PREFIX.exec(line.slice(start, end));
  if (p && p[0].length < end - start) {
    // 「篇2：」 numbering the reports of one's own collection is the writer's; 【篇二】 and 「3篇」 are a site's.
    if (/^[【\d]/.test(p[0])) site.push({ start, end: start + trimEnd(line, start, start + p[0].length), label: PIAN_LABEL });
    prefixed = true;
    pian = true;
    start += p[0].length;
  }
  // An addressee after the title: not the title, and not the site's either.
  const a = ADDRESSEE.exec(line.slice(start, end));
  if (a) end = start + a.index;
  // Site words glued after the title, in any order (「…总结篇1」, 「…报告(3篇).docx」, 「…范文」).
  for (let changed = true; changed; ) {
    changed = false;
    while (end > start && isSpace(line.charAt(end - 1))) end--;
    const rest = line.slice(start, end);
    const ps = PIAN_SUFFIX.exec(rest);
    if (ps && ps.index > 0) {
      site.push({ start: start + ps.index, end, label: PIAN_LABEL });
      pian = true;
      end = start + ps.index;
      changed = true;
      continue;
    }
    const ss = SITE_SUFFIX.exec(rest);
    if (ss && ss.index > 0) {
      // Each word of the run on its own: only some are worth a finding (范文 in a page title is harmless).
      const words = ss[0].match(/[.．](?:docx?|pdf|wps)|[（(][^（）()]*[）)]|范文|精编|精选|最新|通用|优选|VIP|vip/g) ?? [];
      let at = start + ss.index;
      for (const w of words) {
        if (/^[.．]/.test(w)) file = true;
        if (SITE_SUFFIX_RESIDUE.test(w)) site.push({ start: at, end: at + w.length, label: SITE_SUFFIX_LABEL });
        else if (/^(?:VIP|vip)$/.test(w)) site.push({ start: at, end: at + w.length, label: PAID_LABEL });
        at += w.length;
      }
      end = start + ss.index;
      changed = true;
    }
  }
  const text = line.slice(start, end);
  if (text.length < TITLE_MIN || text.length > TITLE_MAX) return null;
  if (text.includes('。') || TITLE_END_PUNCT.test(text)) return null;
  if (CHROME.test(text)) return null;
  if (matchMarker(text)) return null;
  if (!profile.titleRegex.test(text) && !GENERIC_SUFFIX.test(text)) return null;
  return { text, start, end, prefixed, h1, pian, site, file };
}

function trimEnd(line: string, start: number, end: number): number {
  while (end > start && isSpace(line.charAt(end - 1))) end--;
  return end - start;
}

/**
 * A line that is only a 篇 marker (第一篇, 篇一：《…》, 【篇二】): the title it
 * names in 《》, if any, or '' when it names none; null when the line is no marker.
 */
export function pianLine(text: string): string | null {
  const m = PIAN_LINE.exec(text);
  return m ? (m[1] ?? '') : null;
}

/** A collection's own title or count line (「…汇编」, 「（6篇）」, 「…范文五篇」). */
export function isCollectionLine(text: string, profile: TitlePatterns, candidate: boolean): boolean {
  if (COUNT.test(text)) return true;
  // 范文 or 精选 alone ends many a single report's page title: only without a title under it is it a collection.
  return !candidate && profile.collectionRegex.test(text);
}

/** A line that addresses the report to someone (「县委宣传部：」, 「尊敬的各位领导：」). */
export function isSalutation(text: string): boolean {
  return SALUTATION.test(text);
}

/** Words that open a report's first paragraph (「今年以来」, 「根据……」, 「2024年，」). */
export function opensBody(text: string): boolean {
  return OPENING.test(text);
}

/**
 * A title reduced to what copies of it share: no spaces or commas, no site
 * words, no placeholders, no quotation marks.
 */
export function normalizeTitle(text: string): string {
  let t = text.normalize('NFKC');
  // A Markdown heading's marks pasted into plain text (### 某社区2025年工作计划) are no part of the title.
  t = t.replace(/^(?:VIP|vip)\s*/, '').replace(/^#{1,6}\s*/, '').replace(/^\d{1,2}、/, '');
  t = t.replace(PIAN_PREFIX, '');
  for (let changed = true; changed; ) {
    const before = t;
    t = t.replace(/\s+$/, '').replace(PIAN_SUFFIX, '').replace(SITE_SUFFIX, '');
    changed = t !== before && t.length > 0;
  }
  return t.replace(/[\s,，、《》“”"'‘’]/g, '').replace(/[XxＸｘ×*＊_＿]+|某+/g, '');
}

/** 2·LCS / (|a| + |b|): 1 for equal texts, 0 for texts with nothing in common. */
export function lcsRatio(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return a === b ? 1 : 0;
  if (a === b) return 1;
  const row = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = ca === b.charCodeAt(j - 1) ? diag + 1 : Math.max(up, row[j - 1]);
      diag = up;
    }
  }
  return (2 * row[b.length]) / (a.length + b.length);
}

/** How alike two copies of a page title are at least. */
export const COPY_RATIO = 0.85;

function yearsOf(text: string): string {
  return (text.normalize('NFKC').match(/(?:19|20)\d{2}/g) ?? []).join(',');
}

/**
 * Two titles that are copies of one page title: nearly the same words, and no
 * different years (「2023年…总结」 and 「2024年…总结」 are two reports). A
 * copy that fills in a year its twin lacks (「年XX社区…」, 「2020年社区…」) is a copy.
 */
export function isCopy(a: string, b: string): boolean {
  const ya = yearsOf(a);
  const yb = yearsOf(b);
  if (ya && yb && ya !== yb) return false;
  const na = normalizeTitle(a).replace(/(?:19|20)\d{2}/g, '');
  const nb = normalizeTitle(b).replace(/(?:19|20)\d{2}/g, '');
  return lcsRatio(na, nb) >= COPY_RATIO;
}
