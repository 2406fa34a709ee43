/**
 * Built-in genres are the JSON files of server/src/profiles: the build
 * generates the index that imports them, so no code names a genre.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { PROFILE_SCHEMA, ProfileData, ProfileError, builtInProfileIds, compileProfile, getProfile } from '../../server/src/engine/profile';
import { SchemaNode, unsupportedKeywords, validate } from '../../server/src/engine/schema';

const ROOT = path.resolve(__dirname, '../../..');
const DIR = path.join(ROOT, 'server/src/profiles');
const jsonFiles = () => fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

describe('built-in profiles', () => {
  test('every JSON file of server/src/profiles is a built-in profile, named by its id', () => {
    const ids = jsonFiles().map((f) => JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')).id);
    assert.deepEqual([...builtInProfileIds()].sort(), [...ids].sort());
    for (const f of jsonFiles()) assert.equal(getProfile(f.replace(/\.json$/, '')).id, f.replace(/\.json$/, ''), `${f}: the file is named after its id`);
  });

  test('the generated index is up to date (scripts/gen-profiles.mjs --check)', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/gen-profiles.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });
});

describe('the published profile schema', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/profile.schema.json'), 'utf8')) as SchemaNode;

  test('is the schema the engine validates with, and VS Code validates .zongjie/profiles/*.json with it', () => {
    assert.deepEqual(PROFILE_SCHEMA, schema);
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.ok(manifest.contributes.jsonValidation.some((v: { fileMatch: string; url: string }) => v.fileMatch === '.zongjie/profiles/*.json' && v.url === './schemas/profile.schema.json'));
    assert.match(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8'), /^!schemas\/profile\.schema\.json$/m);
  });

  test('uses only keywords the engine\'s validator understands', () => {
    assert.deepEqual(unsupportedKeywords(schema), []);
    assert.deepEqual(unsupportedKeywords({ type: 'object', properties: { a: { type: 'string', oneOf: [] } as SchemaNode } }), ['#/properties/a/oneOf']);
  });

  test('every built-in profile is valid against it', () => {
    for (const f of jsonFiles()) assert.deepEqual(validate(JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')), schema), [], f);
  });

  test('the ideology profile keeps its slot ids, so profiles written for it stay valid', () => {
    assert.deepEqual(getProfile('ideology-summary').parts.map((p) => p.slot), ['achievements', 'situation', 'problems', 'next-steps']);
  });

  const base = () => JSON.parse(JSON.stringify(getProfile('ideology-summary').data)) as ProfileData;
  const messageOf = (data: unknown): string => {
    try {
      compileProfile(data as ProfileData, 'my.json');
    } catch (e) {
      assert.ok(e instanceof ProfileError);
      return e.message;
    }
    return '';
  };

  test('an invalid profile gets one Chinese message that names the field', () => {
    const badRegex = base();
    badRegex.parts[2].headingPatterns = ['存在(的问题'];
    assert.equal(messageOf(badRegex), '配置档案「my.json」无效：字段 parts[2].headingPatterns[0] 正则表达式「存在(的问题」写法有误');
    const typo = { ...base(), partz: [] };
    assert.equal(messageOf(typo), '配置档案「my.json」无效：字段 partz 不是配置档案的字段（请检查拼写）');
    const noSlot = base();
    delete (noSlot.parts[0] as Partial<ProfileData['parts'][0]>).slot;
    assert.equal(messageOf(noSlot), '配置档案「my.json」无效：字段 parts[0].slot 缺少这一字段');
    const wrongType = base();
    (wrongType.parts[1] as unknown as Record<string, unknown>).required = 'yes';
    assert.equal(messageOf(wrongType), '配置档案「my.json」无效：字段 parts[1].required 应为 true 或 false');
    const twice = base();
    twice.parts[1].slot = 'achievements';
    assert.match(messageOf(twice), /字段 parts\[1\]\.slot 的「achievements」与前面的部分重复/);
    const merged = { ...base(), mergedHeadings: [{ pattern: '问题及打算', slots: ['problems', 'plans'] }] };
    assert.match(messageOf(merged), /字段 mergedHeadings\[0\]\.slots 中的「plans」不是本档案的部分/);
    assert.match(messageOf([]), /内容不是 JSON 对象/);
    assert.doesNotMatch(messageOf(typo), /没有名为/);
  });
});

describe('docs/genres.md', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs/genres.md'), 'utf8');
  test('has a section for every built-in genre, naming each of its required parts in bold', () => {
    for (const id of builtInProfileIds()) {
      const profile = getProfile(id);
      const start = doc.indexOf(`## \`${id}\` `);
      assert.ok(start >= 0, `no section for ${id}`);
      const end = doc.indexOf('\n## ', start + 1);
      const section = doc.slice(start, end < 0 ? undefined : end);
      assert.ok(section.includes(profile.name), `${id}: the section names the genre`);
      for (const p of profile.parts.filter((q) => q.required)) assert.ok(section.includes(`**${p.name}**`), `${id}: ${p.name} in bold`);
    }
  });
});
