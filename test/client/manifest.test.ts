/**
 * The extension manifest (package.json's contributes) against the code: every
 * %key% translated in both languages, every contributed command registered by
 * the extension, every engine rule configurable in zongjie.severity, and the
 * .vscodeignore letting in what the VSIX needs.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ALL_RULES } from '../../server/src/rules';

const ROOT = [path.join(__dirname, '..', '..', '..'), path.join(__dirname, '..', '..')].find((d) => fs.existsSync(path.join(d, 'client', 'src', 'extension.ts')))!;
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');
const manifest = JSON.parse(read('package.json'));
const contributes = manifest.contributes;

test('every %key% of the manifest is in package.nls.json and package.nls.zh-cn.json', () => {
  const keys = [...JSON.stringify(manifest).matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]);
  assert.ok(keys.length > 20);
  const en = JSON.parse(read('package.nls.json'));
  const zh = JSON.parse(read('package.nls.zh-cn.json'));
  assert.deepEqual(keys.filter((k) => !(k in en)), []);
  assert.deepEqual(keys.filter((k) => !(k in zh)), []);
  assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
  // User-facing Chinese: every zh-cn text has Chinese in it.
  assert.deepEqual(Object.entries(zh).filter(([, v]) => !/[\u4e00-\u9fff]/.test(String(v))).map(([k]) => k), []);
});

test('the command titles say what the brief names them', () => {
  const zh = JSON.parse(read('package.nls.zh-cn.json'));
  const titles = contributes.commands.map((c: { title: string }) => zh[c.title.slice(1, -1)]);
  assert.deepEqual(titles, ['Zongjie：将当前文件作为报告检查', 'Zongjie：不再将当前文件作为报告检查', 'Zongjie：跳到下一个占位符']);
});

test('every contributed command is registered by the extension', () => {
  const source = read('client/src/extension.ts');
  for (const c of contributes.commands) assert.ok(source.includes(`'${c.command}'`), `${c.command} is not registered in client/src/extension.ts`);
});

test('zongjie.severity names every rule of the engine', () => {
  const configured = Object.keys(contributes.configuration.properties['zongjie.severity'].properties);
  assert.deepEqual(ALL_RULES.map((r) => r.id).filter((id) => !configured.includes(id)), []);
});

test('the settings the server reads are contributed with their defaults', () => {
  const p = contributes.configuration.properties;
  assert.equal(p['zongjie.enable'].default, true);
  assert.equal(p['zongjie.profile'].default, 'ideology-summary');
  assert.deepEqual(p['zongjie.severity'].default, {});
  assert.deepEqual(p['zongjie.placeholderPatterns'].default, []);
});

test('snippets are contributed for plain text and Markdown, from files that exist', () => {
  assert.deepEqual(
    contributes.snippets.map((s: { language: string }) => s.language),
    ['plaintext', 'markdown'],
  );
  for (const s of contributes.snippets) assert.ok(fs.existsSync(path.join(ROOT, s.path)), s.path);
});

test('.vscodeignore lets in the runtime files and keeps out the rest', () => {
  const lines = read('.vscodeignore').split('\n').filter((l) => l && !l.startsWith('#'));
  assert.equal(lines[0], '**');
  for (const f of ['dist/extension.js', 'dist/server.js', 'dist/segmenter-worker.js', 'dist/dict/*', 'snippets/plaintext.json', 'snippets/markdown.json', 'node_modules/nodejieba/build/Release/nodejieba.node']) {
    assert.ok(lines.includes('!' + f), f);
  }
});
