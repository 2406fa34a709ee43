/**
 * Edits on a text: applying them all at once (as LSP does), and what every fix
 * is made of. Positions are those of the analysed text.
 */
import { SourceText } from './source';
import { Position, Range, TextEdit } from './types';

/** One way to resolve a finding. */
export interface FixProposal {
  /** Chinese, as shown in the editor's light-bulb menu. */
  title: string;
  edits: TextEdit[];
  /** True when "fix all" may apply it without asking. */
  safe: boolean;
}

/** Edits that "fix all" applies whole or not at all, and the findings they resolve. */
export interface FixGroup<F> {
  edits: TextEdit[];
  findings: F[];
}

/** Thrown by applyEdits for edits that overlap or point outside the text. */
export class EditConflictError extends Error {}

/** Orders positions: negative when `a` comes first. */
export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

function offsetOf(source: SourceText, p: Position): number {
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.line >= source.lineCount || p.character < 0 || p.character > source.lines[p.line].length) {
    throw new EditConflictError(`修改位置无效：第 ${p.line + 1} 行第 ${p.character + 1} 列不在文本范围内（文本可能已经改变）。`);
  }
  return source.lineStarts[p.line] + p.character;
}

function where(p: Position): string {
  return `第 ${p.line + 1} 行第 ${p.character + 1} 列`;
}

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
  edit: TextEdit;
}

export function toOffsets(source: SourceText, edits: readonly TextEdit[]): OffsetEdit[] {
  const spans = edits.map((edit) => {
    const start = offsetOf(source, edit.range.start);
    const end = offsetOf(source, edit.range.end);
    if (end < start) throw new EditConflictError(`修改范围无效：${where(edit.range.start)}之后的结束位置在开始位置之前。`);
    return { start, end, newText: edit.newText, edit };
  });
  // Stable: two edits at one offset keep their given order (an insertion before a replacement).
  return spans.map((s, i) => ({ s, i })).sort((a, b) => a.s.start - b.s.start || a.s.end - b.s.end || a.i - b.i).map((x) => x.s);
}

/** True when two edits cannot both be applied: their ranges share text, or both insert at one point. */
export function conflicts(a: OffsetEdit, b: OffsetEdit): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  return a.start === a.end && b.start === b.end && a.start === b.start;
}

function conflictError(a: OffsetEdit, b: OffsetEdit): EditConflictError {
  return new EditConflictError(`两处修改相互重叠，无法同时应用：${where(a.edit.range.start)}与${where(b.edit.range.start)}。`);
}

/**
 * Applies edits given in positions of `text` (all at once, as LSP does) and
 * returns the new text. Throws EditConflictError, with a Chinese message, when
 * an edit points outside the text or two edits overlap; `text` is never half-edited.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const spans = toOffsets(new SourceText(text), edits);
  for (let i = 1; i < spans.length; i++) {
    if (conflicts(spans[i - 1], spans[i])) throw conflictError(spans[i - 1], spans[i]);
  }
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + s.newText;
    at = s.end;
  }
  return out + text.slice(at);
}

/** An edit of one line's characters [start, end). */
export function edit(line: number, start: number, end: number, newText: string): TextEdit {
  return { range: { start: { line, character: start }, end: { line, character: end } }, newText };
}

/** The line end the document uses (its first one), so inserted lines match it. */
export function lineEnding(source: SourceText): string {
  const m = /\r\n|\r|\n/.exec(source.text);
  return m ? m[0] : '\n';
}

/** True when two ranges overlap or touch. */
export function rangesTouch(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

/** Text quoted the way messages and fix titles quote it. */
export function quoted(s: string): string {
  return `「${s}」`;
}

/** True when two lists of edits are the same edits in the same order. */
export function sameEdits(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  return a.length === b.length && a.every((e, i) => e.newText === b[i].newText && comparePositions(e.range.start, b[i].range.start) === 0 && comparePositions(e.range.end, b[i].range.end) === 0);
}
