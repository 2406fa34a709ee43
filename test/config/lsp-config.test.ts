/**
 * The language server reads a draft's .zongjie.json: the team dictionary's
 * findings appear, a change to the file applies without a restart (at once
 * when the client reports the change, as VS Code's watcher does), and a broken
 * entry is shown once, naming file, line and key.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { TestClient } from '../lsp/harness';
import { scratchFolder } from '../cli/scratch';
import { TeamConfigStore } from '../../server/src/lsp/team-config-store';

const scratch = scratchFolder('zongjie-lsp-config-');
const DRAFT = ['2024年意识形态工作总结', '今年以来，局党组严格落实一岗双责要求，以学习为抓手，现将有关情况总结如下。', '一、主要工作开展情况', '组织学习【待补充】次。'].join('\n');

describe('the server and .zongjie.json', () => {
  test('dictionary findings, live changes, problems shown once', async () => {
    const config = scratch.write('team/.zongjie.json', '{ "dictionary": { "avoid": [{ "word": "抓手", "reason": "口语化" }] } }');
    const draft = scratch.write('team/科室/草稿.txt', DRAFT);
    const uri = pathToFileURL(draft).href;
    const client = await TestClient.spawn();
    try {
      await client.open(uri, DRAFT);
      const first = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'team-wording'));
      assert.deepEqual(
        first.diagnostics.filter((d) => d.code === 'team-wording').map((d) => [d.range.start.line, d.range.start.character, d.message]),
        [[1, 23, '本单位要求避免使用「抓手」：口语化。']],
      );
      // The team adds a placeholder pattern and a replacement, and breaks a severity.
      fs.writeFileSync(
        config,
        '{\n  "severity": { "team-wording": "error", "nosuch": "off" },\n  "placeholderPatterns": ["【待补充】"],\n  "dictionary": { "replace": [{ "wrong": "一岗双责", "right": "“一岗双责”" }] }\n}\n',
      );
      const later = new Date(Date.now() + 5000);
      fs.utimesSync(config, later, later);
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
      const second = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'placeholder'));
      assert.deepEqual(
        second.diagnostics.filter((d) => d.code === 'team-wording' || d.code === 'placeholder').map((d) => [d.code, d.severity, d.range.start.line]),
        [
          ['team-wording', 1, 1],
          ['placeholder', 1, 3],
        ],
      );
      const warning = await client.waitForMessage((m) => m.message.includes('团队配置有误'));
      assert.equal(warning.message.split('\n')[0], `团队配置有误：${config}:2：severity.nosuch：没有名为「nosuch」的规则，已忽略（规则：${warning.message.split('（规则：')[1]}`);
      // Shown once, though every check reads the file.
      await client.change(uri, 2, [{ text: DRAFT + '\n' }]);
      await client.waitForVersion(uri, 2);
      assert.equal(client.messages.filter((m) => m.message.includes('nosuch')).length, 1);
    } finally {
      await client.dispose();
      fs.rmSync(path.dirname(config), { recursive: true, force: true });
    }
  });

  test("a folder's configuration is kept a second: a watcher's event drops it, an editor without one sees the change after that second", () => {
    const config = scratch.write('kept/.zongjie.json', '{ "severity": { "placeholder": "warning" } }');
    const uri = pathToFileURL(scratch.write('kept/草稿.txt', DRAFT)).href;
    let clock = 0;
    const store = new TeamConfigStore(['placeholder'], () => undefined, () => clock);
    try {
      assert.equal(store.forUri(uri).severities.placeholder, 'warning');
      fs.writeFileSync(config, '{ "severity": { "placeholder": "off" } }');
      const later = new Date(Date.now() + 5000);
      fs.utimesSync(config, later, later);
      clock = 999;
      assert.equal(store.forUri(uri).severities.placeholder, 'warning', 'kept within the second');
      clock = 1000;
      assert.equal(store.forUri(uri).severities.placeholder, 'off', 'read again after it');
      fs.writeFileSync(config, '{ "severity": { "placeholder": "error" } }');
      const later2 = new Date(Date.now() + 10000);
      fs.utimesSync(config, later2, later2);
      clock = 1001;
      assert.equal(store.forUri(uri).severities.placeholder, 'off');
      store.invalidate();
      assert.equal(store.forUri(uri).severities.placeholder, 'error', "at once after the watcher's event");
    } finally {
      fs.rmSync(path.dirname(config), { recursive: true, force: true });
    }
  });
});
