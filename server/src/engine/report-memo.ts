/**
 * A memo of whole reports, kept across analyses of one document beside the
 * per-line memo (line-cache.ts).
 *
 * A collection (汇编) holds dozens or hundreds of reports, and a keystroke
 * changes one of them. The per-line memo already spares re-examining unchanged
 * lines, but every analysis still walks every line of every report, in the
 * parser and in each rule; in a 1 MB collection that walk is most of a
 * keystroke's cost. With this memo a report whose lines are all the same as
 * last time (the same texts, read the same way: kinds, word states, title,
 * place in the collection) is not rebuilt, and rules that look only inside a
 * report reuse its findings. A report that moved (lines inserted or deleted
 * above it) is reused moved to its new lines.
 *
 * Only what the latest analysis used is kept, so the memo never outgrows the
 * document.
 */
import { RuleFinding, moveFinding } from './types';

/** What a report's build depended on, besides its lines' texts. */
export interface ReportKey {
  startLine: number;
  endLine: number;
  index: number;
  /** Per line: how the parser read it before the report was built (kind, word state); and whether it has a title. */
  shape: string;
}

interface ReportEntry {
  /** The per-line memo's records of the report's lines (one object per distinct text). */
  records: unknown[];
  index: number;
  shape: string;
  startLine: number;
  report: object;
  /** Rule findings by namespace, at the report's current lines. */
  findings: Map<string, RuleFinding[]>;
  /** What the runner made of all the rules' findings in the report, and under which key (see `combined`). */
  combined: { key: string; value: unknown } | null;
  /** The analysis that used this entry last (an entry serves one report per analysis). */
  claimed: number;
  /** The memo that keeps it (a report object could be seen by two memos). */
  memo: ReportMemo;
}

/**
 * A report's entry, kept on the report object itself: the runner asks for it
 * for every rule and report on every keystroke, and a property read is cheaper
 * than a lookup keyed by the object. Valid only in the analysis that claimed it.
 */
const ENTRY = Symbol('report-memo entry');
type WithEntry = { [ENTRY]?: ReportEntry };

/** Reports are the parser's; the memo is told how to build, mark and move one. */
export class ReportMemo {
  private previous = new Map<unknown, ReportEntry[]>();
  private current = new Map<unknown, ReportEntry[]>();
  private analysis = 0;

  /** @param recordAt the per-line memo's record for a line of the analysis under way. */
  constructor(private readonly recordAt: (line: number) => unknown) {}

  /** Starts an analysis: entries the last one did not use are dropped. */
  begin(): void {
    this.analysis++;
    this.previous = this.current;
    this.current = new Map();
  }

  /**
   * The parse has built or reused all its reports: the last analysis's entries
   * it did not reuse go now, not at the next analysis (a document read again
   * with words rebuilds every report; its reports read without them would
   * otherwise stay in memory until the next keystroke).
   */
  settle(): void {
    this.previous = new Map();
  }

  /** Forgets everything (the options changed). */
  clear(): void {
    this.previous.clear();
    this.current.clear();
    // Entries already on reports stop counting: the next analysis has a new number.
    this.analysis++;
  }

  /**
   * The report for `key`: the one built last time for the same lines, moved to
   * `key.startLine` if needed, or `build()`'s. `reuse` is called with a reused
   * report so that the caller can restore what building it would have marked;
   * `move` copies a report `delta` lines further down.
   */
  report<Report extends object>(key: ReportKey, build: () => Report, reuse: (report: Report) => void, move: (report: Report, delta: number) => Report): Report {
    const first = this.recordAt(key.startLine);
    const length = key.endLine - key.startLine + 1;
    for (const e of this.previous.get(first) ?? []) {
      if (e.claimed === this.analysis || e.index !== key.index || e.records.length !== length || e.shape !== key.shape) continue;
      if (!this.sameLines(e.records, key.startLine)) continue;
      if (e.startLine !== key.startLine) this.moveEntry(e, key.startLine - e.startLine, move as unknown as (report: object, delta: number) => object);
      this.keep(first, e);
      reuse(e.report as Report);
      return e.report as Report;
    }
    const report = build();
    const records = new Array<unknown>(length);
    for (let i = 0; i < length; i++) records[i] = this.recordAt(key.startLine + i);
    this.keep(first, { records, index: key.index, shape: key.shape, startLine: key.startLine, report, findings: new Map(), combined: null, claimed: 0, memo: this });
    return report;
  }

  /**
   * The findings remembered for `report` in this namespace, or undefined: the
   * runner asks this first, for every rule and report on every keystroke, and
   * makes the closure `findings` needs only for the reports that changed.
   */
  known(report: object, namespace: string): RuleFinding[] | undefined {
    return this.entryOf(report)?.findings.get(namespace);
  }

  /** A rule's findings inside `report`, computed once per version of the report. */
  findings(report: object, namespace: string, compute: () => RuleFinding[]): RuleFinding[] {
    const e = this.entryOf(report);
    if (!e) return compute();
    let found = e.findings.get(namespace);
    if (!found) {
      found = compute();
      e.findings.set(namespace, found);
    }
    return found;
  }

  /**
   * What the runner made of every rule's findings in `report` under `key` (the
   * rules and severities in force), or undefined: one lookup per unchanged
   * report on a keystroke instead of one per rule and report. It is not moved
   * with the report; the runner makes it again from the moved findings.
   */
  combined<T>(report: object, key: string): T | undefined {
    const c = this.entryOf(report)?.combined;
    return c !== null && c !== undefined && c.key === key ? (c.value as T) : undefined;
  }

  /** Remembers `value` as what the runner made of `report`'s findings under `key`. */
  setCombined(report: object, key: string, value: unknown): void {
    const e = this.entryOf(report);
    if (e) e.combined = { key, value };
  }

  /** The entry this analysis claimed for `report`, if any. */
  private entryOf(report: object): ReportEntry | undefined {
    const e = (report as WithEntry)[ENTRY];
    return e !== undefined && e.claimed === this.analysis && e.report === report && e.memo === this ? e : undefined;
  }

  private sameLines(records: unknown[], startLine: number): boolean {
    for (let i = 0; i < records.length; i++) if (records[i] !== this.recordAt(startLine + i)) return false;
    return true;
  }

  private keep(first: unknown, e: ReportEntry): void {
    e.claimed = this.analysis;
    const list = this.current.get(first);
    if (list) list.push(e);
    else this.current.set(first, [e]);
    // Not enumerable: a report compares and prints as the parser made it.
    if ((e.report as WithEntry)[ENTRY] !== e) Object.defineProperty(e.report, ENTRY, { value: e, writable: true, configurable: true, enumerable: false });
  }

  /** The entry's report and findings, `delta` lines further down. */
  private moveEntry(e: ReportEntry, delta: number, move: (report: object, delta: number) => object): void {
    e.startLine += delta;
    e.report = move(e.report, delta);
    const moved = new Map<string, RuleFinding[]>();
    for (const [namespace, list] of e.findings) moved.set(namespace, list.map((f) => moveFinding(f, delta)));
    e.findings = moved;
    e.combined = null;
  }
}
