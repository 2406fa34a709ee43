import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EditConflictError, applyEdits } from '../../server/src/engine/edits';
import { TextEdit } from '../../server/src/engine/types';

const edit = (line: number, start: number, endLine: number, end: number, newText: string): TextEdit => ({
  range: { start: { line, character: start }, end: { line: endLine, character: end } },
  newText,
});

describe('applyEdits', () => {
  const text = '一、主要工作\n（一）压实责任。\n三、存在的问题';

  test('applies edits given in any order, all at once, in positions of the original text', () => {
    const out = applyEdits(text, [edit(2, 0, 2, 1, '二'), edit(0, 0, 1, 0, ''), edit(1, 1, 1, 2, '一')]);
    assert.equal(out, '（一）压实责任。\n二、存在的问题');
  });

  test('no edits: the same text', () => assert.equal(applyEdits(text, []), text));

  test('an insertion touching a replacement is fine; the given order decides equal starts', () => {
    assert.equal(applyEdits('ab', [edit(0, 1, 0, 2, 'C'), edit(0, 1, 0, 1, 'X')]), 'aXC');
    assert.equal(applyEdits('ab', [edit(0, 0, 0, 1, 'A'), edit(0, 1, 0, 1, 'X')]), 'AXb');
  });

  test('deleting whole lines of a CRLF text takes their CRLF along, and touches nothing else', () => {
    const crlf = '甲\r\n乙\r\n丙';
    assert.equal(applyEdits(crlf, [edit(1, 0, 2, 0, '')]), '甲\r\n丙');
    // A position at the end of a line is before its CR.
    assert.equal(applyEdits(crlf, [edit(0, 1, 0, 1, '！')]), '甲！\r\n乙\r\n丙');
  });

  test('positions count UTF-16 code units, as LSP does: a character outside the BMP is two', () => {
    assert.equal(applyEdits('𠮷X次', [edit(0, 2, 0, 3, '12')]), '𠮷12次');
  });

  test('overlapping edits throw a clear Chinese error and never half-apply', () => {
    assert.throws(() => applyEdits(text, [edit(0, 0, 0, 2, '二、'), edit(0, 1, 0, 3, '')]), (e: Error) => e instanceof EditConflictError && /相互重叠/.test(e.message) && /第 1 行/.test(e.message));
    assert.throws(() => applyEdits(text, [edit(1, 2, 1, 2, 'a'), edit(1, 2, 1, 2, 'b')]), EditConflictError);
  });

  test('a position outside the text (a stale edit) is refused', () => {
    assert.throws(() => applyEdits(text, [edit(3, 0, 3, 0, 'x')]), (e: Error) => e instanceof EditConflictError && /不在文本范围内/.test(e.message));
    assert.throws(() => applyEdits(text, [edit(0, 7, 0, 8, 'x')]), EditConflictError);
    assert.throws(() => applyEdits(text, [edit(1, 3, 1, 1, 'x')]), /结束位置在开始位置之前/);
  });
});
