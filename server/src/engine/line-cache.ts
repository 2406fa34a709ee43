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
  /** Facts of the pieces of long lines, when the memo keeps them (see PieceMemo). */
  readonly pieces?: PieceMemo;
  /** What the last parse found about the whole page, and which line changed since (see LayoutMemo). */
  readonly layout?: LayoutMemo;
}

/**
 * The last parse's reading of the whole page (which lines are residue, titles,
 * where reports start), kept for the next analysis of the document: when a
 * keystroke changed one line of running text, the parser reads that line
 * instead of the page (parse.ts: layoutAfterEdit).
 */
export class LayoutMemo {
  /** The parser's snapshot of its last reading; its shape is the parser's. */
  value: unknown = null;
  /**
   * The one line the latest analysis changed, NO_LINE_CHANGED when no line
   * changed (the same text read again, with words), or MANY_LINES_CHANGED.
   */
  changedLine = MANY_LINES_CHANGED;
}

export const NO_LINE_CHANGED = -1;
export const MANY_LINES_CHANGED = -2;

/**
 * Lines longer than this are read by the line rules in pieces (pieces()):
 * typing at the end of a 300,000-character paragraph pasted from a web page
 * then re-examines the piece it touched, not the whole line. Real drafts' lines
 * stay under 2,000 characters, so their findings never depend on a cut.
 */
export const LONG_LINE = 8000;
/** About how long a piece is; it ends at a sentence end (or a comma) near there. */
export const PIECE = 2000;

/**
 * Where a long line is cut into pieces: after the first sentence end (。！？；
 * !?;) at or after every PIECE characters, else after a comma (，,、), else at
 * PIECE exactly (never inside a surrogate pair). Cuts depend only on the text
 * around them, so an edit near the end of a line leaves the cuts before it,
 * and so the pieces before it, as they were. Returns the piece start offsets
 * (the first is 0).
 */
export function pieceStarts(line: string): number[] {
  // The engine and the segmenter ask for the same line many times in one analysis.
  if (lastPieces.line === line) return lastPieces.starts;
  const starts = [0];
  let from = 0;
  while (line.length - from > PIECE * 1.5) {
    const window = line.slice(from + PIECE, from + 2 * PIECE);
    let cut = -1;
    const sentence = /[。！？；!?;]/.exec(window);
    if (sentence) cut = from + PIECE + sentence.index + 1;
    else {
      const comma = /[，,、]/.exec(window);
      if (comma) cut = from + PIECE + comma.index + 1;
      else {
        cut = from + PIECE;
        const c = line.charCodeAt(cut);
        if (c >= 0xdc00 && c <= 0xdfff) cut++;
      }
    }
    starts.push(cut);
    from = cut;
  }
  lastPieces = { line, starts, pieces: null };
  return starts;
}

/**
 * The pieces of a long line (text and offset), made once per line: every rule
 * then looks up the same string objects, whose hashes V8 computes only once.
 */
export function linePieces(line: string): { starts: number[]; pieces: string[] } {
  const starts = pieceStarts(line);
  if (!lastPieces.pieces) lastPieces.pieces = starts.map((s, i) => line.slice(s, starts[i + 1] ?? line.length));
  return { starts, pieces: lastPieces.pieces };
}

let lastPieces: { line: string; starts: number[]; pieces: string[] | null } = { line: '', starts: [0], pieces: null };

/**
 * A copy of `s` that does not keep the string it was sliced from alive. V8
 * makes a slice of a long string a view into it: a piece kept as a memo key
 * would keep its whole line — the line of every version typed — in memory.
 * Concatenation then slicing makes V8 flatten the piece into a string of its own.
 */
export function detach(s: string): string {
  return (' ' + s).slice(1);
}

interface PieceBucket {
  key: string;
  byNamespace: Map<string, PieceEntry>;
}

interface PieceEntry {
  /** The findings on the piece itself. */
  found: unknown[];
  /** Where the piece stood and on which line when `placed` was made. */
  line: number;
  offset: number;
  placed: unknown[];
}

/**
 * Per piece text and namespace: a line rule's findings on that piece, placed at
 * the line and offset where the piece stood last. Pieces not read in an
 * analysis are dropped at the next (two generations), so the memo holds about
 * the long lines of the current version.
 */
export class PieceMemo {
  private current = new Map<string, PieceBucket>();
  private previous = new Map<string, PieceBucket>();

  /** A new analysis starts: what the last one did not read is let go. */
  begin(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  clear(): void {
    this.current = new Map();
    this.previous = new Map();
  }

  /**
   * The findings of `piece` (at `offset` in line `line`) for `namespace`:
   * `compute` returns them on the piece, `place` moves them to the line.
   */
  at<T>(piece: string, namespace: string, line: number, offset: number, compute: () => T[], place: (found: T[]) => T[]): T[] {
    let bucket = this.current.get(piece);
    if (!bucket) {
      // Each key is stored once, detached, and reused: the memo never holds a version's line.
      bucket = this.previous.get(piece) ?? { key: detach(piece), byNamespace: new Map<string, PieceEntry>() };
      this.current.set(bucket.key, bucket);
    }
    const byNamespace = bucket.byNamespace;
    const entry = byNamespace.get(namespace);
    if (entry && entry.line === line && entry.offset === offset) return entry.placed as T[];
    // The same text elsewhere (a repeated passage, or the line moved): placed again, not checked again.
    const found = entry ? (entry.found as T[]) : compute();
    const placed = place(found);
    byNamespace.set(namespace, { found, line, offset, placed });
    return placed;
  }
}

/** The facts of one line text, with the text it was first seen as. */
interface LineRecord {
  /**
   * The memo is keyed by this string, a copy of the text made with the record,
   * never by the lines of later versions: a line is a slice of its version's
   * whole text, and keeping one would keep that version alive (and keeping
   * those of every version would push hundreds of strings into the old
   * generation on every keystroke).
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
  readonly pieces = new PieceMemo();
  readonly layout = new LayoutMemo();

  /**
   * Starts an analysis of `lines`. Facts depend on the options (profile,
   * Markdown, the user's patterns), so a change of options empties the memo.
   *
   * An edit changes a few lines in one place, so the lines before and after it
   * keep their records as they are, found by comparing texts from both ends;
   * only the lines in between are looked up by text. (Looking up every line
   * and building the text map anew on each keystroke was, in a server V8 had
   * not optimised yet, the costliest step of the analysis.)
   *
   * Each of `lines` is then replaced by its record's string, the same text:
   * what the analysis makes of a line (a finding quoting it, a title) holds
   * a string of the line's own, never a slice of this version's whole text,
   * which would keep that version in memory for as long as the memo keeps it.
   */
  begin(optionsKey: string, lines: string[]): void {
    if (optionsKey !== this.optionsKey) {
      this.byText.clear();
      this.records = [];
      this.reports.clear();
      this.pieces.clear();
      this.layout.value = null;
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
        record = { text: detach(text), facts: new Map(), lines: 0 };
        this.byText.set(record.text, record);
      }
      record.lines++;
      middle[i] = record;
    }
    for (let i = head; i < previous.length - tail; i++) {
      const record = previous[i];
      if (--record.lines === 0) this.byText.delete(record.text);
    }
    this.records = head === 0 && tail === 0 ? middle : previous.slice(0, head).concat(middle, previous.slice(previous.length - tail));
    for (let i = 0; i < lines.length; i++) lines[i] = this.records[i].text;
    this.layout.changedLine =
      previous.length !== lines.length ? MANY_LINES_CHANGED : head === lines.length ? NO_LINE_CHANGED : head + tail === lines.length - 1 ? head : MANY_LINES_CHANGED;
    this.reports.begin();
    this.pieces.begin();
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
