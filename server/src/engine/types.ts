/**
 * Shared value types of the engine. Positions follow LSP: 0-based lines and
 * UTF-16 code-unit characters, which is what JavaScript string indices are.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** A replacement of the text in `range` by `newText`; the unit of every fix. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** The slots a top-level part of a report can fill (see profiles/*.json). */
export type Slot = string;

/** One problem found in a document, as every front end (CLI, LSP, tests) receives it. */
export interface Finding {
  /** The rule id, used as the diagnostic `code`. */
  code: string;
  severity: Severity;
  /** Chinese text: what is wrong and what to do. */
  message: string;
  range: Range;
  /**
   * The one right correction, when there is one (applied only on the user's
   * request). `manual`: offered as a quick fix only, never applied by "fix all"
   * (it might remove text the author wrote).
   */
  fix?: { title: string; edits: TextEdit[]; manual?: boolean };
  /** Rule-specific facts for later consumers (quick fixes, hover). */
  data?: Record<string, unknown>;
}

/** A finding as a rule makes it: the runner adds the rule's id and the severity in force. */
export type RuleFinding = Omit<Finding, 'code' | 'severity'> & {
  /**
   * A finding milder than its rule (a placeholder rule's "something seems to
   * be missing here" beside its certain placeholders): reported at this
   * severity, or at the rule's severity in force when that is milder still.
   */
  severity?: Severity;
  /**
   * Rules whose findings overlapping this one's range are dropped: this
   * finding already says what they would (one finding where one problem).
   */
  covers?: readonly string[];
};

function moved(r: Range, l: number): Range {
  return { start: { line: r.start.line + l, character: r.start.character }, end: { line: r.end.line + l, character: r.end.character } };
}

/** A finding `delta` lines further down (its fix too); `data` holds no line numbers and is shared. */
export function moveFinding(f: RuleFinding, delta: number): RuleFinding {
  const out: RuleFinding = { message: f.message, range: moved(f.range, delta) };
  if (f.fix) {
    out.fix = { title: f.fix.title, edits: f.fix.edits.map((e) => ({ range: moved(e.range, delta), newText: e.newText })) };
    if (f.fix.manual) out.fix.manual = true;
  }
  if (f.data !== undefined) out.data = f.data;
  if (f.severity !== undefined) out.severity = f.severity;
  if (f.covers !== undefined) out.covers = f.covers;
  return out;
}

/** True when two ranges share at least one character. */
export function rangesOverlap(a: Range, b: Range): boolean {
  return before(a.start, b.end) && before(b.start, a.end);
}

function before(p: Position, q: Position): boolean {
  return p.line < q.line || (p.line === q.line && p.character < q.character);
}

export function range(line: number, start: number, endLine: number, end: number): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function lineRange(line: number, start: number, end: number): Range {
  return range(line, start, line, end);
}
