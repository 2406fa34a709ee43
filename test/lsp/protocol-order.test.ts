/**
 * Protocol order (issue 17 §4): requests before initialize get -32002, and a
 * version that goes backwards is never published after a newer one.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection } from 'vscode-languageserver-protocol/node';
import { SERVER_PATH, TestClient, fileUri } from './harness';
import { REPORT_LINES, lf } from './fixtures';

describe('before initialize', () => {
  test('a request gets error -32002 and a notification is dropped; initialize then works', async () => {
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio', '--no-segmenter'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const published: unknown[] = [];
    conn.onNotification('textDocument/publishDiagnostics', (p) => {
      published.push(p);
    });
    conn.listen();
    try {
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: fileUri('早.txt'), languageId: 'plaintext', version: 1, text: lf(REPORT_LINES) } });
      await assert.rejects(conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: fileUri('早.txt') } }), (e: { code?: number; message?: string }) => e.code === -32002 && /尚未初始化/.test(e.message ?? ''));
      const r = (await conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} })) as { capabilities: unknown };
      assert.ok(r.capabilities);
      await conn.sendNotification('initialized', {});
      assert.deepEqual(await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: fileUri('早.txt') } }), [], 'the didOpen before initialize was dropped');
      assert.deepEqual(published, []);
    } finally {
      conn.dispose();
      child.kill();
    }
  });
});

describe('versions that go backwards', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.spawn();
  });
  after(async () => {
    await client.dispose();
  });

  test('an older-numbered version is not published after a newer one', async () => {
    const uri = fileUri('倒退.txt');
    const text = lf(REPORT_LINES);
    await client.open(uri, text);
    await client.waitForVersion(uri, 1);
    const end = { line: REPORT_LINES.length - 1, character: REPORT_LINES[REPORT_LINES.length - 1].length };
    await client.change(uri, 5, [{ range: { start: end, end }, text: '全年召开会议X次。' }]);
    await client.waitForVersion(uri, 5);
    await client.change(uri, 3, [{ range: { start: end, end }, text: '某' }]);
    await client.settle();
    await client.change(uri, 6, [{ range: { start: end, end }, text: '了' }]);
    await client.waitForVersion(uri, 6);
    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version ?? 0);
    assert.ok(!versions.includes(3), JSON.stringify(versions));
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i] >= versions[i - 1], JSON.stringify(versions));
  });
});
