/**
 * The quick pre-check of duplicated-char must never hide a line the full
 * pattern would examine: compared with the pattern on generated lines,
 * including characters outside the BMP.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mayHaveDoubledHan } from '../../server/src/rules/duplicated-char';
import { rng } from '../robustness/generator';

test('duplicated-char: the pre-check agrees with the pattern whenever the pattern matches', () => {
  const pattern = /(\p{Script=Han})\1|(\p{Script=Han}{2})\2/u;
  const alphabet = ['大', '学', '习', '的', '𠮷', '𠮸', 'a', '1', '，', '　', '二', '十'];
  const r = rng(20261123);
  let matched = 0;
  for (let n = 0; n < 20000; n++) {
    let line = '';
    const len = 1 + Math.floor(r() * 10);
    for (let i = 0; i < len; i++) line += alphabet[Math.floor(r() * alphabet.length)];
    const expected = pattern.test(line);
    if (expected) {
      matched++;
      assert.equal(mayHaveDoubledHan(line), true, line);
    }
  }
  assert.ok(matched > 1000, `only ${matched} generated lines have a doubled character`);
  assert.equal(mayHaveDoubledHan('坚持正确政治方向'), false);
  assert.equal(mayHaveDoubledHan('𠮷𠮸𠮷𠮸'), true);
});
