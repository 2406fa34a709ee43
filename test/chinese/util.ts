/**
 * Shared by the Chinese-rule tests: a real nodejieba segmenter over the
 * product's trimmed dictionaries (dist/dict, written by `npm run build`),
 * loaded once per test file, and small helpers to check one line of a draft
 * (the rule tester, test/rules/tester.ts, uses the same segmenter).
 */
import assert from 'node:assert/strict';
import { analyzeText } from '../../server/src/features/analyze';
import { Segmenter } from '../../server/src/engine/segmenter';
import { Finding } from '../../server/src/engine/types';
import { loadSegmenterSync } from '../../server/src/segmenter/host';

let loaded: Segmenter | null = null;

export function segmenter(): Segmenter {
  if (!loaded) {
    const r = loadSegmenterSync();
    assert.ok('segmenter' in r, `the segmenter must load for these tests: ${'failure' in r ? r.failure : ''}`);
    loaded = r.segmenter;
  }
  return loaded;
}

/**
 * A small report of the given year with `line` as its third line, so that the
 * line is body text of a report whose period is known.
 */
export function reportWith(line: string, year: string | number = 2024): string {
  // 2024 → 2024年; a period such as 2024年上半年 is used as written.
  const period = /年$/.test(String(year)) ? String(year) : `${year}年`;
  return [`${period}意识形态工作总结`, `${period}以来，局党组认真落实意识形态工作责任制，现将有关情况总结如下。`, line].join('\n');
}

/** Findings of one rule on `text`, with a segmenter unless told otherwise. */
export function run(text: string, code: string, withSegmenter = true): Finding[] {
  const a = analyzeText(text, { segmenter: withSegmenter ? segmenter() : undefined });
  assert.deepEqual(a.failures, [], 'no rule may throw');
  return a.findings.filter((f) => f.code === code);
}
