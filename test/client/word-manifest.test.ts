/** The Word command in the manifest: in the explorer's menu on .docx files only, titled in Chinese. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CLIENT_COMMANDS, WORD_VIEW_SCHEME } from '../../server/src/protocol';

const ROOT = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const zh = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8'));

test('「Zongjie：检查 Word 文档」 is offered in the explorer on .docx files, not on drafts', () => {
  const id = CLIENT_COMMANDS.checkWordDocument;
  const command = manifest.contributes.commands.find((c: { command: string }) => c.command === id);
  assert.equal(zh[command.title.replace(/%/g, '')], 'Zongjie：检查 Word 文档');
  const item = manifest.contributes.menus['explorer/context'].find((m: { command: string }) => m.command === id);
  const when = /resourceExtname =~ \/(.*)\/(i?)$/.exec(item.when);
  assert.ok(when, item.when);
  const re = new RegExp(when[1].replace(/\\\\/g, '\\'), when[2]);
  assert.ok(re.test('.docx') && re.test('.DOCX'));
  assert.ok(!re.test('.doc') && !re.test('.txt') && !re.test('.docx.txt'));
});

test('a restored Word view activates the extension', () => {
  assert.ok(manifest.activationEvents.includes(`onFileSystem:${WORD_VIEW_SCHEME}`));
});
