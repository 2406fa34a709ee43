/**
 * Generated drafts through the built language server, edited incrementally:
 * the server must answer every version with diagnostics whose ranges lie
 * inside that version's text, keep answering outline and folding requests,
 * and never exit. Seeded (ZONGJIE_FUZZ_SEED), bounded in count and time.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient, fileUri } from '../lsp/harness';
import { randomDocument, rng, singleHugeLine } from './generator';

const SEED = Number(process.env.ZONGJIE_FUZZ_SEED ?? 20241124);
const DOCUMENTS = Number(process.env.ZONGJIE_SERVER_FUZZ_DOCUMENTS ?? 40);
const EDITS = 15;
const PIECES = ['X', '的', '\n', '\r\n', '一、存在的问题\n', '（一）', '\ud83d\ude42', '\ud800', '\u0000', '##paidbegin##', '2024年意识形态工作总结\n', '，', ',', '二十大大', ''];

function inside(doc: TextDocument, r: { start: { line: number; character: number }; end: { line: number; character: number } }): boolean {
  const lines = doc.getText().split(/\r\n|\r|\n/);
  for (const p of [r.start, r.end]) {
    if (p.line < 0 || p.line >= lines.length || p.character < 0 || p.character > lines[p.line].length) return false;
  }
  return r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character);
}

describe('fuzz: generated drafts, edited, through the server', { timeout: 240_000 }, () => {
  let client: TestClient;
  before(async () => {
    // With the real word segmenter, so the second phase runs too.
    client = await TestClient.spawn({ args: [] });
  });
  after(async () => {
    await client.dispose();
  });

  test(`${DOCUMENTS} documents × ${EDITS} edits from seed ${SEED}: every version answered, every range inside it`, async () => {
    for (let d = 0; d < DOCUMENTS; d++) {
      const seed = SEED + d;
      const r = rng(seed);
      const uri = fileUri(`fuzz-${seed}.txt`);
      // A report title first, so the server checks it as a report.
      let doc = TextDocument.create(uri, 'plaintext', 1, '2024年意识形态工作总结\n' + randomDocument(seed, 30));
      await client.open(uri, doc.getText());
      await client.waitForDiagnostics(uri, (p) => p.version === 1, 0, 20_000);
      for (let v = 2; v <= EDITS + 1; v++) {
        const text = doc.getText();
        const a = Math.floor(r() * (text.length + 1));
        const b = Math.min(text.length, a + Math.floor(r() * 6));
        const start = doc.positionAt(a);
        const end = doc.positionAt(b);
        const insert = PIECES[Math.floor(r() * PIECES.length)];
        const change = { range: { start, end }, text: insert };
        doc = TextDocument.update(doc, [change], v);
        await client.change(uri, v, [change]);
        const p = await client.waitForDiagnostics(uri, (x) => x.version === v, 0, 20_000).catch((e) => assert.fail(`seed ${seed}, version ${v}: ${(e as Error).message}`));
        for (const diag of p.diagnostics) assert.ok(inside(doc, diag.range), `seed ${seed}, version ${v}: ${diag.code} at ${JSON.stringify(diag.range)} lies outside the text`);
        if (v % 5 === 0) {
          await client.symbols(uri);
          await client.folding(uri);
        }
      }
      await client.close(uri);
    }
    assert.equal(client.child?.exitCode, null, 'the server is still running');
  });

  test('a 10 MB draft: a reduced check with a notice, answered within the hang guard', async () => {
    const uri = fileUri('ten-megabytes.txt');
    const text = '2024年意识形态工作总结\n' + singleHugeLine(5 * 1024 * 1024);
    const t0 = Date.now();
    await client.open(uri, text);
    const p = await client.waitForDiagnostics(uri, (x) => x.version === 1, 0, 60_000);
    assert.ok(Date.now() - t0 < 60_000);
    assert.ok(Buffer.byteLength(text) > 10 * 1000 * 1000);
    const notice = p.diagnostics.find((x) => x.code === 'large-document');
    assert.equal(notice?.severity, 2, 'a warning that only a reduced check was done');
    assert.ok(p.diagnostics.some((x) => x.code === 'placeholder'));
    await client.close(uri);
  });
});
