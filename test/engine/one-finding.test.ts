/**
 * The runner's part in "one finding where one problem" (features/analyze.ts):
 * a finding's own milder severity, findings that cover another rule's on the
 * same span, and findings inside template residue left to the residue finding
 * except fill-in findings.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/features/analyze';
import { lineRange } from '../../server/src/engine/types';
import { ALL_RULES } from '../../server/src/rules';
import { LineRule } from '../../server/src/rules/rule';
import { covered, draft, testDocs } from '../helpers';

const TEXT = draft('2024年意识形态工作总结', '今年以来，局党组认真落实责任制，召开会议X次。', '加强学习。');

/** A line rule of the test's own: one finding on the first two characters of every body line. */
const firstTwo = (id: string, extra: Partial<LineRule> = {}): LineRule => ({
  id,
  docs: testDocs(id),
  defaultSeverity: 'error',
  fixable: false,
  scope: 'line',
  kinds: ['body'],
  checkLine: () => [{ message: `${id}。`, range: lineRange(0, 0, 2) }],
  ...extra,
});

describe('runner: one finding where one problem', () => {
  test('a finding with its own severity is reported at it, or at the severity in force when that is milder', () => {
    const mild = firstTwo('test-mild', { checkLine: () => [{ message: '弱。', range: lineRange(0, 0, 2), severity: 'warning' }] });
    const at = (setting?: 'error' | 'hint') => analyzeText(TEXT, { rules: [mild], severities: setting ? { 'test-mild': setting } : {} }).findings.map((f) => f.severity);
    assert.deepEqual(at(), ['warning', 'warning']);
    assert.deepEqual(at('error'), ['warning', 'warning']);
    assert.deepEqual(at('hint'), ['hint', 'hint']);
  });

  test('a finding that covers a rule drops that rule’s overlapping findings only', () => {
    const coverer = firstTwo('test-coverer', { checkLine: (line) => (line.startsWith('今年') ? [{ message: '两者。', range: lineRange(0, 0, 3), covers: ['test-other'] }] : []) });
    const rules = [coverer, firstTwo('test-other'), firstTwo('test-third')];
    const found = analyzeText(TEXT, { rules }).findings.map((f) => `${f.code}@${f.range.start.line}`);
    assert.deepEqual(found, ['test-coverer@1', 'test-third@1', 'test-other@2', 'test-third@2']);
  });

  test('in a real draft: a half-width comma inside a watermark is the watermark’s; the placeholder in it stays', () => {
    const text = draft('2024年意识形态工作总结', '今年以来，局党组认真落实责任制，召开会议X次。本文仅供学习参考,请勿照搬照抄，XX单位版权所有。', '一、主要工作', '加强学习。');
    const a = analyzeText(text, { rules: ALL_RULES.filter((r) => ['placeholder', 'template-residue', 'punctuation'].includes(r.id)) });
    assert.deepEqual(
      a.findings.map((f) => f.code),
      ['placeholder', 'template-residue', 'placeholder'],
    );
    assert.deepEqual(covered(text, a.findings.filter((f) => f.code === 'placeholder')), ['X', 'XX']);
  });
});
