import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LinearRegExp, MAX_USER_PATTERN_LENGTH, UserPatternError, compileUserPattern, refusalSummary, tryCompileUserPattern, withFlags } from '../../server/src/engine/safe-regex';

/** Every match of `re` in `s` as [index, text], through JavaScript's own matchAll. */
function all(re: RegExp, s: string): [number, string][] {
  return [...s.matchAll(re)].map((m) => [m.index!, m[0]]);
}

describe('compileUserPattern: matches like JavaScript', () => {
  const cases: [string, string, string][] = [
    ['待定', '', '联系人：待定，电话待定'],
    ['[Xx×]{2,}', 'g', '全年召开会议XX次，培训xx人'],
    ['某+(单位|部门)', 'g', '某某单位和某部门'],
    ['\\s+', 'g', '甲\u3000乙 \t丙\u00a0丁'],
    ['\\S+', 'g', '甲\u3000乙 丙'],
    ['(?<=第)\\d+(?=名)?', 'g', '第3名第12'],
    ['^\\d+$', 'm', '12\n3a\n45'],
    ['X', 'gi', 'x𠀀X中x'],
    // By code point, as with JavaScript's u flag: a character outside the BMP is never split.
    ['.', 'gu', '𠀀中'],
    ['(?<n>[甲乙])方', 'g', '甲方乙方'],
    ['\\u3000', 'g', '甲\u3000乙'],
    ['a|', 'g', 'ba'],
  ];
  for (const [source, flags, text] of cases) {
    test(`/${source}/${flags} on ${JSON.stringify(text)}`, () => {
      let native: RegExp;
      try {
        native = new RegExp(source, flags.includes('g') ? flags : flags + 'g');
      } catch {
        return;
      }
      if (/\(\?=/.test(source)) {
        assert.ok(!('re' in tryCompileUserPattern(source, flags)));
        return;
      }
      const safe = compileUserPattern(source, flags.includes('g') ? flags : flags + 'g');
      assert.ok(safe instanceof RegExp);
      assert.equal(safe.source, source);
      assert.deepEqual(all(safe, text), all(native, text));
      assert.equal(text.replace(safe, '〇'), text.replace(native, '〇'));
      const once = compileUserPattern(source, flags.replace('g', ''));
      assert.equal(once.test(text), new RegExp(source, flags.replace('g', '')).test(text));
    });
  }

  test('exec with groups, named groups, indices and lastIndex', () => {
    const re = withFlags(compileUserPattern('(?<who>[甲乙])(方)?'), 'gd');
    const m = re.exec('x甲方乙')!;
    assert.equal(m.index, 1);
    assert.deepEqual([...m], ['甲方', '甲', '方']);
    assert.equal(m.groups!.who, '甲');
    assert.deepEqual(m.indices![1], [1, 2]);
    assert.equal(re.lastIndex, 3);
    const n = re.exec('x甲方乙')!;
    assert.deepEqual([...n], ['乙', '乙', undefined]);
    assert.equal(n.indices![2], undefined);
    assert.equal(re.exec('x甲方乙'), null);
    assert.equal(re.lastIndex, 0);
    assert.ok(re instanceof LinearRegExp, 'withFlags keeps the linear engine');
  });

  test('a sticky copy matches only where it stands', () => {
    const re = compileUserPattern('某', 'y');
    re.lastIndex = 1;
    assert.equal(re.exec('某x某'), null);
    re.lastIndex = 2;
    assert.equal(re.exec('某x某')?.index, 2);
  });
});

describe('compileUserPattern: linear time', () => {
  // Each of these keeps JavaScript's engine busy for minutes on such a text.
  const paragraph = '按照上级部署，我单位认真落实意识形态工作责任制，'.repeat(60);
  const hostile: [string, string][] = [
    ['.*.*.*X', paragraph],
    ['.*.*.*=$', paragraph],
    ['(.*){5}X', paragraph],
    ['(a|a?)+b', 'a'.repeat(5000)],
    ['^(a+)+$', 'a'.repeat(5000) + '!'],
    ['(\\w+\\s?)+$', 'word '.repeat(2000) + '!'],
  ];
  for (const [source, text] of hostile) {
    test(`${source} on ${text.length} characters`, () => {
      const re = compileUserPattern(source, 'g');
      const t = performance.now();
      for (let i = 0; i < 20; i++) all(re, text);
      const ms = (performance.now() - t) / 20;
      assert.ok(ms < 200, `${source}: ${ms.toFixed(1)} ms`);
    });
  }
});

describe('compileUserPattern: what is refused, in Chinese', () => {
  const refused: [string, RegExp][] = [
    ['(?=某)单位', /前瞻断言/],
    ['单位(?!名称)', /前瞻断言/],
    ['(某)\\1', /反向引用/],
    ['(?<x>某)\\k<x>', /反向引用/],
    ['(?<=(某))单位', /后顾断言.*捕获分组/],
    ['a{1001}', /重复次数/],
    ['(a{999}){999}', /重复次数/],
    ['[未闭合', /不是有效的正则表达式/],
    ['某'.repeat(MAX_USER_PATTERN_LENGTH + 1), /长度超过/],
  ];
  for (const [source, reason] of refused) {
    test(source.slice(0, 30), () => {
      assert.throws(() => compileUserPattern(source), (e: unknown) => e instanceof UserPatternError && reason.test(e.reason) && /[\u4e00-\u9fff]/.test(e.reason));
    });
  }

  test('lookbehind without a capture and escapes of every kind are accepted', () => {
    for (const source of ['(?<=第)\\d+', '(?<!不)(?:落实|推进)', '\\(\\d+\\)', '[\\]\\\\]', '\\x41\\u00e9\\cJ', '[^]', '\\d\\D\\w\\W\\b\\B', '某'.repeat(MAX_USER_PATTERN_LENGTH)]) {
      assert.ok('re' in tryCompileUserPattern(source), source);
    }
  });

  test('many refusals make one truncated message', () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({ where: `第 ${i + 1} 项`, source: `(?=${'x'.repeat(100)})`, reason: '含有前瞻断言' }));
    const m = refusalSummary('有 5000 项无法使用：', items);
    assert.ok(m.length < 400, String(m.length));
    assert.match(m, /另有 4997 项/);
    assert.match(m, /…/);
  });
});
