/**
 * The rule tester's own tests: a case written with it fails when a finding is
 * missing or extra, covers other text, has another message, or when the fixed
 * text differs. Each wrong expectation is checked through the pure
 * checkValid/checkInvalid (what ruleTester asserts is empty), beside the right
 * one, which must pass, so that no test here passes for want of trying.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Finding } from '../../server/src/engine/types';
import { reportWith } from '../chinese/util';
import { InvalidCase, analyzeWith, caseName, checkInvalid, checkValid, findingMismatches, outputMismatches, ruleTester } from './tester';

const DOUBLED = reportWith('深入学习贯彻党的二十大大精神。');
const DOUBLED_FIXED = reportWith('深入学习贯彻党的二十大精神。');
const RIGHT: InvalidCase = {
  text: DOUBLED,
  findings: [{ line: 2, text: '二十大大', character: 8, message: /重复/, severity: 'warning' }],
  output: DOUBLED_FIXED,
  fixAllOutput: DOUBLED_FIXED,
  outputFindings: [],
};
const check = (c: Partial<InvalidCase>) => checkInvalid('duplicated-char', { ...RIGHT, ...c }, 'needed');

/** Asserts that the problems name what is wrong. */
function fails(problems: string[], pattern: RegExp): void {
  assert.ok(problems.length > 0, 'a wrong expectation must fail');
  assert.ok(problems.some((p) => pattern.test(p)), problems.join('\n'));
}

describe('rule tester: a right expectation passes', () => {
  test('findings, message, severity, position, quick fix and fix all', () => assert.deepEqual(check({}), []));
  test('a valid text', () => assert.deepEqual(checkValid('duplicated-char', { text: DOUBLED_FIXED }, 'needed'), []));
});

describe('rule tester: a wrong expectation fails', () => {
  test('a finding that is absent', () => fails(check({ text: DOUBLED_FIXED }), /missing 2:"二十大大"/));
  test('a finding too many', () => fails(check({ text: reportWith('深入学习贯彻党的二十大大精神，认真落实落实各项制度。') }), /unexpected 2:"落实落实"/));
  test('a finding expected on another line', () => fails(check({ findings: [{ line: 1, text: '二十大大' }] }), /missing 1:"二十大大".*unexpected 2:"二十大大"/));
  test('a finding expected to cover other text', () => fails(check({ findings: [{ line: 2, text: '大大' }] }), /findings differ/));
  test('a finding expected at another character', () => fails(check({ findings: [{ line: 2, text: '二十大大', character: 7 }] }), /starts at character 8, expected 7/));
  test('a message that does not match', () => fails(check({ findings: [{ line: 2, text: '二十大大', message: /错别字/ }] }), /does not match/));
  test('another severity', () => fails(check({ findings: [{ line: 2, text: '二十大大', severity: 'error' }] }), /severity warning, expected error/));
  test('data the finding does not hold', () => fails(check({ findings: [{ line: 2, text: '二十大大', data: { kind: 'x' } }] }), /data\.kind/));
  test('another quick-fix output', () => fails(check({ output: DOUBLED }), /quick-fix output/));
  test('no quick fix expected where there is one', () => fails(check({ output: null }), /quick-fix output: expected no fix/));
  test('a quick fix expected where there is none', () => {
    const c: InvalidCase = { text: reportWith('个别党员学习不够主动，比如，。'), findings: [{ line: 2, text: '比如，' }], output: reportWith('个别党员学习不够主动。') };
    assert.deepEqual(checkInvalid('empty-example', { ...c, output: null }), []);
    fails(checkInvalid('empty-example', c), /got no fix/);
  });
  test('another fix-all output', () => fails(check({ fixAllOutput: DOUBLED }), /fix-all output/));
  test('findings left after the quick fix that are not there', () => fails(check({ outputFindings: [{ line: 2, text: '二十大' }] }), /after the quick fixes, findings differ/));
  test('an invalid case that expects nothing', () => fails(check({ text: DOUBLED_FIXED, findings: [], output: undefined, fixAllOutput: undefined, outputFindings: undefined }), /at least one finding/));
  test('a valid text with a finding', () => fails(checkValid('duplicated-char', { text: DOUBLED }, 'needed'), /unexpected 2:"二十大大"/));
});

describe('rule tester: segmentation', () => {
  const cut = reportWith('从而加强对、微博等新兴媒体的监管。');
  const cutCase: InvalidCase = { text: cut, findings: [{ line: 2, text: '对、' }] };
  test('with words only: passes', () => assert.deepEqual(checkInvalid('punctuation', cutCase, 'with'), []));
  test('both ways, for a finding only words reveal: fails without words', () => fails(checkInvalid('punctuation', cutCase, 'both'), /^\[without words\] findings differ/));
  test('"needed" for a rule that reports without words: fails', () => {
    fails(checkInvalid('punctuation', { text: reportWith('学习的深度不足,没有下功夫。'), findings: [{ line: 2, text: ',' }] }, 'needed'), /^\[without words \(the rule needs them\)\] findings differ/);
  });
  test('a rule that needs words is silent without them', () => {
    assert.deepEqual(analyzeWith('duplicated-char', DOUBLED, false).findings, []);
    assert.equal(analyzeWith('duplicated-char', DOUBLED, true).findings.length, 1);
  });
});

describe('rule tester: the pure comparisons', () => {
  const a = analyzeWith('duplicated-char', DOUBLED, true);
  const [found] = a.findings;
  test('findingMismatches: equal lists agree, others do not', () => {
    assert.deepEqual(findingMismatches([{ line: 2, text: '二十大大' }], [found], a), []);
    assert.equal(findingMismatches([], [found], a).length, 1);
    assert.equal(findingMismatches([{ line: 2, text: '二十大大' }], [], a).length, 1);
    assert.equal(findingMismatches([{ line: 2, text: '二十大大' }, { line: 2, text: '二十大大' }], [found], a).length, 1);
    // Order matters: findings are compared in document order.
    const later: Finding = { ...found, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } } };
    assert.equal(findingMismatches([{ line: 2, text: '二十大大' }, { line: 1, text: '20' }], [later, found], a).length, 1);
    assert.deepEqual(findingMismatches([{ line: 1, text: '20' }, { line: 2, text: '二十大大' }], [later, found], a), []);
  });
  test('a finding over several lines covers their text joined with \\n', () => {
    const two: Finding = { ...found, range: { start: { line: 0, character: 4 }, end: { line: 1, character: 4 } } };
    assert.deepEqual(findingMismatches([{ line: 0, text: '年意识形态工作总结\n2024' }], [two], a), []);
  });
  test('outputMismatches', () => {
    assert.deepEqual(outputMismatches('x', 'a', 'a'), []);
    assert.deepEqual(outputMismatches('x', null, null), []);
    assert.equal(outputMismatches('x', 'a', 'b').length, 1);
    assert.equal(outputMismatches('x', 'a', null).length, 1);
    assert.equal(outputMismatches('x', null, 'a').length, 1);
  });
  test('an unknown rule id is refused', () => assert.throws(() => ruleTester('no-such-rule', { valid: ['x'] }), /no registered rule/));
  test('case names: one line, shortened', () => {
    assert.equal(caseName({ text: 'a\nb' }), 'a ⏎ b');
    assert.equal(caseName({ text: 'x'.repeat(200) }).length, 90);
    assert.equal(caseName({ text: 'a', name: 'named' }), 'named');
  });
});
