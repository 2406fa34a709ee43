/**
 * server/src/lsp/whole-frames.ts: each message the library's writer sends
 * (header as text, then body as bytes) reaches the stream in one write, in
 * order, byte for byte as the writer framed it.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { WriteableStreamMessageWriter } from '../../server/src/lsp/languageserver';
import { wholeFrames } from '../../server/src/lsp/whole-frames';

/** A stream that records each system-level write it would make: one entry per _write or _writev. */
function recordingStream(fail = false) {
  const writes: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      writes.push(Buffer.from(chunk));
      callback(fail ? new Error('管道已关闭') : null);
    },
    writev(chunks, callback) {
      writes.push(Buffer.concat(chunks.map((c) => c.chunk as Buffer)));
      callback(fail ? new Error('管道已关闭') : null);
    },
  });
  return { stream, writes };
}

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

describe('one write per message', () => {
  test('messages written by the library writer arrive one write each, header and body together, in order', async () => {
    const { stream, writes } = recordingStream();
    const writer = new WriteableStreamMessageWriter(wholeFrames(stream), 'utf-8');
    const first = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///总结.txt', diagnostics: [] } };
    const second = { jsonrpc: '2.0', id: 1, result: { message: '「X」是占位符' } };
    await Promise.all([writer.write(first), writer.write(second)]);
    assert.deepEqual(
      writes.map((w) => w.toString('utf8')),
      [frame(JSON.stringify(first)), frame(JSON.stringify(second))],
    );
  });

  test('a body without a header before it is written as it comes; text after a held header joins it', async () => {
    const { stream, writes } = recordingStream();
    const out = wholeFrames(stream);
    await out.write(Buffer.from('甲'));
    await out.write('Content-Length: 3\r\n\r\n', 'ascii');
    await out.write('乙', 'utf-8');
    assert.deepEqual(
      writes.map((w) => w.toString('utf8')),
      ['甲', 'Content-Length: 3\r\n\r\n乙'],
    );
  });

  test("a failed write rejects the message's write, and the stream's events reach the writer's listeners", async () => {
    const { stream } = recordingStream(true);
    const out = wholeFrames(stream);
    const errors: unknown[] = [];
    const listening = out.onError((e) => errors.push(e));
    await out.write('Content-Length: 2\r\n\r\n', 'ascii');
    await assert.rejects(out.write(Buffer.from('{}')), /管道已关闭/);
    assert.equal(errors.length, 1);
    listening.dispose();
    const fresh = recordingStream().stream;
    let closed = false;
    wholeFrames(fresh).onClose(() => (closed = true));
    fresh.destroy();
    await new Promise((r) => setImmediate(r));
    assert.equal(closed, true);
  });
});
