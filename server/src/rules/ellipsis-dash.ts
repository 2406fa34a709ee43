/**
 * ellipsis-dash: ellipses and dashes in a form GB/T 15834—2011 does not
 * have. The ellipsis is 「……」 (4.11.2: two of U+2026; two ellipses in a
 * row stand for omitted paragraphs), the dash 「——」 (4.10.2).
 *
 * - 「...」 (three or more full stops, in Chinese text) → 「……」;
 * - a lone 「…」, or three of them → 「……」;
 * - 「--」 or 「－－」 between Chinese words → 「——」.
 *
 * Left alone: 「。。。」 (the punctuation rule reports it), a lone 「—」 (the
 * 一字线 is a connector of its own, 北京—上海, 4.13.2), dots in Latin text,
 * URLs and Markdown code. Pages stored NFKC-normalised turn every 「……」
 * into 「......」: dots are reported only on a line that keeps some
 * full-width mark NFKC would have changed (，；：（）！？).
 * Every fix is certain: fix all applies it.
 */
import { lineRange, RuleFinding } from '../engine/types';
import { nonProseSpans } from '../engine/prose-spans';
import { LineRule } from './rule';

const CANDIDATE = /\.{3,}|…+|--|－－/g;
const QUICK = /\.\.\.|…|--|－－/;
const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20“”‘’《》]/u;
const NFKC_SENSITIVE = /[，；：（）！？]/;

function visibleNeighbour(line: string, at: number, step: 1 | -1): string {
  let i = at;
  while (i >= 0 && i < line.length && /[ \t\u00a0]/.test(line[i])) i += step;
  return i >= 0 && i < line.length ? line[i] : '';
}

export function ellipsisDashFindings(line: string, markdown: boolean): RuleFinding[] {
  if (!QUICK.test(line)) return [];
  const out: RuleFinding[] = [];
  const spans = nonProseSpans(line, markdown);
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(line); m; m = CANDIDATE.exec(line)) {
    const s = m.index;
    const e = s + m[0].length;
    if (spans.some(([a, b]) => s < b && a < e)) continue;
    const before = visibleNeighbour(line, s - 1, -1);
    const after = visibleNeighbour(line, e, 1);
    const run = m[0];
    let message: string;
    if (run[0] === '.') {
      if (!CHINESE.test(before) && !CHINESE.test(after)) continue;
      if (!NFKC_SENSITIVE.test(line)) continue;
      message = `「${run}」不是中文的省略号，应写作「……」（GB/T 15834—2011 第4.11.2条）。`;
    } else if (run[0] === '…') {
      // …… and ………… (two ellipses for omitted paragraphs) are right.
      if (run.length % 2 === 0) continue;
      message = `省略号应是两个「…」连写的「……」，这里是「${run}」（GB/T 15834—2011 第4.11.2条）。`;
    } else {
      // A dash stands between Chinese words; --flag and a--b are not prose.
      if (!CHINESE.test(before) || !CHINESE.test(after)) continue;
      message = `「${run}」不是中文的破折号，应写作「——」（GB/T 15834—2011 第4.10.2条）。`;
    }
    const right = run[0] === '-' || run[0] === '－' ? '——' : '……';
    out.push({
      message,
      range: lineRange(0, s, e),
      fix: { title: `改为「${right}」`, edits: [{ range: lineRange(0, s, e), newText: right }] },
      data: { right },
    });
  }
  return out;
}

export const ellipsisDashRule: LineRule = {
  id: 'ellipsis-dash',
  docs: {
    title: '省略号或破折号写法不对',
    summary: '中文里用 `...`、单个 `…` 作省略号，用 `--` 作破折号；应为 `……` 和 `——`',
    readme: { problem: '省略号、破折号', examples: '`等活动...`、`等…`、`主题--学习`' },
    hover: {
      explanation: '中文的省略号是两个「…」连写的「……」（GB/T 15834—2011《标点符号用法》第4.11.2条），破折号是两个「—」连写的「——」（第4.10.2条）。英文句点、单个「…」、两个连字符都不是。快速修复会改成标准写法。',
      wrong: '开展学习、宣讲、培训...\n主题活动--“学习强国”知识竞赛',
      right: '开展学习、宣讲、培训……\n主题活动——“学习强国”知识竞赛',
    },
    details: [
      '中文里写法不对的省略号和破折号。',
      '',
      '- 默认级别：警告',
      '- 可一键修复：是（改为 `……` 或 `——`）',
      '- 需要中文分词：否',
      '',
      '依据 GB/T 15834—2011《标点符号用法》：省略号的形式是「……」（第4.11.2条），破折号的形式是「——」（第4.10.2条）。',
      '报告：前后是中文的三个以上英文句点 `...`；单个或三个连写的 `…`（两个或四个连写是对的，四个表示整段省略）；',
      '前后都是中文的两个连字符 `--` 或 `－－`。',
      '不报告：单个 `—`（一字线是连接号，如「北京—上海」，第4.13.2条）；`。。。`（由 `punctuation` 规则报告）；',
      '英文、网址、Markdown 行内代码中的句点和连字符。网页转存的文本常把 `……` 规范化为六个英文句点（NFKC），',
      '这种文本整行都是半角标点，英文句点只在同一行还保留全角标点时才报告。',
      '',
      '- 错误示例：`开展学习、宣讲、培训...，主题活动--知识竞赛，参加人员有党员、群众…`',
      '- 正确示例：`开展学习、宣讲、培训……，主题活动——知识竞赛，参加人员有党员、群众……`',
    ],
  },
  defaultSeverity: 'warning',
  fixable: true,
  scope: 'line',
  kinds: ['body', 'heading', 'title'],
  mayFind: (line) => QUICK.test(line),
  checkLine: (line, ctx) => ellipsisDashFindings(line, ctx.markdown),
};
