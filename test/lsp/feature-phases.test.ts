/**
 * Code actions, completion and hover against the two-phase check, in-process:
 * a fake segmenter host whose answers the test holds back shows which version
 * and which phase a request is answered from.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CodeAction, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import { Segmenter } from '../../server/src/engine/segmenter';
import { SegmenterHostLike } from '../../server/src/lsp/segmentation';
import { WORDS_WAIT_MS } from '../../server/src/lsp/server';
import { duplicatedCharRule } from '../../server/src/rules/duplicated-char';
import { numberingRule } from '../../server/src/rules/numbering';
import { placeholderRule } from '../../server/src/rules/placeholder';
import { DEFAULT_CAPABILITIES, TestClient, fileUri } from './harness';
import { EDITOR_CAPABILITIES, actionsOn, applyAction, codeActions, codesOf, completion, hover, hoverText, until } from './requests';

const TEST_TIMEOUT = { timeout: 30000 };

/**
 * Cuts 「二十大」 and a lone 「大」 as words, the rest one character a word:
 * enough for duplicated-char to see 「二十大大」 as a doubled character.
 */
function cut(text: string): string[] {
  return text.split(/(二十大|大)/).filter(Boolean).flatMap((w) => (w === '二十大' || w === '大' ? [w] : [...w]));
}

/** A host that is ready at once and answers each prepare() only when the test releases it. */
class HeldHost implements SegmenterHostLike {
  readonly ready = Promise.resolve(true);
  failure: string | null = null;
  hold = true;
  private readonly waiting: (() => void)[] = [];
  prepared = 0;

  async prepare(): Promise<Segmenter> {
    this.prepared++;
    if (this.hold) await new Promise<void>((resolve) => this.waiting.push(resolve));
    return { cut };
  }

  /** Answers every prepare() waiting now. */
  release(): void {
    for (const r of this.waiting.splice(0)) r();
  }

  get pending(): number {
    return this.waiting.length;
  }

  dispose(): void {
    this.hold = false;
    this.release();
  }
}

const RULES = [placeholderRule, numberingRule, duplicatedCharRule];

const LINES = [
  '2024年度区文化馆意识形态工作总结',
  '今年以来，馆党支部认真学习贯彻党的二十大大精神，现将有关情况总结如下。',
  '一、主要工作开展情况',
  '（一）压实工作责任',
  '全年召开支部会议X次。',
  '（三）加强理论武装',
  '组织集中学习12次。',
];
const TEXT = LINES.join('\n');
const DOUBLED = { start: { line: 1, character: 17 }, end: { line: 1, character: 21 } };
const WHOLE = { start: { line: 0, character: 0 }, end: { line: LINES.length, character: 0 } };

async function start(host: SegmenterHostLike | null): Promise<TestClient> {
  return TestClient.inProcess({ startSegmenter: () => host, rules: RULES }, { capabilities: EDITOR_CAPABILITIES });
}

describe('requests and the second phase', TEST_TIMEOUT, () => {
  test('a code action request waits for the words of its version, and then offers their fix', async () => {
    const host = new HeldHost();
    const client = await start(host);
    try {
      const uri = fileUri('等待分词.txt');
      await client.open(uri, TEXT);
      const basic = await client.waitForVersion(uri, 1);
      assert.ok(!codesOf(basic.diagnostics).includes('duplicated-char'), 'phase 1 has no word findings');
      await until(() => host.pending === 1, 'phase 2 to start');
      const answer = codeActions(client, uri, DOUBLED) as Promise<CodeAction[]>;
      let answered = false;
      void answer.then(() => (answered = true));
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(answered, false, 'no answer while the words of this version are on their way');
      host.release();
      const actions = await answer;
      assert.equal(actions[0].title, '删去重复的「大」');
      assert.equal(applyAction(TEXT, actions[0], uri, 1).split('\n')[1], LINES[1].replace('二十大大', '二十大'));
    } finally {
      await client.dispose();
    }
  });

  test('a hover waits for them too: the doubled character’s explanation', async () => {
    const host = new HeldHost();
    const client = await start(host);
    try {
      const uri = fileUri('等待分词悬停.txt');
      await client.open(uri, TEXT);
      await client.waitForVersion(uri, 1);
      await until(() => host.pending === 1, 'phase 2 to start');
      const answer = hover(client, uri, 1, 19);
      setTimeout(() => host.release(), 50);
      assert.match(hoverText(await answer), /规则 `duplicated-char`/);
    } finally {
      await client.dispose();
    }
  });

  test('words that never come hold a request back at most WORDS_WAIT_MS; the first phase answers', async () => {
    const host = new HeldHost();
    const client = await start(host);
    try {
      const uri = fileUri('分词卡住.txt');
      await client.open(uri, TEXT);
      const published = await client.waitForVersion(uri, 1);
      await until(() => host.pending === 1, 'phase 2 to start');
      const began = Date.now();
      const actions = (await codeActions(client, uri, WHOLE, [], ['source.fixAll'])) as CodeAction[];
      const waited = Date.now() - began;
      assert.ok(waited >= WORDS_WAIT_MS - 50 && waited < WORDS_WAIT_MS + 2000, `waited ${waited} ms`);
      // The renumbering of phase 1, tied to the diagnostic phase 1 published.
      assert.equal(actions.length, 1);
      assert.deepEqual(codesOf(actions[0].diagnostics!), ['numbering']);
      assert.deepEqual(actions[0].diagnostics, published.diagnostics.filter((d) => d.code === 'numbering'));
    } finally {
      await client.dispose();
    }
  });

  test('completion does not wait for words', async () => {
    const host = new HeldHost();
    const client = await start(host);
    try {
      const uri = fileUri('补全不等待.txt');
      await client.open(uri, TEXT + '\n（');
      await client.waitForVersion(uri, 1);
      await until(() => host.pending === 1, 'phase 2 to start');
      const items = await completion(client, uri, LINES.length, 1, '（');
      assert.deepEqual(items.map((i) => i.label), ['（四）']);
      assert.equal(host.pending, 1, 'phase 2 is still held');
    } finally {
      await client.dispose();
    }
  });

  test('a request whose document changes while it waits fails with ContentModified instead of answering for either text', async () => {
    const host = new HeldHost();
    const client = await start(host);
    try {
      const uri = fileUri('等待中修改.txt');
      await client.open(uri, TEXT);
      await client.waitForVersion(uri, 1);
      await until(() => host.pending === 1, 'phase 2 to start');
      const answer = codeActions(client, uri, DOUBLED);
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '（第二稿）\n' }]);
      await client.waitForVersion(uri, 2);
      host.release();
      await assert.rejects(answer, (e: unknown) => e instanceof ResponseError && e.code === LSPErrorCodes.ContentModified);
    } finally {
      await client.dispose();
    }
  });
});

describe('a request right behind a change', TEST_TIMEOUT, () => {
  test('is answered from the new version, checked at once, not from the stored analysis of the old one', async () => {
    const client = await TestClient.inProcess({ startSegmenter: () => null, rules: RULES }, { capabilities: EDITOR_CAPABILITIES });
    try {
      const uri = fileUri('紧随修改.txt');
      await client.open(uri, TEXT);
      await client.waitForVersion(uri, 1);
      // Both messages are written in one turn, so the server reads the request
      // before its queued check of version 2 has run.
      const v2 = '（第二稿）\n' + TEXT;
      const from = client.published.length;
      const change = client.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '（第二稿）\n' }],
      });
      const answer = codeActions(client, uri, { start: { line: 6, character: 0 }, end: { line: 6, character: 3 } }) as Promise<CodeAction[]>;
      await change;
      const actions = await answer;
      const renumber = actions.find((a) => a.title.startsWith('将这一组同级标题'));
      assert.ok(renumber, `renumbering at line 6 of version 2: ${actions.map((a) => a.title)}`);
      const fixed = applyAction(v2, renumber, uri, 2);
      assert.equal(fixed.split('\n')[6], '（二）加强理论武装');
      // The check the request ran was published for version 2, and only once.
      await client.settle();
      assert.deepEqual(client.published.slice(from).filter((p) => p.uri === uri).map((p) => p.version), [2]);
    } finally {
      await client.dispose();
    }
  });
});

describe('a client without CodeAction literals', TEST_TIMEOUT, () => {
  test('is offered no code action provider, and gets none if it asks anyway', async () => {
    const client = await TestClient.inProcess({ startSegmenter: () => null, rules: RULES }, { capabilities: DEFAULT_CAPABILITIES });
    try {
      assert.equal(client.initializeResult!.capabilities.codeActionProvider, undefined);
      const uri = fileUri('无字面量.txt');
      await client.open(uri, TEXT + '\n');
      const { diagnostics } = await client.waitForVersion(uri, 1);
      assert.deepEqual(await actionsOn(client, uri, diagnostics.find((d) => d.code === 'numbering')!), []);
      // Hover and completion need no such capability.
      assert.match(hoverText(await hover(client, uri, 4, 8)), /占位符「X」/);
      assert.deepEqual((await completion(client, uri, LINES.length, 0)).map((i) => i.label).slice(0, 2), ['（四）', '二、']);
    } finally {
      await client.dispose();
    }
  });
});
