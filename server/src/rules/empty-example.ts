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
  description: '提示举例却没有写出例子（「…，如。」「例如。」）',
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'line',
  kinds: ['body', 'heading'],
  checkLine(line) {
    return emptyExamples(line).map((e) => ({
        message: `「${e.cue}」后面没有写出例子：请补上具体事例，或删去「${e.cue}」。`,
        range: lineRange(0, e.start, e.end),
        data: { cue: e.cue },
      }));
  },
};
