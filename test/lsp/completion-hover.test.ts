/**
 * Completion and hover through the built server (dist/server.js --stdio).
 * Completion is asked for right after the keystroke's change, as editors do,
 * so it is answered on the text with that keystroke in it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CompletionItemKind, MarkupContent, MarkupKind } from 'vscode-languageserver-protocol/node';
import { applyEdits } from '../../server/src/engine/edits';
import { findRule } from '../../server/src/rules';
import { NOTE_LINES, lf } from './fixtures';
import { TestClient, fileUri } from './harness';
import { EDITOR_CAPABILITIES, completion, hover, hoverText } from './requests';

const TEST_TIMEOUT = { timeout: 30000 };

const HEAD = ['2024年度镇党委意识形态工作总结', '今年以来，镇党委认真落实意识形态工作责任制，现将有关情况总结如下。'];

/** A report being written: one part so far, two sub-headings under it. */
const WRITING = [...HEAD, '一、主要工作开展情况', '（一）压实工作责任', '召开党委会专题研究意识形态工作4次。', '（二）强化理论武装', '组织中心组集中学习12次。'];

const labels = (items: { label: string }[]) => items.map((i) => i.label);

describe('completion over stdio', TEST_TIMEOUT, () => {
  let client: TestClient;
  let docs = 0;

  /** Opens `lines`, waits for the check, then types `typed` on a new last line; returns the URI and the new line's index. */
  async function typing(lines: string[], typed: string): Promise<{ uri: string; line: number; text: string }> {
    const uri = fileUri(`补全-${++docs}.txt`);
    await client.open(uri, lf(lines));
    await client.waitForVersion(uri, 1);
    const last = lines.length - 1;
    const end = { line: last, character: lines[last].length };
    await client.change(uri, 2, [{ range: { start: end, end }, text: '\n' + typed }]);
    return { uri, line: lines.length, text: lf([...lines, typed]) };
  }

  before(async () => {
    client = await TestClient.spawn({ capabilities: EDITOR_CAPABILITIES });
  });
  after(async () => {
    await client.dispose();
  });

  test('after （二）, typing （ offers （三）, replacing the （ typed', async () => {
    const { uri, line, text } = await typing(WRITING, '（');
    const items = await completion(client, uri, line, 1, '（');
    assert.equal(items[0].label, '（三）');
    assert.equal(items[0].kind, CompletionItemKind.EnumMember);
    assert.match(items[0].detail!, /（二）/);
    assert.deepEqual(items[0].textEdit, { range: { start: { line, character: 0 }, end: { line, character: 1 } }, newText: '（三）' });
    assert.equal(applyEdits(text, [items[0].textEdit as { range: never; newText: string }]).split('\n')[line], '（三）');
  });

  test('a half-width ( finds （三） too, with a filter text that starts with what was typed', async () => {
    const { uri, line } = await typing(WRITING, '(');
    const [item] = await completion(client, uri, line, 1, '(');
    assert.equal(item.label, '（三）');
    assert.equal(item.filterText, '(三）');
  });

  test('after 二、, the next top-level number with the standard heading of the next part the report lacks', async () => {
    const { uri, line } = await typing([...WRITING, '二、存在的问题', '学习形式比较单一。'], '三');
    const items = await completion(client, uri, line, 1, '三');
    assert.deepEqual(labels(items), ['三、', '三、下一步工作打算', '三、意识形态领域形势研判分析']);
    assert.deepEqual(items.map((i) => i.kind), [CompletionItemKind.EnumMember, CompletionItemKind.Text, CompletionItemKind.Text]);
    assert.match(items[1].detail!, /缺少的「下一步工作打算」部分/);
    // The engine's order stays: sortText follows it.
    assert.deepEqual(items.map((i) => i.sortText), ['000', '001', '002']);
  });

  test('after an 一是 paragraph, the next one starts 二是', async () => {
    const { uri, line } = await typing([...HEAD, '一、主要工作开展情况', '一是加强组织领导，成立领导小组。'], '二');
    const items = await completion(client, uri, line, 1, '二');
    assert.equal(items[0].label, '二是');
    assert.equal(items[0].kind, CompletionItemKind.EnumMember);
  });

  test('on an empty line (invoked by hand): the level being written first, then the parts still missing', async () => {
    const { uri, line } = await typing(WRITING, '');
    const items = await completion(client, uri, line, 0);
    assert.deepEqual(labels(items).slice(0, 3), ['（三）', '二、', '二、存在的问题']);
  });

  test('inside a sentence, and in a document that is not a report: nothing', async () => {
    const { uri, line } = await typing(WRITING, '全年开展专题学习，其中一');
    assert.deepEqual(await completion(client, uri, line, 12, '一'), []);
    const note = fileUri('会议记录-补全.txt');
    await client.open(note, lf([...NOTE_LINES, '（']));
    await client.waitForVersion(note, 1);
    assert.deepEqual(await completion(client, note, NOTE_LINES.length, 1, '（'), []);
  });
});

const HOVER_LINES = [
  ...HEAD,
  '一、主要工作开展情况',
  '全年召开党委会X次专题研究意识形态工作,组织集中学习12次。',
  '二、存在的问题',
  '学习形式比较单一。',
  '三、下一步工作打算',
  '创新学习方式。',
];

describe('hover over stdio', TEST_TIMEOUT, () => {
  let client: TestClient;
  const uri = fileUri('悬停.txt');
  const line3 = HOVER_LINES[3];

  before(async () => {
    client = await TestClient.spawn({ capabilities: EDITOR_CAPABILITIES });
    await client.open(uri, lf(HOVER_LINES));
    await client.waitForVersion(uri, 1);
  });
  after(async () => {
    await client.dispose();
  });

  test('on a placeholder: what belongs there, as Markdown', async () => {
    const h = await hover(client, uri, 3, line3.indexOf('X'));
    assert.equal((h!.contents as MarkupContent).kind, MarkupKind.Markdown);
    const text = hoverText(h);
    assert.match(text, /^\*\*占位符「X」\*\*：此处应填写\*\*次数\*\*/);
    assert.match(text, /后面紧跟“次”/);
  });

  test('on a heading: which part, and the words that decided it', async () => {
    const text = hoverText(await hover(client, uri, 4, 3));
    assert.match(text, /标题「二、存在的问题」.*一级标题，归入「存在的问题」部分/);
    assert.match(text, /根据标题中的“存在的问题”归入「存在的问题」/);
  });

  test('on a finding: the rule’s explanation and a right example', async () => {
    const text = hoverText(await hover(client, uri, 3, line3.indexOf(',')));
    const { title, hover: doc } = findRule('punctuation')!.docs;
    assert.ok(text.includes(`**${title}**（规则 \`punctuation\`）`), text);
    assert.ok(text.includes(doc.explanation));
    assert.ok(text.includes(`正确示例：${doc.right}`) || text.includes(`正确示例：\n\n\`\`\`text\n${doc.right}\n\`\`\``), text);
  });

  test('on plain body text, and in a document that is not a report: nothing', async () => {
    assert.equal(await hover(client, uri, 5, 2), null);
    const note = fileUri('会议记录-悬停.txt');
    await client.open(note, lf(NOTE_LINES));
    await client.waitForVersion(note, 1);
    // 「XX」 on line 2 would be a placeholder in a report.
    assert.equal(await hover(client, note, 2, 6), null);
  });

  test('right after a change, the hover is for the new text', async () => {
    const doc = fileUri('悬停-修改.txt');
    await client.open(doc, lf(HOVER_LINES));
    await client.waitForVersion(doc, 1);
    // A line above moves the placeholder down; the hover asks about its new place at once.
    await client.change(doc, 2, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '全年工作有序推进。\n' }]);
    assert.match(hoverText(await hover(client, doc, 4, line3.indexOf('X'))), /占位符「X」/);
    // The old place is the heading 一、 now.
    assert.match(hoverText(await hover(client, doc, 3, line3.indexOf('X'))), /^\*\*标题「一、主要工作开展情况」/);
  });
});

describe('hover for a client that renders plain text only', TEST_TIMEOUT, () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.spawn({
      capabilities: { ...EDITOR_CAPABILITIES, textDocument: { ...EDITOR_CAPABILITIES.textDocument, hover: { contentFormat: [MarkupKind.PlainText] } } },
    });
  });
  after(async () => {
    await client.dispose();
  });

  test('gets the same text without Markdown marks', async () => {
    const uri = fileUri('纯文本悬停.txt');
    await client.open(uri, lf(HOVER_LINES));
    await client.waitForVersion(uri, 1);
    const h = await hover(client, uri, 3, HOVER_LINES[3].indexOf('X'));
    assert.equal((h!.contents as MarkupContent).kind, MarkupKind.PlainText);
    const text = hoverText(h);
    assert.match(text, /^占位符「X」：此处应填写次数。/);
    assert.ok(!text.includes('**') && !text.includes('`'), text);
  });
});
