import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import residueData from '../../server/src/data/residue.json';
import { detectLineResidue } from '../../server/src/engine/residue';
import { needs } from '../pattern-needs';

const PRE_LONG = residueData.prefilter.long;
const PRE_SHORT = residueData.prefilter.short;
const LONG_PATTERNS = [
  ...residueData.line.map((p) => p.pattern),
  ...residueData.span.map((p) => p.pattern),
  residueData.notice.site,
  residueData.notice.alone,
  ...residueData.sentences.map((f) => f.trigger),
  residueData.adTokens.trigger,
];

describe('residue prefilter', () => {
  test('every pattern of the data needs a character of the first test', () => {
    for (const p of LONG_PATTERNS) assert.ok(needs(p, PRE_LONG), `long: ${p}`);
    for (const p of [...LONG_PATTERNS, ...residueData.families.map((f) => f.anchor)]) assert.ok(needs(p, PRE_SHORT), `short: ${p}`);
  });

  test("every match of a family's anchor holds one of the family's 'needs' (tested before the anchor)", () => {
    const families = residueData.families as { label: string; anchor: string; needs?: string[] }[];
    assert.ok(families.some((f) => f.needs !== undefined), 'some family lists needs');
    for (const f of families) if (f.needs !== undefined) assert.ok(needs(f.anchor, f.needs), `${f.label}: ${f.anchor} needs one of ${f.needs.join(' ')}`);
  });

  test('every pattern behind a gate needs one of the gate\'s keys (a test is skipped on a line without them)', () => {
    const gates = residueData.prefilter.gates;
    const gated: [string, string[], string[]][] = [
      ['span', residueData.span.map((p) => p.pattern), gates.span],
      ['line', residueData.line.map((p) => p.pattern), gates.line],
      ['notice', [residueData.notice.site, residueData.notice.alone], gates.notice],
      // A sentence is the site's only when its family's strong or site pattern matches it (residue.ts: sentenceFamily).
      ['sentence', residueData.sentences.flatMap((f) => ('strong' in f && typeof f.strong === 'string' ? [f.strong, f.site] : [f.site])), gates.sentence],
      // A run of advertising tokens is the site's only with a token of the site in it (residue.ts: adSpans).
      ['ad', [residueData.adTokens.site], gates.ad],
    ];
    for (const [gate, patterns, keys] of gated) for (const p of patterns) assert.ok(needs(p, keys), `${gate}: ${p} needs one of ${keys.join(' ')}`);
  });

  test('the checker of the data can fail', () => {
    assert.equal(needs('免责声明', ['责声']), true);
    assert.equal(needs('免?责声明', ['免责']), false);
    assert.equal(needs('免责|声明', ['免责']), false);
    assert.equal(needs('(?<=总结)精编', ['总结']), true);
    assert.equal(needs('(?!总结)精编', ['总结']), false);
    assert.equal(needs('[👉👈]', ['👉', '👈']), true);
    assert.equal(needs('[👉👈]', ['👉']), false);
    assert.equal(needs('\\d+页', ['页']), true);
    assert.equal(needs('\\d+\\s*页', ['\\s*页']), false);
    assert.equal(needs('VIP', ['vip']), true, 'keys are case-insensitive');
    assert.equal(needs('\\d\\s*[km]b', ['kb']), false, 'Unicode case folding matches k with the Kelvin sign');
    assert.equal(needs('[a-z]+\\.(com|cn)', ['com', 'cn']), true);
    assert.equal(needs('[a-z]+\\.(com|cn)', ['com']), false);
    assert.equal(needs('仅供(学习|参考)', ['供学']), false, 'a group ends a run');
  });

  test('lines the first test passes still get every finding', () => {
    // A line with none of the characters: no residue, no work.
    assert.deepEqual(detectLineResidue('加强意识形态阵地建设', 0, 0, 10).regions, []);
    const line = '仅供学习参考';
    assert.equal(detectLineResidue(line, 0, 0, line.length).wholeLine, true);
    // A family is read without the list bullet, but only on a line some pattern
    // matches with it: a bulleted welcome line alone stays as it was (no finding).
    const welcome = '欢迎光临某某';
    assert.equal(detectLineResidue(welcome, 0, 0, welcome.length).wholeLine, true);
    assert.deepEqual(detectLineResidue(`- ${welcome}`, 0, 0, welcome.length + 2).regions, []);
  });
});
