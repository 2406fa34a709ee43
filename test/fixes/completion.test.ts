import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/features/analyze';
import { completionsAt } from '../../server/src/features/completion';
import { draft } from '../helpers';

/** Completions with the cursor at the end of `typed` on line `line` (which may be a new, empty line). */
function complete(text: string, line: number, typed: string, markdown = false) {
  const lines = text.split('\n');
  while (lines.length <= line) lines.push('');
  lines[line] = typed;
  const current = lines.join('\n');
  return completionsAt(analyzeText(current, { markdown }), { line, character: typed.length }, typed);
}

const labels = (items: { label: string }[]) => items.map((i) => i.label);

const TWO_PARTS = draft(
  '2024年意识形态工作总结',
  '今年以来，镇党委认真落实意识形态工作责任制，现将有关情况总结如下。',
  '一、主要工作开展情况',
  '（一）压实工作责任',
  '召开党委会专题研究意识形态工作4次。',
  '（二）强化理论武装',
  '组织中心组集中学习12次。',
);

describe('completion at the start of a line', () => {
  test('after （二）, typing （ offers （三）, replacing what was typed', () => {
    const items = complete(TWO_PARTS, 7, '（');
    assert.deepEqual(labels(items), ['（三）']);
    assert.equal(items[0].kind, 'number');
    assert.match(items[0].detail, /（二）/);
    assert.deepEqual(items[0].textEdit, { range: { start: { line: 7, character: 0 }, end: { line: 7, character: 1 } }, newText: '（三）' });
  });

  test('a half-width ( typed still finds （三）, with a filter text that matches it', () => {
    const [item] = complete(TWO_PARTS, 7, '(');
    assert.equal(item.label, '（三）');
    assert.equal(item.filterText, '(三）');
  });

  test('indentation stays: the edit starts after it', () => {
    const [item] = complete(TWO_PARTS, 7, '\u3000\u3000（');
    assert.equal(item.textEdit.range.start.character, 2);
  });

  test('on an empty line: the level being written first, then the next top-level heading with the part the report lacks', () => {
    const items = complete(TWO_PARTS, 7, '');
    assert.deepEqual(labels(items), ['（三）', '二、', '二、存在的问题', '二、下一步工作打算', '二、意识形态领域形势研判分析']);
    assert.deepEqual(items.map((i) => i.kind), ['number', 'number', 'heading', 'heading', 'heading']);
    assert.match(items[4].detail, /可选/);
  });

  test('after 二、 the next number comes with the standard heading of the next missing part', () => {
    const text = draft(TWO_PARTS, '二、存在的问题', '学习形式比较单一。');
    const items = complete(text, 9, '三');
    assert.deepEqual(labels(items), ['三、', '三、下一步工作打算', '三、意识形态领域形势研判分析']);
    assert.equal(items[1].kind, 'heading');
    assert.match(items[1].detail, /下一步工作打算/);
  });

  test('a part that fits later in the profile’s order comes before one that should have come earlier', () => {
    const text = draft('2024年意识形态工作总结', '现将有关情况总结如下。', '一、主要工作开展情况', '开展学习。', '二、下一步工作打算', '深化学习。');
    const items = complete(text, 6, '三、');
    // 存在的问题 belongs before 下一步 (it is still offered), the optional part fits anywhere.
    assert.deepEqual(labels(items), ['三、', '三、意识形态领域形势研判分析', '三、存在的问题']);
  });

  test('after an 一是 paragraph, the next paragraph starts 二是', () => {
    const text = draft('2024年意识形态工作总结', '现将有关情况总结如下。', '一是加强组织领导。成立领导小组。');
    const items = complete(text, 3, '');
    assert.equal(items[0].label, '二是');
    assert.equal(items[0].kind, 'enumeration');
    assert.deepEqual(labels(complete(text, 3, '二')), ['二是']);
  });

  test('after a paragraph that enumerates inside itself, the list goes on', () => {
    const text = draft(TWO_PARTS, '主要做法：一是建立台账；二是定期督查。');
    assert.deepEqual(labels(complete(text, 8, '三')), ['三是']);
    // A heading line that already holds 一是…二是… goes on at 三是 too.
    const heading = draft('2024年意识形态工作总结', '现将有关情况总结如下。', '一是加强领导。二是强化学习。');
    assert.equal(complete(heading, 3, '')[0].label, '三是');
  });

  test('in an empty report, the first part with 一、', () => {
    assert.deepEqual(labels(complete('2024年意识形态工作总结', 1, '一')), ['一、主要工作开展情况', '一、存在的问题', '一、下一步工作打算', '一、意识形态领域形势研判分析']);
  });

  test('a complete report: numbers only', () => {
    const text = draft(TWO_PARTS, '二、意识形态领域形势研判分析', '总体平稳。', '三、存在的问题', '学习不深。', '四、下一步工作打算', '深化学习。');
    assert.deepEqual(labels(complete(text, 13, '')), ['五、']);
  });

  test('Markdown: after ## the numbers of the headings', () => {
    const text = draft('# 2024年意识形态工作总结', '现将有关情况总结如下。', '## 一、主要工作开展情况', '### （一）压实工作责任', '召开党委会4次。');
    const items = complete(text, 5, '### （', true);
    assert.deepEqual(labels(items), ['（二）']);
    assert.equal(items[0].textEdit.range.start.character, 4);
  });

  test('nothing in the middle of a sentence, on the title, or for text that starts no marker', () => {
    assert.deepEqual(complete(TWO_PARTS, 7, '组织开展了专题学习，'), []);
    assert.deepEqual(complete(TWO_PARTS, 7, '加强'), []);
    const title = analyzeText(TWO_PARTS);
    assert.deepEqual(completionsAt(title, { line: 0, character: 0 }, ''), []);
  });
});
