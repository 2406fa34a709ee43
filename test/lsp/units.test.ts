/**
 * The server's pure modules: finding → diagnostic mapping, the bounded check,
 * the report gate, outline and folding conversion.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { DiagnosticSeverity, SymbolKind } from 'vscode-languageserver-protocol/node';
import { analyzeText } from '../../server/src/features/analyze';
import { getProfile } from '../../server/src/engine/profile';
import { SourceText } from '../../server/src/engine/source';
import { Finding } from '../../server/src/engine/types';
import { LARGE_DOCUMENT_BYTES, PlaceholderCache, checkDocument, documentBytes, isLargeDocument, scanPlaceholders } from '../../server/src/lsp/checks';
import { MAX_DIAGNOSTICS, toDiagnostic, toDiagnostics } from '../../server/src/lsp/diagnostics';
import { GATE_LINES, GateMemo, isCandidateDocument, isMarkdownDocument, leadingLines, looksLikeReport, shouldCheck } from '../../server/src/lsp/gate';
import { SERVER_VERSION } from '../../server/src/lsp/server';
import { documentSymbols, foldingRanges } from '../../server/src/lsp/symbols';
import { testDocs } from '../helpers';
import { COLLECTION_LINES, NOTE_LINES, PARAGRAPH_REPORT_LINES, REPORT_LINES, lf } from './fixtures';

const profile = getProfile('ideology-summary');
const baseOptions = { profile, markdown: false, severities: {}, placeholderPatterns: [] };

describe('finding → diagnostic', () => {
  const finding: Finding = {
    code: 'template-residue',
    severity: 'warning',
    message: '「仅供学习参考」是模板网站留下的水印，不属于报告正文，提交前请删除。',
    range: { start: { line: 9, character: 0 }, end: { line: 9, character: 12 } },
    fix: { title: '删除这些行', edits: [{ range: { start: { line: 9, character: 0 }, end: { line: 10, character: 0 } }, newText: '' }] },
    data: { label: '水印' },
  };

  test('code, source, severity, message and range are carried over, and nothing else (fixes and facts stay with the analysis)', () => {
    assert.deepEqual(toDiagnostic(finding), {
      range: finding.range,
      severity: DiagnosticSeverity.Warning,
      code: 'template-residue',
      source: 'zongjie',
      message: finding.message,
    });
  });

  test('each engine severity maps to its LSP severity', () => {
    const map = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint } as const;
    for (const [s, d] of Object.entries(map)) assert.equal(toDiagnostic({ ...finding, severity: s as Finding['severity'] }).severity, d);
  });

  test('past the cap, one information diagnostic says how many were left out', () => {
    const many = Array.from({ length: MAX_DIAGNOSTICS + 5 }, (_, i) => ({ ...finding, range: { start: { line: i, character: 0 }, end: { line: i, character: 1 } } }));
    const out = toDiagnostics(many);
    assert.equal(out.length, MAX_DIAGNOSTICS + 1);
    const last = out[out.length - 1];
    assert.equal(last.code, 'too-many-findings');
    assert.equal(last.severity, DiagnosticSeverity.Information);
    assert.match(last.message as string, /其余 5 个/);
    assert.equal(toDiagnostics(many.slice(0, MAX_DIAGNOSTICS)).length, MAX_DIAGNOSTICS);
  });
});

describe('checkDocument', () => {
  test('an ordinary report: the engine\'s findings, basic mode, the parse for the outline', () => {
    const text = lf(REPORT_LINES);
    const r = checkDocument(text, baseOptions);
    assert.equal(r.mode, 'basic');
    assert.equal(r.error, null);
    assert.deepEqual(r.diagnostics, analyzeText(text).findings.map(toDiagnostic));
    assert.equal(r.doc?.reports.length, 1);
  });

  test('an engine that throws: one error text, the placeholders still found, no exception', () => {
    const text = lf(REPORT_LINES);
    const r = checkDocument(text, {
      ...baseOptions,
      analyze: () => {
        throw new RangeError('parser exploded');
      },
    });
    assert.equal(r.error, 'parser exploded');
    assert.equal(r.doc, null);
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [
      ['placeholder', 0, 6],
      ['placeholder', 3, 18],
    ]);
  });

  test('a rule that throws is reported in failures; the other rules\' findings stay', () => {
    const text = lf(REPORT_LINES);
    const r = checkDocument(text, {
      ...baseOptions,
      rules: [
        { id: 'broken', docs: testDocs('测试用'), defaultSeverity: 'error', fixable: false, scope: 'document' as const, check: () => { throw new Error('oops'); } },
        { id: 'placeholder-copy', docs: testDocs('测试用'), defaultSeverity: 'hint', fixable: false, scope: 'document' as const, check: () => [{ message: '提示', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }] },
      ],
    });
    assert.deepEqual(r.failures, [{ rule: 'broken', message: 'oops' }]);
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['placeholder-copy']);
  });

  test('over the size limit: reduced mode, one notice first, placeholders only', () => {
    const copy = lf(REPORT_LINES.slice(0, 5)) + '\n';
    const text = copy.repeat(Math.ceil((LARGE_DOCUMENT_BYTES + 1) / Buffer.byteLength(copy)));
    const r = checkDocument(text, baseOptions);
    assert.equal(r.mode, 'reduced');
    assert.equal(r.doc, null);
    assert.equal(r.diagnostics[0].code, 'large-document');
    assert.match(r.diagnostics[0].message as string, /约 2\.0 MB/);
    assert.ok(r.diagnostics.slice(1, MAX_DIAGNOSTICS + 1).every((d) => d.code === 'placeholder'));
    // The severity setting applies in reduced mode too.
    const off = checkDocument(text, { ...baseOptions, severities: { placeholder: 'off' } });
    assert.deepEqual(off.diagnostics.map((d) => d.code), ['large-document']);
  });

  test('isLargeDocument agrees with the byte count around the limit, for ASCII, Chinese and a mix', () => {
    const limit = LARGE_DOCUMENT_BYTES;
    const cases = [
      'a'.repeat(limit),
      'a'.repeat(limit + 1),
      '文'.repeat(Math.floor(limit / 3)),
      '文'.repeat(Math.floor(limit / 3) + 1),
      '文'.repeat(Math.floor(limit / 6)) + 'a'.repeat(limit - Math.floor(limit / 6) * 3),
      '文'.repeat(Math.floor(limit / 6)) + 'a'.repeat(limit - Math.floor(limit / 6) * 3 + 1),
      '𠮷'.repeat(Math.floor(limit / 4) + 1),
    ];
    for (const text of cases) assert.equal(isLargeDocument(text), documentBytes(text) > limit, `${text.length} units, ${documentBytes(text)} bytes`);
  });

  test('the placeholder scan gives what the placeholder rule gives, and reuses its cache', () => {
    const text = lf([...REPORT_LINES, '', '某某同志于20XX年参加了【单位名称】组织的培训。']);
    const fromRule = analyzeText(text).findings.filter((f) => f.code === 'placeholder');
    const cache: PlaceholderCache = new Map();
    const scanned = scanPlaceholders(new SourceText(text), baseOptions, cache);
    assert.deepEqual(scanned, fromRule);
    assert.equal(cache.size, REPORT_LINES.length + 1);
    // A line served from the cache gives the same findings.
    const again = scanPlaceholders(new SourceText(text), baseOptions, cache);
    assert.deepEqual(again, fromRule);
  });
});

describe('gate', () => {
  test('a report title in the opening lines marks a report; a note is not one', () => {
    assert.equal(looksLikeReport(lf(REPORT_LINES), profile), true);
    assert.equal(looksLikeReport(lf(COLLECTION_LINES), profile), true);
    assert.equal(looksLikeReport(lf(NOTE_LINES), profile), false);
    assert.equal(looksLikeReport('', profile), false);
    assert.equal(looksLikeReport('# 项目说明\n\n本仓库收录示例。', profile, true), false);
  });

  test('the title is found after template advertising and with a BOM, CRLF and indentation', () => {
    const ads = ['仅供学习参考，请勿照搬照抄', '关注公众号获取更多范文', '更多资料请加QQ群'];
    assert.equal(looksLikeReport(['\uFEFF', ...ads, '', '\u3000\u30002024年意识形态工作总结', '现将工作总结如下。'].join('\r\n'), profile), true);
  });

  test('only the first GATE_LINES lines are read', () => {
    const late = [...Array(GATE_LINES).fill('这是一行普通的文字。'), ...REPORT_LINES];
    assert.equal(looksLikeReport(lf(late), profile), false);
    assert.equal(leadingLines('a\nb\r\nc\rd\ne', 3), 'a\nb\r\nc');
    assert.equal(leadingLines('a\nb', 5), 'a\nb');
    assert.equal(leadingLines('a\r\nb\r\nc', 2), 'a\r\nb\r');
    assert.equal(leadingLines('\n\n\n', 2), '\n');
  });

  test('file types: .txt, .md, .markdown and untitled buffers may be reports', () => {
    assert.equal(isCandidateDocument('file:///d/%E6%80%BB%E7%BB%93.txt'), true);
    assert.equal(isCandidateDocument('file:///d/a.MD'), true);
    assert.equal(isCandidateDocument('file:///d/a.markdown?x=1'), true);
    assert.equal(isCandidateDocument('untitled:Untitled-1'), true);
    assert.equal(isCandidateDocument('file:///d/a.json'), false);
    assert.equal(isCandidateDocument('file:///d/txt'), false);
    assert.equal(isMarkdownDocument('untitled:Untitled-1', 'markdown'), true);
    assert.equal(isMarkdownDocument('file:///d/a.md', 'plaintext'), true);
    assert.equal(isMarkdownDocument('file:///d/a.txt', 'plaintext'), false);
  });

  test('the memo answers again while the opening lines stay the same', () => {
    const memo: GateMemo = {};
    const input = { uri: 'file:///d/r.txt', languageId: 'plaintext', text: lf(REPORT_LINES), profile, forced: new Set<string>() };
    assert.equal(shouldCheck(input, memo), true);
    assert.equal(memo.head, lf(REPORT_LINES));
    // A memo that claims otherwise for the same opening is believed: proof that no parse happened.
    memo.result = false;
    assert.equal(shouldCheck(input, memo), false);
    // A changed opening is parsed again.
    assert.equal(shouldCheck({ ...input, text: lf(NOTE_LINES) }, memo), false);
    assert.equal(shouldCheck(input, memo), true);
  });

  test('a forced URI is checked whatever its type and content', () => {
    const forced = new Set(['file:///d/notes.log']);
    assert.equal(shouldCheck({ uri: 'file:///d/notes.log', languageId: 'log', text: lf(NOTE_LINES), profile, forced }), true);
    assert.equal(shouldCheck({ uri: 'file:///d/notes.txt', languageId: 'plaintext', text: lf(NOTE_LINES), profile, forced }), false);
    assert.equal(shouldCheck({ uri: 'file:///d/r.txt', languageId: 'plaintext', text: lf(REPORT_LINES), profile, forced }), true);
  });
});

describe('outline and folding', () => {
  test('symbol ranges contain their selection ranges and their children', () => {
    for (const lines of [REPORT_LINES, PARAGRAPH_REPORT_LINES, COLLECTION_LINES]) {
      const { doc } = analyzeText(lf(lines));
      const check = (s: ReturnType<typeof documentSymbols>[number]) => {
        const within = (inner: typeof s.range, outer: typeof s.range) =>
          (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
          (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
        assert.ok(within(s.selectionRange, s.range), s.name);
        assert.ok(s.name.length > 0);
        for (const c of s.children ?? []) {
          assert.ok(within(c.range, s.range), `${c.name} in ${s.name}`);
          check(c);
        }
      };
      documentSymbols(doc).forEach(check);
    }
  });

  test('kinds: report, part, sub-heading; untitled report is 「报告」', () => {
    const [report] = documentSymbols(analyzeText(lf(REPORT_LINES)).doc);
    assert.equal(report.kind, SymbolKind.Module);
    assert.equal(report.children![0].kind, SymbolKind.Namespace);
    assert.equal(report.children![0].children![0].kind, SymbolKind.String);
    const untitled = documentSymbols(analyzeText(lf(['一、主要工作开展情况', '全年召开会议4次。', '二、存在的问题', '学习不够。'])).doc);
    assert.equal(untitled[0].name, '报告');
  });

  test('a merged heading is one symbol naming both parts', () => {
    const text = lf(['2024年意识形态工作总结', '今年以来，我们认真落实责任制。', '一、主要工作开展情况', '全年召开会议4次。', '二、存在问题及下一步打算', '学习不够深入，下一步加强学习。']);
    const [report] = documentSymbols(analyzeText(text).doc);
    assert.deepEqual(report.children!.map((c) => [c.name, c.detail]), [
      ['一、主要工作开展情况', '主要工作及成效'],
      ['二、存在问题及下一步打算', '存在的问题、下一步工作打算'],
    ]);
  });

  test('a restarted list inside the problems part is 「下一步工作打算（无标题）」', () => {
    const text = lf([
      '2024年意识形态工作总结',
      '今年以来，我们认真落实责任制。',
      '一、主要工作开展情况',
      '全年召开会议4次。',
      '二、存在的问题',
      '（一）学习不够深入',
      '（二）阵地管理薄弱',
      '（一）深化理论学习',
      '（二）加强阵地建设',
    ]);
    const [report] = documentSymbols(analyzeText(text).doc);
    const restart = report.children!.find((c) => c.name.endsWith('（无标题）'));
    assert.equal(restart?.name, '下一步工作打算（无标题）');
    assert.equal(restart?.range.start.line, 7);
  });

  test('folding skips blank lines at a section\'s end and one-line sections', () => {
    const text = lf(['2024年意识形态工作总结', '', '一、主要工作开展情况', '全年召开会议4次。', '', '', '二、存在的问题', '三、下一步工作打算', '加强学习。', '']);
    const ranges = foldingRanges(analyzeText(text).doc);
    assert.deepEqual(ranges.map((r) => [r.startLine, r.endLine]), [
      [0, 8],
      [2, 3],
      [7, 8],
    ]);
  });
});

test('the server reports the version in package.json', () => {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
  assert.equal(SERVER_VERSION, pkg.version);
});
