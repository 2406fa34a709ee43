/**
 * A whole draft in the genre's style, written for this test: each Chinese
 * rule's mistake once or twice among many sentences that must stay silent.
 * The exact list of findings pins the rules together, as a reviewer sees them.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/features/analyze';
import { DRAFT } from './fixtures';
import { segmenter } from './util';

const CHINESE_RULES = new Set(['duplicated-char', 'formulation', 'outdated-reference', 'year-mismatch', 'punctuation', 'empty-example']);

describe('a whole draft', () => {
  test('each mistake is found once, and nothing else from the Chinese rules', () => {
    const a = analyzeText(DRAFT, { segmenter: segmenter() });
    assert.deepEqual(a.failures, []);
    const lines = DRAFT.split('\n');
    const got = a.findings
      .filter((f) => CHINESE_RULES.has(f.code))
      .map((f) => `${f.range.start.line}:${f.code}:${lines[f.range.start.line].slice(f.range.start.character, f.range.end.character)}`);
    assert.deepEqual(got, [
      '1:duplicated-char:二十大大',
      '1:year-mismatch:年',
      '6:formulation:论学习中心组',
      '7:punctuation:、',
      '8:outdated-reference:党的十九大',
      '10:punctuation:对、',
      '10:punctuation:,',
      '12:empty-example:如',
    ]);
  });

  test('without a segmenter: the cheap checks still run, the word checks wait', () => {
    const a = analyzeText(DRAFT);
    const codes = a.findings.filter((f) => CHINESE_RULES.has(f.code)).map((f) => `${f.range.start.line}:${f.code}`);
    assert.deepEqual(codes, ['1:year-mismatch', '7:punctuation', '8:outdated-reference', '10:punctuation', '12:empty-example']);
  });
});
