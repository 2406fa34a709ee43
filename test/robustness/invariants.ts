/** Checks that hold for every analysis, whatever the input. */
import assert from 'node:assert/strict';
import { Analysis } from '../../server/src/features/analyze';
import { SourceText } from '../../server/src/engine/source';
import { Range } from '../../server/src/engine/types';
import { ALL_RULES } from '../../server/src/rules';

const RULE_IDS = new Set(ALL_RULES.map((r) => r.id));

function assertRangeInside(src: SourceText, r: Range, what: string): void {
  for (const p of [r.start, r.end]) {
    assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < src.lineCount, `${what}: line ${p.line} outside 0..${src.lineCount - 1}`);
    // An edit may end at the start of the line after the last one it removes.
    assert.ok(p.character >= 0 && p.character <= src.lines[p.line].length, `${what}: character ${p.character} outside line ${p.line}`);
  }
  assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${what}: range ends before it starts`);
}

export function checkInvariants(text: string, a: Analysis): void {
  const src = new SourceText(text);
  assert.deepEqual(a.failures, [], 'no rule may throw');
  for (const f of a.findings) {
    assert.ok(RULE_IDS.has(f.code), `unknown code ${f.code}`);
    assert.ok(/[\u4e00-\u9fff]/.test(f.message), `message not in Chinese: ${f.message}`);
    assertRangeInside(src, f.range, f.code);
    for (const e of f.fix?.edits ?? []) assertRangeInside(src, e.range, `${f.code} fix`);
  }
  let previousEnd = -1;
  for (const r of a.doc.reports) {
    assert.ok(r.startLine > previousEnd && r.startLine <= r.endLine && r.endLine < src.lineCount, 'reports must be ordered and disjoint');
    previousEnd = r.endLine;
    for (const h of r.headings) assert.ok(h.line >= r.startLine && h.line <= r.endLine && h.endLine <= r.endLine, 'headings inside their report');
  }
}
