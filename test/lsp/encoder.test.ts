/**
 * server/src/lsp/encoder.ts: publications built from kept pieces must be the
 * same JSON as the ordinary encoding, whatever the diagnostics hold.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Message } from 'vscode-languageserver/node';
import { encodePublication, jsonEncoder } from '../../server/src/lsp/encoder';

const publication = (diagnostics: unknown[], version?: number) =>
  ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///草稿/总结.txt', ...(version === undefined ? {} : { version }), diagnostics } }) as unknown as Message & {
    method: string;
    params: { diagnostics: unknown[] };
  };

const diagnostic = (line: number, message: string) => ({
  range: { start: { line, character: 2 }, end: { line, character: 4 } },
  severity: 1,
  code: 'placeholder',
  source: 'zongjie',
  message,
  data: { data: { placeholder: 'X', expects: '数字' } },
});

describe('the JSON encoder', () => {
  test('a publication is the ordinary JSON, with and without a version, empty or not, with characters JSON escapes', () => {
    const tricky = diagnostic(3, '「X」是占位符："引号"、反斜杠\\、换行\n、NUL\u0000、\u2028、𠮷');
    for (const msg of [publication([], 1), publication([diagnostic(0, '甲')]), publication([diagnostic(0, '甲'), tricky, diagnostic(9, '乙')], 42)]) {
      const bytes = encodePublication(msg);
      assert.equal(bytes.toString('utf8'), JSON.stringify(msg));
    }
  });

  test('the same diagnostic objects in a later publication give the same bytes; a changed list is encoded afresh', () => {
    const a = diagnostic(1, '甲');
    const b = diagnostic(2, '乙');
    const first = encodePublication(publication([a, b], 1));
    const again = encodePublication(publication([a, b], 2));
    assert.equal(again.toString(), JSON.stringify(publication([a, b], 2)));
    assert.notEqual(first.toString(), again.toString());
    const c = diagnostic(5, '丙');
    assert.equal(encodePublication(publication([c, a], 3)).toString(), JSON.stringify(publication([c, a], 3)));
  });

  test('other messages and other charsets are encoded the ordinary way', async () => {
    const request = { jsonrpc: '2.0', id: 7, method: 'workspace/configuration', params: { items: [{ section: 'zongjie' }] } } as unknown as Message;
    const encode = (jsonEncoder as { encode(m: Message, o: { charset: BufferEncoding }): Promise<Uint8Array> }).encode;
    assert.equal(Buffer.from(await encode(request, { charset: 'utf-8' })).toString(), JSON.stringify(request));
    const msg = publication([diagnostic(0, '甲')], 1);
    assert.equal(Buffer.from(await encode(msg, { charset: 'utf-8' })).toString(), JSON.stringify(msg));
    assert.equal(Buffer.from(await encode(msg, { charset: 'ascii' })).toString('ascii'), Buffer.from(JSON.stringify(msg), 'ascii').toString('ascii'));
  });
});
