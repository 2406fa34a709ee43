import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AnalyzeOptions, analyzeText } from '../../server/src/engine/analyze';
import { LineCache } from '../../server/src/engine/line-cache';
import { reportOutline } from '../../server/src/engine/outline';
import { Segmenter } from '../../server/src/engine/segmenter';
import { randomDocument, rng } from '../robustness/generator';

function snapshot(text: string, options: AnalyzeOptions) {
  const a = analyzeText(text, options);
  return { findings: a.findings, outline: a.doc.reports.map(reportOutline), residue: a.doc.residue };
}

/** A segmenter that knows only some lines, as the server's first pass after an edit. */
function partlyKnowing(known: Set<string>): Segmenter {
  return {
    cut: (t) => (known.has(t) ? t.match(/[\u4e00-\u9fff]{1,2}|[^\u4e00-\u9fff]/g) ?? [] : Array.from(t)),
    knows: (t) => known.has(t),
  };
}

describe('the per-line memo', () => {
  test('an analysis with the memo equals one without it, edit after edit', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const r = rng(seed);
      let lines = randomDocument(seed * 7919, 30).split('\n');
      const cache = new LineCache();
      const known = new Set<string>();
      const markdown = seed % 3 === 0;
      for (let step = 0; step < 15; step++) {
        // Edit a line, insert one, or delete one.
        const at = Math.floor(r() * lines.length);
        const kind = r();
        if (kind < 0.6) lines[at] = lines[at].slice(0, 3) + (r() < 0.5 ? 'X' : '的') + lines[at].slice(3);
        else if (kind < 0.8) lines.splice(at, 0, lines[Math.floor(r() * lines.length)]);
        else if (lines.length > 1) lines.splice(at, 1);
        const text = lines.join('\n');
        // Words for some lines only, changing from step to step.
        if (r() < 0.5) for (const l of lines) if (r() < 0.5) known.add(l);
        const segmenter = step % 2 ? partlyKnowing(new Set(known)) : undefined;
        const withMemo = snapshot(text, { markdown, segmenter, cache });
        const fresh = snapshot(text, { markdown, segmenter });
        assert.deepEqual(withMemo, fresh, `seed ${seed}, step ${step}`);
      }
      lines = [];
    }
  });

  test('lines whose words are not known yet are judged as without words (no false alarm while they are cut)', () => {
    const knowsNothing: Segmenter = { cut: (t) => Array.from(t), knows: () => false };
    const texts = [
      ['2024年意识形态工作总结', '坚持正确政治方向，把准舆论导向，推动大大提高学习质量，组织党员学习党的二十大大精神。'].join('\n'),
      ...Array.from({ length: 40 }, (_, i) => randomDocument(4242 + i, 25)),
    ];
    for (const text of texts) {
      const without = analyzeText(text).findings;
      const unknown = analyzeText(text, { segmenter: knowsNothing }).findings;
      assert.deepEqual(unknown, without, text.slice(0, 40));
    }
  });

  test('remembers only the lines of the latest analysis, and forgets all when the options change', () => {
    const cache = new LineCache();
    analyzeText('2024年意识形态工作总结\n召开会议X次。\n开展学习。', { cache });
    assert.equal(cache.size, 3);
    analyzeText('2024年意识形态工作总结\n召开会议12次。', { cache });
    assert.equal(cache.size, 2);
    // The same line's facts under other options are not reused: Markdown reads "# 标题" differently.
    const md = analyzeText('# 2024年意识形态工作总结\n## 一、主要工作开展情况\n开展学习。', { cache, markdown: true });
    const txt = analyzeText('# 2024年意识形态工作总结\n## 一、主要工作开展情况\n开展学习。', { cache, markdown: false });
    assert.equal(md.doc.reports[0].title?.text, '2024年意识形态工作总结');
    assert.notDeepEqual(reportOutline(md.doc.reports[0]), reportOutline(txt.doc.reports[0]));
  });

  test('the user\'s placeholder patterns are part of the memo\'s key', () => {
    const cache = new LineCache();
    const text = '2024年意识形态工作总结\n由〔待定〕负责。';
    assert.equal(analyzeText(text, { cache }).findings.filter((f) => f.code === 'placeholder').length, 0);
    assert.equal(analyzeText(text, { cache, extraPlaceholderPatterns: [/〔待定〕/] }).findings.filter((f) => f.code === 'placeholder').length, 1);
  });
});
