/**
 * paragraph-end: a paragraph of running text that ends without the mark that
 * closes it (GB/T 15834—2011 4.1: a statement ends with 。; 4.1–4.3, 4.7, 4.11
 * give the other marks a sentence may end with). Usually the last words were
 * cut, or the mark was lost while editing.
 *
 * Only a paragraph that certainly ended is judged: one followed by a blank
 * line, a heading or a title. Lines that run on into the next line (a page's
 * hard line wraps, a paragraph being typed), the last paragraph of a report
 * (the closing-block rule's place, or a truncated page), and lines that are
 * not prose are left alone: headings and titles (their kind), 一是 items
 * (headings too), short lines (names, dates, labels: fewer than
 * MIN_LENGTH characters), lines without a finished sentence inside (a title
 * the parser did not take for one, a notice: only a paragraph of sentences
 * whose last one lost its mark is reported), 附件 lines, lines ending in
 * decoration (---), and Markdown lists, tables, quotes and code.
 */
import { lineRange, RuleFinding } from '../engine/types';
import { ReportRule } from './rule';

/** Marks a finished paragraph may end with (NFKC's half-width forms included). */
const CLOSING = /[。！？；：…”’）》」』】〕.!?;:)"'\]—]$/;
/** A paragraph shorter than this is a name, a date or a label. */
const MIN_LENGTH = 20;
/** A paragraph of prose has a finished sentence inside: only its last one lost its mark. */
const PROSE = /[。！？]/;
/** Decoration a template site ends its notices with (---此处隐藏…---). */
const DECORATION = /[-=*~_#]$/;
/** Markdown blocks that are not paragraphs: lists, tables, quotes, code, rules, HTML. */
const MARKDOWN_BLOCK = /^(?:[-*+]\s|\d+[.)]\s|\||>|```|~~~|<|\[\^|!\[|---|\*\*\*|___)/;

export const paragraphEndRule: ReportRule = {
  id: 'paragraph-end',
  docs: {
    title: '段末缺少标点',
    summary: '正文段落末尾没有句号等结束标点（标题、一是列举、落款、短行不算）',
    readme: { problem: '段末缺标点', examples: '`……确保各项任务落到实处` 后面没有句号，下一行是标题' },
    hover: {
      explanation: '一段正文应以句号（或问号、叹号、分号、冒号、省略号、引号括号等）结束（GB/T 15834—2011《标点符号用法》第4.1条）。段末没有标点，往往是最后几个字被删掉了或漏打了句号。请补上标点，并检查这一段是否完整。',
      wrong: '全年组织集中学习12次。各支部结合实际开展主题党日活动\n二、存在的问题',
      right: '全年组织集中学习12次。各支部结合实际开展主题党日活动。\n二、存在的问题',
    },
    details: [
      '正文段落末尾没有结束标点。',
      '',
      '- 默认级别：提示',
      '- 可一键修复：否（段末可能还缺了字，要作者看过再补）',
      '- 需要中文分词：否',
      '',
      '依据 GB/T 15834—2011《标点符号用法》第4.1条：陈述句末尾用句号；段落以句号、问号、叹号、分号、冒号、省略号或引号、括号等结束。',
      '只检查确定已经结束的段落：后面是空行、标题或另一篇报告的标题。后面紧接正文的行可能是硬换行（从 PDF 复制）或正在输入的段落，不检查；',
      '报告的最后一段也不检查（那里是落款，或网页截断的地方，见 `closing-block`）。',
      '不检查：标题、一是/二是列举、不足20字的短行（单位名称、日期、标签）、中间没有一个完整句子（句号、问号、叹号）的行',
      '（未被识别的标题、网页的提示语）、以「附件」开头的行、以 `---` 等装饰符号结尾的行、Markdown 的列表、表格、引用、代码和分隔线。',
      '',
      '- 错误示例：`全年组织集中学习12次。各支部结合实际开展主题党日活动`（下一行是 `二、存在的问题`）',
      '- 正确示例：`全年组织集中学习12次。各支部结合实际开展主题党日活动。`',
    ],
  },
  defaultSeverity: 'hint',
  fixable: false,
  scope: 'report',
  checkReport(report, ctx) {
    const { doc, source } = ctx;
    const out: RuleFinding[] = [];
    // The report's last content line is not judged.
    let last = report.endLine;
    while (last > report.startLine && (doc.lines[last].kind === 'blank' || doc.lines[last].kind === 'residue')) last--;
    for (let l = report.startLine; l < last; l++) {
      const info = doc.lines[l];
      if (info.kind !== 'body') continue;
      const next = doc.lines[l + 1];
      // Ended for certain: a blank line, a stand-alone heading or a title follows (a run-in heading may be a page's next chunk).
      if (next.kind !== 'blank' && next.kind !== 'heading' && next.kind !== 'title') continue;
      if (next.kind === 'heading' && (next.heading?.style === 'cn-shi' || next.heading?.runIn)) continue;
      let text = source.lines[l].slice(info.start, info.end);
      if (doc.markdown) {
        if (MARKDOWN_BLOCK.test(text) || text.startsWith('#')) continue;
        text = text.replace(/(?:\*\*|__|\*|_)+$/, '').replace(/\s+$/, '');
      }
      if (text.length < MIN_LENGTH || CLOSING.test(text) || DECORATION.test(text) || text.startsWith('附件')) continue;
      if (!PROSE.test(text.slice(0, -1))) continue;
      const end = info.start + text.length;
      out.push({
        message: '这一段末尾没有结束标点：请补上句号（或其他结束标点），并检查段末是否漏了字（GB/T 15834—2011 第4.1条）。',
        range: lineRange(l, end - 1, end),
        data: { last: text.charAt(text.length - 1) },
      });
    }
    return out;
  },
};
