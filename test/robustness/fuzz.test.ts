/**
 * A bounded, seeded fuzz run through the engine (part of `npm test`). The long
 * run is `node out/test/robustness/fuzz-run.js --count N --seed S`.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/features/analyze';
import { manyHeadings, randomDocument, singleHugeLine } from './generator';
import { testDocs } from '../helpers';
import { checkInvariants } from './invariants';

const SEED = Number(process.env.ZONGJIE_FUZZ_SEED ?? 20241123);
const COUNT = Number(process.env.ZONGJIE_FUZZ_COUNT ?? 3000);
/** A hang guard, not a speed test: no single document may take this long. */
const HANG_MS = 10_000;

describe('fuzz: generated drafts through the engine', () => {
  test(`${COUNT} documents from seed ${SEED}: no exception, invariants hold`, () => {
    for (let i = 0; i < COUNT; i++) {
      const seed = SEED + i;
      const text = randomDocument(seed);
      for (const markdown of [false, true]) {
        let a;
        try {
          a = analyzeText(text, { markdown });
        } catch (e) {
          assert.fail(`seed ${seed} (markdown ${markdown}) threw: ${(e as Error).stack}`);
        }
        try {
          checkInvariants(text, a);
        } catch (e) {
          assert.fail(`seed ${seed} (markdown ${markdown}): ${(e as Error).message}`);
        }
      }
    }
  });

  test('a single 1 MB line', () => {
    const text = singleHugeLine(1 << 20);
    const t0 = Date.now();
    const a = analyzeText(text);
    assert.ok(Date.now() - t0 < HANG_MS);
    checkInvariants(text, a);
    assert.ok(a.findings.some((f) => f.code === 'placeholder'));
  });

  test('5 000 headings', () => {
    const text = manyHeadings(5000);
    const t0 = Date.now();
    const a = analyzeText(text);
    assert.ok(Date.now() - t0 < HANG_MS);
    checkInvariants(text, a);
    assert.equal(a.doc.reports[0].headings.length, 5000);
  });

  test('empty and whitespace-only documents', () => {
    for (const text of ['', '\n', '\r\n\r\n', '\ufeff', '\u3000\u3000', '\u0000']) {
      const a = analyzeText(text);
      checkInvariants(text, a);
    }
  });
});

describe('a rule that throws', () => {
  test('loses only its own findings; the failure is reported, every other rule still runs', () => {
    const { ALL_RULES } = require('../../server/src/rules') as typeof import('../../server/src/rules');
    const broken = { id: 'broken', docs: testDocs('测试用'), defaultSeverity: 'warning' as const, fixable: false, scope: 'document' as const, check: () => { throw new Error('boom'); } };
    const text = '2024年意识形态工作总结\n全年召开会议X次。';
    const normal = analyzeText(text);
    const withBroken = analyzeText(text, { rules: [broken, ...ALL_RULES] });
    assert.deepEqual(withBroken.findings, normal.findings);
    assert.deepEqual(withBroken.failures, [{ rule: 'broken', message: 'boom' }]);
  });
});
