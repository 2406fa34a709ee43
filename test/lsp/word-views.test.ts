/**
 * Read-only views of Word documents in the language server: the client asks
 * for a view's text (zongjie.wordText), opens the view, and gets the
 * diagnostics of the text plus the Word-only findings, the outline and hover;
 * no action edits the read-only view. A replaced file is read again.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import { Diagnostic } from 'vscode-languageserver-protocol/node';
import { SERVER_COMMANDS, WORD_VIEW_SCHEME } from '../../server/src/protocol';
import { Draft, draftDocx, h1, h2, text } from '../docx/drafts';
import { buildDocx, p, pStyle, r } from '../docx/build';
import { TestClient } from './harness';
import { EDITOR_CAPABILITIES, codeActions, codesOf, hover, hoverText } from './requests';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zongjie-word-view-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const DRAFT: Draft = {
  paras: [
    text('2025年县文旅局意识形态工作总结'),
    text('今年以来，局党组认真落实意识形态工作责任制，现将有关情况总结如下。'),
    h1('主要工作开展情况'),
    h2('抓好理论学习'),
    text('全年组织集中学习', { highlight: 'X' }, '次，开展专题研讨4次。'),
    h1('存在的问题'),
    // A half-width comma: its quick fix would edit the text.
    text('学习形式比较单一,覆盖面不够广。'),
    h1('下一步工作打算'),
    text('创新学习方式，加强阵地管理。'),
  ],
};

function viewOf(file: string): { fileUri: string; viewUri: string } {
  const fileUri = pathToFileURL(file).href;
  return { fileUri, viewUri: `${WORD_VIEW_SCHEME}:${pathToFileURL(file).pathname}` };
}

describe('Word views', { timeout: 30000 }, () => {
  test('the view is checked with its Word-only facts, has an outline and hovers, and offers no edits', async () => {
    const file = path.join(dir, '报告.docx');
    fs.writeFileSync(file, draftDocx(DRAFT));
    const { fileUri, viewUri } = viewOf(file);
    const client = await TestClient.inProcess({}, { capabilities: EDITOR_CAPABILITIES });
    try {
      const answer = (await client.command(SERVER_COMMANDS.wordText, fileUri, viewUri)) as { text: string };
      assert.equal(answer.text.split('\n')[2], '一、主要工作开展情况');
      await client.open(viewUri, answer.text);
      const published = await client.waitForVersion(viewUri, 1);
      assert.deepEqual(codesOf(published.diagnostics), ['marked-placeholder', 'placeholder', 'punctuation']);
      const marked = published.diagnostics[0] as Diagnostic;
      assert.deepEqual(marked.range, { start: { line: 4, character: 8 }, end: { line: 4, character: 9 } });
      const symbols = await client.symbols(viewUri);
      assert.equal(symbols[0].name, '2025年县文旅局意识形态工作总结');
      assert.deepEqual(symbols[0].children?.map((s) => s.name), ['一、主要工作开展情况', '二、存在的问题', '三、下一步工作打算']);
      assert.match(hoverText(await hover(client, viewUri, 4, 8)), /标记的待填内容/);
      // The comma's quick fix and "fix all" would edit the read-only view: none is offered; the placeholder's jump is.
      const comma = published.diagnostics[2];
      assert.deepEqual(await codeActions(client, viewUri, comma.range, [comma]), []);
      const jump = await codeActions(client, viewUri, published.diagnostics[1].range, [published.diagnostics[1]]);
      assert.ok(jump.length > 0 && jump.every((a) => !('edit' in a) || a.edit === undefined), JSON.stringify(jump));
    } finally {
      await client.dispose();
    }
  });

  test('a replaced file is read again; a view whose text is not the last reading is not checked', async () => {
    const file = path.join(dir, '替换.docx');
    fs.writeFileSync(file, draftDocx(DRAFT));
    const { fileUri, viewUri } = viewOf(file);
    const client = await TestClient.inProcess({}, { capabilities: EDITOR_CAPABILITIES });
    try {
      const first = (await client.command(SERVER_COMMANDS.wordText, fileUri, viewUri)) as { text: string };
      await client.open(viewUri, first.text);
      assert.equal((await client.waitForVersion(viewUri, 1)).diagnostics.length, 3);
      // Someone fills in the figure in Word and saves.
      const filled: Draft = { paras: DRAFT.paras.map((p, i) => (i === 4 ? text('全年组织集中学习12次，开展专题研讨4次。') : p)) };
      fs.writeFileSync(file, draftDocx(filled));
      const second = (await client.command(SERVER_COMMANDS.wordText, fileUri, viewUri)) as { text: string };
      await client.change(viewUri, 2, [{ text: second.text }]);
      assert.deepEqual(codesOf((await client.waitForVersion(viewUri, 2)).diagnostics), ['punctuation']);
      // A text the server did not read (the view of an older reading) is left alone.
      await client.change(viewUri, 3, [{ text: first.text }]);
      assert.deepEqual((await client.waitForVersion(viewUri, 3)).diagnostics, []);
    } finally {
      await client.dispose();
    }
  });

  test("a Word view takes the team configuration (.zongjie.json) of the Word file's folder", async () => {
    const team = path.join(dir, 'team');
    fs.mkdirSync(team, { recursive: true });
    fs.writeFileSync(path.join(team, '.zongjie.json'), JSON.stringify({ severity: { 'marked-placeholder': 'off' } }));
    const file = path.join(team, '报告.docx');
    fs.writeFileSync(file, draftDocx(DRAFT));
    const { fileUri, viewUri } = viewOf(file);
    const client = await TestClient.inProcess({}, { capabilities: EDITOR_CAPABILITIES });
    try {
      const answer = (await client.command(SERVER_COMMANDS.wordText, fileUri, viewUri)) as { text: string };
      await client.open(viewUri, answer.text);
      assert.deepEqual(codesOf((await client.waitForVersion(viewUri, 1)).diagnostics), ['placeholder', 'punctuation']);
    } finally {
      await client.dispose();
    }
  });

  test("a Word view's reports get their genre detected from the title, as a text draft's do, and a chosen genre applies", async () => {
    const file = path.join(dir, '党建.docx');
    const party: Draft = {
      paras: [
        text('2025年青山镇党委党建工作总结'),
        text('今年以来，镇党委认真落实管党治党责任，现将有关情况总结如下。'),
        h1('党建工作主要做法及成效'),
        text('全年召开党委会12次，开展主题党日8次。'),
        h1('存在的问题'),
        text('学习形式比较单一。'),
        h1('下一步工作打算'),
        text('创新学习方式。'),
      ],
    };
    fs.writeFileSync(file, draftDocx(party));
    const { fileUri, viewUri } = viewOf(file);
    const client = await TestClient.inProcess({}, { capabilities: EDITOR_CAPABILITIES });
    try {
      const answer = (await client.command(SERVER_COMMANDS.wordText, fileUri, viewUri)) as { text: string };
      await client.open(viewUri, answer.text);
      assert.deepEqual(codesOf((await client.waitForVersion(viewUri, 1)).diagnostics), []);
      assert.equal((await client.symbols(viewUri))[0].detail, '党建工作总结');
      await client.command(SERVER_COMMANDS.setFileGenre, { uri: viewUri, genre: 'work-plan' });
      assert.equal((await client.symbols(viewUri))[0].detail, '工作计划（工作要点）');
    } finally {
      await client.dispose();
    }
  });

  test('paragraphs in heading styles without numbers are in the Outline at their levels, on every check of the view', async () => {
    const styles =
      '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="10"><w:name w:val="标题 1"/><w:basedOn w:val="a"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="20"><w:name w:val="标题 2"/><w:basedOn w:val="a"/></w:style>';
    const para = (t: string, style?: string) => p(r(t), style ? pStyle(style) : '');
    const file = path.join(dir, '样式.docx');
    fs.writeFileSync(
      file,
      buildDocx({
        styles,
        body:
          para('2025年县图书馆意识形态工作总结') +
          para('今年以来，馆党支部认真落实意识形态工作责任制，现将有关情况总结如下。') +
          para('强化理论武装', '10') +
          para('读书班', '20') +
          para('举办读书班2期，参训60人次。') +
          para('管好宣传阵地', '10') +
          para('审核信息稿件120篇。'),
      }),
    );
    const { fileUri, viewUri } = viewOf(file);
    const client = await TestClient.inProcess({}, { capabilities: EDITOR_CAPABILITIES });
    try {
      const answer = (await client.command(SERVER_COMMANDS.wordText, fileUri, viewUri)) as { text: string };
      await client.open(viewUri, answer.text);
      await client.waitForVersion(viewUri, 1);
      for (let round = 0; round < 2; round++) {
        const symbols = await client.symbols(viewUri);
        assert.equal(symbols[0].name, '2025年县图书馆意识形态工作总结');
        const tops = symbols[0].children ?? [];
        assert.deepEqual(tops.map((s) => s.name), ['强化理论武装', '管好宣传阵地']);
        assert.deepEqual(tops[0].children?.map((s) => s.name), ['读书班']);
      }
    } finally {
      await client.dispose();
    }
  });

  test('a file that is not a Word document gets its message as the error', async () => {
    const file = path.join(dir, '网页.docx');
    fs.writeFileSync(file, '<html><body>2025年工作总结</body></html>');
    const { fileUri, viewUri } = viewOf(file);
    const client = await TestClient.inProcess({}, { capabilities: EDITOR_CAPABILITIES });
    try {
      await assert.rejects(client.command(SERVER_COMMANDS.wordText, fileUri, viewUri), /网页（HTML）/);
      await assert.rejects(client.command(SERVER_COMMANDS.wordText, pathToFileURL(path.join(dir, '不存在.docx')).href, viewUri), /文件不存在/);
    } finally {
      await client.dispose();
    }
  });
});
