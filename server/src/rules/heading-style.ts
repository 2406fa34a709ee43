/**
 * heading-style: heading numbers written otherwise than GB/T 9704—2012 7.3.3
 * gives them. The four levels are 「一、」「（一）」「1.」「（1）」; common slips:
 *
 * - 「一.」「一．」 for 「一、」;
 * - 「(一)」「(1)」 with half-width brackets (or one of each) for 「（一）」「（1）」;
 * - 「1、」 for 「1.」;
 * - a mark after a bracketed number: 「（一）、」「（1）.」;
 * - a stand-alone first-level heading ending in 「。」 (「一、主要工作。」); a
 *   run-in heading, whose heading sentence the body follows on the same line,
 *   rightly ends it with 「。」 and is left alone.
 *
 * Pages stored NFKC-normalised turn every full-width bracket half-width; a
 * half-width bracket is reported only on a line that keeps some full-width
 * mark NFKC would have changed (，；：（）！？), so such a text is not flooded
 * (the punctuation rule speaks for it).
 *
 * A run of sibling headings is skipped when one of them follows running text
 * cut off mid-sentence: web pages cut a report into fixed-length chunks
 * numbered 「1、」「2、」…, and those numbers are template residue, not headings.
 *
 * All fixes change the marker only and are certain: fix all applies them.
 */
import { HeadingMarker } from '../engine/markers';
import { HeadingNode, Report } from '../engine/parse';
import { SourceText } from '../engine/source';
import { lineRange, moveFinding, RuleFinding } from '../engine/types';
import { ReportRule } from './rule';

/** Full-width marks that NFKC normalisation would have made half-width. */
const NFKC_SENSITIVE = /[，；：（）！？]/;
/** The marks a heading may carry after its number. */
const STRAY_AFTER = /^[ \t\u3000]*[、.．，,]/;
/** A short stand-alone heading: no clause marks inside. */
const SHORT_HEADING_MAX = 30;

/** The findings of one heading line (on line 0), from its parsed marker. */
const FULL_STOP = '。'.charCodeAt(0);

/** Where `line` ends once the blanks (space, tab, U+3000) after `from` are cut off; never before `from`. */
function textEnd(line: string, from: number): number {
  let end = line.length;
  while (end > from) {
    const c = line.charCodeAt(end - 1);
    if (c !== 32 && c !== 9 && c !== 0x3000) break;
    end--;
  }
  return end;
}

/** A finding that replaces the heading's marker (up to `end`) with `right`. */
function markerFinding(out: RuleFinding[], h: HeadingMarker, right: string, message: string, title: string, end: number): void {
  out.push({
    message,
    range: lineRange(0, h.markerStart, end),
    fix: { title, edits: [{ range: lineRange(0, h.markerStart, end), newText: right }] },
    data: { kind: 'marker', right },
  });
}

export function headingStyleFindings(line: string, h: HeadingMarker): RuleFinding[] {
  const out: RuleFinding[] = [];
  const marker = line.slice(h.markerStart, h.markerEnd);
  const cite = '（GB/T 9704—2012 第7.3.3条：结构层次序数依次用「一、」「（一）」「1.」「（1）」）';
  switch (h.style) {
    case 'cn-dun': {
      if (h.variant !== '、') {
        const right = marker.replace(/[ \t\u3000]*[.．]$/, '、');
        markerFinding(out, h, right, `第一层标题序号「${marker}」应写作「${right}」${cite}。`, `改为「${right}」`, h.markerEnd);
      }
      break;
    }
    case 'cn-paren':
    case 'arabic-paren': {
      const open = marker.charAt(0);
      const close = marker.charAt(marker.length - 1);
      const halfWidth = open === '(' || close === ')';
      const mixed = (open === '(') !== (close === ')');
      const stray = STRAY_AFTER.exec(line.slice(h.markerEnd));
      const bracketsWrong = halfWidth && (mixed || NFKC_SENSITIVE.test(line));
      if (!bracketsWrong && !stray) break;
      const right = '（' + marker.slice(1, -1).trim() + '）';
      const end = stray ? h.markerEnd + stray[0].length : h.markerEnd;
      const shown = line.slice(h.markerStart, end);
      const what = bracketsWrong && stray ? '应使用全角括号，括号后不加标点' : bracketsWrong ? '应使用全角括号' : '括号后不再加标点';
      markerFinding(out, h, right, `标题序号「${shown}」${what}，应写作「${right}」${cite}。`, `改为「${right}」`, end);
      break;
    }
    case 'arabic-dot': {
      if (h.variant === '、') {
        const right = marker.replace(/[ \t\u3000]*、$/, '.');
        markerFinding(out, h, right, `阿拉伯数字序号「${marker}」应写作「${right}」，数字后用下脚点而不用顿号${cite}。`, `改为「${right}」`, h.markerEnd);
      }
      break;
    }
  }
  // A stand-alone first-level heading that ends in 。.
  // The heading's text without its trailing blanks: its end found in place, the text copied only when it ends in 。.
  if (h.style === 'cn-dun' && !h.runIn && line.charCodeAt(textEnd(line, h.textStart) - 1) === FULL_STOP) {
    const text = line.slice(h.textStart, textEnd(line, h.textStart));
    if (text.endsWith('。') && text.length - 1 <= SHORT_HEADING_MAX && !/[，,；;。]/.test(text.slice(0, -1))) {
      const at = h.textStart + text.length - 1;
      out.push({
        message: '单独成行的标题末尾一般不加句号，请删去「。」（标题后紧接正文的段落式标题，标题句末用句号是对的）。',
        range: lineRange(0, at, at + 1),
        fix: { title: '删去标题末尾的句号', edits: [{ range: lineRange(0, at, at + 1), newText: '' }] },
        data: { kind: 'full-stop' },
      });
    }
  }
  return out;
}

/** Marks a paragraph ends with when it is complete (NFKC's half-width forms included). */
const COMPLETE_END = /[。！？；：…”’）》」』】〕.!?;:)"'\]]$/;

/**
 * True when the heading stands where a paragraph was cut off: the content
 * line before it is running text that stops mid-sentence. Pages cut into
 * fixed-length chunks and numbered 「1、」「2、」 look like that; their
 * numbers are the page's, not the author's headings.
 */
function followsCutText(node: HeadingNode, report: Report, source: SourceText): boolean {
  for (let l = node.line - 1; l >= report.startLine; l--) {
    const text = source.lines[l].trim();
    if (text === '') continue;
    // A title or a stand-alone heading before it: a heading under a heading. A run-in heading is a paragraph.
    if (report.title?.line === l || report.headings.some((h) => h.line === l && !h.marker.runIn)) return false;
    return !COMPLETE_END.test(text);
  }
  return false;
}

/** True when a mark 「、.．，,」 follows `from` after blanks (space, tab, U+3000): what STRAY_AFTER matches there. */
function strayAfter(line: string, from: number): boolean {
  let i = from;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0x3000) break;
    i++;
  }
  const c = line.charCodeAt(i);
  return c === 0x3001 || c === 46 || c === 0xff0e || c === 0xff0c || c === 44;
}

/**
 * False when headingStyleFindings certainly finds nothing on the heading: read
 * by character code, with no copy of the line, so that a report whose headings
 * are all well written (almost every one) is done before any allocation.
 */
function mayFind(line: string, h: HeadingMarker): boolean {
  switch (h.style) {
    case 'cn-dun':
      return h.variant !== '、' || (!h.runIn && line.charCodeAt(textEnd(line, h.textStart) - 1) === FULL_STOP);
    case 'cn-paren':
    case 'arabic-paren':
      return (h.markerEnd > h.markerStart && (line.charCodeAt(h.markerStart) === 40 || line.charCodeAt(h.markerEnd - 1) === 41)) || strayAfter(line, h.markerEnd);
    case 'arabic-dot':
      return h.variant === '、';
    default:
      return false;
  }
}

export const headingStyleRule: ReportRule = {
  id: 'heading-style',
  docs: {
    title: '标题序号写法不规范',
    summary: '标题序号不合 GB/T 9704 的「一、」「（一）」「1.」「（1）」写法：`一.`、半角括号 `(一)`、`1、`、`（一）、`，单独成行的一级标题末尾加句号',
    readme: { problem: '标题序号写法', examples: '`一.`、`(一)`、`1、`、`（一）、`、`一、主要工作。`' },
    hover: {
      explanation: '公文结构层次序数依次用「一、」「（一）」「1.」「（1）」（GB/T 9704—2012《党政机关公文格式》第7.3.3条）。括号用全角，括号后不再加顿号，阿拉伯数字后用下脚点；单独成行的标题末尾一般不加句号。快速修复会改正序号。',
      wrong: '一.主要工作\n(一)加强理论学习\n1、落实中心组学习制度',
      right: '一、主要工作\n（一）加强理论学习\n1.落实中心组学习制度',
    },
    details: [
      '标题序号的写法不合 GB/T 9704—2012《党政机关公文格式》第7.3.3条：结构层次序数依次用「一、」「（一）」「1.」「（1）」标注。',
      '',
      '- 默认级别：提示',
      '- 可一键修复：是（只改序号本身，或删去单独成行标题末尾的句号）',
      '- 需要中文分词：否',
      '',
      '报告以下写法：`一.` `一．`（应为 `一、`）；半角括号 `(一)` `(1)` 或全半角混用的 `（一)`（应为 `（一）` `（1）`）；',
      '`1、`（应为 `1.`）；括号序号后又加标点的 `（一）、` `（1）.`；单独成行、不含逗号的一级标题末尾的 `。`（`一、主要工作。`）。',
      '四种标准写法都不报告，`1．`（全角下脚点）也不报告。标题后紧接正文的段落式标题（`（一）加强学习。全年……`），',
      '标题句末用句号是对的，不报告。Markdown 的 `#` 标题和加粗不影响判断。',
      '网页转存的文本常把全角括号统一转成半角（NFKC 规范化），这时半角括号只在同一行还保留全角标点时才报告，以免满篇提示；',
      '整段的半角标点由 `punctuation` 规则报告。',
      '同级的一组序号中，只要有一个紧跟在半句中断的正文之后（网页把全文切成定长的段落并编上「1、」「2、」），这组序号就不报告：它们是网页留下的，不是作者的标题。',
      '',
      '- 错误示例：`一.主要工作` `(一)加强理论学习，提高认识` `1、落实学习制度` `（二）、强化阵地管理`',
      '- 正确示例：`一、主要工作` `（一）加强理论学习，提高认识` `1.落实学习制度` `（二）强化阵地管理`',
    ],
  },
  defaultSeverity: 'hint',
  fixable: true,
  scope: 'report',
  checkReport(report, ctx) {
    const headings = report.headings;
    const lines = ctx.source.lines;
    let any = false;
    for (let i = 0; i < headings.length && !any; i++) any = mayFind(lines[headings[i].line], headings[i].marker);
    if (!any) return [];
    const out: RuleFinding[] = [];
    // Siblings of one style form a run; a run any of whose items follows cut-off text is a page's chunk numbering.
    // Indexed loops and forEach: every report is read on a draft's first analysis, in code
    // V8 has not optimised yet, where each step of a for…of allocates an iterator result.
    const runs = new Map<string, HeadingNode[]>();
    for (let i = 0; i < headings.length; i++) {
      const h = headings[i];
      const key = `${h.parent?.line ?? -1}:${h.marker.style}`;
      const run = runs.get(key);
      if (run) run.push(h);
      else runs.set(key, [h]);
    }
    runs.forEach((run) => {
      if (run.some((h) => followsCutText(h, report, ctx.source))) return;
      for (let i = 0; i < run.length; i++) {
        const h = run[i];
        const found = headingStyleFindings(ctx.source.lines[h.line], h.marker);
        for (let j = 0; j < found.length; j++) out.push(moveFinding(found[j], h.line));
      }
    });
    return out.sort((a, b) => a.range.start.line - b.range.start.line);
  },
};
