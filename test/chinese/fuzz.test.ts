/**
 * The robustness suite's generated drafts (test/robustness) through the engine
 * with a real segmenter: the word-based rules and the word-based part
 * classification must not throw, and every range and fix stays inside the text.
 * Also the inputs nodejieba finds awkward: lone surrogates, emoji, very long lines.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/features/analyze';
import { randomDocument } from '../robustness/generator';
import { checkInvariants } from '../robustness/invariants';
import { segmenter } from './util';

const COUNT = Number(process.env.ZONGJIE_FUZZ_COUNT_WORDS ?? 400);

describe('fuzz with words', () => {
  test(`${COUNT} generated drafts`, () => {
    for (let i = 0; i < COUNT; i++) {
      const seed = 7000 + i;
      const text = randomDocument(seed);
      for (const markdown of [false, true]) {
        const a = analyzeText(text, { markdown, segmenter: segmenter() });
        try {
          checkInvariants(text, a);
        } catch (e) {
          assert.fail(`seed ${seed} (markdown ${markdown}): ${(e as Error).message}`);
        }
      }
    }
  });

  test('lone surrogates, emoji and a long line of doubled characters', () => {
    const texts = [
      '2024年意识形态工作总结\n学习\ud800贯彻党的二十大大精神\udfff，的的。',
      '2024年意识形态工作总结\n😀😀的的😀，加强对、😀等平台。',
      '2024年意识形态工作总结\n' + '的的大大'.repeat(20000),
      '2024年意识形态工作总结\n' + '党的十九大精神，'.repeat(5000),
    ];
    for (const text of texts) {
      const a = analyzeText(text, { segmenter: segmenter() });
      checkInvariants(text, a);
    }
  });
});
