/**
 * server/src/engine/source.ts: lines and their start offsets for every kind
 * of line end drafts come with, mixed in one text.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SourceText } from '../../server/src/engine/source';

test('LF, CRLF and lone CR end lines, mixed; offsets point into the text as given', () => {
  const cases: [string, string[], number[]][] = [
    ['', [''], [0]],
    ['一行', ['一行'], [0]],
    ['甲\n乙', ['甲', '乙'], [0, 2]],
    ['甲\r\n乙', ['甲', '乙'], [0, 3]],
    ['甲\r乙', ['甲', '乙'], [0, 2]],
    ['甲\n', ['甲', ''], [0, 2]],
    ['甲\r\n', ['甲', ''], [0, 3]],
    ['甲\r', ['甲', ''], [0, 2]],
    // CR CR LF: a lone CR, then a CRLF.
    ['甲\r\r\n乙', ['甲', '', '乙'], [0, 2, 4]],
    // LF CR: two line ends, not one.
    ['甲\n\r乙', ['甲', '', '乙'], [0, 2, 3]],
    ['\ufeff标题\r\n\r\n　　正文\n', ['\ufeff标题', '', '　　正文', ''], [0, 5, 7, 12]],
  ];
  for (const [text, lines, starts] of cases) {
    const s = new SourceText(text);
    assert.deepEqual(s.lines, lines, JSON.stringify(text));
    assert.deepEqual(s.lineStarts, starts, JSON.stringify(text));
    s.lines.forEach((line, i) => assert.equal(text.slice(s.lineStarts[i], s.lineStarts[i] + line.length), line));
  }
});
