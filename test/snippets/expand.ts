/**
 * Expands a VS Code snippet body the way the editor inserts it, for tests that
 * check what a writer gets after accepting a snippet. Supports what our
 * snippets use: $N, ${N}, ${N:default} (the default may hold a variable),
 * ${N|a,b|}, $VAR / ${VAR} (CURRENT_YEAR only) and backslash escapes.
 * Fields with the same number mirror the first one that defines them, as in
 * the editor.
 */

export interface Field {
  index: number;
  /** The default text (the first choice for a choice field). */
  defaultText: string;
  choices: string[] | null;
}

/** Chooses the text of a field; the default when it returns undefined. */
export type Filler = (field: Field) => string | undefined;

export interface Expansion {
  text: string;
  /** Each inserted field occurrence (mirrors included), with its text and offsets. */
  occurrences: { index: number; text: string; start: number; end: number }[];
  fields: Map<number, Field>;
}

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'field'; index: number; children: Node[] | null; choices: string[] | null }
  | { kind: 'variable'; name: string };

const VARIABLES: Record<string, () => string> = {
  CURRENT_YEAR: () => String(new Date().getFullYear()),
};

class Parser {
  private at = 0;
  constructor(private readonly src: string) {}

  parse(stopAtBrace = false): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', text });
      text = '';
    };
    while (this.at < this.src.length) {
      const c = this.src[this.at];
      if (c === '\\' && this.at + 1 < this.src.length && '$}\\'.includes(this.src[this.at + 1])) {
        text += this.src[this.at + 1];
        this.at += 2;
      } else if (c === '}' && stopAtBrace) {
        break;
      } else if (c === '$') {
        const node = this.dollar();
        if (node) {
          flush();
          nodes.push(node);
        } else {
          text += c;
          this.at++;
        }
      } else {
        text += c;
        this.at++;
      }
    }
    flush();
    return nodes;
  }

  private dollar(): Node | null {
    const rest = this.src.slice(this.at);
    let m: RegExpExecArray | null;
    if ((m = /^\$(\d+)/.exec(rest))) {
      this.at += m[0].length;
      return { kind: 'field', index: Number(m[1]), children: null, choices: null };
    }
    if ((m = /^\$([A-Z_]+)/.exec(rest))) {
      this.at += m[0].length;
      return { kind: 'variable', name: m[1] };
    }
    if ((m = /^\$\{(\d+)\}/.exec(rest))) {
      this.at += m[0].length;
      return { kind: 'field', index: Number(m[1]), children: null, choices: null };
    }
    if ((m = /^\$\{([A-Z_]+)\}/.exec(rest))) {
      this.at += m[0].length;
      return { kind: 'variable', name: m[1] };
    }
    if ((m = /^\$\{(\d+):/.exec(rest))) {
      this.at += m[0].length;
      const children = this.parse(true);
      if (this.src[this.at] !== '}') throw new Error(`unclosed field at ${this.at} in ${this.src}`);
      this.at++;
      return { kind: 'field', index: Number(m[1]), children, choices: null };
    }
    if ((m = /^\$\{(\d+)\|/.exec(rest))) {
      this.at += m[0].length;
      const choices: string[] = [];
      let cur = '';
      for (;;) {
        const c = this.src[this.at];
        if (c === undefined) throw new Error(`unclosed choice in ${this.src}`);
        if (c === '\\' && ',|\\$}'.includes(this.src[this.at + 1])) {
          cur += this.src[this.at + 1];
          this.at += 2;
        } else if (c === ',') {
          choices.push(cur);
          cur = '';
          this.at++;
        } else if (c === '|' && this.src[this.at + 1] === '}') {
          choices.push(cur);
          this.at += 2;
          break;
        } else {
          cur += c;
          this.at++;
        }
      }
      return { kind: 'field', index: Number(m[1]), children: null, choices };
    }
    return null;
  }
}

function plain(nodes: Node[]): string {
  return nodes
    .map((n) => {
      if (n.kind === 'text') return n.text;
      if (n.kind === 'variable') {
        const v = VARIABLES[n.name];
        if (!v) throw new Error(`unsupported snippet variable ${n.name}`);
        return v();
      }
      return n.choices ? n.choices[0] : n.children ? plain(n.children) : '';
    })
    .join('');
}

/** Expands `body` (the JSON array of lines, or one string) with `fill` choosing field texts. */
export function expandSnippet(body: string | string[], fill: Filler = () => undefined): Expansion {
  const src = Array.isArray(body) ? body.join('\n') : body;
  const nodes = new Parser(src).parse();
  const fields = new Map<number, Field>();
  const collect = (list: Node[]) => {
    for (const n of list) {
      if (n.kind !== 'field') continue;
      const defined = n.choices !== null || n.children !== null;
      if (!fields.has(n.index) || (defined && fields.get(n.index)!.defaultText === '' && !fields.get(n.index)!.choices)) {
        fields.set(n.index, { index: n.index, defaultText: n.choices ? n.choices[0] : n.children ? plain(n.children) : '', choices: n.choices });
      }
      if (n.children) collect(n.children);
    }
  };
  collect(nodes);
  const values = new Map<number, string>();
  for (const f of fields.values()) values.set(f.index, fill(f) ?? f.defaultText);

  let text = '';
  const occurrences: Expansion['occurrences'] = [];
  const emit = (list: Node[]) => {
    for (const n of list) {
      if (n.kind === 'text') text += n.text;
      else if (n.kind === 'variable') text += plain([n]);
      else {
        const value = values.get(n.index) ?? '';
        occurrences.push({ index: n.index, text: value, start: text.length, end: text.length + value.length });
        text += value;
      }
    }
  };
  emit(nodes);
  return { text, occurrences, fields };
}
