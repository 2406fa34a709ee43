/**
 * unpaired-mark: a paired mark of GB/T 15834—2011 — quotes “ ” ‘ ’, book
 * title marks 《 》, brackets （ ） 【 】 〔 〕 — whose partner is missing from
 * the paragraph: usually a mark lost while editing (「开展“三会一课活动」).
 * The finding sits on the opening mark left open, or on a closing mark with
 * no opening before it.
 *
 * Each kind is counted on its own, so nesting across kinds (“《条例》”) is
 * fine. Half-width brackets pair with full-width ones (a （…) is the
 * punctuation rule's half-width mark, not a lost bracket). Left alone:
 * - a quotation that runs over several paragraphs: each paragraph opens with
 *   “ and only the last one closes it (4.8.3.5), so a “ that opens the line
 *   and is never closed is no error;
 * - a list marker 1） a） 一） (a closing bracket after a short number);
 * - a paragraph cut off mid-sentence (a truncated page): what follows is missing;
 * - Markdown code and link targets.
 * A paragraph is a line, or lines joined where one stops mid-sentence (a
 * page's hard line wraps split a 《…》 over two lines); a stand-alone heading
 * or a title is a paragraph of its own.
 * No fix: only the author knows where the mark belongs.
 */
import { ParsedDocument, Report } from '../engine/parse';
import { lineRange, RuleFinding } from '../engine/types';
import { ReportRule } from './rule';

interface Kind {
  open: string;
  close: string;
  name: string;
}

const KINDS: Kind[] = [
  { open: '“', close: '”', name: '双引号' },
  { open: '‘', close: '’', name: '单引号' },
  { open: '《', close: '》', name: '书名号' },
  { open: '〈', close: '〉', name: '单书名号' },
  { open: '（(', close: '）)', name: '括号' },
  { open: '【', close: '】', name: '方头括号' },
  { open: '〔', close: '〕', name: '六角括号' },
];

const ANY_FULL_WIDTH_PAIR = /[“”‘’《》（）【】〔〕]/;
/** A closing bracket that ends a list marker: 1） (2) a） 一） ①）. */
const LIST_MARKER_BEFORE = /(?:^|[\s\u3000，。；：、,;:])[0-9A-Za-z一二三四五六七八九十①-⑳]{1,3}$/;
/** The same, on a piece of the line that does not start it (no ^). */
const LIST_MARKER_MID = /[\s\u3000，。；：、,;:][0-9A-Za-z一二三四五六七八九十①-⑳]{1,3}$/;
/** How a paragraph that is not cut off ends. */
const COMPLETE_END = /[。！？；：…”’）》」』】〕.!?;:)]$/;

const NO_SPANS: readonly [number, number][] = [];

function protectedSpans(line: string, markdown: boolean): readonly [number, number][] {
  if (!markdown) return NO_SPANS;
  const spans: [number, number][] = [];
  const add = (re: RegExp) => {
    for (let m = re.exec(line); m; m = re.exec(line)) spans.push([m.index, m.index + m[0].length]);
  };
  add(/`[^`]*`/g);
  add(/\]\([^)\s]*\)/g);
  return spans;
}

/** A paragraph: lines joined where a line stops mid-sentence (a page's hard line wrap). */
interface Paragraph {
  lines: number[];
  /** True when the last line stops mid-sentence: the paragraph is cut off, its end is missing. */
  cut: boolean;
}

/** The paragraphs of a report that may hold an unpaired mark. */
function paragraphs(report: Report, doc: ParsedDocument): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph | null = null;
  for (let l = report.startLine; l <= report.endLine; l++) {
    const info = doc.lines[l];
    if (info.kind !== 'body' && info.kind !== 'heading' && info.kind !== 'title') {
      // A blank or residue line ends the paragraph; one still open stays cut.
      current = null;
      continue;
    }
    const standAlone = info.kind === 'title' || (info.kind === 'heading' && info.heading !== null && !info.heading.runIn);
    if (current && !standAlone) current.lines.push(l);
    else out.push((current = { lines: [l], cut: false }));
    // The content's last character, read in place (no copy of the line).
    const complete = standAlone || (info.end > info.start && COMPLETE_END.test(doc.source.lines[l].charAt(info.end - 1)));
    current.cut = !complete;
    if (complete) current = null;
  }
  return out;
}

/** True when one of `lines` holds a full-width paired mark. */
function anyLine(lines: readonly number[], texts: readonly string[]): boolean {
  for (let i = 0; i < lines.length; i++) if (ANY_FULL_WIDTH_PAIR.test(texts[lines[i]])) return true;
  return false;
}

/** Each paired mark's kind and side, by character code: one look-up per character. */
const MARKS = new Map<number, { kind: number; open: boolean }>();
KINDS.forEach((k, kind) => {
  for (const c of k.open) MARKS.set(c.charCodeAt(0), { kind, open: true });
  for (const c of k.close) MARKS.set(c.charCodeAt(0), { kind, open: false });
});
/** Any mark of a pair, full- or half-width: the characters worth a look. */
const ANY_MARK = /[“”‘’《》〈〉（）()【】〔〕]/g;

/**
 * Findings of one paragraph: lines `lines` of `texts`. The paragraphs of every
 * report are read on the first analysis of a draft, mostly by code V8 has not
 * optimised yet: the marks are found with test() (no match array each), the
 * open marks kept as flat pairs of numbers, and a kind's stack made at its
 * first open mark.
 */
function paragraphFindings(texts: readonly string[], lines: readonly number[], cut: boolean, markdown: boolean): RuleFinding[] {
  const out: RuleFinding[] = [];
  /** Per kind: the open marks not yet closed, as pairs (index in `lines`, character). */
  const open: (number[] | undefined)[] = new Array(KINDS.length);
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    const text = texts[line];
    const spans = protectedSpans(text, markdown);
    ANY_MARK.lastIndex = 0;
    // Jump from mark to mark: most characters are none. A mark is one code unit.
    while (ANY_MARK.test(text)) {
      const i = ANY_MARK.lastIndex - 1;
      const mark = MARKS.get(text.charCodeAt(i))!;
      if (spans.length && inSpan(spans, i)) continue;
      const stack = open[mark.kind];
      if (mark.open) {
        if (stack) stack.push(k, i);
        else open[mark.kind] = [k, i];
        continue;
      }
      if (stack && stack.length) {
        stack.length -= 2;
        continue;
      }
      const c = text[i];
      // A half-width ) alone, or a list marker 1）: not a lost bracket.
      const from = Math.max(0, i - 4);
      if (c === ')' || (from === 0 ? LIST_MARKER_BEFORE : LIST_MARKER_MID).test(text.slice(from, i))) continue;
      const name = KINDS[mark.kind].name;
      out.push({
        message: `后${name}「${c}」前面没有与之配对的前${name}：可能漏了前${name}，或多打了这个后${name}（GB/T 15834—2011《标点符号用法》）。`,
        range: lineRange(line, i, i + 1),
        data: { mark: c },
      });
    }
  }
  if (!cut) {
    for (let kind = 0; kind < open.length; kind++) {
      const stack = open[kind];
      if (!stack) continue;
      const name = KINDS[kind].name;
      for (let j = 0; j < stack.length; j += 2) {
        const k = stack[j];
        const i = stack[j + 1];
        const text = texts[lines[k]];
        const c = text[i];
        if (c === '(') continue;
        // A quotation over several paragraphs opens each with “ and closes only the last (4.8.3.5).
        if ((c === '“' || c === '‘') && k === 0 && i === text.length - text.trimStart().length) continue;
        out.push({
          message: `前${name}「${c}」在本段中没有与之配对的后${name}：可能漏了后${name}，或多打了这个前${name}（GB/T 15834—2011《标点符号用法》）。`,
          range: lineRange(lines[k], i, i + 1),
          data: { mark: c },
        });
      }
    }
  }
  return out;
}

/** Any mark of a pair, for balancedLine (its own lastIndex). */
const BALANCE_MARK = /[“”‘’《》〈〉（）()【】〔〕]/g;

/**
 * True when every kind of mark on the line closes what it opened, in order,
 * and nothing stays open: such lines, however they join into paragraphs, give
 * paragraphFindings nothing to find. Jumps from mark to mark, depths in plain
 * numbers: no allocation. A Markdown line with code or a link target (whose
 * marks do not count) is not judged here.
 */
function balancedLine(text: string, markdown: boolean): boolean {
  if (markdown && (text.includes('`') || text.includes(']('))) return false;
  let dq = 0, sq = 0, book = 0, angle = 0, paren = 0, square = 0, tortoise = 0;
  BALANCE_MARK.lastIndex = 0;
  while (BALANCE_MARK.test(text)) {
    switch (text.charCodeAt(BALANCE_MARK.lastIndex - 1)) {
      case 0x201c: dq++; break;
      case 0x201d: if (--dq < 0) return false; break;
      case 0x2018: sq++; break;
      case 0x2019: if (--sq < 0) return false; break;
      case 0x300a: book++; break;
      case 0x300b: if (--book < 0) return false; break;
      case 0x3008: angle++; break;
      case 0x3009: if (--angle < 0) return false; break;
      case 0xff08: case 40: paren++; break;
      case 0xff09: case 41: if (--paren < 0) return false; break;
      case 0x3010: square++; break;
      case 0x3011: if (--square < 0) return false; break;
      case 0x3014: tortoise++; break;
      case 0x3015: if (--tortoise < 0) return false; break;
    }
  }
  return dq === 0 && sq === 0 && book === 0 && angle === 0 && paren === 0 && square === 0 && tortoise === 0;
}

/** True when every line of the report that paragraphs() reads is balanced: the report has nothing to find. */
function balancedReport(report: Report, doc: ParsedDocument): boolean {
  const texts = doc.source.lines;
  for (let l = report.startLine; l <= report.endLine; l++) {
    const kind = doc.lines[l].kind;
    if (kind !== 'body' && kind !== 'heading' && kind !== 'title') continue;
    if (!balancedLine(texts[l], doc.markdown)) return false;
  }
  return true;
}

function inSpan(spans: readonly [number, number][], i: number): boolean {
  for (let j = 0; j < spans.length; j++) if (i >= spans[j][0] && i < spans[j][1]) return true;
  return false;
}

export const unpairedMarkRule: ReportRule = {
  id: 'unpaired-mark',
  docs: {
    title: '成对标点缺了一半',
    summary: '段落中的引号、书名号、括号不成对：只有前一半或只有后一半',
    readme: { problem: '成对标点不成对', examples: '`开展“三会一课活动`、`学习《条例等`、`成立领导小组）`' },
    hover: {
      explanation: '引号「“ ”」「‘ ’」、书名号「《 》」、括号「（ ）」「【 】」「〔 〕」都是成对使用的（GB/T 15834—2011《标点符号用法》第4.8、4.9、4.15条）。本段中只有前一半或只有后一半，通常是删改时漏掉或多打了一个。请补上缺的一半，或删去多余的一个。',
      wrong: '认真落实“三会一课制度，组织学习《中国共产党纪律处分条例等党内法规。',
      right: '认真落实“三会一课”制度，组织学习《中国共产党纪律处分条例》等党内法规。',
    },
    details: [
      '段落中不成对的引号、书名号和括号：前一半没有后一半，或后一半前面没有前一半。',
      '',
      '- 默认级别：警告',
      '- 可一键修复：否（只有作者知道缺的那一半该在哪里）',
      '- 需要中文分词：否',
      '',
      '依据 GB/T 15834—2011《标点符号用法》：引号（第4.8条）、括号（第4.9条）、书名号（第4.15条）都是成对的标点。',
      '在一段之内按种类分别配对，引号里套书名号（`“《条例》”`）没有问题。半角括号与全角括号可以互相配对',
      '（`（党组)` 中的半角括号由 `punctuation` 规则报告，这里不算缺了一半）。',
      '不报告：跨段引用的引文（每段开头用前引号，只在最后一段末尾用后引号，第4.8.3.5条），即段首的前引号没有后引号；',
      '列表序号 `1）` `a）` `一）`；在句子中间断开的段落（网页截断的文本，后面的内容本来就缺了）；Markdown 行内代码和链接地址。',
      '一行在句子中间结束、下一行接着写的（从 PDF 复制来的硬换行），几行合起来算一段再配对。',
      '',
      '- 错误示例：`认真落实“三会一课制度，组织学习《中国共产党纪律处分条例等党内法规。`',
      '- 正确示例：`认真落实“三会一课”制度，组织学习《中国共产党纪律处分条例》等党内法规。`',
    ],
  },
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'report',
  checkReport(report, ctx) {
    const { doc } = ctx;
    // Almost every report: each line closes every mark it opens.
    if (balancedReport(report, doc)) return [];
    const out: RuleFinding[] = [];
    for (const p of paragraphs(report, doc)) {
      // Most paragraphs hold no paired mark at all.
      if (!anyLine(p.lines, doc.source.lines)) continue;
      for (const f of paragraphFindings(doc.source.lines, p.lines, p.cut, doc.markdown)) out.push(f);
    }
    return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  },
};
