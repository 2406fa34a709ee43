import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_PROFILE_ID, ProfileError, getProfile } from '../../server/src/engine/profile';
import { AUTO, getGenres } from '../../server/src/engine/genre';
import { SettingsEnvironment, validateSettings } from '../../server/src/lsp/settings';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A minimal user profile file with one heading pattern; returns its path. */
function writeProfile(o: { title: { pattern: string }; headingPattern: string }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zongjie-profile-'));
  const file = path.join(dir, 'user-test.json');
  const data = {
    id: 'user-test',
    name: '测试档案',
    description: '',
    title: o.title,
    parts: [{ slot: 'achievements', name: '工作成效', purpose: '', required: true, order: 1, standardHeading: '工作成效', headingVariants: [], headingPatterns: [o.headingPattern], runningTextPatterns: [] }],
    topicVerbs: [],
    problemWords: [],
  };
  fs.writeFileSync(file, JSON.stringify(data));
  return file;
}

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

  test('placeholderPatterns: invalid, unsupported, empty and non-string entries are dropped, in one message', () => {
    const { settings, problems } = validateSettings({ placeholderPatterns: ['待定', '[未闭合', '(a+)+', '', 7, '某单位', '(?=某)'] }, env);
    // (a+)+ runs on the linear-time engine: nothing to refuse.
    assert.deepEqual(settings.placeholderPatterns.map((r) => r.source), ['待定', '(a+)+', '某单位']);
    assert.equal(problems.length, 1);
    const m = problems[0].message;
    assert.match(m, /有 4 项无法使用/);
    assert.match(m, /第 2 项「\[未闭合」不是有效的正则表达式/);
    assert.match(m, /第 4 项应为非空/);
    assert.match(m, /第 5 项应为非空.*而不是 7/);
    assert.match(m, /另有 1 项/);
  });

  test('5,000 broken patterns make one short message', () => {
    const { settings, problems } = validateSettings({ placeholderPatterns: Array.from({ length: 5000 }, (_, i) => `[坏${i}`) }, env);
    assert.deepEqual(settings.placeholderPatterns, []);
    assert.equal(problems.length, 1);
    assert.ok(problems[0].message.length < 400, problems[0].message);
    assert.match(problems[0].message, /另有 4997 项/);
  });

  test('a user profile whose pattern cannot run: the profile loads, that pattern is off, one message names it', () => {
    const file = writeProfile({ title: { pattern: '(总结|报告)$' }, headingPattern: '(?=的)工作成效' });
    const { settings, problems } = validateSettings({ profile: file }, env);
    assert.equal(settings.profile.id, 'user-test');
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /zongjie\.profile|配置档案/);
    assert.match(problems[0].message, /parts\[0\]\.headingPatterns\[0\] 「\(\?=的\)工作成效」含有前瞻断言/);
  });

  test('messages are distinct per problem, so the server can show each once', () => {
    const { problems } = validateSettings({ enable: 1, severity: { a: 'off', b: 'off' } }, env);
    assert.equal(new Set(problems.map((p) => p.message)).size, problems.length);
  });
});
