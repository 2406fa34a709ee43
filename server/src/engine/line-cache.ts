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
 * record of facts kept for that text; facts are then looked up by line number
 * and namespace, which costs no further string comparison. Records of texts no
 * line has any more are dropped at that moment, so the memo never holds more
 * than the document's distinct lines.
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
}

export class LineCache implements LineMemo {
  private byText = new Map<string, LineRecord>();
  private records: LineRecord[] = [];
  private optionsKey: string | null = null;
  readonly reports = new ReportMemo((line) => this.records[line]);

  /**
   * Starts an analysis of `lines`. Facts depend on the options (profile,
   * Markdown, the user's patterns), so a change of options empties the memo.
   */
  begin(optionsKey: string, lines: readonly string[]): void {
    if (optionsKey !== this.optionsKey) {
      this.byText.clear();
      this.reports.clear();
      this.optionsKey = optionsKey;
    }
    const previous = this.byText;
    const next = new Map<string, LineRecord>();
    const records: LineRecord[] = new Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i];
      let record = next.get(text);
      if (!record) {
        record = previous.get(text) ?? { text, facts: new Map() };
        next.set(record.text, record);
      }
      records[i] = record;
    }
    this.byText = next;
    this.records = records;
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
