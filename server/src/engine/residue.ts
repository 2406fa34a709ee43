/**
 * Template residue: what template sites put into a draft that belongs to no
 * report — watermarks, advertising, paid-content markers, preview lines.
 * The patterns are data (data/residue.json); this module applies them to a line.
 */
import residueData from '../data/residue.json';
import { matchMarker } from './markers';
import { SourceText } from './source';
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
}

interface LabeledPattern {
  re: RegExp;
  label: string;
}

const LINE_PATTERNS: LabeledPattern[] = residueData.line.map((p) => ({ re: new RegExp(p.pattern), label: p.label }));
const SPAN_PATTERNS: LabeledPattern[] = residueData.span.map((p) => ({ re: new RegExp(p.pattern, 'g'), label: p.label }));
const AD_PATTERN = new RegExp(residueData.ad.join('|'));
const AD_PATTERN_ALL = new RegExp(residueData.ad.join('|'), 'g');
const AD_PATTERNS = residueData.ad.map((p) => new RegExp(p));
/** A contact number, QQ number or web address: advertising, not report text. */
const CONTACT = /\d{5,}|https?:|www\.|\.(com|cn|net)\b/i;
/**
 * Matches wherever a line or span pattern would: nearly every line has no
 * residue, and one test spares it the fourteen. (A pattern with a back
 * reference would be renumbered inside the union: then there is no shortcut.)
 */
const ANY_PATTERN: RegExp | null = [...LINE_PATTERNS, ...SPAN_PATTERNS].some((p) => /\\[1-9]|\\k</.test(p.re.source))
  ? null
  : new RegExp([...LINE_PATTERNS, ...SPAN_PATTERNS].map((p) => `(?:${p.re.source})`).join('|'));

/** A watermark inside a longer line is cut out as a span; a line up to this long is residue as a whole. */
const SHORT_LINE = 80;
/** Advertising words only count in short lines: a real paragraph may well mention 订阅 or 二维码. */
const AD_LINE = 60;

export interface LineResidue {
  wholeLine: boolean;
  regions: ResidueRegion[];
}

export function detectLineResidue(text: string, line: number, start: number, end: number): LineResidue {
  const content = text.slice(start, end);
  if (ANY_PATTERN !== null && !ANY_PATTERN.test(content)) return adResidue(content, line, end) ?? NO_RESIDUE;
  // A numbered line is a heading or an item of the report: residue words in it
  // are flagged, but the line keeps its place and nothing is deleted unasked.
  const numbered = matchMarker(content) !== null;
  const regions: ResidueRegion[] = [];
  const span = (from: number, to: number, label: string, certain: boolean): ResidueRegion => ({
    kind: 'span',
    label,
    startLine: line,
    endLine: line,
    range: { start: { line, character: start + from }, end: { line, character: start + to } },
    certain,
  });

  let covered = 0;
  for (const p of SPAN_PATTERNS) {
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(content))) {
      if (m[0].length === 0) {
        p.re.lastIndex++;
        continue;
      }
      // Paid-content markup is the site's wherever it stands, numbered lines included.
      regions.push(span(m.index, m.index + m[0].length, p.label, true));
      covered += m[0].length;
    }
  }
  if (regions.length && !numbered && content.replace(/\s/g, '').length <= covered) return wholeLineResidue(regions[0].label, line, end);

  const clauses = clausesOf(content);
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
  return adResidue(content, line, end) ?? { wholeLine: false, regions };
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
