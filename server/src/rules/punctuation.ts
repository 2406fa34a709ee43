/**
 * punctuation: marks that a careful typist of Chinese would not leave.
 *
 * - Half-width , ; : ? ! ( ) inside Chinese text (GB/T 15834: Chinese text
 *   takes full-width marks). Digits (1,000, 14:30), URLs, Latin text and
 *   Markdown link targets keep theirs.
 * - A mark typed twice: ，， 。。 ；； and 、、 (the last often where an item
 *   of a list was cut out).
 * - A 、 or ， whose word was cut out: 「加强对、微博等」, 「通过、」, 「、等」,
 *   「（、」. Telling 对 the preposition (加强对、) from 对 inside a word (核对、)
 *   needs words, so the preposition case runs only when a segmenter is ready.
 * - 、 between titles in 书名号: 《条例》、《准则》 (GB/T 15834—2011, 4.5.3.5:
 *   parallel titles in 书名号 usually take no 顿号).
 *
 * The rule does not wait for segmentation (it uses words where known: usesWords): everything
 * but the preposition case is found from the characters alone.
 */
import { LineWords } from '../engine/words';
import { lineRange, RuleFinding } from '../engine/types';
import { nonProseSpans } from '../engine/prose-spans';
import { LineRule } from './rule';

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const NAMES: Record<string, string> = { ',': '逗号', ';': '分号', ':': '冒号', '?': '问号', '!': '叹号', '(': '左括号', ')': '右括号' };

const HAN = /\p{Script=Han}/u;
/** Full-width marks and quotes that belong to Chinese text. */
const CJK_PUNCT = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—·]/;

/** Any of the marks this check looks at. */
const HALF_WIDTH_MARK = /[,;:?!()]/;

function isChinese(ch: string): boolean {
  return ch !== '' && (HAN.test(ch) || CJK_PUNCT.test(ch));
}

function inSpans(spans: [number, number][], at: number): boolean {
  return spans.some(([s, e]) => at >= s && at < e);
}

function prevVisible(line: string, at: number): { ch: string; index: number } {
  let i = at - 1;
  while (i >= 0 && /[ \t\u00a0]/.test(line[i])) i--;
  return { ch: i >= 0 ? line[i] : '', index: i };
}

function nextVisible(line: string, at: number): { ch: string; index: number } {
  let i = at + 1;
  while (i < line.length && /[ \t\u00a0]/.test(line[i])) i++;
  return { ch: i < line.length ? line[i] : '', index: i };
}

/** Single-character function words that cannot end an item of a list (对、 在、 和、). */
const STRANDED_WORDS = new Set(['对', '在', '从', '向', '把', '将', '与', '和', '及', '跟', '同', '给', '被', '于', '由', '或', '让', '使', '以', '为']);
/** What may come before a stranded 、 or ，, and what after a stranded 、 (the tests in strandedSeparatorFindings). */
const OPENING_BEFORE = '（(“‘《【〔：:，、';
const CLOSING_AFTER = '）)”’》】〕。；，：';
/**
 * The marks strandedSeparatorFindings must look at, and a few more: a 、 or ，
 * after line-start blanks, an opening mark, another mark or a one-character
 * function word, and a 、 before 等 or a closing mark. Nearly every comma of a
 * draft is none of these, and the rule looked at each from JavaScript.
 */
// The mark comes first and the look-behind after it: a look-behind first is
// tried at every position of the line, and took seven times as long.
const STRANDED_CANDIDATES = new RegExp(
  `[、，](?<=(?:^\\s*|[${escapeClass(OPENING_BEFORE)}${[...STRANDED_WORDS].join('')}])[、，])|、(?=[等${escapeClass(CLOSING_AFTER)}])`,
  'g',
);

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]\[^-]/g, '\\$&');
}

export function halfWidthFindings(line: string, l: number, markdown: boolean): RuleFinding[] {
  const out: RuleFinding[] = [];
  // Most lines have no half-width mark at all: nothing to look at.
  if (!HALF_WIDTH_MARK.test(line)) return out;
  const spans = nonProseSpans(line, markdown);
  // Parentheses are judged as pairs: both are Chinese when either side or the content is.
  const parenPartner = new Map<number, number>();
  const stack: number[] = [];
  for (let i = line.search(/[()]/); i >= 0 && i < line.length; i++) {
    const ch = line[i];
    if ((ch !== '(' && ch !== ')') || inSpans(spans, i)) continue;
    if (ch === '(') stack.push(i);
    else if (stack.length) {
      const open = stack.pop()!;
      parenPartner.set(open, i);
      parenPartner.set(i, open);
    }
  }
  const decided = new Map<number, boolean>();
  const parenIsChinese = (i: number): boolean => {
    const partner = parenPartner.get(i);
    if (partner === undefined) {
      const before = prevVisible(line, i).ch;
      const after = nextVisible(line, i).ch;
      return isChinese(before) || isChinese(after);
    }
    const open = Math.min(i, partner);
    const close = Math.max(i, partner);
    if (!decided.has(open)) {
      const content = line.slice(open + 1, close);
      const before = prevVisible(line, open).ch;
      const after = nextVisible(line, close).ch;
      // (1)加强… : a short list number before Chinese text.
      const listNumber = /^\s*[0-9一二三四五六七八九十]{1,3}\s*$/.test(content) && isChinese(after);
      decided.set(open, HAN.test(content) || HAN.test(before) || listNumber);
    }
    return decided.get(open)!;
  };

  const marksFound: { start: number; end: number; mark: string }[] = [];
  // Jump from mark to mark: most characters of a line are none of them.
  const marks = /[,;:?!()]/g;
  for (let found = marks.exec(line); found; found = marks.exec(line)) {
    const i = found.index;
    const c = line[i];
    if (inSpans(spans, i)) continue;
    let chinese: boolean;
    if (c === '(' || c === ')') {
      chinese = parenIsChinese(i);
    } else {
      const before = prevVisible(line, i).ch;
      const after = nextVisible(line, i).ch;
      // 1,000 / 14:30 / 3:2 / Hello, world: not Chinese punctuation.
      if (/[0-9]/.test(before) && /[0-9]/.test(after)) continue;
      chinese = isChinese(before) || isChinese(after);
    }
    if (!chinese) continue;
    // Swallow the spaces typed after an English-style mark when Chinese text follows.
    let end = i + 1;
    if (c !== '(') {
      const next = nextVisible(line, i);
      if (next.index > i + 1 && isChinese(next.ch)) end = next.index;
    }
    marksFound.push({ start: i, end, mark: c });
  }
  if (marksFound.length === 0) return out;
  const edits = marksFound.map((m) => ({ range: lineRange(l, m.start, m.end), newText: FULL_WIDTH[m.mark] }));
  const first = marksFound[0];
  if (marksFound.length === 1) {
    out.push({
      message: `中文句子中使用了半角${NAMES[first.mark]}「${first.mark}」，应改为全角「${FULL_WIDTH[first.mark]}」。`,
      range: edits[0].range,
      fix: { title: `改为全角「${FULL_WIDTH[first.mark]}」`, edits },
      data: { kind: 'half-width', mark: first.mark },
    });
    return out;
  }
  // A draft pasted with half-width marks throughout: one finding for the paragraph, on its first mark
  // (a small squiggle), whose fix converts them all.
  const kinds = [...new Set(marksFound.map((m) => m.mark))];
  out.push({
    message: `本段中文句子中有 ${marksFound.length} 处半角标点（${kinds.map((k) => `${NAMES[k]}「${k}」`).join('、')}），应改为全角（${kinds.map((k) => FULL_WIDTH[k]).join(' ')}）；标出的是第一处，快速修复会把本段的都改为全角。`,
    range: edits[0].range,
    fix: { title: `将本段 ${marksFound.length} 处半角标点改为全角`, edits },
    data: { kind: 'half-width', mark: first.mark, count: marksFound.length },
  });
  return out;
}

const REPEAT_NAMES: Record<string, string> = { '，': '逗号', '。': '句号', '；': '分号', '、': '顿号', '：': '冒号' };

export function repeatedMarkFindings(line: string, l: number): RuleFinding[] {
  const out: RuleFinding[] = [];
  const re = /([，。；、：])\1+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) {
    const mark = m[1];
    const s = m.index;
    const e = s + m[0].length;
    if (mark === '。' && m[0].length >= 3) {
      out.push({
        message: `「${m[0]}」不是规范的省略号；省略号应写作「……」，若不是省略，请只保留一个句号。`,
        range: lineRange(l, s, e),
        data: { kind: 'repeated', mark },
      });
      continue;
    }
    if (mark === '、') {
      // Usually an item of the list went missing between the two marks.
      out.push({
        message: `顿号连用「${m[0]}」：两个顿号之间可能漏写了一项并列内容，请补上；若没有遗漏，请删去多余的顿号。`,
        range: lineRange(l, s, e),
        data: { kind: 'repeated', mark },
      });
      continue;
    }
    out.push({
      message: `${REPEAT_NAMES[mark]}重复「${m[0]}」，请删去多余的${REPEAT_NAMES[mark]}。`,
      range: lineRange(l, s, e),
      fix: { title: `删去多余的${REPEAT_NAMES[mark]}`, edits: [{ range: lineRange(l, s + 1, e), newText: '' }] },
      data: { kind: 'repeated', mark },
    });
  }
  return out;
}

/**
 * A 、 or ， with nothing in front of it or behind it: after an opening bracket
 * or quote, after another mark, before 等, before a closing mark; with words,
 * also after a stranded preposition or conjunction (加强对、微博等).
 */
export function strandedSeparatorFindings(line: string, l: number, words: LineWords | null): RuleFinding[] {
  const out: RuleFinding[] = [];
  STRANDED_CANDIDATES.lastIndex = 0;
  for (let m = STRANDED_CANDIDATES.exec(line); m; m = STRANDED_CANDIDATES.exec(line)) {
    const i = m.index;
    const c = m[0];
    const name = c === '、' ? '顿号' : '逗号';
    const before = line[i - 1] ?? '';
    const after = line[i + 1] ?? '';
    // 、、 and ，， are reported as repeated marks.
    if (before === c || after === c) continue;
    let reason: string | null = null;
    if (c === '、' && line.slice(0, i).trim() === '') {
      reason = '顿号出现在行首，前面的内容像是被删掉了';
    } else if (before !== '' && OPENING_BEFORE.includes(before)) {
      reason = `「${before}」后面紧跟${name}，前面的内容像是被删掉了`;
    } else if (c === '、' && after !== '' && (after === '等' || CLOSING_AFTER.includes(after))) {
      reason = after === '等' ? '顿号后面直接是「等」，最后一项并列内容像是被删掉了' : `顿号后面直接是「${after}」，后面的内容像是被删掉了`;
    } else if (words && STRANDED_WORDS.has(before)) {
      // Cut the line only when the character before could be a stranded word.
      const w = words.wordAt(i - 1);
      // Mid-clause only (加强对、): at the start of a clause 对、错 is a list of its own.
      const prev = w ? words.wordAt(w.start - 1) : undefined;
      if (w && w.end === i && STRANDED_WORDS.has(w.text) && prev && HAN.test(prev.text)) {
        reason = `「${w.text}」后面紧跟${name}，「${w.text}」的对象像是被删掉了`;
      }
    }
    if (!reason) continue;
    out.push({
      message: `${reason}：请补上漏掉的词语，或删去多余的${name}。`,
      range: lineRange(l, Math.max(0, i - 1), i + 1),
      data: { kind: 'stranded', mark: c },
    });
  }
  return out;
}

export function bookTitleCommaFindings(line: string, l: number): RuleFinding[] {
  const out: RuleFinding[] = [];
  const re = /》([ \u3000]*、[ \u3000]*)《/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) {
    const s = m.index + 1;
    const e = s + m[1].length;
    out.push({
      message: '并列的书名号之间一般不用顿号（GB/T 15834—2011《标点符号用法》4.5.3.5），请删去「、」。',
      range: lineRange(l, s, e),
      fix: { title: '删去书名号之间的顿号', edits: [{ range: lineRange(l, s, e), newText: '' }] },
      data: { kind: 'book-title-comma' },
    });
  }
  return out;
}

export const punctuationRule: LineRule = {
  id: 'punctuation',
  docs: {
    title: '标点使用不当',
    summary: '中文句子中的半角标点、重复的标点、前后内容被删掉的顿号或逗号、书名号之间的顿号',
    readme: { problem: '标点', examples: '中文里的半角 `,` `;` `( )`，`、、`，`加强对、微博`，`《条例》、《准则》`' },
    hover: {
      explanation: '中文句子应使用全角标点（GB/T 15834—2011《标点符号用法》）；标点不应重复；两个顿号连用或顿号前后缺了内容，往往是删改时漏了一项。数字中的半角逗号、时间中的冒号和网址不在此列。',
      wrong: '组织集中学习12次,开展专题研讨4次;加强对、微博等平台的管理。',
      right: '组织集中学习12次，开展专题研讨4次；加强对微信公众号、微博等平台的管理。',
    },
    details: [
      '中文句子中的半角标点、重复的标点、前后内容被删掉的顿号或逗号、书名号之间的顿号。',
      '',
      '- 默认级别：警告',
      '- 可一键修复：半角标点（改为全角）、重复的逗号句号分号（删去多余的一个）、书名号之间的顿号（删去）是；',
      '  连用的顿号、内容被删掉的顿号逗号、`。。。` 否（需要作者补上内容或改成省略号）',
      '- 需要中文分词：否；但「加强对、微博等」这类介词后面紧跟顿号的情况需要分词才能与「核对、登记」区分，分词可用时才报告',
      '',
      '半角的 `, ; : ? ! ( )` 前后是汉字或中文标点时报告（GB/T 15834—2011《标点符号用法》：中文文本使用全角标点）；',
      '数字中的 `1,000`、`14:30`、`3:2`，网址、邮箱、英文文本，Markdown 链接地址和行内代码中的半角标点不报告。',
      '一段中有多处半角标点时（从网页或聊天软件粘贴的稿子，标点都成了半角），每段只报告一次：标在第一处，提示写明本段共有几处，',
      '快速修复和“修复全部”把本段的半角标点一并改为全角。',
      '并列的书名号之间一般不用顿号（GB/T 15834—2011 第4.5.3.5条），`《条例》、《准则》` 应写作 `《条例》《准则》`。',
      '',
      '- 错误示例：`学习的深度不足,没有在理论研究上下功夫;组织学习《条例》、《准则》，，加强对、微博等平台的管理。`',
      '- 正确示例：`学习的深度不足，没有在理论研究上下功夫；组织学习《条例》《准则》，加强对微信、微博等平台的管理。`',
    ],
  },
  defaultSeverity: 'warning',
  fixable: true,
  scope: 'line',
  kinds: ['body', 'heading', 'title'],
  usesWords: true,
  checkLine(line, ctx) {
    const words = ctx.segmenter ? new LineWords(ctx.segmenter, line) : null;
    return [...halfWidthFindings(line, 0, ctx.markdown), ...repeatedMarkFindings(line, 0), ...strandedSeparatorFindings(line, 0, words), ...bookTitleCommaFindings(line, 0)];
  },
};
