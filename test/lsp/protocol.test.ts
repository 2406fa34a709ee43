/**
 * The built language server (dist/server.js --stdio), driven over the protocol.
 * Run `npm run build` first (npm test does). Word segmentation is switched off
 * (--no-segmenter) so that results do not depend on when the dictionaries load;
 * segmentation is covered in-process with a fake host (segmentation.test.ts).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { DiagnosticSeverity, MessageType, TextDocumentSyncKind } from 'vscode-languageserver-protocol/node';
import { COLLECTION_LINES, NOTE_LINES, PARAGRAPH_REPORT_LINES, REPORT_LINES, REPORT_PLACEHOLDERS, crlf, lf } from './fixtures';
import { DEFAULT_CAPABILITIES, TestClient, covered, fileUri } from './harness';
import { BACKGROUND_NICE, lowerBackgroundThreads } from '../../server/src/lsp/thread-priority';

const TEST_TIMEOUT = { timeout: 30000 };

function placeholderSpans(text: string, diagnostics: { code?: unknown; range: Parameters<typeof covered>[1] }[]) {
  return diagnostics.filter((d) => d.code === 'placeholder').map((d) => ({ line: d.range.start.line, start: d.range.start.character, end: d.range.end.character, text: covered(text, d.range) }));
}

describe('zongjie-lsp over stdio', TEST_TIMEOUT, () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.spawn();
  });
  after(async () => {
    await client.dispose();
    assert.ok(client.child!.exitCode !== null || client.child!.signalCode !== null, 'the server process has ended');
  });

  test('initialize announces incremental sync, outline, folding and the four commands', async () => {
    await client.settle();
    const r = client.initializeResult!;
    assert.deepEqual(r.capabilities.textDocumentSync, { openClose: true, change: TextDocumentSyncKind.Incremental });
    assert.ok(r.capabilities.documentSymbolProvider);
    assert.equal(r.capabilities.foldingRangeProvider, true);
    assert.deepEqual(r.capabilities.executeCommandProvider?.commands, ['zongjie.checkAsReport', 'zongjie.stopCheckingAsReport', 'zongjie.selectPlaceholder', 'zongjie.wordText', 'zongjie.segmenterStatus', 'zongjie.listGenres', 'zongjie.setFileGenre']);
    // This client did not declare pull diagnostics, so the server offers none.
    assert.equal(r.capabilities.diagnosticProvider, undefined);
    assert.equal(r.serverInfo?.name, 'zongjie-lsp');
    // The server asked to hear about setting changes (the client allows dynamic registration).
    assert.ok(client.registrations.includes('workspace/didChangeConfiguration'));
  });

  test('didOpen of a report draft publishes its placeholders with exact codes and ranges', async () => {
    const uri = fileUri('2024年度总结.txt');
    const text = lf(REPORT_LINES);
    await client.open(uri, text);
    const p = await client.waitForVersion(uri, 1);
    assert.deepEqual(p.diagnostics.map((d) => d.code), ['placeholder', 'placeholder']);
    assert.deepEqual(placeholderSpans(text, p.diagnostics), REPORT_PLACEHOLDERS);
    for (const d of p.diagnostics) {
      assert.equal(d.source, 'zongjie');
      assert.equal(d.severity, DiagnosticSeverity.Error);
      assert.match(d.message as string, /占位符/);
      assert.ok((d.message as string).startsWith(`「${covered(text, d.range)}」`), d.message as string);
    }
  });

  test('incremental changes: a placeholder added, then one removed, each published for its version', async () => {
    const uri = fileUri('增量.txt');
    const lines = [...REPORT_LINES];
    await client.open(uri, lf(lines));
    await client.waitForVersion(uri, 1);

    // Version 2: type 「某某」 before 「局党组」 on line 1.
    const at = lines[1].indexOf('局党组');
    await client.change(uri, 2, [{ range: { start: { line: 1, character: at }, end: { line: 1, character: at } }, text: '某某' }]);
    lines[1] = lines[1].slice(0, at) + '某某' + lines[1].slice(at);
    const v2 = await client.waitForVersion(uri, 2);
    assert.deepEqual(placeholderSpans(lf(lines), v2.diagnostics), [
      REPORT_PLACEHOLDERS[0],
      { line: 1, start: at, end: at + 2, text: '某某' },
      REPORT_PLACEHOLDERS[1],
    ]);

    // Version 3: the title's 「XX」 is replaced by a real name.
    await client.change(uri, 3, [{ range: { start: { line: 0, character: 6 }, end: { line: 0, character: 8 } }, text: '市文化' }]);
    lines[0] = '2024年度市文化局意识形态工作总结';
    const v3 = await client.waitForVersion(uri, 3);
    assert.deepEqual(placeholderSpans(lf(lines), v3.diagnostics), [
      { line: 1, start: at, end: at + 2, text: '某某' },
      { line: 3, start: 18, end: 19, text: 'X' },
    ]);
    // Never an older version after a newer one.
    const versions = client.published.filter((x) => x.uri === uri).map((x) => x.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
  });

  test('several changes sent back to back end with the diagnostics of the last version', async () => {
    const uri = fileUri('连续输入.txt');
    const lines = [...REPORT_LINES];
    await client.open(uri, lf(lines));
    await client.waitForVersion(uri, 1);
    // Type 「某某某」 one character at a time at the end of line 2, without waiting in between.
    const end = lines[2].length;
    for (let i = 0; i < 3; i++) {
      await client.change(uri, 2 + i, [{ range: { start: { line: 2, character: end + i }, end: { line: 2, character: end + i } }, text: '某' }]);
    }
    lines[2] += '某某某';
    const last = await client.waitForVersion(uri, 4);
    assert.deepEqual(
      placeholderSpans(lf(lines), last.diagnostics).filter((s) => s.line === 2),
      [{ line: 2, start: end, end: end + 3, text: '某某某' }],
    );
    await client.settle();
    const versions = client.published.filter((x) => x.uri === uri).map((x) => x.version!);
    assert.equal(versions[versions.length - 1], 4, 'the last publication is for the last version');
  });

  test('a note that is not a report gets no diagnostics, no outline and no folding', async () => {
    const uri = fileUri('会议记录.txt');
    await client.open(uri, lf(NOTE_LINES));
    const p = await client.waitForVersion(uri, 1);
    assert.deepEqual(p.diagnostics, []);
    assert.deepEqual(await client.symbols(uri), []);
    assert.deepEqual(await client.folding(uri), []);
  });

  test('a short note becomes a report when a title is typed above it, and stops being one when the title goes', async () => {
    const uri = fileUri('记录.txt');
    await client.open(uri, lf(NOTE_LINES));
    assert.deepEqual((await client.waitForVersion(uri, 1)).diagnostics, []);
    const title = '2024年意识形态工作总结\n';
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: title }]);
    const report = await client.waitForVersion(uri, 2);
    assert.ok(report.diagnostics.some((d) => d.code === 'placeholder' && d.range.start.line === 3));
    assert.equal((await client.symbols(uri)).length, 1);
    await client.change(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' }]);
    assert.deepEqual((await client.waitForVersion(uri, 3)).diagnostics, []);
    assert.deepEqual(await client.symbols(uri), []);
  });

  test('a file type other than .txt/.md gets no diagnostics even when it reads as a report', async () => {
    const uri = fileUri('report.json');
    await client.open(uri, lf(REPORT_LINES), 'json');
    const p = await client.waitForVersion(uri, 1);
    assert.deepEqual(p.diagnostics, []);
  });

  test('zongjie.checkAsReport checks a note as a report; zongjie.stopCheckingAsReport stops it', async () => {
    const uri = fileUri('随手记.txt');
    await client.open(uri, lf(NOTE_LINES));
    await client.waitForVersion(uri, 1);
    const from = client.published.length;
    const forced = await client.command('zongjie.checkAsReport', uri);
    assert.deepEqual(forced, { uri, forced: true }, 'the command answers with this document only');
    const checked = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, from);
    assert.ok(checked.diagnostics.some((d) => d.code === 'placeholder' && covered(lf(NOTE_LINES), d.range) === 'XX'));
    assert.equal((await client.symbols(uri)).length, 1);

    const from2 = client.published.length;
    const after = await client.command('zongjie.stopCheckingAsReport', uri);
    assert.deepEqual(after, { uri, forced: false });
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, from2);
  });

  test('a command without a URI is refused with a Chinese message', async () => {
    await assert.rejects(client.command('zongjie.checkAsReport'), (e: Error) => /URI/.test(e.message) && /需要/.test(e.message));
  });

  test('documentSymbol: report → parts named by their headings with the part as detail → sub-headings', async () => {
    const uri = fileUri('大纲.txt');
    const text = lf(REPORT_LINES);
    await client.open(uri, text);
    const symbols = await client.symbols(uri);
    assert.equal(symbols.length, 1);
    const report = symbols[0];
    assert.equal(report.name, '2024年度XX局意识形态工作总结');
    assert.deepEqual(report.range, { start: { line: 0, character: 0 }, end: { line: 8, character: REPORT_LINES[8].length } });
    assert.deepEqual(report.selectionRange, { start: { line: 0, character: 0 }, end: { line: 0, character: REPORT_LINES[0].length } });
    assert.deepEqual(
      report.children!.map((c) => [c.name, c.detail]),
      [
        ['一、主要工作开展情况', '主要工作及成效'],
        ['二、存在的问题', '存在的问题'],
        ['三、下一步工作打算', '下一步工作打算'],
      ],
    );
    const first = report.children![0];
    assert.deepEqual(first.range, { start: { line: 2, character: 0 }, end: { line: 4, character: REPORT_LINES[4].length } });
    assert.deepEqual(first.selectionRange, { start: { line: 2, character: 0 }, end: { line: 2, character: 10 } });
    assert.deepEqual(first.children!.map((c) => c.name), ['（一）压实工作责任', '（二）加强理论武装']);
    assert.deepEqual(first.children![1].range, { start: { line: 4, character: 0 }, end: { line: 4, character: REPORT_LINES[4].length } });
  });

  test('documentSymbol: parts written in running text appear as 「…（正文中）」 on their words', async () => {
    const uri = fileUri('段落式.txt');
    const text = lf(PARAGRAPH_REPORT_LINES);
    await client.open(uri, text);
    const [report] = await client.symbols(uri);
    const names = report.children!.map((c) => c.name);
    assert.deepEqual(names, ['一、加强组织领导', '二、加强阵地管理', '存在的问题（正文中）', '下一步工作打算（正文中）']);
    const problems = report.children![2];
    assert.equal(problems.range.start.line, 5);
    assert.equal(covered(text, problems.range), '但工作中还存在一些问题，主要是宣传队伍力量不足');
    assert.deepEqual(problems.selectionRange, problems.range);
    assert.equal(covered(text, report.children![3].range), '下一步，镇党委将进一步');
  });

  test('documentSymbol: a collection (汇编) gives one top symbol per report', async () => {
    const uri = fileUri('汇编.txt');
    await client.open(uri, lf(COLLECTION_LINES));
    const symbols = await client.symbols(uri);
    assert.deepEqual(symbols.map((s) => [s.name, s.range.start.line, s.range.end.line]), [
      ['2023年意识形态工作总结（机关）', 3, 10],
      ['2023年意识形态工作总结（街道）', 12, 19],
    ]);
    assert.ok(symbols.every((s) => s.children!.length === 3));
  });

  test('foldingRange: each report, part and sub-heading folds from its line to its last line of content', async () => {
    const uri = fileUri('折叠.txt');
    await client.open(uri, lf(REPORT_LINES));
    const ranges = await client.folding(uri);
    assert.deepEqual(
      ranges.map((r) => [r.startLine, r.endLine]),
      [
        [0, 8],
        [2, 4],
        [5, 6],
        [7, 8],
      ],
    );
    const collection = fileUri('汇编折叠.txt');
    await client.open(collection, lf(COLLECTION_LINES));
    const c = await client.folding(collection);
    assert.deepEqual(c.filter((r) => r.startLine === 3 || r.startLine === 12).map((r) => [r.startLine, r.endLine]), [
      [3, 10],
      [12, 19],
    ]);
  });

  test('a CRLF document: ranges count UTF-16 characters within each line, line ends excluded', async () => {
    const uri = fileUri('crlf.txt');
    const text = crlf(REPORT_LINES);
    await client.open(uri, text);
    const p = await client.waitForVersion(uri, 1);
    assert.deepEqual(placeholderSpans(text, p.diagnostics), REPORT_PLACEHOLDERS);
    const [report] = await client.symbols(uri);
    assert.deepEqual(report.range.end, { line: 8, character: REPORT_LINES[8].length });
    // An edit across a CRLF line end: join lines 3 and 4 with 「某某」 in between.
    await client.change(uri, 2, [{ range: { start: { line: 3, character: REPORT_LINES[3].length }, end: { line: 4, character: 0 } }, text: '某某' }]);
    const v2 = await client.waitForVersion(uri, 2);
    const joined = [...REPORT_LINES.slice(0, 3), REPORT_LINES[3] + '某某' + REPORT_LINES[4], ...REPORT_LINES.slice(5)];
    assert.deepEqual(placeholderSpans(crlf(joined), v2.diagnostics).map((s) => s.text), ['XX', 'X', '某某']);
    assert.equal(v2.diagnostics.find((d) => covered(crlf(joined), d.range) === '某某')!.range.start.line, 3);
  });

  test('a draft with a BOM and full-width indentation: positions point into the text as sent', async () => {
    const uri = fileUri('bom.txt');
    const lines = ['\uFEFF' + REPORT_LINES[0], ...REPORT_LINES.slice(1).map((l) => (/^[一二三（]/.test(l) ? l : '\u3000\u3000' + l))];
    const text = lf(lines);
    await client.open(uri, text);
    const p = await client.waitForVersion(uri, 1);
    assert.deepEqual(placeholderSpans(text, p.diagnostics), [
      { line: 0, start: 7, end: 9, text: 'XX' },
      { line: 3, start: 18, end: 19, text: 'X' },
    ]);
    const [report] = await client.symbols(uri);
    assert.equal(report.name, REPORT_LINES[0]);
    assert.deepEqual(report.selectionRange.start, { line: 0, character: 1 });
  });

  test('a Markdown report: # title and ## headings', async () => {
    const uri = fileUri('总结.md');
    const text = lf(['# 2024年度意识形态工作总结', '', '## 一、主要工作开展情况', '', '全年召开专题会议X次。', '', '## 二、存在的问题', '', '学习不够深入。', '', '## 三、下一步工作打算', '', '加强学习。']);
    await client.open(uri, text, 'markdown');
    const p = await client.waitForVersion(uri, 1);
    assert.deepEqual(placeholderSpans(text, p.diagnostics).map((s) => [s.line, s.text]), [[4, 'X']]);
    const [report] = await client.symbols(uri);
    assert.equal(report.name, '2024年度意识形态工作总结');
    assert.deepEqual(report.children!.map((c) => [c.name, c.range.start.line, c.range.end.line]), [
      ['一、主要工作开展情况', 2, 4],
      ['二、存在的问题', 6, 8],
      ['三、下一步工作打算', 10, 12],
    ]);
  });

  test('a very large document gets one reduced-check notice and its placeholders only', async () => {
    const uri = fileUri('超大文档.txt');
    // About 2.3 MB of UTF-8: the report repeated, with a missing part in every copy that a full check would flag.
    const copy = lf(REPORT_LINES.slice(0, 5)) + '\n';
    const text = copy.repeat(Math.ceil((2.3 * 1024 * 1024) / Buffer.byteLength(copy)));
    await client.open(uri, text);
    const p = await client.waitForVersion(uri, 1);
    const notices = p.diagnostics.filter((d) => d.code === 'large-document');
    assert.equal(notices.length, 1);
    assert.equal(notices[0].severity, DiagnosticSeverity.Warning);
    assert.match(notices[0].message as string, /简化检查/);
    const codes = new Set(p.diagnostics.map((d) => d.code));
    assert.deepEqual([...codes].sort(), ['large-document', 'placeholder', 'too-many-findings']);
    assert.deepEqual(await client.symbols(uri), []);
    // Still responsive: an edit is answered for its version.
    await client.change(uri, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '某某' }]);
    const v2 = await client.waitForVersion(uri, 2);
    assert.ok(v2.diagnostics.some((d) => d.code === 'placeholder' && d.range.start.line === 1 && d.range.start.character === 0));
    await client.close(uri);
  });

  test('didClose clears the document\'s diagnostics', async () => {
    const uri = fileUri('关闭.txt');
    await client.open(uri, lf(REPORT_LINES));
    await client.waitForVersion(uri, 1);
    const from = client.published.length;
    await client.close(uri);
    const cleared = await client.waitForDiagnostics(uri, () => true, from);
    assert.deepEqual(cleared.diagnostics, []);
  });
});

describe('settings', TEST_TIMEOUT, () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.spawn({ settings: { severity: { 'missing-section': 'warning' } } });
  });
  after(async () => {
    await client.dispose();
  });

  test('settings pulled at start apply to the first diagnostics', async () => {
    const uri = fileUri('设置初始.txt');
    await client.open(uri, lf(REPORT_LINES.slice(0, 5)));
    const p = await client.waitForVersion(uri, 1);
    const missing = p.diagnostics.filter((d) => d.code === 'missing-section');
    assert.equal(missing.length, 2);
    assert.ok(missing.every((d) => d.severity === DiagnosticSeverity.Warning));
  });

  test('severity off for a rule removes its diagnostics without a restart; another level changes the severity', async () => {
    const uri = fileUri('设置.txt');
    await client.open(uri, lf(REPORT_LINES));
    const first = await client.waitForVersion(uri, 1);
    assert.equal(first.diagnostics.filter((d) => d.code === 'placeholder').length, 2);

    let from = client.published.length;
    await client.changeSettings({ severity: { placeholder: 'off' } });
    const off = await client.waitForDiagnostics(uri, () => true, from);
    assert.deepEqual(off.diagnostics, []);
    assert.equal(off.version, 1);

    from = client.published.length;
    await client.changeSettings({ severity: { placeholder: 'hint' } });
    const hint = await client.waitForDiagnostics(uri, () => true, from);
    assert.deepEqual(hint.diagnostics.map((d) => d.severity), [DiagnosticSeverity.Hint, DiagnosticSeverity.Hint]);
    assert.equal(client.messages.length, 0, 'valid settings raise no message');
  });

  test('a broken setting is reported once, in Chinese, and the default is used', async () => {
    const uri = fileUri('坏设置.txt');
    await client.open(uri, lf(REPORT_LINES));
    await client.waitForVersion(uri, 1);
    const before = client.messages.length;
    let from = client.published.length;
    await client.changeSettings({ severity: { placeholder: 'fatal' } });
    const msg = await client.waitForMessage((m) => /zongjie\.severity/.test(m.message));
    assert.equal(msg.type, MessageType.Warning);
    assert.match(msg.message, /placeholder/);
    assert.match(msg.message, /默认/);
    const p = await client.waitForDiagnostics(uri, () => true, from);
    assert.deepEqual(p.diagnostics.filter((d) => d.code === 'placeholder').map((d) => d.severity), [DiagnosticSeverity.Error, DiagnosticSeverity.Error]);

    // The same broken setting again (another change elsewhere): no second message.
    from = client.published.length;
    await client.changeSettings({ severity: { placeholder: 'fatal' }, enable: true });
    await client.waitForDiagnostics(uri, () => true, from);
    await client.settle();
    assert.equal(client.messages.length, before + 1);
  });

  test('an unknown profile and a broken pattern are each reported; the good patterns are used', async () => {
    const uri = fileUri('自定义占位符.txt');
    const text = lf([...REPORT_LINES, '联系人：待定人员']);
    await client.open(uri, text);
    await client.waitForVersion(uri, 1);
    const before = client.messages.length;
    const from = client.published.length;
    await client.changeSettings({ profile: 'no-such-profile', placeholderPatterns: ['待定人员', '(a+)+$', '[未闭合'] });
    const p = await client.waitForDiagnostics(uri, (x) => x.diagnostics.some((d) => covered(text, d.range) === '待定人员'), from);
    assert.equal(p.diagnostics.filter((d) => d.code === 'placeholder').length, 3);
    await client.settle();
    const fresh = client.messages.slice(before).map((m) => m.message);
    // (a+)+$ runs on the linear-time engine; only the broken pattern is refused.
    assert.equal(fresh.length, 2, JSON.stringify(fresh));
    assert.ok(fresh.some((m) => /zongjie\.profile/.test(m) && /no-such-profile/.test(m) && /ideology-summary/.test(m)));
    assert.ok(fresh.some((m) => /placeholderPatterns/.test(m) && /不是有效的正则表达式/.test(m)));
  });

  test('zongjie.enable false clears all diagnostics; true brings them back', async () => {
    const uri = fileUri('开关.txt');
    await client.changeSettings({});
    await client.open(uri, lf(REPORT_LINES));
    await client.waitForVersion(uri, 1);
    let from = client.published.length;
    await client.changeSettings({ enable: false });
    const off = await client.waitForDiagnostics(uri, () => true, from);
    assert.deepEqual(off.diagnostics, []);
    assert.equal((await client.symbols(uri)).length, 1, 'the outline stays when checking is off');
    from = client.published.length;
    await client.changeSettings({ enable: true });
    const on = await client.waitForDiagnostics(uri, () => true, from);
    assert.equal(on.diagnostics.length, 2);
  });
});

describe('pull diagnostics', TEST_TIMEOUT, () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.spawn({
      capabilities: {
        ...DEFAULT_CAPABILITIES,
        textDocument: { ...DEFAULT_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
        workspace: { ...DEFAULT_CAPABILITIES.workspace, diagnostics: { refreshSupport: true } },
      },
    });
  });
  after(async () => {
    await client.dispose();
  });

  test('the server offers textDocument/diagnostic when the client supports it', () => {
    assert.deepEqual(client.initializeResult!.capabilities.diagnosticProvider, { identifier: 'zongjie', interFileDependencies: false, workspaceDiagnostics: false });
  });

  test('a pull returns the current version\'s diagnostics, then "unchanged" for the same result id', async () => {
    const uri = fileUri('拉取.txt');
    const text = lf(REPORT_LINES);
    await client.open(uri, text);
    const report = (await client.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as {
      kind: string;
      resultId: string;
      items: { code: string; range: Parameters<typeof covered>[1] }[];
    };
    assert.equal(report.kind, 'full');
    assert.deepEqual(placeholderSpans(text, report.items), REPORT_PLACEHOLDERS);
    const again = (await client.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId })) as { kind: string };
    assert.equal(again.kind, 'unchanged');
    // Pushes still happen (a client showing pulls must drop them; see lsp/handlers/diagnostics.ts).
    await client.waitForVersion(uri, 1);

    await client.change(uri, 2, [{ range: { start: { line: 0, character: 6 }, end: { line: 0, character: 8 } }, text: '市' }]);
    const changed = (await client.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId })) as {
      kind: string;
      items: { code: string }[];
    };
    assert.equal(changed.kind, 'full');
    assert.equal(changed.items.length, 1);
  });

  test('a settings change asks the pull client to refresh', async () => {
    const before = client.refreshRequests;
    await client.changeSettings({ severity: { placeholder: 'warning' } });
    await client.settle();
    assert.ok(client.refreshRequests > before);
  });
});

describe('node-ipc transport (how the VS Code extension starts the server)', TEST_TIMEOUT, () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.spawn({ transport: 'ipc' });
  });
  after(async () => {
    await client.dispose();
  });

  test('an untitled report buffer gets its diagnostics over IPC', async () => {
    const uri = 'untitled:Untitled-1';
    const text = lf(REPORT_LINES);
    await client.open(uri, text);
    const p = await client.waitForVersion(uri, 1);
    assert.deepEqual(placeholderSpans(text, p.diagnostics), REPORT_PLACEHOLDERS);
  });
});

describe('word segmentation in the built server', TEST_TIMEOUT, () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.spawn({ args: [] });
  });
  after(async () => {
    await client.dispose();
  });

  test('the segmenter worker loads, and each version is published again with the word checks', async () => {
    const uri = fileUri('分词整合.txt');
    const text = lf(REPORT_LINES);
    await client.open(uri, text);
    const first = await client.waitForVersion(uri, 1);
    assert.deepEqual(placeholderSpans(text, first.diagnostics), REPORT_PLACEHOLDERS);
    // The dictionaries load in well under a second on this machine; allow for a slow CI.
    const second = await client.waitForDiagnostics(uri, (p) => p.version === 1 && p !== first, 0, 20000);
    assert.deepEqual(placeholderSpans(text, second.diagnostics), REPORT_PLACEHOLDERS);
    assert.deepEqual(client.messages, [], 'no warning that segmentation failed');

    const from = client.published.length;
    await client.change(uri, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '某某' }]);
    await client.waitForDiagnostics(uri, (p) => p.version === 2, from);
    const both = await client.waitForDiagnostics(uri, () => client.published.slice(from).filter((p) => p.uri === uri && p.version === 2).length === 2, from);
    assert.equal(both.version, 2);
  });

  test('on Linux, every thread but the main one runs at the lowest priority, the segmenter worker included', { skip: process.platform !== 'linux' }, async () => {
    const uri = fileUri('线程优先级.txt');
    // A line no other test has cut, so that the words are published in a second phase.
    const text = lf([...REPORT_LINES, '本行只在检查线程优先级的测试中出现。']);
    await client.open(uri, text);
    const first = await client.waitForVersion(uri, 1);
    // Published a second time: the worker has been started and has cut the lines.
    await client.waitForDiagnostics(uri, (p) => p.version === 1 && p !== first, 0, 20000);
    const pid = client.child!.pid!;
    const niceOf = (tid: string) => {
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      // Fields after the command name in parentheses start with the 3rd (state); nice is the 19th.
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19 - 3]);
    };
    const threads = fs.readdirSync(`/proc/${pid}/task`);
    const others = threads.filter((t) => Number(t) !== pid);
    assert.equal(niceOf(String(pid)), 0, 'the main thread keeps its priority');
    // V8's helper threads and the segmenter worker: at least the worker and one helper.
    assert.ok(others.length >= 2, `threads: ${threads.join(' ')}`);
    assert.deepEqual(others.map(niceOf), others.map(() => BACKGROUND_NICE));
  });

  test('without a readable list of threads, nothing is lowered and nothing is thrown', () => {
    assert.equal(lowerBackgroundThreads('/nonexistent/task'), 0);
  });
});

describe('forced reports from initializationOptions', TEST_TIMEOUT, () => {
  let client: TestClient;
  const uri = fileUri('已记住的笔记.txt');
  before(async () => {
    client = await TestClient.spawn({ initializationOptions: { forcedReports: [uri, 42] } });
  });
  after(async () => {
    await client.dispose();
  });

  test('a remembered URI is checked as a report from its first version', async () => {
    await client.open(uri, lf(NOTE_LINES));
    const p = await client.waitForVersion(uri, 1);
    assert.ok(p.diagnostics.some((d) => d.code === 'placeholder'));
  });
});
