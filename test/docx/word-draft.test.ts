/**
 * features/word.ts: a Word file as the text the engine checks and the facts
 * placed on its lines.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readWordDraft } from '../../server/src/features/word';
import { buildDocx, numPr, p, r } from './build';

const lvl = (fmt: string, text: string, suff?: string) =>
  `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/>${suff ? `<w:suff w:val="${suff}"/>` : ''}<w:lvlText w:val="${text}"/></w:lvl>`;
const numbering = (...levels: string[]) =>
  levels.map((l, i) => `<w:abstractNum w:abstractNumId="${i}">${l}</w:abstractNum>`).join('') + levels.map((_, i) => `<w:num w:numId="${i + 1}"><w:abstractNumId w:val="${i}"/></w:num>`).join('');

describe('the checked text of a Word file', () => {
  test("automatic numbers read as typed: no separator after 一、 or （一）, a space after 1.", () => {
    const draft = readWordDraft(
      buildDocx({
        numbering: numbering(lvl('chineseCounting', '%1、'), lvl('chineseCounting', '（%1）', 'space'), lvl('decimal', '%1.'), lvl('decimal', '%1.', 'nothing')),
        body: p(r('加强领导'), numPr(1)) + p(r('压实责任'), numPr(2)) + p(r('集中学习'), numPr(3)) + p(r('专题研讨'), numPr(4)),
      }),
    );
    assert.deepEqual(draft.text.split('\n'), ['一、加强领导', '（一）压实责任', '1. 集中学习', '1.专题研讨']);
  });

  test('facts after a dropped separator move with the text; the body is lines, headers and comments are not', () => {
    const draft = readWordDraft(
      buildDocx({
        numbering: numbering(lvl('chineseCounting', '%1、')),
        body: p(r('加强') + r('XX', '<w:highlight w:val="yellow"/>') + r('领导'), numPr(1)) + p(r('全年学习12次。')),
        header: p(r('县文旅局')),
      }),
    );
    assert.equal(draft.text, '一、加强XX领导\n全年学习12次。');
    assert.deepEqual(draft.lineToParagraph, [0, 1]);
    const mark = draft.facts.facts.find((f) => f.kind === 'highlight')!;
    assert.deepEqual([mark.line, mark.start, mark.end, draft.text.split('\n')[0].slice(mark.start, mark.end)], [0, 4, 6, 'XX']);
    assert.deepEqual(draft.facts.margins, [{ paragraph: 2, region: 'header', text: '县文旅局' }]);
    assert.deepEqual(draft.regions, ['body', 'body', 'header']);
  });
});
