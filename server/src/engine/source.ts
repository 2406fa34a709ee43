/**
 * A document's text split into lines, remembering where each line starts so
 * that rules can speak in (line, character) positions.
 *
 * Drafts come with LF, CRLF or lone CR line ends (old Mac exports, text pasted
 * from Word), sometimes mixed; a BOM may survive as the first character when a
 * front end did not strip it. Nothing is normalised in place: positions must
 * point into the text exactly as the editor holds it.
 */
export class SourceText {
  readonly lines: string[] = [];
  /** Offset of each line's first character in `text`. */
  readonly lineStarts: number[] = [];

  constructor(readonly text: string) {
    // This runs over the whole document on every keystroke. The line ends are
    // found by the engine's string search, not by a loop over every character
    // (which took three times as long, more before V8 had compiled it): with
    // indexOf when the text has LF line ends only, else with a pattern.
    let start = 0;
    if (text.indexOf('\r') === -1) {
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        this.lines.push(text.slice(start, end));
        this.lineStarts.push(start);
        start = end + 1;
      }
    } else {
      const lineEnd = /\r\n?|\n/g;
      for (let m = lineEnd.exec(text); m !== null; m = lineEnd.exec(text)) {
        this.lines.push(text.slice(start, m.index));
        this.lineStarts.push(start);
        start = m.index + m[0].length;
      }
    }
    this.lines.push(text.slice(start));
    this.lineStarts.push(start);
  }

  get lineCount(): number {
    return this.lines.length;
  }

  offsetAt(line: number, character: number): number {
    if (line >= this.lines.length) return this.text.length;
    return this.lineStarts[line] + Math.min(character, this.lines[line].length);
  }
}

/**
 * Characters that count as white space in these drafts: ASCII space and tab,
 * the ideographic space U+3000 used for paragraph indentation, no-break space,
 * and a stray BOM.
 */
export function isBlankChar(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0 || code === 0xfeff || code === 0x0b || code === 0x0c;
}

/** Index of the first non-blank character of `s` (s.length when all blank). */
export function leadingBlank(s: string): number {
  let i = 0;
  while (i < s.length && isBlankChar(s.charCodeAt(i))) i++;
  return i;
}

/** Index just past the last non-blank character of `s`. */
export function trailingBlankStart(s: string): number {
  let i = s.length;
  while (i > 0 && isBlankChar(s.charCodeAt(i - 1))) i--;
  return i;
}

export function isBlankLine(s: string): boolean {
  return leadingBlank(s) === s.length;
}

/**
 * Answers about parts of one text (a report's period, its closing block),
 * worked out once however many rules ask in one analysis. They are kept with
 * the text and go with it: a report object outlives its text when the report
 * memo reuses it for the next version, and an answer kept on the report
 * together with its text would keep every version's whole text alive (one per
 * report of a collection), which the garbage collector then walks on every
 * keystroke.
 */
export class AnswersPerText<Key extends object, Answer> {
  private readonly byText = new WeakMap<SourceText, Map<Key, Answer>>();

  get(source: SourceText, key: Key, compute: () => Answer): Answer {
    let answers = this.byText.get(source);
    if (answers === undefined) {
      answers = new Map();
      this.byText.set(source, answers);
    } else if (answers.has(key)) {
      return answers.get(key) as Answer;
    }
    const answer = compute();
    answers.set(key, answer);
    return answer;
  }
}
