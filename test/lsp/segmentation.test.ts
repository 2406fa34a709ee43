/**
 * The two-phase check with word segmentation, in-process: the server module
 * gets a fake segmenter host whose readiness and answers the test controls,
 * and a rule that needs a segmenter (the engine's registry may not have one).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MessageType } from 'vscode-languageserver-protocol/node';
import { Segmenter } from '../../server/src/engine/segmenter';
import { lineRange, RuleFinding } from '../../server/src/engine/types';
import { LARGE_DOCUMENT_BYTES } from '../../server/src/lsp/checks';
import { SegmenterHostLike } from '../../server/src/lsp/segmentation';
import { SEGMENTER_START_DELAY_MS } from '../../server/src/lsp/server';
import { placeholderRule } from '../../server/src/rules/placeholder';
import { Rule } from '../../server/src/rules/rule';
import { testDocs } from '../helpers';
import { REPORT_LINES, lf } from './fixtures';
import { DEFAULT_CAPABILITIES, TestClient, fileUri } from './harness';

const TEST_TIMEOUT = { timeout: 30000 };

/** Flags every word 「工作」 the segmenter returns: present only in phase 2. */
const wordRule: Rule = {
  id: 'word-test',
  docs: testDocs('测试用：标出分词结果中的「工作」'),
  defaultSeverity: 'information',
  fixable: false, scope: 'document',
  requiresSegmenter: true,
  check(ctx): RuleFinding[] {
    const out: RuleFinding[] = [];
    ctx.source.lines.forEach((line, l) => {
      let at = 0;
      for (const w of ctx.segmenter!.cut(line)) {
        if (w === '工作') out.push({ message: '「工作」', range: lineRange(l, at, at + w.length) });
        at += w.length;
      }
    });
    return out;
  },
};

const throwingRule: Rule = {
  id: 'throws',
  docs: testDocs('测试用：总是出错'),
  defaultSeverity: 'error',
  fixable: false, scope: 'document',
  check() {
    throw new Error('rule exploded\n    at somewhere');
  },
};

interface Deferred {
  resolve: () => void;
  promise: Promise<void>;
}

function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { resolve, promise };
}

class FakeHost implements SegmenterHostLike {
  readonly ready: Promise<boolean>;
  failure: string | null = null;
  disposed = false;
  /** The texts of each prepare call, in order. */
  readonly calls: string[][] = [];
  /** When set, each prepare waits for its own deferred (in `held`) before answering. */
  hold = false;
  readonly held: Deferred[] = [];
  /** When set, prepare rejects as a dead worker would. */
  dead: string | null = null;
  private settle!: (ok: boolean) => void;

  constructor() {
    this.ready = new Promise<boolean>((r) => (this.settle = r));
  }

  becomeReady(): void {
    this.settle(true);
  }

  failToLoad(reason: string): void {
    this.failure = reason;
    this.settle(false);
  }

  async prepare(texts: string[]): Promise<Segmenter> {
    this.calls.push(texts);
    if (this.dead) {
      this.failure = this.dead;
      throw new Error(this.dead);
    }
    if (this.hold) {
      const d = deferred();
      this.held.push(d);
      await d.promise;
    }
    const known = new Set(texts);
    return {
      cut: (t: string) => {
        assert.ok(known.has(t), `cut() of a text that was not prepared: ${t}`);
        return t.split(/(工作)/).filter(Boolean);
      },
    };
  }

  dispose(): void {
    this.disposed = true;
  }
}

async function startWith(host: FakeHost | null, rules: Rule[] = [placeholderRule, wordRule], capabilities = DEFAULT_CAPABILITIES): Promise<TestClient> {
  return TestClient.inProcess({ startSegmenter: () => host, rules }, { capabilities });
}

const codes = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.map((d) => String(d.code));
const wordCount = (p: { diagnostics: { code?: unknown }[] }) => codes(p).filter((c) => c === 'word-test').length;

/** 「工作」 occurs 5 times in REPORT_LINES. */
const WORDS_IN_REPORT = lf(REPORT_LINES).split('工作').length - 1;

describe('two-phase checking with word segmentation', TEST_TIMEOUT, () => {
  test('before segmentation is ready: cheap rules only; when it becomes ready, open documents are checked again in full', async () => {
    const host = new FakeHost();
    const client = await startWith(host);
    try {
      const uri = fileUri('分词.txt');
      await client.open(uri, lf(REPORT_LINES));
      const first = await client.waitForVersion(uri, 1);
      assert.deepEqual(codes(first), ['placeholder', 'placeholder']);
      assert.equal(host.calls.length, 0);

      const from = client.published.length;
      host.becomeReady();
      const full = await client.waitForDiagnostics(uri, (p) => wordCount(p) > 0, from);
      assert.equal(full.version, 1);
      assert.equal(wordCount(full), WORDS_IN_REPORT);
      assert.equal(codes(full).filter((c) => c === 'placeholder').length, 2);
      // The lines were segmented, each distinct non-blank line once.
      assert.deepEqual(host.calls[host.calls.length - 1], [...new Set(REPORT_LINES)]);

      // Once ready, each change is published twice: at once without, then with the segmenter.
      const from2 = client.published.length;
      await client.change(uri, 2, [{ range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } }, text: '工作' }]);
      const v2 = await client.waitForDiagnostics(uri, (p) => p.version === 2 && wordCount(p) === WORDS_IN_REPORT + 1, from2);
      const v2s = client.published.slice(from2).filter((p) => p.uri === uri);
      assert.equal(wordCount(v2s[0]), 0, 'the first publication for version 2 comes without waiting for the segmenter');
      assert.equal(v2s[v2s.length - 1], v2);
    } finally {
      await client.dispose();
    }
    assert.equal(host.disposed, true, 'shutdown disposes the host');
  });

  test('when segmentation becomes ready, a document already checked at its version gets its second phase only (its first is not checked and published again)', async () => {
    const host = new FakeHost();
    const client = await startWith(host);
    try {
      const uri = fileUri('分词就绪.txt');
      await client.open(uri, lf(REPORT_LINES));
      await client.waitForVersion(uri, 1);
      const from = client.published.length;
      host.becomeReady();
      const full = await client.waitForDiagnostics(uri, (p) => wordCount(p) > 0, from);
      assert.deepEqual(client.published.slice(from).filter((p) => p.uri === uri), [full]);
      assert.equal(host.calls.length, 1);
    } finally {
      await client.dispose();
    }
  });

  test('with segmenterAfterFirstCheck, nodejieba starts loading only once the first diagnostics are out (or after a short wait without documents)', async () => {
    const host = new FakeHost();
    let starts = 0;
    const client = await TestClient.inProcess({ startSegmenter: () => (starts++, host), rules: [placeholderRule, wordRule], segmenterAfterFirstCheck: true });
    try {
      await client.settle();
      assert.equal(starts, 0, 'not started before any check');
      const uri = fileUri('先检查.txt');
      await client.open(uri, lf(REPORT_LINES));
      const first = await client.waitForVersion(uri, 1);
      assert.equal(wordCount(first), 0);
      while (starts === 0) await new Promise((r) => setTimeout(r, 5));
      host.becomeReady();
      const full = await client.waitForDiagnostics(uri, (p) => wordCount(p) > 0);
      assert.equal(full.version, 1);
      assert.equal(starts, 1);
    } finally {
      await client.dispose();
    }
    const idle = await TestClient.inProcess({ startSegmenter: () => (starts++, new FakeHost()), rules: [placeholderRule], segmenterAfterFirstCheck: true });
    try {
      const t0 = performance.now();
      while (starts === 1) {
        assert.ok(performance.now() - t0 < 5000, 'segmentation never started without a document');
        await new Promise((r) => setTimeout(r, 10));
      }
      assert.ok(performance.now() - t0 >= SEGMENTER_START_DELAY_MS / 2);
    } finally {
      await idle.dispose();
    }
  });

  test('a slow segmentation never overwrites the result of a newer version', async () => {
    const host = new FakeHost();
    host.becomeReady();
    host.hold = true;
    const client = await startWith(host);
    try {
      const uri = fileUri('慢分词.txt');
      await client.open(uri, lf(REPORT_LINES));
      await client.waitForVersion(uri, 1);
      // Wait until phase 2 of version 1 is waiting in prepare().
      while (host.held.length < 1) await new Promise((r) => setTimeout(r, 5));
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 6 }, end: { line: 0, character: 8 } }, text: '市' }]);
      await client.waitForVersion(uri, 2);
      while (host.held.length < 2) await new Promise((r) => setTimeout(r, 5));

      // Version 1's segmentation finishes after version 2 was published: dropped.
      host.held[0].resolve();
      await client.settle();
      const afterV1 = client.published.filter((p) => p.uri === uri);
      assert.deepEqual(afterV1.map((p) => [p.version, wordCount(p)]), [
        [1, 0],
        [2, 0],
      ]);

      // Version 2's own segmentation is published.
      host.held[1].resolve();
      const full = await client.waitForDiagnostics(uri, (p) => p.version === 2 && wordCount(p) > 0);
      assert.equal(codes(full).filter((c) => c === 'placeholder').length, 1);
      const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version!);
      assert.deepEqual(versions, [1, 2, 2]);
    } finally {
      await client.dispose();
    }
  });

  test('a slow segmentation is dropped when the user stops checking the document meanwhile', async () => {
    const host = new FakeHost();
    host.becomeReady();
    host.hold = true;
    const client = await startWith(host);
    try {
      const uri = fileUri('停止.txt');
      await client.open(uri, lf(REPORT_LINES));
      await client.waitForVersion(uri, 1);
      while (host.held.length < 1) await new Promise((r) => setTimeout(r, 5));
      await client.changeSettings({ enable: false });
      await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
      host.held[0].resolve();
      await client.settle();
      const last = client.published.filter((p) => p.uri === uri).pop()!;
      assert.deepEqual(last.diagnostics, []);
    } finally {
      await client.dispose();
    }
  });

  test('segmentation that cannot load: one Chinese warning, the cheap checks go on', async () => {
    const host = new FakeHost();
    const client = await startWith(host);
    try {
      host.failToLoad('找不到分词词典');
      const uri = fileUri('无分词.txt');
      await client.open(uri, lf(REPORT_LINES));
      const p = await client.waitForVersion(uri, 1);
      assert.deepEqual(codes(p), ['placeholder', 'placeholder']);
      const msg = await client.waitForMessage();
      assert.equal(msg.type, MessageType.Warning);
      assert.match(msg.message, /找不到分词词典/);
      assert.match(msg.message, /用词和标点检查暂不可用/);
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
      await client.waitForVersion(uri, 2);
      await client.settle();
      assert.equal(client.messages.length, 1);
      assert.equal(host.calls.length, 0);
    } finally {
      await client.dispose();
    }
  });

  test('a segmenter that dies later: one warning, and phase 1 results stay', async () => {
    const host = new FakeHost();
    host.becomeReady();
    const client = await startWith(host);
    try {
      const uri = fileUri('分词中断.txt');
      await client.open(uri, lf(REPORT_LINES));
      await client.waitForDiagnostics(uri, (p) => wordCount(p) > 0);
      host.dead = '分词线程意外退出（退出码 1）';
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
      const v2 = await client.waitForVersion(uri, 2);
      assert.equal(wordCount(v2), 0);
      const msg = await client.waitForMessage();
      assert.match(msg.message, /分词线程意外退出/);
      const calls = host.calls.length;
      await client.change(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
      await client.waitForVersion(uri, 3);
      await client.settle();
      assert.equal(host.calls.length, calls, 'no more segmentation requests after the failure');
      assert.equal(client.messages.length, 1);
    } finally {
      await client.dispose();
    }
  });

  test('a very large document gets no second phase', async () => {
    const host = new FakeHost();
    host.becomeReady();
    const client = await startWith(host);
    try {
      const uri = fileUri('大文档分词.txt');
      const copy = lf(REPORT_LINES) + '\n';
      await client.open(uri, copy.repeat(Math.ceil((LARGE_DOCUMENT_BYTES + 1) / Buffer.byteLength(copy))));
      const p = await client.waitForVersion(uri, 1);
      assert.equal(p.diagnostics[0].code, 'large-document');
      await client.settle();
      assert.equal(host.calls.length, 0);
      assert.equal(client.published.filter((x) => x.uri === uri).length, 1);
    } finally {
      await client.dispose();
    }
  });

  test('a pull client that holds the first phase\'s result is asked to refresh when the full one is ready', async () => {
    const host = new FakeHost();
    host.becomeReady();
    host.hold = true;
    const client = await startWith(host, [placeholderRule, wordRule], {
      ...DEFAULT_CAPABILITIES,
      textDocument: { ...DEFAULT_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false } },
      workspace: { ...DEFAULT_CAPABILITIES.workspace, diagnostics: { refreshSupport: true } },
    });
    try {
      // Let the refreshes of start-up (settings read, segmentation ready) pass first.
      await client.settle();
      const uri = fileUri('拉取分词.txt');
      await client.open(uri, lf(REPORT_LINES));
      const pulled = (await client.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { resultId: string; items: { code: string }[] };
      assert.equal(pulled.items.filter((d) => d.code === 'word-test').length, 0);
      while (host.held.length < 1) await new Promise((r) => setTimeout(r, 5));
      const refreshes = client.refreshRequests;
      host.held[0].resolve();
      await client.waitForDiagnostics(uri, (p) => wordCount(p) > 0);
      await client.settle();
      assert.equal(client.refreshRequests, refreshes + 1);
      const again = (await client.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: pulled.resultId })) as {
        kind: string;
        items: { code: string }[];
      };
      assert.equal(again.kind, 'full');
      assert.equal(again.items.filter((d) => d.code === 'word-test').length, WORDS_IN_REPORT);
    } finally {
      await client.dispose();
    }
  });
});

describe('failures inside analysis', TEST_TIMEOUT, () => {
  test('a rule that throws is logged once per document, and the other rules\' diagnostics are published', async () => {
    const client = await startWith(null, [placeholderRule, throwingRule]);
    try {
      const a = fileUri('出错甲.txt');
      const b = fileUri('出错乙.txt');
      await client.open(a, lf(REPORT_LINES));
      const p = await client.waitForVersion(a, 1);
      assert.deepEqual(codes(p), ['placeholder', 'placeholder']);
      for (let v = 2; v <= 4; v++) {
        await client.change(a, v, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '。' }]);
        await client.waitForVersion(a, v);
      }
      await client.open(b, lf(REPORT_LINES));
      await client.waitForVersion(b, 1);
      await client.settle();
      const lines = client.logs.filter((l) => /规则 throws/.test(l.message));
      assert.equal(lines.length, 2, JSON.stringify(client.logs));
      assert.ok(lines.every((l) => /rule exploded/.test(l.message) && !l.message.includes('\n')));
    } finally {
      await client.dispose();
    }
  });
});
