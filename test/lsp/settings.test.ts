import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_PROFILE_ID, ProfileError } from '../../server/src/engine/profile';
import { AUTO, getGenres } from '../../server/src/engine/genre';
import { MAX_PATTERN_LENGTH, unsafePatternReason } from '../../server/src/lsp/pattern-safety';
import { SettingsEnvironment, validateSettings } from '../../server/src/lsp/settings';

const env: SettingsEnvironment = {
  ruleIds: ['placeholder', 'missing-section', 'numbering'],
  profileIds: [DEFAULT_PROFILE_ID],
  loadProfile: (id) => getGenres(id),
};

describe('validateSettings', () => {
  test('no settings at all: defaults, no problem', () => {
    for (const raw of [undefined, null, {}]) {
      const { settings, problems } = validateSettings(raw, env);
      assert.deepEqual(problems, []);
      assert.equal(settings.enable, true);
      assert.equal(settings.profile.id, AUTO);
      assert.deepEqual(settings.severities, {});
      assert.deepEqual(settings.placeholderPatterns, []);
    }
  });

  test('valid settings are used as given', () => {
    const { settings, problems } = validateSettings(
      { enable: false, profile: DEFAULT_PROFILE_ID, severity: { placeholder: 'off', numbering: 'hint' }, placeholderPatterns: ['待定', '[甲乙]方单位'] },
      env,
    );
    assert.deepEqual(problems, []);
    assert.equal(settings.enable, false);
    assert.deepEqual(settings.severities, { placeholder: 'off', numbering: 'hint' });
    assert.deepEqual(settings.placeholderPatterns.map((r) => r.source), ['待定', '[甲乙]方单位']);
  });

  test('a value of the wrong type falls back to the default with one problem naming the setting', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ enable: 'yes' }, 'zongjie.enable'],
      [{ profile: 3 }, 'zongjie.profile'],
      [{ severity: ['error'] }, 'zongjie.severity'],
      [{ placeholderPatterns: '待定' }, 'zongjie.placeholderPatterns'],
    ];
    for (const [raw, setting] of cases) {
      const { settings, problems } = validateSettings(raw, env);
      assert.equal(problems.length, 1, setting);
      assert.equal(problems[0].setting, setting);
      assert.ok(problems[0].message.includes(setting), problems[0].message);
      assert.match(problems[0].message, /默认/);
      assert.equal(settings.enable, true);
      assert.equal(settings.profile.id, AUTO);
      assert.deepEqual(settings.severities, {});
      assert.deepEqual(settings.placeholderPatterns, []);
    }
  });

  test('the whole section of the wrong type: all defaults, one problem', () => {
    const { problems } = validateSettings('on', env);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].setting, 'zongjie');
  });

  test('an unknown profile names the value and the default', () => {
    const { settings, problems } = validateSettings({ profile: 'annual-plan' }, env);
    assert.equal(settings.profile.id, AUTO);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /annual-plan/);
    assert.match(problems[0].message, /ideology-summary/);
  });

  test('a profile loader that throws something else is still reported, not thrown', () => {
    const broken: SettingsEnvironment = {
      ...env,
      loadProfile: (id) => {
        if (id === AUTO) return getGenres(id);
        throw new TypeError('boom');
      },
    };
    const { problems } = validateSettings({ profile: 'x' }, broken);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /「x」/);
  });

  test('a ProfileError message is passed on', () => {
    const failing: SettingsEnvironment = {
      ...env,
      loadProfile: (id) => {
        if (id === AUTO) return getGenres(id);
        throw new ProfileError('无法读取配置档案文件「/nope.json」');
      },
    };
    const { problems } = validateSettings({ profile: '/nope.json' }, failing);
    assert.match(problems[0].message, /无法读取配置档案文件「\/nope\.json」/);
  });

  test('severity: an unknown rule and a bad level drop only their entry', () => {
    const { settings, problems } = validateSettings({ severity: { placeholder: 'warning', 'no-such-rule': 'off', numbering: 'fatal', 'missing-section': 2 } }, env);
    assert.deepEqual(settings.severities, { placeholder: 'warning' });
    assert.equal(problems.length, 3);
    assert.ok(problems.some((p) => /no-such-rule/.test(p.message) && /不存在/.test(p.message)));
    assert.ok(problems.some((p) => /numbering/.test(p.message) && /「fatal」/.test(p.message)));
    assert.ok(problems.some((p) => /missing-section/.test(p.message) && /级别 2 无效/.test(p.message)));
  });

  test('placeholderPatterns: invalid, unsafe, empty and non-string entries are dropped one by one', () => {
    const { settings, problems } = validateSettings({ placeholderPatterns: ['待定', '[未闭合', '(a+)+', '', 7, '某单位'] }, env);
    assert.deepEqual(settings.placeholderPatterns.map((r) => r.source), ['待定', '某单位']);
    assert.equal(problems.length, 4);
    assert.match(problems[0].message, /第 2 项「\[未闭合」不是有效的正则表达式/);
    assert.match(problems[1].message, /第 3 项.*嵌套的重复量词/);
    assert.match(problems[2].message, /第 4 项/);
    assert.match(problems[3].message, /第 5 项/);
  });

  test('messages are distinct per problem, so the server can show each once', () => {
    const { problems } = validateSettings({ enable: 1, severity: { a: 'off', b: 'off' } }, env);
    assert.equal(new Set(problems.map((p) => p.message)).size, problems.length);
  });
});

describe('unsafePatternReason', () => {
  test('patterns a placeholder needs are allowed', () => {
    for (const p of ['待定', 'X{2,}', '【[^】]{1,10}】', '(某|××)+', '(?:甲|乙)方', '\\d+个', '[Xx]+单位', '(年|月)', '(a|b)?c+', '\\(\\d+\\)+', '[(a+)+]']) {
      assert.equal(unsafePatternReason(p), null, p);
    }
  });

  test('nested quantifiers are refused', () => {
    for (const p of ['(a+)+', '(a*)*', '(x+y)*', '((ab)+c)+', '(\\d+){2,}', '(?:a?b?)+', '(a{1,3})+']) {
      assert.match(unsafePatternReason(p) ?? '', /嵌套/, p);
    }
  });

  test('repeated groups with overlapping alternatives are refused', () => {
    for (const p of ['(a|a)*', '(a|ab)+', '(\\w|x)+', '(.|某)*', '(?:甲|甲乙){2,}']) {
      assert.match(unsafePatternReason(p) ?? '', /重叠/, p);
    }
  });

  test('back-references and overlong patterns are refused', () => {
    assert.match(unsafePatternReason('(某)\\1') ?? '', /反向引用/);
    assert.match(unsafePatternReason('(?<x>某)\\k<x>') ?? '', /反向引用/);
    assert.equal(unsafePatternReason('某'.repeat(MAX_PATTERN_LENGTH)), null);
    assert.match(unsafePatternReason('某'.repeat(MAX_PATTERN_LENGTH + 1)) ?? '', /长度/);
  });
});
