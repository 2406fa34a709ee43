/**
 * Regular expressions the user wrote (settings such as
 * zongjie.placeholderPatterns, profile files, team configs) run on a matcher
 * whose time is linear in the text: re2js, a pure-JavaScript port of RE2 (no
 * native build, bundled like the rest of the server). JavaScript's own engine
 * backtracks: `.*.*.*=$` on a 1,300-character paragraph or `^(a+)+$` on a
 * 35-character line keeps it busy for minutes, and a running regex cannot be
 * interrupted. The built-in profile and data keep the native engine: they are
 * ours, reviewed and tested.
 *
 * compileUserPattern() returns a RegExp subclass, so every caller (`test`,
 * `exec`, `String#replace`, `matchAll`, `lastIndex`, the `g`/`d` flags) works
 * unchanged; only `exec` is re-implemented, and JavaScript's own RegExp methods
 * all go through it. withFlags() copies a pattern with other flags and keeps
 * its engine (never `new RegExp(re.source, …)` on a user pattern).
 *
 * What RE2 cannot run is refused, with a Chinese reason that names it:
 * lookahead `(?=…)`/`(?!…)`, back-references `\1`/`\k<名>`, lookbehind
 * holding a capturing group, repeat counts above 1000, and patterns longer
 * than MAX_USER_PATTERN_LENGTH. Lookbehind without captures is supported.
 * Semantics are JavaScript's where they differ in practice: `\s` matches
 * full-width spaces (U+3000) and the other Unicode spaces, as in JavaScript.
 * Matching goes by code point, as with the u flag: `.` never splits a
 * character outside the BMP in two.
 */
import fs = require('node:fs');
import path = require('node:path');
import type { RE2JS } from 're2js';

/**
 * re2js is loaded on the first user pattern, not with the server: loading it
 * builds its Unicode tables, which cost start-up more than any other module,
 * and most users write no pattern.
 */
let re2js: typeof import('re2js') | undefined;
function engine(): typeof RE2JS {
  return (re2js ??= loadRe2js()).RE2JS;
}

/**
 * The bundles (dist/) ship re2js as a file of their own beside them, so that
 * their start does not compile it (scripts/build.mjs); run from the compiled
 * sources, the installed package is required.
 */
function loadRe2js(): typeof import('re2js') {
  const beside = path.join(__dirname, 're2js.js');
  if (fs.existsSync(beside)) return require(beside) as typeof import('re2js');
  return require('re2js') as typeof import('re2js');
}

/** Longer patterns are refused: a settings entry or profile pattern is a line, not a program. */
export const MAX_USER_PATTERN_LENGTH = 2000;

/** The characters JavaScript's `\s` matches, as RE2 class members. */
const JS_SPACE = '\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';

/** A user pattern that cannot run; `reason` is Chinese and complete without the pattern. */
export class UserPatternError extends Error {
  constructor(
    readonly source: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** How a user pattern is shown in a message: quoted, and shortened when long. */
export function quotePattern(source: string, max = 40): string {
  const shown = source.length > max ? source.slice(0, max) + '…' : source;
  // A message is one line; a pattern may hold control characters.
  return `「${shown.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}」`;
}

/**
 * JavaScript syntax to RE2 syntax, refusing what RE2 lacks. Walks the pattern
 * once, knowing whether it is inside a character class.
 */
function translate(source: string): string {
  let out = '';
  let inClass = false;
  const lookbehinds: number[] = [];
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const n = source[i + 1] ?? '';
      if (!inClass && (/[1-9]/.test(n) || (n === 'k' && source[i + 2] === '<'))) {
        throw new UserPatternError(source, '含有反向引用（如 \\1 或 \\k<名称>），安全的匹配引擎不支持这种写法');
      }
      if (n === 's') out += inClass ? JS_SPACE : `[${JS_SPACE}]`;
      else if (n === 'S' && !inClass) out += `[^${JS_SPACE}]`;
      else if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, i + 6))) {
        out += `\\x{${source.slice(i + 2, i + 6)}}`;
        i += 4;
      } else if (n === 'u' && source[i + 2] === '{') {
        const end = source.indexOf('}', i + 3);
        out += `\\x{${source.slice(i + 3, end)}}`;
        i = end - 1;
      } else if (n === 'c' && /[A-Za-z]/.test(source[i + 2] ?? '')) {
        out += `\\x{${(source.charCodeAt(i + 2) % 32).toString(16)}}`;
        i++;
      } else if (n === '/') out += '\\/';
      else if (n === '0' && !/[0-9]/.test(source[i + 2] ?? '')) out += '\\x{0}';
      else out += c + n;
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      // `[]` and `[^]` are JavaScript's empty class and any-character class.
      if (source.startsWith('[]', i)) {
        out = out.slice(0, -1) + '[^\\x{0}-\\x{10FFFF}]';
        inClass = false;
        i++;
      } else if (source.startsWith('[^]', i)) {
        out = out.slice(0, -1) + '[\\x{0}-\\x{10FFFF}]';
        inClass = false;
        i += 2;
      }
      continue;
    }
    if (c === '(') {
      depth++;
      if (source.startsWith('(?=', i) || source.startsWith('(?!', i)) {
        throw new UserPatternError(source, '含有前瞻断言（(?=…) 或 (?!…)），安全的匹配引擎不支持这种写法');
      }
      if (source.startsWith('(?<=', i) || source.startsWith('(?<!', i)) {
        lookbehinds.push(depth);
        out += source.slice(i, i + 4);
        i += 3;
        continue;
      }
      if (source.startsWith('(?<', i)) {
        if (lookbehinds.length) throw new UserPatternError(source, '在后顾断言 (?<=…) 中含有捕获分组，安全的匹配引擎不支持这种写法');
        out += '(?P<';
        i += 2;
        continue;
      }
      if (lookbehinds.length && source[i + 1] !== '?') throw new UserPatternError(source, '在后顾断言 (?<=…) 中含有捕获分组，安全的匹配引擎不支持这种写法；请改用 (?:…)');
      out += c;
      continue;
    }
    if (c === ')') {
      if (lookbehinds[lookbehinds.length - 1] === depth) lookbehinds.pop();
      depth--;
      out += c;
      continue;
    }
    if (c === '/') {
      out += '\\/';
      continue;
    }
    out += c;
  }
  return out;
}

function re2Flags(flags: string): number {
  const E = engine();
  let f = E.LOOKBEHINDS;
  if (flags.includes('i')) f |= E.CASE_INSENSITIVE;
  if (flags.includes('m')) f |= E.MULTILINE;
  if (flags.includes('s')) f |= E.DOTALL;
  return f;
}

/** RE2's English parse errors, in Chinese. */
function re2Reason(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (/repeat count|repeat size/.test(message)) return '含有过大的重复次数（重复次数最多 1000，嵌套的重复相乘也不能超过），安全的匹配引擎不支持';
  if (/Perl syntax|named capture/.test(message)) return `含有安全的匹配引擎不支持的写法（${message.replace(/^error parsing regexp: /, '')}）`;
  return `无法用安全的匹配引擎运行（${message.replace(/^error parsing regexp: /, '')}）`;
}

function compileRe2(source: string, flags: string): RE2JS {
  if (source.length > MAX_USER_PATTERN_LENGTH) throw new UserPatternError(source, `长度超过 ${MAX_USER_PATTERN_LENGTH} 个字符`);
  try {
    // JavaScript's parser decides what is valid: the user writes JavaScript regexes.
    new RegExp(source, flags.replace(/[gyd]/g, ''));
  } catch {
    throw new UserPatternError(source, '不是有效的正则表达式');
  }
  const translated = translate(source);
  try {
    return engine().compile(translated, re2Flags(flags));
  } catch (e) {
    throw new UserPatternError(source, re2Reason(e));
  }
}

type ExecArray = RegExpExecArray & { indices?: RegExpIndicesArray };

/** A RegExp whose matching runs on RE2 (linear time). Make one with compileUserPattern(). */
export class LinearRegExp extends RegExp {
  readonly userSource: string;
  private readonly re2: RE2JS;
  private readonly names: [string, number][];
  /** The matcher of the last input: a global scan calls exec once per match on the same string. */
  private last: { input: string; matcher: ReturnType<RE2JS['matcher']> } | null = null;

  /** Also called by JavaScript itself as the species constructor (matchAll, split): `new C(re, flags)`. */
  constructor(pattern: string | RegExp, flags?: string) {
    const f = flags ?? (pattern instanceof RegExp ? pattern.flags : '');
    // The native part only carries the flags (global, lastIndex, sticky…); it never matches.
    super('(?:)', f.replace(/u/g, '') + (f.includes('u') ? 'u' : ''));
    if (pattern instanceof LinearRegExp) {
      this.userSource = pattern.userSource;
      this.re2 = re2Flags(pattern.flags) === re2Flags(f) ? pattern.re2 : compileRe2(pattern.userSource, f);
    } else {
      this.userSource = typeof pattern === 'string' ? pattern : pattern.source;
      this.re2 = compileRe2(this.userSource, f);
    }
    this.names = Object.entries(this.re2.namedGroups());
  }

  override get source(): string {
    return this.userSource;
  }

  override toString(): string {
    return `/${this.userSource}/${this.flags}`;
  }

  override test(input: string): boolean {
    if (this.global || this.sticky) return this.exec(input) !== null;
    return this.re2.test(String(input));
  }

  override exec(input: string): RegExpExecArray | null {
    const s = String(input);
    const stateful = this.global || this.sticky;
    const from = stateful ? this.lastIndex : 0;
    if (from > s.length) {
      this.lastIndex = 0;
      return null;
    }
    let m: ReturnType<RE2JS['matcher']>;
    if (this.last && this.last.input === s) m = this.last.matcher;
    else {
      m = this.re2.matcher(s);
      this.last = { input: s, matcher: m };
    }
    if (!m.find(from) || (this.sticky && m.start() !== from)) {
      if (stateful) this.lastIndex = 0;
      return null;
    }
    const count = m.groupCount();
    const result = [] as unknown as ExecArray;
    const indices: ([number, number] | undefined)[] = [];
    for (let g = 0; g <= count; g++) {
      const start = m.start(g);
      if (start < 0) {
        result.push(undefined as unknown as string);
        indices.push(undefined);
      } else {
        const end = m.end(g);
        result.push(s.slice(start, end));
        indices.push([start, end]);
      }
    }
    result.index = m.start();
    result.input = s;
    let groups: Record<string, string> | undefined;
    if (this.names.length) {
      groups = Object.create(null) as Record<string, string>;
      for (const [name, g] of this.names) groups[name] = result[g];
    }
    result.groups = groups;
    if (this.hasIndices) {
      const ind = indices as RegExpIndicesArray;
      if (groups) {
        const ig = Object.create(null) as Record<string, [number, number]>;
        for (const [name, g] of this.names) ig[name] = indices[g]!;
        ind.groups = ig;
      }
      result.indices = ind;
    }
    if (stateful) this.lastIndex = m.end();
    return result;
  }
}

/**
 * Compiles a pattern that does not come from the built-in data, for matching in
 * linear time. Throws UserPatternError (Chinese reason) when it is refused.
 */
export function compileUserPattern(source: string, flags = ''): RegExp {
  if (typeof source !== 'string' || source === '') throw new UserPatternError(String(source), '应为非空的正则表达式字符串');
  return new LinearRegExp(source, flags);
}

/** compileUserPattern(), answering a reason instead of throwing. */
export function tryCompileUserPattern(source: string, flags = ''): { re: RegExp } | { reason: string } {
  try {
    return { re: compileUserPattern(source, flags) };
  } catch (e) {
    if (e instanceof UserPatternError) return { reason: e.reason };
    throw e;
  }
}

/** A copy of `re` with `flags`, on the same engine (a user pattern stays linear). */
export function withFlags(re: RegExp, flags: string): RegExp {
  return re instanceof LinearRegExp ? new LinearRegExp(re, flags) : new RegExp(re.source, flags);
}

/** A pattern that never matches: what a refused pattern is replaced by where a RegExp must stand. */
export const NEVER = /(?!)/;

/**
 * One message for many refused patterns: the first few named with their
 * reasons, then how many more. 5,000 broken patterns make one short message,
 * not 5,000 pop-ups.
 */
export function refusalSummary(intro: string, refused: { where: string; source: string; reason: string }[], shown = 3): string {
  const parts = refused.slice(0, shown).map((r) => `${r.where}${r.source ? quotePattern(r.source) : ''}${r.reason}`);
  const more = refused.length > shown ? `；另有 ${refused.length - shown} 项也有问题` : '';
  return `${intro}${parts.join('；')}${more}。这些正则表达式已停用，其余照常检查。`;
}
