/**
 * straight-quotes: typewriter quotes around Chinese words ("学习强国",
 * ＂三会一课＂, '一岗双责') where GB/T 15834—2011 4.8.2 has “ ” and ‘ ’.
 *
 * Quotes are paired in order on the line; a pair whose content holds Chinese
 * (or that stands between Chinese words) becomes “ ”, or ‘ ’ inside a “…”
 * (4.8.3.4). A pair of single quotes counts only when its content is Chinese
 * through and through: an apostrophe is not a quote. An odd quote left over
 * has no certain partner and is left alone.
 *
 * Pages stored NFKC-normalised turn ＂ into ": a line is read only when it
 * keeps some full-width mark NFKC would have changed (，；：（）！？), so such a
 * text is not flooded (the punctuation rule speaks for it). URLs and
 * Markdown code keep their quotes. The fix is certain: fix all applies it.
 */
import { lineRange, RuleFinding, TextEdit } from '../engine/types';
import { LineRule } from './rule';

const HAN = /\p{Script=Han}/u;
const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20“”‘’《》…—]/u;
const NFKC_SENSITIVE = /[，；：（）！？]/;

function protectedSpans(line: string, markdown: boolean): [number, number][] {
  const spans: [number, number][] = [];
  const add = (re: RegExp) => {
    for (let m = re.exec(line); m; m = re.exec(line)) spans.push([m.index, m.index + m[0].length]);
  };
  add(/(?:https?|ftp):\/\/\S+|www\.\S+/g);
  if (markdown) {
    add(/`[^`]*`/g);
    add(/\]\([^)]*\)/g);
  }
  return spans;
}

export function straightQuoteFindings(line: string, markdown: boolean): RuleFinding[] {
  const hasDouble = line.includes('"') || line.includes('＂');
  const hasSingle = line.includes("'");
  if (!hasDouble && !hasSingle) return [];
  if (!NFKC_SENSITIVE.test(line)) return [];
  const spans = protectedSpans(line, markdown);
  const positions = (re: RegExp) => {
    const at: number[] = [];
    for (let m = re.exec(line); m; m = re.exec(line)) if (!spans.some(([a, b]) => m!.index >= a && m!.index < b)) at.push(m.index);
    return at;
  };
  const out: RuleFinding[] = [];
  // Inside a “…” the quotes are single (GB/T 15834—2011 4.8.3.4); at the top level, double.
  const nested = (at: number) => {
    let depth = 0;
    for (let i = 0; i < at; i++) {
      const c = line.charCodeAt(i);
      if (c === 0x201c) depth++;
      else if (c === 0x201d && depth > 0) depth--;
    }
    return depth > 0;
  };
  const pairUp = (at: number[], strict: boolean) => {
    for (let k = 0; k + 1 < at.length; k += 2) {
      const s = at[k];
      const e = at[k + 1];
      const [open, close] = nested(s) ? ['‘', '’'] : ['“', '”'];
      const content = line.slice(s + 1, e);
      if (content.trim() === '') continue;
      const chinese = strict
        ? [...content].every((c) => HAN.test(c) || /[·、]/.test(c))
        : HAN.test(content) || (CHINESE.test(line[s - 1] ?? '') && CHINESE.test(line[e + 1] ?? ''));
      if (!chinese) continue;
      const edits: TextEdit[] = [
        { range: lineRange(0, s, s + 1), newText: open },
        { range: lineRange(0, e, e + 1), newText: close },
      ];
      out.push({
        message: `中文里的引号应使用「${open} ${close}」（GB/T 15834—2011 第4.8.2条），这里是直引号 ${line[s]}${content}${line[e]}。`,
        range: lineRange(0, s, e + 1),
        fix: { title: `改为${open}${content}${close}`, edits },
        data: { open, close },
      });
    }
  };
  if (hasDouble) pairUp(positions(/["＂]/g), false);
  if (hasSingle) pairUp(positions(/'/g), true);
  return out.sort((a, b) => a.range.start.character - b.range.start.character);
}

export const straightQuotesRule: LineRule = {
  id: 'straight-quotes',
  docs: {
    title: '中文里用了直引号',
    summary: '中文词句外的直引号 `"学习强国"`、`＂三会一课＂`，应为弯引号 `“ ”`（单引号 `‘ ’`）',
    readme: { problem: '直引号', examples: '`"学习强国"`、`＂三会一课＂`' },
    hover: {
      explanation: '中文的引号是弯引号「“ ”」，引号里面再用引号时用「‘ ’」（GB/T 15834—2011《标点符号用法》第4.8.2条）。英文输入状态下打出的直引号 " 不是中文引号。快速修复会改为弯引号。',
      wrong: '用好"学习强国"平台，落实＂三会一课＂制度。',
      right: '用好“学习强国”平台，落实“三会一课”制度。',
    },
    details: [
      '中文词句外的直引号：英文双引号 `"`、全角直引号 `＂`、英文单引号 `\'`。',
      '',
      '- 默认级别：警告',
      '- 可一键修复：是（改为 `“ ”` 或 `‘ ’`）',
      '- 需要中文分词：否',
      '',
      '依据 GB/T 15834—2011《标点符号用法》第4.8.2条：引号的形式是双引号「“ ”」和单引号「‘ ’」。',
      '一行中的直引号按先后两两配对，引号内有汉字（或引号前后都是中文）时报告；单引号只在引号内全是汉字时报告，',
      '以免把英文的撇号当成引号。改成双引号 `“ ”`，已在双引号内的改成单引号 `‘ ’`（第4.8.3.4条：引号里面还要用引号时，外层用双引号，里层用单引号）。',
      '配不成对的单个直引号不报告（不知道它和谁是一对）。',
      '网址、Markdown 行内代码和链接地址中的引号不报告。网页转存的文本常把全角标点统一规范化为半角（NFKC），',
      '这种文本整行都是半角标点，直引号只在同一行还保留全角标点时才报告。',
      '',
      '- 错误示例：`用好"学习强国"平台，落实＂三会一课＂制度，压实\'一岗双责\'。`',
      '- 正确示例：`用好“学习强国”平台，落实“三会一课”制度，压实“一岗双责”。`',
    ],
  },
  defaultSeverity: 'warning',
  fixable: true,
  scope: 'line',
  kinds: ['body', 'heading', 'title'],
  mayFind: (line) => line.includes('"') || line.includes('＂') || line.includes("'"),
  checkLine: (line, ctx) => straightQuoteFindings(line, ctx.markdown),
};
