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

export function range(line: number, start: number, endLine: number, end: number): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function lineRange(line: number, start: number, end: number): Range {
  return range(line, start, line, end);
}
