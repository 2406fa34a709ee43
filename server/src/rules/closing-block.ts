/**
 * closing-block: a report that ends without its closing block (落款): the
 * issuing organisation and the date it was written (成文日期), which GB/T
 * 9704—2012 7.3.5 places after the text. A hint, and only where the genre has
 * one (the profile's `closingBlock`, true by default).
 *
 * The block counts wherever reports put it: a date line, or a name and a date
 * on one line, among the last lines, or under the title (「（2024年12月20日）」);
 * a date still to be filled in (20XX年X月X日) counts too. A report without a
 * title or with fewer than three lines or 500 characters after it (a fragment,
 * a sketch still being written, a page's repeated title), one that ends on a heading, and one cut off mid-sentence (a
 * truncated page) are not judged.
 */
import { findClosingBlock } from '../engine/closing';
import { lineRange, RuleFinding } from '../engine/types';
import { ReportRule } from './rule';

/** How a paragraph that is not cut off ends. */
const COMPLETE_END = /[。！？；…”’）》」』】〕.!?;)]$/;
/** Content lines, and characters, a report needs after its title before its end is judged. */
const MIN_CONTENT_LINES = 3;
const MIN_CONTENT_CHARS = 500;
/** A last line this long (a unit's name is at least 4 characters: XX党委) and with no sentence mark is the organisation's name. */
const NAME_MIN = 4;
const NAME_MAX = 30;

export const closingBlockRule: ReportRule = {
  id: 'closing-block',
  docs: {
    title: '缺少落款',
    summary: '报告末尾没有落款（发文机关署名和成文日期），或落款只有署名没有日期',
    readme: { problem: '缺少落款', examples: '全文结束后没有 `XX镇党委` 和 `2024年12月20日`' },
    hover: {
      explanation: '报告正文之后应有落款：发文机关署名和成文日期（GB/T 9704—2012《党政机关公文格式》第7.3.5条）。请在末尾写上单位名称和成文日期，如「XX镇党委」「2024年12月20日」。',
      wrong: '……确保意识形态工作各项任务落到实处。',
      right: '……确保意识形态工作各项任务落到实处。\nXX镇党委\n2024年12月20日',
    },
    details: [
      '报告末尾没有落款（发文机关署名和成文日期），或落款只有署名、没有成文日期。',
      '',
      '- 默认级别：提示',
      '- 可一键修复：否（单位名称和日期只有作者知道）',
      '- 需要中文分词：否',
      '',
      '依据 GB/T 9704—2012《党政机关公文格式》第7.3.5条：正文之后编排发文机关署名和成文日期。',
      '常见的几种落款都算有：末尾几行中单独一行的日期，或「单位名称＋日期」同在一行；标题下方的 `（2024年12月20日）`；',
      '尚待填写的 `20XX年X月X日`、`年 月 日` 也算（由 `placeholder` 规则提醒填写）。日期的写法由 `date-format` 规则检查。',
      '最后一行是括号里的附注（`（本文仅供参考）`）、没有标题或标题后不足三行、不足500字的片段（还在起草的提纲，落款总是最后写）、以标题结尾（正文还没写完）的报告、在句子中间断开的文本（网页截断）不报告。',
      '只在报告所属文体有落款时检查：配置档案的 `closingBlock` 字段（默认 `true`）设为 `false` 即不检查。',
      '',
      '- 错误示例：全文最后一行是 `确保意识形态工作各项任务落到实处。`，后面没有署名和日期。',
      '- 正确示例：最后两行是 `XX镇党委` 和 `2024年12月20日`。',
    ],
  },
  defaultSeverity: 'hint',
  fixable: false,
  scope: 'report',
  checkReport(report, ctx) {
    if (report.profile.data.closingBlock === false || !report.title) return [];
    const { doc, source } = ctx;
    if (findClosingBlock(report, source, doc.lines)) return [];
    let last = -1;
    let content = 0;
    let chars = 0;
    for (let l = report.endLine; l > report.title.line; l--) {
      const info = doc.lines[l];
      if (info.kind === 'blank' || info.kind === 'residue') continue;
      if (last < 0) last = l;
      content++;
      chars += info.end - info.start;
    }
    // A title and a few lines is a fragment, a sketch still being written (the closing block comes last) or a page's repeated title.
    if (last < 0 || content < MIN_CONTENT_LINES || chars < MIN_CONTENT_CHARS) return [];
    const info = doc.lines[last];
    const text = source.lines[last].slice(info.start, info.end);
    // A note in brackets last (「（阅读全文请登录）」「（本文仅供参考）」) is no part of the text: its end is unknown.
    if (/^[（(【[].*[）)】\]]$/.test(text)) return [];
    // A heading without a closing mark (「三、下一步工作打算」) ends an unfinished report, like a cut-off sentence.
    const name = text.length >= NAME_MIN && text.length <= NAME_MAX && !/[，。；：,;:！？!?、]/.test(text) && info.kind === 'body';
    if (!name && !COMPLETE_END.test(text)) return [];
    const out: RuleFinding[] = [
      {
        message: name
          ? `落款「${text}」后面缺少成文日期：请在署名下一行写上成文日期，如「2024年12月20日」（GB/T 9704—2012 第7.3.5条）。`
          : '报告末尾没有落款：正文之后应写发文机关署名和成文日期（GB/T 9704—2012 第7.3.5条）。',
        // The name line as a whole; after a paragraph, its last character (where the block belongs), not the whole paragraph.
        range: name ? lineRange(last, info.start, info.end) : lineRange(last, info.end - 1, info.end),
        data: { missing: name ? 'date' : 'block' },
      },
    ];
    return out;
  },
};
