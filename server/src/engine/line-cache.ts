/**
 * A memo of per-line work, kept across analyses of the same document.
 *
 * Almost everything the engine computes about a line — whether it is residue,
 * a title, a heading, where its placeholders are, its 一是/二是 items, a rule's
 * findings on it — depends on the line's text alone (plus the options). When a
 * user types, one line changes and every other line's facts are reused, so an
 * analysis costs little more than walking the lines. This is what keeps a
 * keystroke in a 1 MB draft within tens of milliseconds.
 *
 * At the start of an analysis each line is matched once, by its text, to the
 * record of facts kept for that text (lines the edit did not touch keep the
 * record they had); facts are then looked up by line number and namespace,
 * which costs no further string comparison. Records of texts no line has any
 * more are dropped at that moment, so the memo never holds more than the
 * document's distinct lines.
 */
import { ReportMemo } from './report-memo';

export interface LineMemo {
  /** The memoised result of `compute()` for line `line` in this namespace. */
  at<T>(line: number, namespace: string, compute: () => T): T;
  /**
   * The value remembered for line `line` in this namespace, or undefined; with
   * `set`, for the loops over every line that run on each keystroke, where a
   * closure per line for `at` was most of the garbage of a keystroke in a
   * server V8 had not optimised yet. Values must not be undefined.
   */
  get<T>(line: number, namespace: string): T | undefined;
  /** Remembers `value` for line `line` in this namespace; returns it. */
  set<T>(line: number, namespace: string, value: T): T;
  /** Whole reports and their findings, when the memo keeps them (report-memo.ts). */
  readonly reports?: ReportMemo;
}

/** The facts of one line text, with the text it was first seen as. */
interface LineRecord {
  /**
   * The memo is keyed by this first string object, never by the lines of later
   * versions: keeping those would keep each version's whole text alive and push
   * hundreds of strings into the old generation on every keystroke, and the
   * garbage collector's pauses would be most of a keystroke's cost.
   */
  text: string;
  facts: Map<string, unknown>;
  /** How many lines of the latest analysis have this text; at 0 the record is dropped. */
  lines: number;
}

export class LineCache implements LineMemo {
  private byText = new Map<string, LineRecord>();
  private records: LineRecord[] = [];
  private optionsKey: string | null = null;
  readonly reports = new ReportMemo((line) => this.records[line]);

  /**
   * Starts an analysis of `lines`. Facts depend on the options (profile,
   * Markdown, the user's patterns), so a change of options empties the memo.
   *
   * An edit changes a few lines in one place, so the lines before and after it
   * keep their records as they are, found by comparing texts from both ends;
   * only the lines in between are looked up by text. (Looking up every line
   * and building the text map anew on each keystroke was, in a server V8 had
   * not optimised yet, the costliest step of the analysis.)
   */
  begin(optionsKey: string, lines: readonly string[]): void {
    if (optionsKey !== this.optionsKey) {
      this.byText.clear();
      this.records = [];
      this.reports.clear();
      this.optionsKey = optionsKey;
    }
    const previous = this.records;
    const common = Math.min(previous.length, lines.length);
    let head = 0;
    while (head < common && previous[head].text === lines[head]) head++;
    let tail = 0;
    while (tail < common - head && previous[previous.length - 1 - tail].text === lines[lines.length - 1 - tail]) tail++;
    const middle: LineRecord[] = new Array(lines.length - head - tail);
    // Take the new lines' records before releasing the old ones, so that a text
    // that only moved keeps its record.
    for (let i = 0; i < middle.length; i++) {
      const text = lines[head + i];
      let record = this.byText.get(text);
      if (!record) {
        record = { text, facts: new Map(), lines: 0 };
        this.byText.set(text, record);
      }
      record.lines++;
      middle[i] = record;
    }
    for (let i = head; i < previous.length - tail; i++) {
      const record = previous[i];
      if (--record.lines === 0) this.byText.delete(record.text);
    }
    this.records = head === 0 && tail === 0 ? middle : previous.slice(0, head).concat(middle, previous.slice(previous.length - tail));
    this.reports.begin();
  }

  at<T>(line: number, namespace: string, compute: () => T): T {
    const record = this.records[line];
    if (!record) return compute();
    const facts = record.facts;
    if (facts.has(namespace)) return facts.get(namespace) as T;
    const value = compute();
    facts.set(namespace, value);
    return value;
  }

  get<T>(line: number, namespace: string): T | undefined {
    return this.records[line]?.facts.get(namespace) as T | undefined;
  }

  set<T>(line: number, namespace: string, value: T): T {
    this.records[line]?.facts.set(namespace, value);
    return value;
  }

  /** Number of distinct line texts remembered (for tests and the benchmark). */
  get size(): number {
    return this.byText.size;
  }
}

/** A memo that remembers nothing: the default for one-off analyses (CLI, tests). */
export const NO_CACHE: LineMemo = {
  at<T>(_line: number, _namespace: string, compute: () => T): T {
    return compute();
  },
  get<T>(): T | undefined {
    return undefined;
  },
  set<T>(_line: number, _namespace: string, value: T): T {
    return value;
  },
};
