/**
 * empty-example: an example announced and never given — 「…等情况，如。」,
 * 「例如。」, 「（如：）」. Drafts copied from a template keep the cue and
 * lose the example the template author meant to fill in.
 *
 * Only a cue that stands alone between marks counts: 如 must follow a mark
 * (or start the line) and be followed, after an optional ：or ，, by a closing
 * mark. 如期、如实、如下、例如“学习强国” never match. A cue at the end of a
 * line with a colon (「例如：」) introduces a list on the next lines and is fine.
 */
import { lineRange, RuleFinding } from '../engine/types';
import { LineRule } from './rule';

const CUE = '(?:例如|比如|譬如|诸如|如)';
const EMPTY_EXAMPLE = new RegExp(`(^|[，。；：！？、,;:（(\\s])(${CUE})[ \\u3000]*[：:，,]?[ \\u3000]*(?=[。；！？;!?）)])`, 'g');

export function emptyExamples(line: string): { start: number; end: number; cue: string }[] {
  const out: { start: number; end: number; cue: string }[] = [];
  // Every cue holds 如; the pattern, which may start at any mark, is slow to find that out.
  if (!line.includes('如')) return out;
  EMPTY_EXAMPLE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = EMPTY_EXAMPLE.exec(line))) {
    const start = m.index + m[1].length;
    const end = m.index + m[0].length;
    out.push({ start, end, cue: m[2] });
    // The closing mark may open the next match (「如。例如。」).
    EMPTY_EXAMPLE.lastIndex = end;
  }
  return out;
}

export const emptyExampleRule: LineRule = {
  id: 'empty-example',
  docs: {
    title: '举例没有写出',
    summary: '提示举例却没有写出例子（「…，如。」「例如。」）',
    readme: { problem: '空的举例', examples: '`……，如。`、`例如。`' },
    hover: {
      explanation: '句中用“如”“例如”提示举例，后面却没有写出例子，多半是模板里留给作者补充的地方。请补上具体事例，或删去“如”“例如”。',
      wrong: '创新宣传形式，如。',
      right: '创新宣传形式，如开设“理论微课堂”专栏，录制微党课8期。',
    },
    details: [
      '提示举例却没有写出例子：`……等情况，如。`、`例如。`、`（如：）`。',
      '',
      '- 默认级别：警告',
      '- 可一键修复：否（应补上具体事例，或删去「如」）',
      '- 需要中文分词：否',
      '',
      '只有「如、例如、比如、譬如、诸如」单独出现在两个标点之间时才报告；`如期`、`如实`、`如下`、`诸如此类`、',
      '`例如“学习强国”平台……`，以及行末的 `例如：`（下面各行列举）都不报告。',
      '',
      '- 错误示例：`个别党员存在“应学未学”等情况，如。`',
      '- 正确示例：`个别党员存在“应学未学”等情况，如全年有3人未完成学习任务。`',
    ],
  },
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'line',
  kinds: ['body', 'heading'],
  // Every cue holds 如.
  mayFind: (line) => line.includes('如'),
  checkLine(line) {
    return emptyExamples(line).map((e) => ({
        message: `「${e.cue}」后面没有写出例子：请补上具体事例，或删去「${e.cue}」。`,
        range: lineRange(0, e.start, e.end),
        data: { cue: e.cue },
      }));
  },
};
