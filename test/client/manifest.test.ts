/**
 * The extension manifest (package.json's contributes) against the code: every
 * %key% translated in both languages, every contributed command registered by
 * the extension and every command id it registers from the shared protocol
 * module contributed, every engine rule configurable in zongjie.severity, and
 * the .vscodeignore letting in what the VSIX needs.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CLIENT_COMMANDS, SETTINGS_SECTION } from '../../server/src/protocol';
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
  assert.deepEqual(titles, ['Zongjie：将当前文件作为报告检查', 'Zongjie：不再将当前文件作为报告检查', 'Zongjie：跳到下一个占位符', 'Zongjie：检查 Word 文档', 'Zongjie：选择文体']);
});

/** The command ids client/src/extension.ts registers, read from its `registerCommand(CLIENT_COMMANDS.<name>, …)` calls. */
function registeredCommands(): string[] {
  const source = read('client/src/extension.ts');
  return [...source.matchAll(/registerCommand\(\s*CLIENT_COMMANDS\.(\w+)\s*,/g)].map((m) => {
    const id = (CLIENT_COMMANDS as Record<string, string>)[m[1]];
    assert.ok(id, `CLIENT_COMMANDS.${m[1]} is not in server/src/protocol.ts`);
    return id;
  });
}

test('every contributed command is registered by the extension', () => {
  const registered = registeredCommands();
  for (const c of contributes.commands) assert.ok(registered.includes(c.command), `${c.command} is not registered in client/src/extension.ts`);
});

test('every command id of the shared module that the extension registers is contributed in package.json', () => {
  const registered = registeredCommands();
  const contributed = contributes.commands.map((c: { command: string }) => c.command);
  assert.deepEqual(Object.values(CLIENT_COMMANDS).filter((id) => !registered.includes(id)), [], 'ids in CLIENT_COMMANDS that the extension does not register');
  assert.deepEqual(registered.filter((id) => !contributed.includes(id)), [], 'registered ids missing from contributes.commands');
  for (const entry of Object.values(contributes.menus) as { command: string }[][]) {
    for (const item of entry) assert.ok(contributed.includes(item.command), `menu item ${item.command} is not a contributed command`);
  }
});

test('zongjie.severity names every rule of the engine', () => {
  const configured = Object.keys(contributes.configuration.properties['zongjie.severity'].properties);
  assert.deepEqual(ALL_RULES.map((r) => r.id).filter((id) => !configured.includes(id)), []);
});

test('every contributed setting lies in the settings section the server reads', () => {
  const keys = Object.keys(contributes.configuration.properties);
  assert.deepEqual(keys.filter((k) => !k.startsWith(SETTINGS_SECTION + '.')), []);
});

test('the settings the server reads are contributed with their defaults', () => {
  const p = contributes.configuration.properties;
  assert.equal(p['zongjie.enable'].default, true);
  assert.equal(p['zongjie.profile'].default, 'auto');
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
  for (const f of ['dist/extension.js', 'dist/server.js', 'dist/server-main.js', 'dist/re2js.js', 'dist/segmenter-worker.js', 'dist/dict/*', 'snippets/plaintext.json', 'snippets/markdown.json', 'node_modules/nodejieba/build/Release/nodejieba.node']) {
    assert.ok(lines.includes('!' + f), f);
  }
});
