/**
 * Template residue: what template sites put into a draft that belongs to no
 * report — watermarks, advertising, paid-content markers, preview lines.
 * The patterns are data (data/residue.json); this module applies them to a line.
 */
import residueData from '../data/residue.json';
import { matchMarker } from './markers';
import { SourceText, leadingBlank, trailingBlankStart } from './source';
import { Range, TextEdit } from './types';

export interface ResidueRegion {
  /** 'lines': whole lines startLine…endLine; 'span': a part of one line. */
  kind: 'lines' | 'span';
  label: string;
  startLine: number;
  endLine: number;
  range: Range;
  /**
   * True when the region is certainly the site's and deleting it loses no
   * report text: "fix all" may then delete it unasked. A region that shares a
   * line with a heading marker, or is only part of a sentence, is offered as a
   * quick fix the user picks.
   */
  certain: boolean;
  /**
   * For a run of whole lines that is not certain as a whole: the stretches of
   * it that are (a breadcrumb above a menu item nothing else marks), which
   * "fix all" deletes while the rest waits for the user.
   */
  sure?: { startLine: number; endLine: number }[];
}

interface LabeledPattern {
  re: RegExp;
  label: string;
}

const LINE_PATTERNS: LabeledPattern[] = residueData.line.map((p) => ({ re: new RegExp(p.pattern), label: p.label }));
const SPAN_PATTERNS: LabeledPattern[] = residueData.span.map((p) => ({ re: new RegExp(p.pattern, 'giu'), label: p.label }));
const AD_PATTERN = new RegExp(residueData.ad.join('|'));
const AD_PATTERN_ALL = new RegExp(residueData.ad.join('|'), 'g');
const AD_PATTERNS = residueData.ad.map((p) => new RegExp(p));
/** A contact number, QQ number or web address: advertising, not report text. */
const CONTACT = /\d{5,}|https?:|www\.|\.(com|cn|net)\b/i;
/** A watermark inside a longer line is cut out as a span; a line up to this long is residue as a whole. */
const SHORT_LINE = 80;
/** Advertising words only count in short lines: a real paragraph may well mention 订阅 or 二维码. */
const AD_LINE = 60;

/** Patterns of the data are case-insensitive (Vip, .COM) and may name scripts (\\p{Script=Han}). */
const FLAGS = 'iu';
/**
 * Compiles a pattern of the data, without the `i` flag when it cannot change
 * what the pattern matches: V8 closes every class over case when it compiles
 * a case-insensitive Unicode pattern, which took the breadcrumb anchor's
 * negated classes 8-18 ms on the first line with its key where the same
 * pattern without `i` takes 1-2 ms.
 */
const re = (source: string, flags = FLAGS) => new RegExp(source, caseFree(source) ? flags.replace('i', '') : flags);

/** Unicode properties whose characters have no case. */
const CASELESS_PROPERTY = /^(?:Script|sc|Script_Extensions|scx)=(?:Han|Hani)$/;
/** Ranges known to hold no cased character: digits, and CJK symbols, kana and Han (U+3000-U+9FFF). */
const caselessRange = (lo: number, hi: number) => (lo >= 48 && hi <= 57) || (lo >= 0x3000 && hi <= 0x9fff);
const caseless = (c: number) => {
  // ASCII, digits and the CJK block answer without a case mapping: mapping
  // every character of the data at start-up paged in the runtime's Unicode
  // tables, about 4 MB of the server's memory.
  if (c < 128) return !((c >= 65 && c <= 90) || (c >= 97 && c <= 122));
  if (c >= 0x3000 && c <= 0x9fff) return true;
  const s = String.fromCodePoint(c);
  return s.toLowerCase() === s && s.toUpperCase() === s;
};

/**
 * True when the `u` pattern `source` matches the same with and without the
 * `i` flag: no character with a case, no class or range that may hold one
 * (\\w, \\b, \\p{Lu}, a-z), no back-reference (`(.)\\1` matches 「aA」 under `i`).
 * Anything not understood answers false, which keeps the flag.
 */
export function caseFree(source: string): boolean {
  let inClass = false;
  /** The last single character in a class, a range's possible start. */
  let last = -1;
  let rangeFrom = -1;
  for (let i = 0; i < source.length; ) {
    let c = source.codePointAt(i)!;
    i += c > 0xffff ? 2 : 1;
    let atom = true;
    if (c === 0x5c) {
      const e = source[i++];
      if (e === undefined) return false;
      if (e === 'p' || e === 'P') {
        const close = source.indexOf('}', i);
        if (source[i] !== '{' || close < 0 || !CASELESS_PROPERTY.test(source.slice(i + 1, close))) return false;
        i = close + 1;
        atom = false;
      } else if (e === 'd' || e === 'D' || e === 's' || e === 'S') {
        atom = false;
      } else if (e === 'u' || e === 'x') {
        const m = (e === 'u' ? /^(?:\{([0-9a-fA-F]{1,6})\}|([0-9a-fA-F]{4}))/ : /^()([0-9a-fA-F]{2})/).exec(source.slice(i, i + 8));
        if (m === null) return false;
        c = parseInt(m[1] || m[2], 16);
        i += m[0].length;
      } else if (e === 'n' || e === 'r' || e === 't' || e === 'f' || e === 'v') {
        c = 10;
      } else if (/[\p{L}\p{N}]/u.test(e)) {
        // \\w, \\b, back-references, \\c…: case matters or not understood.
        return false;
      } else {
        c = e.codePointAt(0)!;
      }
    } else if (inClass && c === 0x5d) {
      inClass = false;
      atom = false;
    } else if (!inClass && c === 0x5b) {
      inClass = true;
      last = -1;
      atom = false;
    } else if (inClass && c === 0x2d && last >= 0 && source[i] !== ']') {
      rangeFrom = last;
      last = -1;
      continue;
    }
    if (rangeFrom >= 0) {
      if (!atom || !caselessRange(rangeFrom, c)) return false;
      rangeFrom = -1;
      last = -1;
      continue;
    }
    if (atom && !caseless(c)) return false;
    last = inClass && atom ? c : -1;
  }
  return true;
}

interface Family {
  label: string;
  maxLength: number;
  anchor: RegExp;
  /**
   * Literal strings one of which every match of the anchor holds, found by
   * the first scan of the line (GATES). The anchors of long shapes cost several
   * milliseconds to compile, paid on the first line with a key of a fresh
   * process (a language server's first analysis) unless such a test rules them out.
   */
  needs: readonly string[];
  /** The family's bit in what the first scan found. */
  gate: number;
  keys: RegExp | null;
  forbid: RegExp;
  /** The family's words, taken out for the residual test; null: no residual test. */
  words: RegExp | null;
  hanLeft: number;
  /** False for a shape that may hold the author's words (a page title with 「VIP」 before it). */
  certain: boolean;
}

interface FamilyData {
  label: string;
  maxLength: number;
  anchor: string;
  needs: string[];
  keys?: string;
  forbid?: string;
  words?: string;
  hanLeft?: number;
  certain?: boolean;
}

/** A sentence in the middle of a line ("…。本站为大家整理的…。") is not a short line of chrome. */
const MID_SENTENCE = '。(?!\\s*$)';

/** Family i's anchor is gated by bit FAMILY_GATE_SHIFT + i (the bits below are GATE's). */
const FAMILY_GATE_SHIFT = 7;

const FAMILIES: Family[] = (residueData.families as FamilyData[]).map((f, i) => ({
  label: f.label,
  maxLength: f.maxLength,
  anchor: re(f.anchor),
  needs: f.needs,
  gate: 1 << (FAMILY_GATE_SHIFT + i),
  keys: f.keys ? re(f.keys) : null,
  forbid: re(f.forbid ?? MID_SENTENCE),
  words: f.words ? re(f.words, FLAGS + 'g') : null,
  hanLeft: f.hanLeft ?? 1,
  certain: f.certain ?? true,
}));

const NOTICE = {
  label: residueData.notice.label,
  min: residueData.notice.min,
  site: re(residueData.notice.site, FLAGS + 'g'),
  alone: re(residueData.notice.alone),
  doubledCounter: re(residueData.notice.doubledCounter),
};

interface SentenceFamily {
  label: string;
  /** Every match of the terms contains a match of this (a cheap first test). */
  trigger: RegExp;
  min: number;
  terms: RegExp;
  site: RegExp;
  strong: RegExp | null;
}

const SENTENCE_FAMILIES: SentenceFamily[] = (residueData.sentences as { label: string; trigger: string; min: number; terms: string; site: string; strong?: string }[]).map((f) => ({
  label: f.label,
  trigger: re(f.trigger),
  min: f.min,
  terms: re(f.terms, FLAGS + 'g'),
  site: re(f.site),
  strong: f.strong ? re(f.strong) : null,
}));

const AD_TOKENS = {
  label: residueData.adTokens.label,
  tokens: re(residueData.adTokens.tokens, FLAGS + 'g'),
  site: re(residueData.adTokens.site),
  lead: re(residueData.adTokens.lead),
  trigger: re(residueData.adTokens.trigger),
  gap: re(residueData.adTokens.gap),
};

/**
 * Whether any of `patterns` matches: the case-free ones in one union without
 * `i`, the rest in another, since one case-insensitive union closes the
 * classes of all over case when it compiles (~1 ms for the span patterns).
 */
const anyOf = (patterns: string[]): { test(text: string): boolean } => {
  const union = (list: string[]) => (list.length === 0 ? null : re(list.map((p) => `(?:${p})`).join('|')));
  const free = union(patterns.filter(caseFree));
  const cased = union(patterns.filter((p) => !caseFree(p)));
  return { test: (text) => (free !== null && free.test(text)) || (cased !== null && cased.test(text)) };
};
const ANY_LINE_PATTERN = anyOf(residueData.line.map((p) => p.pattern));
const ANY_SPAN = anyOf(residueData.span.map((p) => p.pattern));
/**
 * What the first scan of a line found, as bits: which groups of tests the line
 * holds a key of. A test whose group has no key in the line cannot match and
 * is skipped (test/engine/residue-prefilter.test.ts checks the data): most
 * report lines hold no key at all, and a report line with one common key
 * (分享, 公众号, 篇) runs the few tests that key belongs to, not every union
 * of the data (each of which also costs a compile on a fresh process's first
 * analysis).
 */
const GATE = {
  /** prefilter.short: any pattern, family anchors included, on a short line. */
  short: 1,
  /** prefilter.long: any pattern but the family anchors. */
  long: 2,
  span: 4,
  line: 8,
  notice: 16,
  sentence: 32,
  ad: 64,
} as const;

interface Key {
  /** Lower case (ASCII letters). */
  text: string;
  /** Its second code unit, the cheap test after the first; -1 for a one-unit key. */
  second: number;
  /** The gates the key opens. */
  gates: number;
}

const lowerAscii = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/**
 * One scan of a line for all the keys, each line's code units looked up once
 * by the keys' first code unit; matching like the case-insensitive non-Unicode
 * union of the keys (ASCII letters). Returns the gates of the keys found.
 */
function literalGates(groups: readonly { keys: readonly string[]; gate: number }[]): (content: string) => number {
  const lower = (k: string) => k.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const byText = new Map<string, number>();
  for (const { keys, gate } of groups) for (const k of keys) byText.set(lower(k), (byText.get(lower(k)) ?? 0) | gate);
  if (byText.has('')) throw new Error('residue.json: an empty prefilter key');
  const lists: Key[][] = [[]];
  const slot = new Uint16Array(65536);
  for (const [k, gates] of byText) {
    const c = k.charCodeAt(0);
    if (slot[c] === 0) {
      slot[c] = lists.length;
      lists.push([]);
      if (c >= 97 && c <= 122) slot[c - 32] = slot[c];
    }
    lists[slot[c]].push({ text: k, second: k.length > 1 ? k.charCodeAt(1) : -1, gates });
  }
  return (content) => {
    let found = 0;
    const n = content.length;
    for (let i = 0; i < n; i++) {
      const at = slot[content.charCodeAt(i)];
      if (at === 0) continue;
      const list = lists[at];
      for (let j = 0; j < list.length; j++) {
        const key = list[j];
        if ((found | key.gates) === found) continue;
        const len = key.text.length;
        if (len > 1) {
          if (i + len > n || lowerAscii(content.charCodeAt(i + 1)) !== key.second) continue;
          let q = 2;
          while (q < len && lowerAscii(content.charCodeAt(i + q)) === key.text.charCodeAt(q)) q++;
          if (q < len) continue;
        }
        found |= key.gates;
      }
    }
    return found;
  };
}

const GATES = literalGates([
  { keys: residueData.prefilter.short, gate: GATE.short },
  { keys: residueData.prefilter.long, gate: GATE.long },
  { keys: residueData.prefilter.gates.span, gate: GATE.span },
  { keys: residueData.prefilter.gates.line, gate: GATE.line },
  { keys: residueData.prefilter.gates.notice, gate: GATE.notice },
  { keys: residueData.prefilter.gates.sentence, gate: GATE.sentence },
  { keys: residueData.prefilter.gates.ad, gate: GATE.ad },
  ...FAMILIES.map((f) => ({ keys: f.needs, gate: f.gate })),
]);
// Bits stay below 2^30: small integers, never a heap number.
if (FAMILY_GATE_SHIFT + FAMILIES.length > 30) throw new Error('residue.json: too many families for the first scan');
// No union of every pattern after the keys: on the few lines with a key, the
// tests below are needed anyway, and compiling such a union ('iu', look-behinds)
// cost more on the first analysis (~4 ms) than it saved.
/** Longer than every family's lines, with a bullet before them. */
const FAMILY_LINE_MAX = Math.max(...FAMILIES.map((f) => f.maxLength)) + 4;

/** A bullet the page's list rendering put before a line of chrome (「- 37.5 KB」「• 相关推荐」). */
const BULLET = /^[-•·●▪◦]\s*/;

export interface LineResidue {
  wholeLine: boolean;
  regions: ResidueRegion[];
  /**
   * True for a paragraph in the site's voice that is not certainly the site's
   * alone (one 「这些范文」): residue only above the report's title (preTitleResidue).
   */
  voice?: boolean;
}

export function detectLineResidue(text: string, line: number, start: number, end: number): LineResidue {
  const found = readLineResidue(text, line, start, end);
  // Forum jammer and styled letters are read apart: they hold no word of a site, so none of the keys above lets them through.
  if (found.wholeLine) return found;
  const jammer = text.indexOf(' ', start) >= 0;
  const styled = text.indexOf('\uD835', start) >= 0;
  if (!jammer && !styled) return found;
  const content = text.slice(start, end);
  const runs: (Offsets & { label: string })[] = [];
  if (jammer) for (const r of jammerRuns(content)) runs.push({ ...r, label: JAMMER_LABEL });
  if (styled) for (const r of styledRuns(content)) runs.push({ ...r, label: STYLED_LABEL });
  if (runs.length === 0) return found;
  if (runs.length === 1 && runs[0].from <= leadingBlank(content) && runs[0].to >= trailingBlankStart(content)) return wholeLineResidue(runs[0].label, line, end);
  const regions = found.regions.concat(
    runs.map((r) => ({ kind: 'span' as const, label: r.label, startLine: line, endLine: line, range: { start: { line, character: start + r.from }, end: { line, character: start + r.to } }, certain: true })),
  );
  regions.sort((a, b) => a.range.start.character - b.range.start.character);
  return found.voice ? { wholeLine: false, regions, voice: true } : { wholeLine: false, regions };
}

const JAMMER_LABEL = '论坛防采集乱码';
/**
 * Forum software (Discuz) scatters runs of one- and two-character ASCII
 * tokens through a thread's text against copying (「k3 ]% Q, w8 T) e# 9 Z$ m」),
 * at line ends and on lines of their own. A run of eight or more such tokens,
 * several of two characters, with symbols and letters among them, is that;
 * numbers or letters in a row (「1 2 3 4 5 6」), a formula of one-character
 * tokens, and words of three characters or more between spaces are not.
 */
const JAMMER_RUN = /(?<![!-~])(?:[!-~]{1,2} +){7,}[!-~]{1,2}(?![!-~])/g;

const STYLED_LABEL = '花体字母水印';
/**
 * Letters from Unicode's mathematical alphabets (𝒘𝒘𝒘.𝒆𝒙𝒂𝒎𝒑𝒍𝒆.𝒄𝒐𝒎, made
 * up here): sites write their address or name in them so that filters and
 * search-and-replace miss it. No report uses them; a run of three or more,
 * with the dots, digits and spaces between, is the site's mark.
 */
const STYLED_RUN = /(?:\uD835[\uDC00-\uDFFF][.\-·:/ 0-9]*){3,}/g;

function styledRuns(content: string): Offsets[] {
  const out: Offsets[] = [];
  STYLED_RUN.lastIndex = 0;
  for (let m = STYLED_RUN.exec(content); m; m = STYLED_RUN.exec(content)) {
    out.push({ from: m.index, to: m.index + trailingBlankStart(m[0]) });
  }
  return out;
}

function jammerRuns(content: string): Offsets[] {
  const out: Offsets[] = [];
  JAMMER_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = JAMMER_RUN.exec(content))) {
    let symbols = 0;
    let letters = 0;
    let pairs = 0;
    for (const t of m[0].split(/ +/)) {
      if (/[^0-9A-Za-z|+\-:]/.test(t)) symbols++;
      if (/[A-Za-z]/.test(t)) letters++;
      if (t.length === 2) pairs++;
    }
    if (symbols >= 3 && letters >= 3 && pairs >= 3) out.push({ from: m.index, to: m.index + m[0].length });
  }
  return out;
}

function readLineResidue(text: string, line: number, start: number, end: number): LineResidue {
  const content = text.slice(start, end);
  const long = content.length > FAMILY_LINE_MAX;
  // The long keys guard every pattern but the family anchors: a line with
  // family keys only (a colon, a dash, 发布, 联系: a third of report lines)
  // can only be a family's, and skips the notice, span, sentence, advert and
  // clause tests below.
  const gates = GATES(content);
  const longKey = (gates & GATE.long) !== 0;
  if (long ? !longKey : (gates & GATE.short) === 0) return adResidue(content, line, end) ?? NO_RESIDUE;
  // A numbered line is a heading or an item of the report: residue words in it
  // are flagged, but nothing is deleted unasked. A counter written twice
  // (「1. 1、」: the page's list around the site's own numbering) is never the report's.
  const doubled = NOTICE.doubledCounter.test(content);
  const numbered = !doubled && matchMarker(content) !== null;

  // Chrome of a known shape, and the site's notices, are residue as whole
  // lines before any heading is read: they never become a title or a heading.
  const family = long ? null : familyOf(content, gates);
  // Families are tested without the bullet, but a line was only examined when
  // some pattern matched it with its bullet (「- vip 文档」 alone never was):
  // keep that, so that the findings stay as they were.
  if (family !== null && BULLET.test(content) && !anyPatternIn(content)) return adResidue(content, line, end) ?? NO_RESIDUE;
  if (family !== null) return wholeLineResidue(family.label, line, end, family.certain && !numbered);
  if (!longKey) return adResidue(content, line, end) ?? NO_RESIDUE;
  if ((gates & GATE.notice) !== 0 && isNotice(content, doubled)) return wholeLineResidue(NOTICE.label, line, end, !numbered);

  const regions: ResidueRegion[] = [];
  const span = (from: number, to: number, label: string, certain: boolean): ResidueRegion => ({
    kind: 'span',
    label,
    startLine: line,
    endLine: line,
    range: { start: { line, character: start + from }, end: { line, character: start + to } },
    certain,
  });

  for (const p of (gates & GATE.span) !== 0 && ANY_SPAN.test(content) ? SPAN_PATTERNS : []) {
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(content))) {
      if (m[0].length === 0) {
        p.re.lastIndex++;
        continue;
      }
      // Paid-content markup is the site's wherever it stands, numbered lines included.
      regions.push(span(m.index, m.index + m[0].length, p.label, true));
    }
  }
  let voice = false;
  // The gate's keys are the families' strong and site words: a sentence without one is no family's.
  for (const s of (gates & GATE.sentence) !== 0 && SENTENCE_FAMILIES.some((f) => f.trigger.test(content)) ? sentencesOf(content) : []) {
    const verdict = sentenceFamily(content.slice(s.from, s.to));
    if (verdict === 'voice') voice = true;
    else if (verdict !== null) regions.push(span(s.from, s.to, verdict, !numbered));
  }
  // The gate's keys are the site's own tokens (adTokens.site), one of which every advertising run holds.
  for (const a of (gates & GATE.ad) !== 0 && AD_TOKENS.trigger.test(content) ? adSpans(content) : []) regions.push(span(a.from, a.to, AD_TOKENS.label, !numbered && isWholeSentence(content, a.from, a.to)));
  if (regions.length && !numbered && coversLine(content, regions, start)) {
    return wholeLineResidue(regions[0].label, line, end, regions.every((r) => r.certain));
  }

  const clauses = (gates & GATE.line) !== 0 && ANY_LINE_PATTERN.test(content) ? clausesOf(content) : [];
  const labels = clauses.map((c) => noticeLabel(c.text));
  if (!numbered && content.length <= SHORT_LINE && labels.some((l) => l !== null) && clauses.every((c, i) => labels[i] !== null || isNoticeFiller(c.text))) {
    // The line's label is that of the first pattern in the data that it matches (水印 before 投稿声明).
    const first = LINE_PATTERNS.find((p) => labels.includes(p.label))!;
    return wholeLineResidue(first.label, line, end);
  }
  // Inside a paragraph the notice is a clause or sentence of its own ("…。仅供学习参考，请勿照搬照抄！"):
  // cover the run of notice clauses, with its punctuation, so deleting it leaves no stray marks behind.
  for (let i = 0; i < clauses.length; i++) {
    const label = labels[i];
    if (label === null) continue;
    let j = i;
    while (j + 1 < clauses.length && (labels[j + 1] !== null || isNoticeFiller(clauses[j + 1].text))) j++;
    const from = clauses[i].start;
    const to = clauses[j].end;
    if (!regions.some((r) => r.range.start.character < start + to && start + from < r.range.end.character)) {
      regions.push(span(from, to, label, !numbered && isWholeSentence(content, from, to)));
    }
    i = j;
  }
  regions.sort((a, b) => a.range.start.character - b.range.start.character);
  const ad = adResidue(content, line, end);
  if (ad) return ad;
  if (regions.length === 0 && !voice) return NO_RESIDUE;
  return voice ? { wholeLine: false, regions, voice } : { wholeLine: false, regions };
}

const NOTICE_SITE = re(residueData.notice.site);

/** True when any pattern of the data matches `content` as it is (what the union of them all used to test first). */
function anyPatternIn(content: string): boolean {
  return (
    FAMILIES.some((f) => f.anchor.test(content)) ||
    ANY_LINE_PATTERN.test(content) ||
    ANY_SPAN.test(content) ||
    NOTICE_SITE.test(content) ||
    NOTICE.alone.test(content) ||
    SENTENCE_FAMILIES.some((f) => f.trigger.test(content)) ||
    AD_TOKENS.trigger.test(content)
  );
}

/** The whole-line family `content` belongs to, or null. */
function familyOf(content: string, gates: number): Family | null {
  const bare = content.replace(BULLET, '');
  for (const f of FAMILIES) {
    // The gate was read with the bullet: it may let a line through, never keep a match out.
    if (bare.length > f.maxLength || (gates & f.gate) === 0 || !f.anchor.test(bare) || (f.keys !== null && !f.keys.test(bare)) || f.forbid.test(bare)) continue;
    // The residual test: without the family's words (and numbers, dates, Latin
    // handles, separators, which are not Chinese characters) nearly nothing is left.
    if (f.words !== null && hanCount(bare.replace(f.words, '')) > f.hanLeft) continue;
    return f;
  }
  return null;
}

function hanCount(text: string): number {
  return (text.match(HAN) ?? []).length;
}

/**
 * A document site's download or copyright notice, whatever its length: two
 * different words only such a site uses of its documents (本文档, 用户上传,
 * 网站客服, VIP文档…), or one in a list the site numbered twice (「1. 1、」).
 * Words a report also uses (本站 of a 供电站, 工会会员, 下载学习强国, 举报电话) do not count.
 */
function isNotice(content: string, doubled: boolean): boolean {
  if (NOTICE.alone.test(content)) return true;
  const hits = new Set<string>();
  NOTICE.site.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NOTICE.site.exec(content))) hits.add(m[0].toLowerCase());
  return hits.size >= NOTICE.min || (doubled && hits.size >= 1);
}

interface Offsets {
  from: number;
  to: number;
}

const SENTENCE_CLOSE = /[。！？!?][”’」』）)]*/g;

/** The sentences of `content`: offsets of the first character and just past the closing marks. */
function sentencesOf(content: string): Offsets[] {
  const out: Offsets[] = [];
  let from = 0;
  SENTENCE_CLOSE.lastIndex = 0;
  let m: RegExpExecArray | null;
  const push = (to: number) => {
    let f = from;
    while (f < to && /\s/.test(content.charAt(f))) f++;
    let t = to;
    while (t > f && /\s/.test(content.charAt(t - 1))) t--;
    if (t > f) out.push({ from: f, to: t });
  };
  while ((m = SENTENCE_CLOSE.exec(content))) {
    push(m.index + m[0].length);
    from = m.index + m[0].length;
  }
  push(content.length);
  return out;
}

/**
 * The label of the sentence family `sentence` belongs to; 'voice' for a
 * sentence with one word of the site's voice, which is residue only above
 * the report's title; null otherwise. One 「供大家参考」 in a speech is content.
 */
function sentenceFamily(sentence: string): string | 'voice' | null {
  let voice = false;
  for (const f of SENTENCE_FAMILIES) {
    if (f.strong !== null && f.strong.test(sentence)) return f.label;
    const site = f.site.test(sentence);
    if (!site) continue;
    const hits = new Set<string>();
    f.terms.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = f.terms.exec(sentence))) hits.add(m[0]);
    if (hits.size >= f.min) return f.label;
    if (f.strong !== null) voice = true;
  }
  return voice ? 'voice' : null;
}

/**
 * Advertising spliced into a paragraph (「某某文库:www…添加微信【…】海量范文」):
 * runs of advertising tokens close together, with at least two different
 * tokens, one of them a template site's own (文库, 范文…). A hotline or a
 * 公众号 in a report sentence is one token, or has no site token.
 */
function adSpans(content: string): Offsets[] {
  const tokens: { from: number; to: number; text: string }[] = [];
  AD_TOKENS.tokens.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = AD_TOKENS.tokens.exec(content))) tokens.push({ from: m.index, to: m.index + m[0].length, text: m[0].toLowerCase() });
  if (tokens.length < 2) return [];
  const out: Offsets[] = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    while (j + 1 < tokens.length && AD_TOKENS.gap.test(content.slice(tokens[j].to, tokens[j + 1].from))) j++;
    const group = tokens.slice(i, j + 1);
    if (new Set(group.map((t) => t.text)).size >= 2 && group.some((t) => AD_TOKENS.site.test(t.text))) {
      let from = group[0].from;
      // The site's name before its first token (「某某文库」), or a slogan's lead (「努力做」).
      const clause = /[^。！？!?，,；;：:】\s]*$/.exec(content.slice(0, from))![0];
      const lead = AD_TOKENS.lead.exec(content.slice(0, from));
      if (clause.length <= 4) from -= clause.length;
      else if (lead) from -= lead[0].length;
      out.push({ from, to: group[group.length - 1].to });
    }
    i = j + 1;
  }
  return out;
}

/** True when the regions leave nothing of the line but spaces and punctuation. */
function coversLine(content: string, regions: ResidueRegion[], start: number): boolean {
  let rest = '';
  let at = 0;
  const sorted = regions.map((r) => [r.range.start.character - start, r.range.end.character - start]).sort((a, b) => a[0] - b[0]);
  for (const [from, to] of sorted) {
    if (from > at) rest += content.slice(at, from);
    at = Math.max(at, to);
  }
  rest += content.slice(at);
  return !/[\p{L}\p{N}]/u.test(rest);
}

/** What a line with no residue pattern gives: nothing (shared, never changed by callers). */
const NO_RESIDUE: LineResidue = Object.freeze({ wholeLine: false, regions: Object.freeze([]) as unknown as ResidueRegion[] });

/**
 * A short advertising line, which is residue as a whole; null for any other
 * line. Advertising words also occur in report sentences (a 微信群 for the
 * staff), so such a line is certain only with two signs of advertising or a
 * contact number or address.
 */
function adResidue(content: string, line: number, end: number): LineResidue | null {
  if (content.length > AD_LINE || content.endsWith('。') || !AD_PATTERN.test(content) || CHINESE_HEADING.test(content)) return null;
  // Sites number their download notices (「5、成为VIP后下载本文档……」): such a line is
  // flagged, but a numbered line is never deleted unasked.
  const numbered = matchMarker(content) !== null;
  let signs = 0;
  for (const re of AD_PATTERNS) if (re.test(content)) signs++;
  if (signs >= 2 || CONTACT.test(content)) return wholeLineResidue('广告', line, end, !numbered);
  // One sign alone: advertising only when little else is said (「更多精彩」, not 「建立工作微信群，及时发布学习资料」).
  return !numbered && hanLeft(content.replace(AD_PATTERN_ALL, '')) <= 2 ? wholeLineResidue('广告', line, end, false) : null;
}

/** A heading of the report's own outline (一、 （一）): never advertising. */
const CHINESE_HEADING = /^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十\d]+[）)]/;

/** Line `line` as residue from its start to `end`. */
function wholeLineResidue(label: string, line: number, end: number, certain = true): LineResidue {
  return { wholeLine: true, regions: [{ kind: 'lines', label, startLine: line, endLine: line, range: { start: { line, character: 0 }, end: { line, character: end } }, certain }] };
}

interface Clause {
  text: string;
  /** Offsets in the line: the clause's first character, and just past its closing punctuation. */
  start: number;
  end: number;
}

/** Marks that close a clause of a notice; brackets too, since a watermark is often put in them. */
const CLAUSE_END = /[，。；！？、,;!?：:（）()【】\[\]「」\s]/;
const SENTENCE_END = /[。！？!?]/;

/** The clauses of `content`, each with the punctuation that follows it. */
function clausesOf(content: string): Clause[] {
  const out: Clause[] = [];
  let i = 0;
  while (i < content.length) {
    let from = i;
    while (from < content.length && CLAUSE_END.test(content.charAt(from))) from++;
    if (from >= content.length) break;
    let to = from;
    while (to < content.length && !CLAUSE_END.test(content.charAt(to))) to++;
    const text = content.slice(from, to);
    while (to < content.length && CLAUSE_END.test(content.charAt(to))) to++;
    // Leading brackets belong to the clause they open, so that 「（仅供参考）」 is removed whole.
    let open = from;
    while (open > i && /[（(【\[「]/.test(content.charAt(open - 1))) open--;
    out.push({ text, start: open, end: to });
    i = to;
  }
  return out;
}

/**
 * The words notices are made of besides their telltale phrase (本文、作者、
 * 所有、请、联系、删除……). A clause is the site's when, without its telltale
 * phrase and these, at most one character is left: 「版权归原作者所有」 is,
 * while 「明确新闻作品版权归属」 and 「坚持转载请注明出处的要求」 are sentences of a
 * report that merely use the same words.
 */
const NOTICE_FILLER =
  /本文|本站|本网|网站|本平台|该文|原文|文章|内容|资料|文档|材料|范文|精品|原创|原作者|作者|网友|所有|网络|来源|出处|注明|请|勿|如有|如需|若有|联系|我们|删除|及时|处理|谢谢|感谢|仅|供|参考|学习|交流|使用|之用|严禁|禁止|转载|复制|商用|外传|侵权|必删|内部|版权|声明|免责|整理|分享|本|此|系|为|是|的|及|和|与|均/g;
const HAN = /\p{Script=Han}/gu;

function hanLeft(text: string): number {
  return (text.replace(NOTICE_FILLER, '').match(HAN) ?? []).length;
}

function isNoticeFiller(text: string): boolean {
  return hanLeft(text) === 0 && /\p{Script=Han}/u.test(text);
}

/** The label of the notice pattern that makes `clause` a notice of the site's, or null. */
function noticeLabel(clause: string): string | null {
  for (const p of LINE_PATTERNS) {
    const m = p.re.exec(clause);
    if (m && hanLeft(clause.slice(0, m.index) + clause.slice(m.index + m[0].length)) <= 1) return p.label;
  }
  return null;
}

/** True when [from, to) of `content` is one or more whole sentences. */
function isWholeSentence(content: string, from: number, to: number): boolean {
  const before = content.slice(0, from).trimEnd();
  const after = content.slice(to);
  const run = content.slice(from, to).trimEnd();
  return (before === '' || SENTENCE_END.test(before.charAt(before.length - 1))) && (after.trim() === '' || SENTENCE_END.test(run.charAt(run.length - 1)));
}

/** A web preview: the title and the first sentence again, cut off with "..." or "……". */
export function isPreviewLine(content: string, title: string): boolean {
  if (!/(\.{3,}|…+|。。。)$/.test(content)) return false;
  return content.length > title.length + 4 && content.startsWith(title);
}

/** The edit that removes a residue region: whole lines with their line ends, or the span alone. */
export function residueDeletion(source: SourceText, r: ResidueRegion): TextEdit {
  if (r.kind === 'span') return { range: r.range, newText: '' };
  const end =
    r.endLine + 1 < source.lineCount
      ? { line: r.endLine + 1, character: 0 }
      : { line: r.endLine, character: source.lines[r.endLine].length };
  return { range: { start: { line: r.startLine, character: 0 }, end }, newText: '' };
}

// ---------------------------------------------------------------------------
// Residue known by its place in the document (the parser calls these once per
// analysis, never per line: the per-line facts above are remembered by text).

/** What these functions read of a line: where its text is and what the parser made of it. */
export interface PlacedLine {
  line: number;
  start: number;
  end: number;
  kind: string;
}

/** A short line above the title that is not a sentence could be chrome; longer ones are prose. */
const ZONE_LINE: number = residueData.preTitle.maxLength;
const ZONE_SENTENCE = re(residueData.preTitle.sentence);
/** An addressee (「县委：」) or a subtitle (「——…」) above a title is the report's. */
const ZONE_KEEP = re(residueData.preTitle.keep);
/** The organisation's name right above its title (「某县文化馆党支部」) is the report's too. */
const UNIT_ABOVE = re(residueData.preTitle.unitAbove);

/**
 * The lines above the report's title (line `title`) that are the site's: when
 * that zone already holds residue, every remaining short line that is not a
 * sentence (a menu item, a page title, 「引言」), and a paragraph in the site's
 * voice. None of them is certain: an organisation's name above its title is
 * such a line too, so they are flagged and deleted only when the user picks it.
 */
export function preTitleResidue(lines: readonly PlacedLine[], text: (line: number) => string, title: number, residue: readonly ResidueRegion[], voice: (line: number) => boolean): number[] {
  if (title <= 0) return [];
  let held = false;
  for (let l = 0; l < title && !held; l++) held = lines[l].kind === 'residue';
  for (let k = 0; k < residue.length && !held; k++) held = residue[k].startLine < title;
  if (!held) return [];
  const out: number[] = [];
  for (let l = 0; l < title; l++) {
    const info = lines[l];
    if (info.kind !== 'body') continue;
    const content = text(l).slice(info.start, info.end);
    if (voice(l)) out.push(l);
    else if (content.length <= ZONE_LINE && !ZONE_SENTENCE.test(content) && !ZONE_KEEP.test(content) && !(l === title - 1 && UNIT_ABOVE.test(content))) out.push(l);
  }
  return out;
}

/** Where a page was cut: dots or an ellipsis closing the last paragraph. */
const CUT_BEFORE_RESIDUE = /(\.{3,}|…{1,2}|。。。)$/;
/** At the very end of a document only ASCII dots, which Chinese prose does not use, in a paragraph. */
const CUT_AT_END = /\.{3,}$/;
const CUT_PARAGRAPH = 30;

/**
 * The mark a site left where it cut the page (「……」 before 「预览结束」, 「...」
 * at the end of the text): the end of the last content line when only residue
 * follows it, or when it ends the document and the document holds other
 * residue. Null when there is none. Never certain: the dots may be the author's.
 */
export function previewCut(lines: readonly PlacedLine[], text: (line: number) => string, residue: readonly ResidueRegion[]): ResidueRegion | null {
  if (residue.length === 0) return null;
  let l = lines.length - 1;
  let after = false;
  while (l >= 0 && (lines[l].kind === 'blank' || lines[l].kind === 'residue')) {
    if (lines[l].kind === 'residue') after = true;
    l--;
  }
  if (l < 0 || (lines[l].kind !== 'body' && lines[l].kind !== 'heading')) return null;
  const info = lines[l];
  const content = text(l).slice(info.start, info.end);
  const m = (after ? CUT_BEFORE_RESIDUE : CUT_AT_END).exec(content);
  if (!m || (!after && content.length < CUT_PARAGRAPH)) return null;
  const from = info.start + m.index;
  if (residue.some((r) => r.startLine <= l && l <= r.endLine && (r.kind === 'lines' || r.range.end.character > from))) return null;
  return { kind: 'span', label: '页面截断', startLine: l, endLine: l, range: { start: { line: l, character: from }, end: { line: l, character: info.end } }, certain: false };
}

/**
 * Paragraphs in the site's voice (see LineResidue.voice) that follow other
 * residue with only blank lines between: the site's intro after its page
 * header, wherever the report's title is (or when none is found).
 */
export function voiceAfterResidue(lines: readonly PlacedLine[], voice: Iterable<number>): number[] {
  const out: number[] = [];
  for (const l of voice) {
    if (lines[l].kind !== 'body') continue;
    let k = l - 1;
    while (k >= 0 && lines[k].kind === 'blank') k--;
    if (k >= 0 && lines[k].kind === 'residue') out.push(l);
  }
  return out;
}
