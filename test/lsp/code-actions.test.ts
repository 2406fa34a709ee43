/**
 * Quick fixes and "fix all" through the built server (dist/server.js --stdio):
 * each action is requested as an editor requests it, its WorkspaceEdit is
 * applied to the text, and the server's check of the new text is the verdict.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CodeAction, CodeActionKind, Diagnostic } from 'vscode-languageserver-protocol/node';
import { NOTE_LINES, lf } from './fixtures';
import { TestClient, covered, fileUri } from './harness';
import {
  EDITOR_CAPABILITIES,
  actionsOn,
  applyAction,
  codeActions,
  codesOf,
  editsFor,
  recordShowDocument,
  replaceText,
  until,
} from './requests';

const TEST_TIMEOUT = { timeout: 30000 };

/** A draft with one problem of each fixable kind, and two placeholders. */
const DRAFT_LINES = [
  '本文系读者投稿，仅供学习参考，请勿照搬照抄！', // 0: template residue (a watermark line)
  '2024年度区文化馆意识形态工作总结', // 1: the title; 存在的问题 is missing
  '今年以来，馆党支部认真落实意识形态工作责任制,现将有关情况总结如下。', // 2: half-width comma
  '一、主要工作开展情况',
  '（一）压实工作责任',
  '全年召开支部会议X次专题研究意识形态工作。', // 5: placeholder X
  '（三）加强理论武装', // 6: numbering skips （二）
  '组织集中学习12次，开展专题研讨XX次。', // 7: placeholder XX
  '（四）强化阵地管理',
  '对微信公众号实行三审三校制度。',
  '二、下一步工作打算',
  '一是持续深化理论武装。二是加强阵地建设。',
];
const DRAFT = lf(DRAFT_LINES);

const WHOLE = { start: { line: 0, character: 0 }, end: { line: DRAFT_LINES.length, character: 0 } };

function linesOf(text: string): string[] {
  return text.split('\n');
}

/** Line indices where two texts with the same number of lines differ. */
function changedLines(a: string, b: string): number[] {
  const x = linesOf(a);
  const y = linesOf(b);
  assert.equal(y.length, x.length, 'same number of lines');
  return x.map((l, i) => (l === y[i] ? -1 : i)).filter((i) => i >= 0);
}

function one(diagnostics: Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.filter((d) => d.code === code);
  assert.equal(found.length, 1, `one ${code} diagnostic among ${codesOf(diagnostics)}`);
  return found[0];
}

describe('code actions over stdio', TEST_TIMEOUT, () => {
  let client: TestClient;
  let shown: ReturnType<typeof recordShowDocument>;
  let docs = 0;

  /** Opens DRAFT (or `text`) under a new URI and returns its first diagnostics. */
  async function open(text = DRAFT): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = fileUri(`修复-${++docs}.txt`);
    await client.open(uri, text);
    return { uri, diagnostics: (await client.waitForVersion(uri, 1)).diagnostics };
  }

  before(async () => {
    client = await TestClient.spawn({ capabilities: EDITOR_CAPABILITIES });
    shown = recordShowDocument(client);
  });
  after(async () => {
    await client.dispose();
  });

  test('initialize announces quick fixes and fix all, completion with its trigger characters, and hover', () => {
    const caps = client.initializeResult!.capabilities;
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll', 'source.fixAll.zongjie'], resolveProvider: false });
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual(caps.completionProvider?.triggerCharacters, ['（', '(', ...'一二三四五六七八九十', ...'123456789']);
    assert.ok(caps.executeCommandProvider?.commands.includes('zongjie.selectPlaceholder'));
  });

  test('a numbering skip: the whole run is renumbered in one edit, tied to the client’s diagnostic', async () => {
    const { uri, diagnostics } = await open();
    const skip = one(diagnostics, 'numbering');
    assert.equal(covered(DRAFT, skip.range), '（三）');
    const actions = await actionsOn(client, uri, skip);
    const fix = actions[0];
    assert.equal(fix.title, '将这一组同级标题依次编号为「（一）」至「（三）」');
    assert.equal(fix.kind, CodeActionKind.QuickFix);
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [skip]);
    assert.equal(fix.command, undefined);
    // Every later heading of the run, not just the one flagged: （三）→（二）, （四）→（三）.
    assert.equal(editsFor(fix.edit, uri, 1).length, 2);
    const fixed = applyAction(DRAFT, fix, uri, 1);
    assert.deepEqual(changedLines(DRAFT, fixed), [6, 8]);
    assert.equal(linesOf(fixed)[6], '（二）加强理论武装');
    assert.equal(linesOf(fixed)[8], '（三）强化阵地管理');
    const after = await replaceText(client, uri, 2, fixed);
    assert.ok(!codesOf(after).includes('numbering'), `no numbering finding left: ${codesOf(after)}`);
  });

  test('template residue: the watermark line is deleted, nothing else', async () => {
    const { uri, diagnostics } = await open();
    const residue = one(diagnostics, 'template-residue');
    const [fix] = await actionsOn(client, uri, residue);
    assert.equal(fix.title, '删除这些行');
    assert.equal(fix.isPreferred, true);
    const fixed = applyAction(DRAFT, fix, uri, 1);
    assert.equal(fixed, lf(DRAFT_LINES.slice(1)));
    const after = await replaceText(client, uri, 2, fixed);
    assert.ok(!codesOf(after).includes('template-residue'));
  });

  test('a missing part: its skeleton goes where the profile’s order puts it, and later numbers move up', async () => {
    const { uri, diagnostics } = await open();
    const missing = one(diagnostics, 'missing-section');
    const [fix] = await actionsOn(client, uri, missing);
    assert.equal(fix.title, '插入「二、存在的问题」部分的标题和待填写提示，并顺延后面标题的编号');
    const fixed = applyAction(DRAFT, fix, uri, 1);
    assert.deepEqual(linesOf(fixed).slice(10, 13), ['二、存在的问题', '【请填写本部分内容】', '三、下一步工作打算']);
    assert.deepEqual(linesOf(fixed).slice(0, 10), DRAFT_LINES.slice(0, 10), 'nothing before it changes');
    const after = await replaceText(client, uri, 2, fixed);
    assert.ok(!codesOf(after).includes('missing-section'));
    // The prompt is a placeholder until the author writes the part.
    assert.ok(after.some((d) => d.code === 'placeholder' && d.range.start.line === 11), codesOf(after).join());
  });

  test('a correction the finding carries: the half-width comma becomes full-width', async () => {
    const { uri, diagnostics } = await open();
    const comma = one(diagnostics, 'punctuation');
    const actions = await actionsOn(client, uri, comma);
    assert.equal(actions[0].title, '改为全角「，」');
    assert.deepEqual(editsFor(actions[0].edit, uri, 1), [{ range: comma.range, newText: '，' }]);
    // Beside it, fix all (it does more than this one correction), never preferred.
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]),
      [
        ['改为全角「，」', 'quickfix', true],
        ['修复全部可自动修复的问题', 'quickfix', false],
      ],
    );
    const fixed = applyAction(DRAFT, actions[0], uri, 1);
    assert.deepEqual(changedLines(DRAFT, fixed), [2]);
    const after = await replaceText(client, uri, 2, fixed);
    assert.ok(!codesOf(after).includes('punctuation'));
  });

  test('a placeholder is never filled in: its action edits nothing and jumps to the next one', async () => {
    const { uri, diagnostics } = await open();
    const [x, xx] = diagnostics.filter((d) => d.code === 'placeholder');
    assert.deepEqual([covered(DRAFT, x.range), covered(DRAFT, xx.range)], ['X', 'XX']);
    const actions = await actionsOn(client, uri, x);
    assert.equal(actions.length, 1);
    const jump = actions[0];
    assert.equal(jump.title, '跳到下一个占位符');
    assert.equal(jump.edit, undefined, 'no edit');
    assert.deepEqual(jump.diagnostics, [x]);
    assert.equal(jump.command?.command, 'zongjie.selectPlaceholder');
    assert.deepEqual(jump.command?.arguments, [{ uri, version: 1, range: xx.range }]);

    // The editor runs the command on the server, which asks the editor to select 「XX」.
    const before = shown.length;
    assert.equal(await client.command(jump.command!.command, ...jump.command!.arguments!), null);
    await until(() => shown.length > before, 'window/showDocument');
    assert.deepEqual(shown[shown.length - 1], { uri, takeFocus: true, selection: xx.range });
  });

  test('the jump computed on an older version selects the placeholder where it is now', async () => {
    const { uri, diagnostics } = await open();
    const [x, xx] = diagnostics.filter((d) => d.code === 'placeholder');
    const [jump] = await actionsOn(client, uri, x);
    // Two lines inserted above the placeholders before the user picks the action.
    await replaceText(client, uri, 2, lf([...DRAFT_LINES.slice(0, 3), '全年工作有序推进。', '各项任务全面完成。', ...DRAFT_LINES.slice(3)]));
    const before = shown.length;
    await client.command(jump.command!.command, ...jump.command!.arguments!);
    await until(() => shown.length > before, 'window/showDocument');
    // 「XX」 moved from line 7 to line 9; the old range (line 7) is no placeholder now.
    const moved = { start: { line: xx.range.start.line + 2, character: xx.range.start.character }, end: { line: xx.range.end.line + 2, character: xx.range.end.character } };
    assert.deepEqual(shown[shown.length - 1].selection, moved);
  });

  test('the jump command refuses arguments that are not { uri, version, range }', async () => {
    await assert.rejects(client.command('zongjie.selectPlaceholder', 'file:///x.txt'), /uri, version, range/);
    await assert.rejects(client.command('zongjie.selectPlaceholder', { uri: 'file:///x.txt', version: 1, range: { start: { line: 2, character: 0 }, end: { line: 1, character: 0 } } }), /uri, version, range/);
  });

  test('fix all for only: [source.fixAll] (fix on save): one edit set that leaves nothing fixable, and is idempotent', async () => {
    const { uri, diagnostics } = await open();
    const actions = (await codeActions(client, uri, WHOLE, diagnostics, ['source.fixAll'])) as CodeAction[];
    assert.equal(actions.length, 1);
    const [all] = actions;
    assert.equal(all.title, '修复全部可自动修复的问题');
    assert.equal(all.kind, 'source.fixAll.zongjie');
    assert.deepEqual(codesOf(all.diagnostics!).sort(), ['numbering', 'punctuation', 'template-residue']);
    const fixed = applyAction(DRAFT, all, uri, 1);
    const after = await replaceText(client, uri, 2, fixed);
    // What is left needs the author: the placeholders and the missing part.
    assert.deepEqual([...new Set(codesOf(after))].sort(), ['missing-section', 'placeholder']);
    // A second save changes nothing.
    assert.deepEqual(await codeActions(client, uri, WHOLE, after, ['source.fixAll']), []);
  });

  test('fix all answers the exact kind and the source menu; other kinds get nothing', async () => {
    const { uri } = await open();
    for (const only of [['source.fixAll.zongjie'], ['source'], ['quickfix', 'source.fixAll']]) {
      const kinds = ((await codeActions(client, uri, WHOLE, [], only)) as CodeAction[]).map((a) => a.kind);
      assert.ok(kinds.includes('source.fixAll.zongjie'), `${only}: ${kinds}`);
    }
    assert.deepEqual(await codeActions(client, uri, WHOLE, [], ['refactor']), []);
    assert.deepEqual(await codeActions(client, uri, WHOLE, [], ['source.organizeImports']), []);
  });

  test('a request made after a change is answered for the new text, never the old', async () => {
    const { uri } = await open();
    // Version 2 puts a line above everything; the request follows the change at once,
    // before the server's queued check of version 2 has run.
    const v2Lines = ['（本稿为第二稿）', ...DRAFT_LINES];
    const v2 = lf(v2Lines);
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: v2Lines[0] + '\n' }]);
    const skipInV2 = { start: { line: 7, character: 0 }, end: { line: 7, character: 3 } };
    const actions = (await codeActions(client, uri, skipInV2)) as CodeAction[];
    const renumber = actions.find((a) => a.title.startsWith('将这一组同级标题'));
    assert.ok(renumber, `a renumbering action at line 7 of version 2: ${actions.map((a) => a.title)}`);
    const fixed = applyAction(v2, renumber, uri, 2);
    assert.deepEqual(changedLines(v2, fixed), [7, 9]);
    const after = await replaceText(client, uri, 3, fixed);
    assert.ok(!codesOf(after).includes('numbering'));
  });

  test('a document that is not a report gets no actions', async () => {
    const uri = fileUri('会议记录-修复.txt');
    await client.open(uri, lf(NOTE_LINES));
    await client.waitForVersion(uri, 1);
    assert.deepEqual(await codeActions(client, uri, { start: { line: 2, character: 0 }, end: { line: 2, character: 10 } }), []);
    assert.deepEqual(await codeActions(client, uri, WHOLE, [], ['source.fixAll']), []);
  });
});

describe('code actions for a client without versioned edits or showDocument', TEST_TIMEOUT, () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.spawn({
      capabilities: {
        ...EDITOR_CAPABILITIES,
        workspace: { configuration: true },
        window: {},
      },
    });
  });
  after(async () => {
    await client.dispose();
  });

  test('edits come as `changes` for the one document', async () => {
    const uri = fileUri('旧客户端.txt');
    await client.open(uri, DRAFT);
    const { diagnostics } = await client.waitForVersion(uri, 1);
    const [fix] = await actionsOn(client, uri, one(diagnostics, 'punctuation'));
    assert.equal(fix.edit?.documentChanges, undefined);
    assert.deepEqual(Object.keys(fix.edit?.changes ?? {}), [uri]);
    assert.equal(linesOf(applyAction(DRAFT, fix, uri))[2], DRAFT_LINES[2].replace(',', '，'));
  });

  test('the placeholder jump says where the next placeholder is', async () => {
    const uri = fileUri('旧客户端占位符.txt');
    await client.open(uri, DRAFT);
    const { diagnostics } = await client.waitForVersion(uri, 1);
    const [jump] = await actionsOn(client, uri, diagnostics.filter((d) => d.code === 'placeholder')[0]);
    await client.command(jump.command!.command, ...jump.command!.arguments!);
    const m = await client.waitForMessage((x) => x.message.includes('占位符'));
    assert.equal(m.message, '下一个占位符在第 8 行第 17 列：「XX」。');
  });
});

describe('a carried correction from the word rules, with the real segmenter', TEST_TIMEOUT, () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.spawn({ capabilities: EDITOR_CAPABILITIES, args: [] });
  });
  after(async () => {
    await client.dispose();
  });

  const LINES = [
    '2024年度区文化馆意识形态工作总结',
    '今年以来，馆党支部认真学习贯彻党的二十大大精神，现将有关情况总结如下。',
    '一、主要工作开展情况',
    '组织集中学习12次。',
    '二、存在的问题',
    '学习形式比较单一。',
    '三、下一步工作打算',
    '创新学习方式。',
  ];

  test('a doubled character: the stray copy is deleted', async () => {
    const uri = fileUri('重复字.txt');
    const text = lf(LINES);
    await client.open(uri, text);
    // The second phase (with words) finds it; the dictionaries take a moment to load.
    const withWords = await client.waitForDiagnostics(uri, (p) => p.version === 1 && codesOf(p.diagnostics).includes('duplicated-char'), 0, 20000);
    const doubled = one(withWords.diagnostics, 'duplicated-char');
    assert.equal(covered(text, doubled.range), '二十大大');
    const [fix] = await actionsOn(client, uri, doubled);
    assert.equal(fix.title, '删去重复的「大」');
    assert.deepEqual(fix.diagnostics, [doubled]);
    const fixed = applyAction(text, fix, uri, 1);
    assert.equal(linesOf(fixed)[1], LINES[1].replace('二十大大', '二十大'));
    // Both phases of version 2 run; neither finds it.
    const from = client.published.length;
    await client.change(uri, 2, [{ text: fixed }]);
    await client.waitForDiagnostics(uri, () => client.published.slice(from).filter((p) => p.uri === uri && p.version === 2).length === 2, from, 20000);
    for (const p of client.published.slice(from).filter((x) => x.uri === uri)) assert.ok(!codesOf(p.diagnostics).includes('duplicated-char'));
  });

  test('a keystroke on another line keeps the word findings in its first publication (no flicker)', async () => {
    const uri = fileUri('不闪烁.txt');
    await client.open(uri, lf(LINES));
    await client.waitForDiagnostics(uri, (p) => p.version === 1 && codesOf(p.diagnostics).includes('duplicated-char'), 0, 20000);
    const from = client.published.length;
    // Type on line 3; line 1, with the doubled character, does not change.
    await client.change(uri, 2, [{ range: { start: { line: 3, character: 6 }, end: { line: 3, character: 8 } }, text: '13' }]);
    const first = await client.waitForDiagnostics(uri, (p) => p.version === 2, from, 20000);
    assert.ok(codesOf(first.diagnostics).includes('duplicated-char'), JSON.stringify(codesOf(first.diagnostics)));
  });

  test('while typing, the typed line gets its word findings once the typing pauses', async () => {
    const uri = fileUri('停顿后.txt');
    await client.open(uri, lf(LINES));
    await client.waitForDiagnostics(uri, (p) => p.version === 1 && codesOf(p.diagnostics).includes('duplicated-char'), 0, 20000);
    // Three quick edits on line 5; the last one types a doubled character.
    const from = client.published.length;
    for (const [v, text] of [[2, '学'], [3, '习'], [4, '的的']] as const) {
      const at = LINES[5].length - 1 + (v - 2);
      await client.change(uri, v, [{ range: { start: { line: 5, character: at }, end: { line: 5, character: at } }, text }]);
    }
    const found = await client.waitForDiagnostics(uri, (p) => p.version === 4 && p.diagnostics.some((d) => d.code === 'duplicated-char' && d.range.start.line === 5), from, 20000);
    assert.ok(found.diagnostics.some((d) => d.code === 'duplicated-char' && d.range.start.line === 1), 'line 1 keeps its finding');
  });

  test('fix all right after a change waits for the word rules of that version', async () => {
    // Words must be ready before version 2 comes: a draft with a doubled character
    // shows its duplicated-char finding only once the dictionaries are loaded.
    const warm = fileUri('分词就绪.txt');
    await client.open(warm, lf(LINES));
    await client.waitForDiagnostics(warm, (p) => p.diagnostics.some((d) => d.code === 'duplicated-char'), 0, 20000);
    const uri = fileUri('保存时修复.txt');
    await client.open(uri, lf(LINES.map((l, i) => (i === 1 ? l.replace('二十大大', '二十大') : l))));
    // Version 1 checked (in one pass when all its lines were cut before, else in two).
    await client.waitForDiagnostics(uri, (p) => p.version === 1, 0, 20000);
    // Type the doubled character back in and save at once: the request comes before any check of version 2.
    const at = LINES[1].indexOf('大精神');
    await client.change(uri, 2, [{ range: { start: { line: 1, character: at }, end: { line: 1, character: at } }, text: '大' }]);
    const actions = (await codeActions(client, uri, { start: { line: 0, character: 0 }, end: { line: 8, character: 0 } }, [], ['source.fixAll'])) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.deepEqual(editsFor(actions[0].edit, uri, 2), [{ range: { start: { line: 1, character: at }, end: { line: 1, character: at + 1 } }, newText: '' }]);
  });
});
