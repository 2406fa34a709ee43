/**
 * full-width-alnum: digits and Latin letters typed in their full-width forms
 * (１２次, ＱＱ群, ２０２４年) inside Chinese text. GB/T 15835—2011 5.1.7.1 sets
 * Arabic numerals in half an em (二分字身), and Latin letters go with them; a
 * full-width digit also escapes every search and sum.
 *
 * One finding per run of full-width characters; a line typed wholly in
 * full-width mode (more than MAX_RUNS runs) gets one finding that converts
 * them all, so a pasted paragraph is not buried in squiggles. Runs holding a
 * full-width Ｘ/ｘ are the placeholder rule's (２０ＸＸ年, ＸＸ镇).
 * The conversion is certain: fix all applies it.
 */
import { lineRange, RuleFinding, TextEdit } from '../engine/types';
import { LineRule } from './rule';

const RUN = /[０-９Ａ-Ｚａ-ｚ]+/g;
const ANY = /[０-９Ａ-Ｚａ-ｚ]/;
const HAN = /\p{Script=Han}/u;
/** More runs than this on one line are reported as one. */
const MAX_RUNS = 3;

export function toHalfWidth(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : s[i];
  }
  return out;
}

function describe(run: string): string {
  const digits = /[０-９]/.test(run);
  const letters = /[Ａ-Ｚａ-ｚ]/.test(run);
  return digits && letters ? '全角数字和字母' : digits ? '全角数字' : '全角字母';
}

export function fullWidthFindings(line: string): RuleFinding[] {
  if (!ANY.test(line) || !HAN.test(line)) return [];
  const runs: { start: number; end: number; text: string }[] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(line); m; m = RUN.exec(line)) {
    if (/[Ｘｘ]/.test(m[0])) continue;
    runs.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  if (runs.length === 0) return [];
  const edit = (r: { start: number; end: number; text: string }): TextEdit => ({ range: lineRange(0, r.start, r.end), newText: toHalfWidth(r.text) });
  if (runs.length > MAX_RUNS) {
    const first = runs[0];
    const last = runs[runs.length - 1];
    return [
      {
        message: `本段有 ${runs.length} 处全角数字或字母（如「${first.text}」），数字和字母应使用半角（GB/T 15835—2011 第5.1.7.1条）。`,
        range: lineRange(0, first.start, last.end),
        fix: { title: '本段的全角数字和字母全部改为半角', edits: runs.map(edit) },
        data: { runs: runs.length },
      },
    ];
  }
  return runs.map((r) => ({
    message: `「${r.text}」是${describe(r.text)}，应使用半角「${toHalfWidth(r.text)}」（GB/T 15835—2011 第5.1.7.1条）。`,
    range: lineRange(0, r.start, r.end),
    fix: { title: `改为半角「${toHalfWidth(r.text)}」`, edits: [edit(r)] },
    data: { runs: 1 },
  }));
}

export const fullWidthAlnumRule: LineRule = {
  id: 'full-width-alnum',
  docs: {
    title: '全角数字或字母',
    summary: '中文文本中的全角数字和拉丁字母（１２次、ＱＱ群），应使用半角',
    readme: { problem: '全角数字、字母', examples: '`召开会议１２次`、`ＱＱ群`' },
    hover: {
      explanation: '阿拉伯数字和拉丁字母应使用半角（GB/T 15835—2011《出版物上数字用法》第5.1.7.1条：阿拉伯数字使用正体二分字身，即占半个汉字位置）。全角数字还会让查找、统计出错。快速修复会改为半角。',
      wrong: '全年召开会议１２次，建立ＱＱ工作群３个。',
      right: '全年召开会议12次，建立QQ工作群3个。',
    },
    details: [
      '中文文本中的全角数字 `０-９` 和全角拉丁字母 `Ａ-Ｚ` `ａ-ｚ`。',
      '',
      '- 默认级别：警告',
      '- 可一键修复：是（改为半角）',
      '- 需要中文分词：否',
      '',
      '依据 GB/T 15835—2011《出版物上数字用法》第5.1.7.1条：阿拉伯数字一般使用正体二分字身，即占半个汉字位置；拉丁字母同样使用半角。',
      '一行中全角数字或字母超过三处时（整段在全角状态下输入），合并为一条，快速修复一次改完。',
      '含全角 `Ｘ` `ｘ` 的写法（`２０ＸＸ年`、`ＸＸ镇`）是待填写的占位符，由 `placeholder` 规则报告，这里不重复。',
      '全角百分号 `％` 等符号不在此列；数字和汉字之间是否空格不做要求。',
      '',
      '- 错误示例：`全年召开会议１２次，建立ＱＱ工作群３个。`',
      '- 正确示例：`全年召开会议12次，建立QQ工作群3个。`',
    ],
  },
  defaultSeverity: 'warning',
  fixable: true,
  scope: 'line',
  kinds: ['body', 'heading', 'title'],
  mayFind: (line) => ANY.test(line),
  checkLine: (line) => fullWidthFindings(line),
};
