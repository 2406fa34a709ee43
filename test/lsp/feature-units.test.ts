/**
 * The pieces between the engine and the protocol for code actions, completion
 * and hover, without a server: diagnostic matching, edit shapes, the jump
 * command's argument, plain-text hovers, completion items.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CompletionItemKind, Diagnostic, DiagnosticSeverity, MarkupKind } from 'vscode-languageserver';
import { analyzeText } from '../../server/src/features/analyze';
import { completionsAt } from '../../server/src/features/completion';
import { EngineCodeAction } from '../../server/src/features/fixes';
import { hoverAt } from '../../server/src/features/hover';
import { Finding, lineRange } from '../../server/src/engine/types';
import { ClientDiagnostics, parseSelectArgs, placeholderTarget, toLspCodeActions, workspaceEdit } from '../../server/src/lsp/code-actions';
import { toCompletionItems } from '../../server/src/lsp/completion';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';
import { markdownToPlainText, rendersMarkdown, toHover } from '../../server/src/lsp/hover';

const finding: Finding = {
  code: 'punctuation',
  severity: 'warning',
  message: '中文句子中使用了半角逗号「,」，应改为全角「，」。',
  range: lineRange(2, 22, 23),
  fix: { title: '改为全角「，」', edits: [{ range: lineRange(2, 22, 23), newText: '，' }] },
};

describe('matching the client’s diagnostics', () => {
  test('the client’s own diagnostic is sent back when code and range agree, whatever else it says', () => {
    // A client may hold a diagnostic the server published with other words or severity (an older phase, a user setting).
    const theirs: Diagnostic = { ...toDiagnostic(finding), message: '客户端保存的文字', severity: DiagnosticSeverity.Hint };
    assert.equal(new ClientDiagnostics([theirs]).match(finding), theirs);
  });

  test('diagnostics of other sources, codes or ranges are not taken; the server’s own mapping stands in', () => {
    const others: Diagnostic[] = [
      { ...toDiagnostic(finding), source: 'cspell' },
      { ...toDiagnostic(finding), code: 'numbering' },
      { ...toDiagnostic(finding), range: lineRange(2, 22, 24) },
    ];
    const matched = new ClientDiagnostics(others).match(finding);
    assert.ok(!others.includes(matched));
    assert.deepEqual(matched, toDiagnostic(finding));
  });
});

describe('code actions as LSP', () => {
  const doc = { uri: 'file:///d.txt', version: 7 };
  const edits = finding.fix!.edits;

  test('a WorkspaceEdit names the document version when the client takes versioned edits', () => {
    assert.deepEqual(workspaceEdit(doc, edits, { documentChanges: true }), { documentChanges: [{ textDocument: doc, edits }] });
    assert.deepEqual(workspaceEdit(doc, edits, { documentChanges: false }), { changes: { 'file:///d.txt': edits } });
  });

  test('an edit action carries its edit; a select action carries the jump command and no edit', () => {
    const fix: EngineCodeAction = { title: '改为全角「，」', kind: 'quickfix', edits, diagnostics: [finding], isPreferred: true };
    const jump: EngineCodeAction = { title: '跳到下一个占位符', kind: 'quickfix', edits: [], diagnostics: [], isPreferred: false, select: lineRange(5, 1, 3) };
    const [a, b] = toLspCodeActions([fix, jump], doc, [], { documentChanges: true });
    assert.deepEqual(a, { title: fix.title, kind: 'quickfix', diagnostics: [toDiagnostic(finding)], isPreferred: true, edit: workspaceEdit(doc, edits, { documentChanges: true }) });
    assert.deepEqual(b, {
      title: jump.title,
      kind: 'quickfix',
      diagnostics: [],
      command: { title: jump.title, command: 'zongjie.selectPlaceholder', arguments: [{ uri: doc.uri, version: 7, range: lineRange(5, 1, 3) }] },
    });
  });
});

describe('the jump command', () => {
  test('its argument is checked', () => {
    const range = lineRange(1, 2, 4);
    assert.deepEqual(parseSelectArgs([{ uri: 'file:///a.txt', version: 3, range }]), { uri: 'file:///a.txt', version: 3, range });
    for (const bad of [[], ['file:///a.txt'], [{ uri: '', version: 3, range }], [{ uri: 'file:///a.txt', version: 1.5, range }], [{ uri: 'file:///a.txt', version: 3, range: lineRange(1, 4, 2) }], [{ uri: 'file:///a.txt', version: 3, range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } } }]]) {
      assert.equal(parseSelectArgs(bad), null, JSON.stringify(bad));
    }
  });

  test('on a newer text: the same placeholder if it is still there, else the next one, wrapping', () => {
    const a = analyzeText(['2024年度XX局意识形态工作总结', '全年召开会议X次，开展活动X场。'].join('\n'));
    const [title, first, second] = a.findings.filter((f) => f.code === 'placeholder').map((f) => f.range);
    assert.deepEqual(placeholderTarget(a, first), first);
    assert.deepEqual(placeholderTarget(a, lineRange(1, 7, 8)), second, 'the first at or after where it was');
    assert.deepEqual(placeholderTarget(a, lineRange(1, 14, 15)), title, 'past the last one: the first');
    assert.equal(placeholderTarget(analyzeText('2024年度意识形态工作总结'), first), null);
  });
});

describe('hover contents', () => {
  const text = ['2024年意识形态工作总结', '现将有关情况总结如下。', '一、主要工作开展情况', '开展学习。', '三、存在的问题', '学习不深。', '四、下一步工作打算', '深化学习。'].join('\n');
  const markdown = hoverAt(analyzeText(text), { line: 4, character: 0 })!;

  test('Markdown unless the client lists only other formats', () => {
    assert.equal(rendersMarkdown(undefined), true);
    assert.equal(rendersMarkdown([]), true);
    assert.equal(rendersMarkdown([MarkupKind.PlainText, MarkupKind.Markdown]), true);
    assert.equal(rendersMarkdown([MarkupKind.PlainText]), false);
    assert.deepEqual(toHover(markdown, true), { contents: { kind: MarkupKind.Markdown, value: markdown } });
  });

  test('as plain text: no emphasis, code or fence marks, the example’s lines kept', () => {
    // The numbering rule's example spans lines, so this hover holds a fenced block.
    assert.match(markdown, /```text\n/);
    const plain = markdownToPlainText(markdown);
    assert.ok(!/\*\*|`/.test(plain), plain);
    assert.match(plain, /编号错乱（规则 numbering）/);
    assert.match(plain, /正确示例：\n\n二、存在的问题/);
    assert.deepEqual(toHover(markdown, false), { contents: { kind: MarkupKind.PlainText, value: plain } });
  });
});

describe('completion items', () => {
  test('keep the engine’s edit, order and detail; a filter text only where the engine gives one', () => {
    const text = ['2024年意识形态工作总结', '现将有关情况总结如下。', '一、主要工作开展情况', '（一）压实责任', '召开会议4次。', '('].join('\n');
    const proposals = completionsAt(analyzeText(text), { line: 5, character: 1 }, '(');
    const items = toCompletionItems(proposals);
    assert.equal(items.length, proposals.length);
    assert.deepEqual(items[0], {
      label: '（二）',
      kind: CompletionItemKind.EnumMember,
      detail: proposals[0].detail,
      sortText: '000',
      insertTextFormat: 1,
      textEdit: { range: lineRange(5, 0, 1), newText: '（二）' },
      filterText: '(二）',
    });
    const plain = toCompletionItems(completionsAt(analyzeText(text.replace(/\($/, '（')), { line: 5, character: 1 }, '（'));
    assert.equal('filterText' in plain[0], false);
  });
});
