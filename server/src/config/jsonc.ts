/**
 * JSON with comments (// and /* *\/) and trailing commas, as VS Code's own
 * settings files are written, parsed with the line of every value, so that a
 * problem in a team's `.zongjie.json` can name its line. Small and strict:
 * anything else is a syntax error with its line.
 */

export class JsoncError extends Error {
  constructor(
    message: string,
    /** 1-based. */
    readonly line: number,
  ) {
    super(message);
  }
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

export interface JsoncDocument {
  value: JsonValue;
  /** The 1-based line where the value at each path starts ("" is the root, "a.b[2].c"). */
  lines: Map<string, number>;
}

export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/** Parses `text`; throws JsoncError (Chinese message, line) on a syntax error. */
export function parseJsonc(text: string): JsoncDocument {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const lines = new Map<string, number>();

  const fail = (what: string): never => {
    throw new JsoncError(what, line);
  };
  const skip = (): void => {
    for (;;) {
      const c = text[i];
      if (c === '\n') {
        line++;
        i++;
      } else if (c === ' ' || c === '\t' || c === '\r') {
        i++;
      } else if (c === '/' && text[i + 1] === '/') {
        while (i < text.length && text[i] !== '\n') i++;
      } else if (c === '/' && text[i + 1] === '*') {
        const end = text.indexOf('*/', i + 2);
        if (end < 0) fail('注释没有结束（缺少 */）');
        for (let k = i; k < end; k++) if (text[k] === '\n') line++;
        i = end + 2;
      } else {
        return;
      }
    }
  };
  const str = (): string => {
    // At the opening quote.
    i++;
    let out = '';
    for (;;) {
      if (i >= text.length) fail('字符串没有结束（缺少 "）');
      const c = text[i];
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\n') fail('字符串中不能直接换行（请写作 \\n）');
      if (c === '\\') {
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          fail(`字符串中有无效的转义「\\${e ?? ''}」`);
        }
      } else {
        out += c;
        i++;
      }
    }
  };
  const value = (path: string): JsonValue => {
    skip();
    lines.set(path, line);
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: { [k: string]: JsonValue } = {};
      for (;;) {
        skip();
        if (text[i] === '}') {
          i++;
          return obj;
        }
        if (text[i] !== '"') fail('这里应是用双引号括起来的键名，或 }');
        const key = str();
        skip();
        if (text[i] !== ':') fail(`键「${key}」后面应是冒号`);
        i++;
        obj[key] = value(childPath(path, key));
        skip();
        if (text[i] === ',') i++;
        else if (text[i] !== '}') fail('这里应是逗号或 }');
      }
    }
    if (c === '[') {
      i++;
      const arr: JsonValue[] = [];
      for (;;) {
        skip();
        if (text[i] === ']') {
          i++;
          return arr;
        }
        arr.push(value(childPath(path, arr.length)));
        skip();
        if (text[i] === ',') i++;
        else if (text[i] !== ']') fail('这里应是逗号或 ]');
      }
    }
    if (c === '"') return str();
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (!m) fail(i >= text.length ? '内容不完整' : `无法识别的内容「${text.slice(i, i + 10)}」`);
    i += m![0].length;
    const word = m![0];
    return word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : Number(word);
  };
  const root = value('');
  skip();
  if (i < text.length) fail('内容结束后还有多余的字符');
  return { value: root, lines };
}
