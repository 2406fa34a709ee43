/**
 * Long lines (a paragraph pasted from a web page, hundreds of thousands of
 * characters on one line) are read by the line rules in pieces, and every
 * cache is limited in bytes: an edit re-examines the piece it touched, and
 * typing into such a line does not keep a copy of it per keystroke.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LONG_LINE_FINDINGS, analyzeText } from '../../server/src/features/analyze';
import { BudgetCache } from '../../server/src/engine/budget-cache';
import { LONG_LINE, LineCache, PIECE, detach, pieceStarts } from '../../server/src/engine/line-cache';
import { LineRule } from '../../server/src/rules/rule';
import { ALL_RULES } from '../../server/src/rules';
import { lineRange } from '../../server/src/engine/types';
import { testDocs } from '../helpers';
import * as residue from '../../server/src/engine/residue';
import { applyEdits } from '../../server/src/engine/edits';
import { planFixAll } from '../../server/src/features/fixes';

/** A line of sentences joined by half-width commas, as pasted from a web page. */
function commaParagraph(size: number): string {
  const words = ['我单位认真落实意识形态工作责任制', '召开专题会议研究部署', '加强网络阵地管理', '开展理论学习X次'];
  let s = '';
  for (let i = 0; s.length < size; i++) s += words[i % words.length] + '第' + i + '项' + (i % 7 === 6 ? '。' : ',');
  return s.slice(0, size);
}

describe('pieceStarts', () => {
  test('a line up to 1.5 PIECE is one piece; long lines are cut after a sentence end or comma near every PIECE characters', () => {
    assert.deepEqual(pieceStarts('短'.repeat(PIECE)), [0]);
    assert.ok(LONG_LINE > 2 * PIECE);
    const line = commaParagraph(50_000);
    const starts = pieceStarts(line);
    assert.ok(starts.length > 10);
    for (let i = 1; i < starts.length; i++) {
      assert.match(line.charAt(starts[i] - 1), /[。,]/, `cut ${i} after ${line.charAt(starts[i] - 1)}`);
      assert.ok(starts[i] - starts[i - 1] >= PIECE && starts[i] - starts[i - 1] <= 2 * PIECE);
    }
  });

  test('a line without punctuation is cut at PIECE, never inside a surrogate pair', () => {
    const line = '𠀀'.repeat(20_000);
    for (const s of pieceStarts(line).slice(1)) assert.ok(!(line.charCodeAt(s) >= 0xdc00 && line.charCodeAt(s) <= 0xdfff), String(s));
  });

  test('typing at the end leaves the cuts before it as they were', () => {
    const line = commaParagraph(100_000);
    const before = pieceStarts(line);
    const after = pieceStarts(line + '，新增的内容,再加一句');
    assert.deepEqual(after.slice(0, before.length - 1), before.slice(0, -1));
  });

  test('detach copies the text', () => {
    const s = commaParagraph(10_000).slice(100, 3000);
    assert.equal(detach(s), s);
  });
});

describe('line rules on long lines', () => {
  test('findings on a long line lie on it, at the right characters', () => {
    const line = commaParagraph(60_000);
    const text = '2024年意识形态工作总结\n' + line;
    const a = analyzeText(text);
    const placeholders = a.findings.filter((f) => f.code === 'placeholder');
    assert.ok(placeholders.length > 100);
    for (const f of placeholders) {
      assert.equal(f.range.start.line, 1);
      assert.equal(line.slice(f.range.start.character, f.range.end.character), 'X');
    }
  });

  test('an edit at the end of a long line re-examines only the pieces it touched', () => {
    let calls = 0;
    const counting: LineRule = {
      id: 'counting',
      docs: testDocs('计数'),
      defaultSeverity: 'hint',
      scope: 'line',
      kinds: ['blank', 'residue', 'collection', 'title', 'heading', 'body'],
      fixable: false,
      checkLine(line) {
        calls++;
        const out = [];
        for (let at = line.indexOf('。'); at >= 0; at = line.indexOf('。', at + 1)) out.push({ message: '找到句号', range: lineRange(0, at, at + 1) });
        return out;
      },
    };
    const rules = [...ALL_RULES.filter((r) => r.id === 'missing-section'), counting];
    const cache = new LineCache();
    // Fewer findings than LONG_LINE_FINDINGS: the whole line is read.
    let text = '2024年意识形态工作总结\n' + commaParagraph(100_000);
    const first = analyzeText(text, { cache, rules }).findings.filter((f) => f.code === 'counting');
    const pieces = calls;
    assert.ok(pieces > 40, String(pieces));
    calls = 0;
    text += '，又写了一句。';
    const second = analyzeText(text, { cache, rules }).findings.filter((f) => f.code === 'counting');
    assert.ok(calls <= 3, `re-examined ${calls} of ${pieces} pieces`);
    assert.equal(second.length, first.length + 1);
    // The findings of untouched pieces are the same objects: their diagnostics need not be rebuilt.
    assert.equal(second[0], first[0]);
    assert.deepEqual(analyzeText(text, { rules }).findings.filter((f) => f.code === 'counting'), second);
  });
});

describe('the parse of long lines', () => {
  /** A long line with the site's words in some of its sentences. */
  function pastedPage(size: number): string {
    let s = '';
    for (let i = 0; s.length < size; i++) {
      s += `我单位认真落实意识形态工作责任制第${i}项,召开专题会议研究部署。`;
      if (i % 97 === 50) s += '本文由小编整理，仅供学习参考，请勿照搬照抄。';
      if (i % 131 === 7) s += '更多范文请关注微信公众号某某文库。';
    }
    return s.slice(0, size);
  }

  test('residue in a long line is found piece by piece, at its characters in the line', () => {
    const line = pastedPage(60_000);
    const a = analyzeText('2024年意识形态工作总结\n' + line);
    const spans = a.doc.residue.filter((r) => r.startLine === 1);
    assert.ok(spans.length > 5, String(spans.length));
    for (const r of spans) {
      assert.equal(r.kind, 'span');
      assert.match(line.slice(r.range.start.character, r.range.end.character), /小编|仅供|更多|文库|公众号/);
    }
    assert.ok(a.findings.some((f) => f.code === 'template-residue' && f.range.start.line === 1));
  });

  test('an edit at the end of a long line re-reads the residue of the piece it touched only', () => {
    const calls: string[] = [];
    const original = residue.detectLineResidue;
    (residue as { detectLineResidue: typeof original }).detectLineResidue = (text, ...rest) => {
      calls.push(text);
      return original(text, ...rest);
    };
    try {
      const cache = new LineCache();
      let text = '2024年意识形态工作总结\n' + pastedPage(100_000);
      analyzeText(text, { cache });
      const pieces = calls.length;
      assert.ok(pieces > 40, String(pieces));
      calls.length = 0;
      text += '，又写了一句。';
      analyzeText(text, { cache });
      assert.ok(calls.length >= 1 && calls.length <= 2, `re-read ${calls.length} of ${pieces} pieces`);
      assert.ok(calls.every((c) => c.length < 2 * PIECE));
    } finally {
      (residue as { detectLineResidue: typeof original }).detectLineResidue = original;
    }
  });

  test('typing at the end of a long line with residue, headings and placeholders: every version gives what a fresh analysis gives', () => {
    const cache = new LineCache();
    let text = '2024年意识形态工作总结\n一、主要工作\n' + pastedPage(40_000) + '全年召开会议X次。\n二、存在的问题\n' + pastedPage(30_000);
    for (const typed of ['，', '本站', '提供', '。', '一是加强学习，', '20__年']) {
      text += typed;
      const kept = analyzeText(text, { cache });
      const fresh = analyzeText(text);
      assert.deepEqual(kept.findings, fresh.findings, `after typing ${typed}`);
      assert.deepEqual(kept.doc.residue, fresh.doc.residue);
    }
  });

  test('a piece that reads as a site notice as a whole is flagged, but fix-all leaves it to the user', () => {
    // Two of the notice's words in one piece: the piece alone would be a notice line.
    const notice = '本文档由用户上传，' + '我单位认真落实意识形态工作责任制,召开专题会议研究部署。'.repeat(60);
    const line = pastedPage(20_000) + notice + pastedPage(20_000);
    const text = '2024年意识形态工作总结\n' + line;
    const a = analyzeText(text);
    const at = line.indexOf('本文档');
    const flagged = a.doc.residue.filter((r) => r.startLine === 1 && r.range.start.character <= at && at < r.range.end.character);
    assert.equal(flagged.length, 1);
    assert.equal(flagged[0].certain, false);
    const deletions = planFixAll(a).edits.filter((e) => e.newText === '' && e.range.start.line <= 1 && e.range.end.line >= 1);
    assert.ok(!deletions.some((e) => e.range.start.character <= at && at < e.range.end.character), 'fix-all deletes none of the piece');
    assert.ok(applyEdits(text, planFixAll(a).edits).includes('本文档由用户上传'));
  });

  test('a report flattened onto one long line keeps its title at the start of the line', () => {
    const text = '2024年意识形态工作总结 今年以来，' + pastedPage(30_000);
    const a = analyzeText(text);
    assert.equal(a.doc.reports.length, 1);
    assert.equal(a.doc.reports[0].title?.text, '2024年意识形态工作总结');
  });
});

describe('BudgetCache', () => {
  test('keeps entries within the byte budget, dropping the least recently used', () => {
    const c = new BudgetCache<number>(1000, (k) => k.length * 2);
    for (let i = 0; i < 100; i++) c.set('键'.repeat(50) + i, i);
    assert.ok(c.bytes <= 1000, String(c.bytes));
    assert.ok(c.size < 12);
    c.get('键'.repeat(50) + 95);
    c.set('新'.repeat(60), 1);
    assert.equal(c.get('键'.repeat(50) + 95), 95, 'recently used is kept');
  });

  test('an entry above a quarter of the budget is kept alone, the latest only', () => {
    const c = new BudgetCache<number>(1000, (k) => k.length * 2);
    for (let i = 0; i < 300; i++) c.set(String(i).padEnd(400, '长'), i);
    assert.equal(c.size, 1);
    assert.equal(c.get(String(299).padEnd(400, '长')), 299);
    assert.equal(c.get(String(298).padEnd(400, '长')), undefined);
  });
});

describe('hostile long lines', () => {
  test('a 150 KB Markdown line of `__ ` (quadratic before) is analysed in pieces', () => {
    const text = '# 2024年意识形态工作总结\n' + '__ '.repeat(50_000);
    const t = performance.now();
    const a = analyzeText(text, { markdown: true });
    assert.ok(performance.now() - t < 5000, `${(performance.now() - t).toFixed(0)} ms`);
    assert.ok(a.findings.length > 40_000, 'without a memo (the CLI) every finding is there');
  });

  test('as the user types (a memo), a rule stops reading a long line after LONG_LINE_FINDINGS findings', () => {
    const text = '# 2024年意识形态工作总结\n' + '__ '.repeat(50_000);
    const cache = new LineCache();
    const a = analyzeText(text, { markdown: true, cache });
    const blanks = a.findings.filter((f) => f.code === 'placeholder').length;
    assert.ok(blanks >= LONG_LINE_FINDINGS && blanks < LONG_LINE_FINDINGS + PIECE, String(blanks));
    const t = performance.now();
    analyzeText(text + '了', { markdown: true, cache });
    assert.ok(performance.now() - t < 500, `${(performance.now() - t).toFixed(0)} ms`);
  });
});
