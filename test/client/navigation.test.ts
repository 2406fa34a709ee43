/**
 * The pure parts of the extension (client/src/navigation.ts): where
 * 「跳到下一个占位符」 goes, and what the status bar says.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { codeOf, nextItem, statusBarContent } from '../../client/src/navigation';

const at = (line: number, start: number, end = start + 1) => ({ range: { start: { line, character: start }, end: { line, character: end } } });
const cursor = (line: number, character: number) => ({ start: { line, character }, end: { line, character } });
const selected = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

describe('nextItem', () => {
  const items = [at(6, 17, 18), at(4, 8), at(6, 32, 34), at(8, 1)];

  test('the first item after the cursor, in document order whatever the input order', () => {
    assert.equal(nextItem(items, cursor(5, 0)), items[0]);
    assert.equal(nextItem(items, cursor(6, 20)), items[2]);
  });

  test('an item starting right at a bare cursor is the next one', () => {
    assert.equal(nextItem(items, cursor(4, 8)), items[1]);
  });

  test('with an item selected, the next one after it: repeated jumps walk through all', () => {
    assert.equal(nextItem(items, selected(4, 8, 9)), items[0]);
    assert.equal(nextItem(items, selected(6, 17, 18)), items[2]);
  });

  test('wraps to the first item after the last one', () => {
    assert.equal(nextItem(items, cursor(20, 0)), items[1]);
    assert.equal(nextItem(items, selected(8, 1, 2)), items[1]);
  });

  test('nothing to go to', () => {
    assert.equal(nextItem([], cursor(0, 0)), undefined);
  });
});

describe('codeOf', () => {
  test('a code string, a number, or VS Code’s { value, target } form', () => {
    assert.equal(codeOf('placeholder'), 'placeholder');
    assert.equal(codeOf(3), '3');
    assert.equal(codeOf({ value: 'numbering' }), 'numbering');
    assert.equal(codeOf(undefined), undefined);
  });
});

describe('statusBarContent', () => {
  test('placeholders and other problems, with a tooltip that says what a click does', () => {
    assert.deepEqual(statusBarContent({ placeholders: 3, others: 5 }), {
      text: '$(edit) 占位符 3 · 问题 5',
      tooltip: 'Zongjie：这篇报告还有 3 处占位符待填写，5 个其他问题。单击跳到下一个占位符。',
    });
  });

  test('no placeholder left: a click goes to the next problem', () => {
    assert.equal(statusBarContent({ placeholders: 0, others: 2 }).tooltip, 'Zongjie：这篇报告还有 2 个其他问题。单击跳到下一个问题。');
  });

  test('the genre of the reports: one by name, several by count, with how to change it', () => {
    assert.deepEqual(statusBarContent({ placeholders: 1, others: 0, genres: ['党建工作总结'] }), {
      text: '$(edit) 占位符 1 · 问题 0 · 党建工作总结',
      tooltip: 'Zongjie：这篇报告还有 1 处占位符待填写。单击跳到下一个占位符。\n文体：党建工作总结（可用命令「Zongjie：选择文体」更改）。',
    });
    assert.equal(statusBarContent({ placeholders: 0, others: 0, genres: ['工作计划（工作要点）', '党建工作总结', '党建工作总结'] }).text, '$(check) 占位符 0 · 问题 0 · 2 种文体');
  });

  test('a clean report', () => {
    assert.deepEqual(statusBarContent({ placeholders: 0, others: 0 }), {
      text: '$(check) 占位符 0 · 问题 0',
      tooltip: 'Zongjie：这篇报告没有发现待填写的占位符或其他问题。',
    });
  });
});
