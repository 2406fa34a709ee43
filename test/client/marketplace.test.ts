/**
 * What the Visual Studio Marketplace and Open VSX need from the manifest and
 * the package: a licence, an icon, a changelog, categories, keywords in
 * Chinese and English, descriptions in both languages, a gallery banner;
 * bundles minified and shipped without source maps. (No repository, homepage or
 * bugs link until the project has a public one: see open-vsx.test.ts.)
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const nls = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8'));

test('licence, changelog, icon (a 128×128 PNG), banner, categories; no made-up links', () => {
  assert.equal(manifest.license, 'MIT');
  assert.match(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8'), /^MIT License/);
  assert.match(fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'), new RegExp(`## ${manifest.version.replace(/\./g, '\\.')}`));
  const png = fs.readFileSync(path.join(ROOT, manifest.icon));
  assert.equal(png.toString('latin1', 1, 4), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  assert.match(manifest.galleryBanner.color, /^#[0-9A-Fa-f]{6}$/);
  assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
  for (const key of ['repository', 'homepage', 'bugs']) assert.doesNotMatch(JSON.stringify(manifest[key] ?? ''), /example\.(invalid|com)/, key);
  assert.ok(manifest.publisher && manifest.engines.vscode);
  assert.deepEqual(manifest.categories, ['Linters', 'Snippets']);
});

test('keywords and descriptions in Chinese and English', () => {
  assert.ok(manifest.keywords.some((k: string) => /[\u4e00-\u9fff]/.test(k)));
  assert.ok(manifest.keywords.some((k: string) => /^[a-z]+$/i.test(k)));
  assert.ok(manifest.keywords.length <= 30, 'the marketplace takes at most 30 keywords');
  assert.equal(manifest.description, '%description%');
  assert.match(nls('package.nls.json').description, /^[A-Z][\x20-\x7e\u3000-\u9fff\uff00-\uffef]+$/);
  assert.match(nls('package.nls.zh-cn.json').description, /[\u4e00-\u9fff]/);
});

test('the bundles are minified and link no source map', () => {
  for (const f of ['dist/extension.js', 'dist/server.js', 'dist/server-main.js', 'dist/cli.js', 'dist/re2js.js', 'dist/segmenter-worker.js']) {
    const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
    assert.doesNotMatch(text, /sourceMappingURL/, f);
    // Minified: few, long lines.
    assert.ok(text.split('\n').length < text.length / 200, f);
  }
  const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8');
  assert.doesNotMatch(ignore, /\.map/);
  for (const f of ['LICENSE', 'CHANGELOG.md', 'images/icon.png', 'schemas/zongjie.schema.json']) assert.ok(ignore.includes(`!${f}`), f);
});
