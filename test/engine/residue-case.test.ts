import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { caseFree } from '../../server/src/engine/residue';
import residueData from '../../server/src/data/residue.json';

describe('caseFree: when a residue pattern may drop the i flag', () => {
  test('patterns of Han, punctuation, digits and caseless classes', () => {
    for (const source of ['首页\\s*[>›»]', '^[^>›»。，；\\s]{0,12}(网|文库)', '[一-龥]+', '[—\\-－]', '[0-9]{2}', '\\u4e00', '\\p{Script=Han}{0,4}$', '(?<=\\d{1,2}:\\d{2})总结', '[👉👈]']) {
      assert.equal(caseFree(source), true, source);
    }
  });
  test('anything where case matters or that is not understood keeps the flag', () => {
    for (const source of ['vip', '首页|app', '\\w+', '\\bcom', '\\p{Lu}', '\\p{L}', '(.)\\1', '[a-z]', '[!-~]', '\\u0041', '\\x41', 'Ａ', 'ſ', '(?<name>首页)', '\\k<n>', '\\cA', '\\0']) {
      assert.equal(caseFree(source), false, source);
    }
  });
  test('a case-free pattern of the data matches the same with and without i', () => {
    const samples = ['当前位置：首页 > 范文 > 总结', '某某网 > 总结 > 年度', 'VIP 首页 >', '下面是小编为大家整理的', 'ſK Ａａ 首页|范文|文库|原创', '汇编（精选5篇）'];
    const sources: string[] = [];
    for (const f of residueData.families as Record<string, unknown>[]) for (const k of ['anchor', 'keys', 'forbid', 'words']) if (typeof f[k] === 'string') sources.push(f[k] as string);
    for (const f of residueData.sentences as Record<string, unknown>[]) for (const k of ['trigger', 'terms', 'site', 'strong']) if (typeof f[k] === 'string') sources.push(f[k] as string);
    const free = sources.filter(caseFree);
    // The breadcrumb anchor (the costly one) is among them; some keep the flag (vip, [a-z]).
    assert.ok(free.length >= 10 && free.length < sources.length);
    for (const source of free) {
      for (const s of samples) assert.deepEqual([...s.matchAll(new RegExp(source, 'gu'))].map((m) => [m.index, m[0]]), [...s.matchAll(new RegExp(source, 'giu'))].map((m) => [m.index, m[0]]), source);
    }
  });
});
