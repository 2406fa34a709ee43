/** Helpers shared by the quick-fix, completion and hover tests. */
import assert from 'node:assert/strict';
import { Analysis, AnalyzeOptions, analyzeText } from '../../server/src/features/analyze';
import { EngineCodeAction, codeActionsFor } from '../../server/src/features/fixes';
import { applyEdits } from '../../server/src/engine/edits';
import { SourceText } from '../../server/src/engine/source';
import { Finding, Range, TextEdit } from '../../server/src/engine/types';

export function linesOf(text: string): string[] {
  return new SourceText(text).lines;
}

/** The text of `text` each edit replaces. */
export function replaced(text: string, edits: TextEdit[]): string[] {
  const src = new SourceText(text);
  return edits.map((e) => text.slice(src.offsetAt(e.range.start.line, e.range.start.character), src.offsetAt(e.range.end.line, e.range.end.character)));
}

/** Indices of the lines that differ, for two texts with the same number of lines. */
export function changedLines(before: string, after: string): number[] {
  const a = linesOf(before);
  const b = linesOf(after);
  assert.equal(b.length, a.length, 'same number of lines');
  return a.map((l, i) => (l === b[i] ? -1 : i)).filter((i) => i >= 0);
}

export function only(findings: Finding[], code: string): Finding[] {
  return findings.filter((f) => f.code === code);
}

export function lineRangeOf(line: number, start = 0, end = start): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** The quick fixes offered for the first finding of `code` (optionally on `line`). */
export function actionsFor(a: Analysis, code: string, line?: number): { finding: Finding; actions: EngineCodeAction[] } {
  const finding = a.findings.find((f) => f.code === code && (line === undefined || f.range.start.line === line));
  assert.ok(finding, `a ${code} finding${line === undefined ? '' : ` on line ${line}`}`);
  return { finding, actions: codeActionsFor(a, finding.range).filter((x) => x.diagnostics.includes(finding)) };
}

/** Applies an action and analyses the result with the same options. */
export function applyAction(text: string, action: EngineCodeAction, options: AnalyzeOptions = {}): { text: string; analysis: Analysis } {
  const out = applyEdits(text, action.edits);
  return { text: out, analysis: analyzeText(out, options) };
}
