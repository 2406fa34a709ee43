import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { watchFraming } from '../../server/src/lsp/framing';

function frame(body: string, length = Buffer.byteLength(body)): Buffer {
  return Buffer.from(`Content-Length: ${length}\r\n\r\n${body}`);
}

/** Feeds `chunks` and waits `ms`; the reasons reported. */
async function feed(chunks: Buffer[], ms = 60, stallMs = 40): Promise<string[]> {
  const reasons: string[] = [];
  const w = watchFraming((r) => reasons.push(r), stallMs);
  for (const c of chunks) w.data(c);
  await new Promise((r) => setTimeout(r, ms));
  w.dispose();
  return reasons;
}

describe('watchFraming', () => {
  test('well-framed messages, in any chunking, are fine', async () => {
    const all = Buffer.concat([frame('{"a":1}'), frame('{"中文":"内容"}'), Buffer.from('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: 2\r\n\r\n{}')]);
    assert.deepEqual(await feed([all]), []);
    assert.deepEqual(await feed([...all].map((b) => Buffer.from([b]))), []);
    assert.deepEqual(await feed([all.subarray(0, 7), all.subarray(7, 30), all.subarray(30)]), []);
  });

  test('a header without its body, or a Content-Length too large, is reported after the stall time', async () => {
    assert.match((await feed([frame('{}'), Buffer.from('Content-Length: 50\r\n\r\n')]))[0], /没有收完/);
    assert.match((await feed([frame('{"a":1}', 100)]))[0], /没有收完/);
    assert.match((await feed([Buffer.from('Content-Len')]))[0], /没有收完/);
  });

  test('a Content-Length too small, a missing or bad one, or garbage is reported at once', async () => {
    assert.match((await feed([frame('{"method":"x"}', 5), frame('{}')], 0))[0], /消息头格式错误/);
    assert.match((await feed([Buffer.from('Content-Type: x\r\n\r\n{}')], 0))[0], /缺少 Content-Length/);
    assert.match((await feed([Buffer.from('Content-Length: abc\r\n\r\n')], 0))[0], /不是数字/);
    assert.match((await feed([Buffer.from('x'.repeat(10_000))], 0))[0], /过长/);
  });

  test('a message that arrives slowly but steadily is not cut off', async () => {
    const reasons: string[] = [];
    const w = watchFraming((r) => reasons.push(r), 50);
    const m = frame('{"text":"' + '字'.repeat(100) + '"}');
    for (let i = 0; i < m.length; i += 40) {
      w.data(m.subarray(i, i + 40));
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 80));
    w.dispose();
    assert.deepEqual(reasons, []);
  });
});
