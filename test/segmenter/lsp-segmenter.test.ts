/**
 * The language server says which segmenter it uses and why: in its log (the
 * client's output channel) and through zongjie.segmenterStatus (the status
 * bar's tooltip); with nodejieba unloadable it checks words with the portable
 * segmenter and finds the same.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as os from 'node:os';
import { describe, test } from 'node:test';
import { SegmenterStatus } from '../../server/src/protocol';
import { TestClient, fileUri } from '../lsp/harness';

const TEXT = ['2024年意识形态工作总结', '今年以来，局党组认真落实意识形态工作责任制，现将有关情况总结如下。', '深入学习贯彻党的二十大大精神。'].join('\n');

async function wordFindings(env: Record<string, string>): Promise<{ codes: string[]; status: SegmenterStatus; logs: string[] }> {
  const client = await TestClient.spawn({ args: [], env });
  try {
    const uri = fileUri('segmenter-status.txt');
    await client.open(uri, TEXT);
    const p = await client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'duplicated-char'));
    const status = (await client.command('zongjie.segmenterStatus')) as SegmenterStatus;
    return { codes: p.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`), status, logs: client.logs.map((l) => l.message) };
  } finally {
    await client.dispose();
  }
}

describe('the server tells which segmenter it uses', () => {
  test('nodejieba where it loads; the portable segmenter, with the reason, where it does not; the same findings', async () => {
    const native = await wordFindings({});
    assert.equal(native.status.state, 'ready');
    assert.equal(native.status.note, '分词：nodejieba（原生分词组件）');
    assert.ok(native.logs.includes('zongjie：分词：nodejieba（原生分词组件）'), native.logs.join('\n'));

    const missing = path.join(os.tmpdir(), 'zongjie-no-such-nodejieba');
    const fallback = await wordFindings({ ZONGJIE_NODEJIEBA: missing });
    assert.equal(fallback.status.state, 'ready');
    assert.match(fallback.status.note, /^分词：内置分词程序（无法加载 nodejieba：Cannot find module/);
    assert.ok(fallback.logs.some((l) => l.startsWith('zongjie：分词：内置分词程序')), fallback.logs.join('\n'));
    assert.deepEqual(fallback.codes, native.codes);
  });

  test('with --no-segmenter the status says so', async () => {
    const client = await TestClient.spawn({ args: ['--no-segmenter'] });
    try {
      const status = (await client.command('zongjie.segmenterStatus')) as SegmenterStatus;
      assert.equal(status.state, 'off');
    } finally {
      await client.dispose();
    }
  });
});
