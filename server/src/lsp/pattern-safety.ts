/**
 * Screens the user's own placeholder regexes (zongjie.placeholderPatterns)
 * before the engine runs them on every line of every open report.
 *
 * A JavaScript regex cannot be interrupted once it runs, so one pattern with
 * catastrophic backtracking would hang the whole server on a long line. We do
 * not try to decide exactly which patterns backtrack exponentially (that needs
 * a full automaton analysis); we reject the shapes that cause it in practice and
 * that a placeholder pattern never needs:
 *
 *  - a repeated group that itself contains a quantifier: (a+)+, (a*b?)*, (\d+x){2,}
 *  - a repeated group with alternatives that can start alike: (a|a)*, (\w|x)+.
 *    Alternatives that are plain literals with different first characters stay
 *    allowed: (某|××)+ cannot backtrack exponentially.
 *  - back-references (\1, \k<name>), which make matching exponential in general
 *  - patterns longer than MAX_PATTERN_LENGTH characters
 *
 * What remains possible is polynomial backtracking (.*a.*b), which the engine
 * bounds because it matches one line at a time.
 */

export const MAX_PATTERN_LENGTH = 200;

/** Quantifiers after which an atom may repeat more than once. */
const REPEAT = /^(?:[*+]|\{\d+,\d*\}|\{\d+\})/;
/** Any quantifier, including the optional ones. */
const ANY_QUANTIFIER = /^(?:[*+?]|\{\d+(?:,\d*)?\})/;

interface GroupFrame {
  /** The group's body contains a quantifier at any depth. */
  hasQuantifier: boolean;
  /** The alternatives of the group, as raw source text. */
  alternatives: string[];
  /** Where the current alternative starts in the pattern. */
  altStart: number;
  /** Source index just past the group's opening "(" or "(?:" etc. */
  bodyStart: number;
}

/** A literal alternative: no escapes, classes, dots, groups or quantifiers. */
function isPlainLiteral(s: string): boolean {
  return s.length > 0 && !/[\\\[\].()*+?{}|^$]/.test(s);
}

function ambiguousAlternation(alternatives: string[]): boolean {
  if (alternatives.length < 2) return false;
  if (!alternatives.every(isPlainLiteral)) return true;
  const firsts = alternatives.map((a) => String.fromCodePoint(a.codePointAt(0)!));
  return new Set(firsts).size !== firsts.length;
}

/**
 * Returns a Chinese reason why `source` is refused, or null when it may run.
 * Call it only on patterns that compile (`new RegExp(source)` succeeded).
 */
export function unsafePatternReason(source: string): string | null {
  if (source.length > MAX_PATTERN_LENGTH) return `长度超过 ${MAX_PATTERN_LENGTH} 个字符`;
  const stack: GroupFrame[] = [];
  let i = 0;
  const markQuantifier = () => {
    for (const f of stack) f.hasQuantifier = true;
  };
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return '含有反向引用（如 \\1），可能导致检查卡死';
      i += 2;
      continue;
    }
    if (c === '[') {
      // A character class is one atom; skip to its closing bracket.
      i++;
      if (source[i] === '^') i++;
      if (source[i] === ']') i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (c === '(') {
      let bodyStart = i + 1;
      const look = /^\(\?(?:[:=!]|<[=!]|<[A-Za-z_$][\w$]*>)/.exec(source.slice(i));
      if (look) bodyStart = i + look[0].length;
      stack.push({ hasQuantifier: false, alternatives: [], altStart: bodyStart, bodyStart });
      i = bodyStart;
      continue;
    }
    if (c === '|') {
      const top = stack[stack.length - 1];
      if (top) {
        top.alternatives.push(source.slice(top.altStart, i));
        top.altStart = i + 1;
      }
      i++;
      continue;
    }
    if (c === ')') {
      const frame = stack.pop();
      i++;
      if (!frame) continue;
      if (frame.alternatives.length) frame.alternatives.push(source.slice(frame.altStart, i - 1));
      const rest = source.slice(i);
      if (REPEAT.test(rest)) {
        if (frame.hasQuantifier) return '含有嵌套的重复量词（如 (a+)+），可能导致检查卡死';
        if (ambiguousAlternation(frame.alternatives)) return '在重复的分组中含有可能重叠的分支（如 (a|a)*），可能导致检查卡死';
      }
      // The group's own quantifier and its content count for the groups around it.
      if (frame.hasQuantifier || ANY_QUANTIFIER.test(rest)) markQuantifier();
      continue;
    }
    const q = ANY_QUANTIFIER.exec(source.slice(i));
    if (q) {
      markQuantifier();
      i += q[0].length;
      if (source[i] === '?') i++; // lazy quantifier
      continue;
    }
    i++;
  }
  return null;
}
