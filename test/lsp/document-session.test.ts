/**
 * DocumentSession on its own, with a fake environment: phase 1 publishes at
 * once, phase 2 publishes only while its check is still the latest, and a
 * closed session publishes nothing more.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PublishDiagnosticsParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Segmenter } from '../../server/src/engine/segmenter';
import { builtInProfileIds } from '../../server/src/engine/profile';
import { getGenres } from '../../server/src/engine/genre';
import { DocumentSession, SessionEnvironment } from '../../server/src/lsp/document-session';
import { SegmenterHostLike } from '../../server/src/lsp/segmentation';
import { SegmenterLifecycle } from '../../server/src/lsp/segmenter-lifecycle';
import { SettingsStore } from '../../server/src/lsp/settings-store';
import { ALL_RULES } from '../../server/src/rules';
import { NOTE_LINES, REPORT_LINES, lf } from './fixtures';

const URI = 'file:///report.txt';

/** A host whose prepare() answers only when the test releases it. */
class HeldHost implements SegmenterHostLike {
  readonly ready = Promise.resolve(true);
  failure: string | null = null;
  readonly held: (() => void)[] = [];
  prepare(): Promise<Segmenter> {
    return new Promise((resolve) => this.held.push(() => resolve({ cut: (t) => [...t] })));
  }
  dispose(): void {}
}

async function setUp(host: SegmenterHostLike | null) {
  const published: PublishDiagnosticsParams[] = [];
  const logs: string[] = [];
  const settings = new SettingsStore(null as never, { ruleIds: ALL_RULES.map((r) => r.id), profileIds: builtInProfileIds(), loadProfile: (id: string) => getGenres(id) }, { pulls: () => false, warn: () => {}, changed: () => {} });
  const segmenter = new SegmenterLifecycle({ start: () => host, afterFirstCheck: false, onReady: () => {}, warn: (m) => logs.push(m) });
  segmenter.begin();
  await host?.ready;
  await new Promise((r) => setImmediate(r));
  let ids = 0;
  const env: SessionEnvironment = {
    rules: ALL_RULES,
    settings,
    forced: new Set(),
    segmenter,
    genres: () => settings.current.profile,
    nextResultId: () => String(++ids),
    sendDiagnostics: (p) => published.push(p),
    logError: (line) => logs.push(line),
    requestPullRefresh: () => {},
  };
  return { session: new DocumentSession(URI, env), published, logs, segmenter };
}

const doc = (version: number, lines: string[]) => TextDocument.create(URI, 'plaintext', version, lf(lines));
const settle = () => new Promise((r) => setTimeout(r, 10));

test('without segmentation: one publish per check, with its version; a note publishes an empty set', async () => {
  const { session, published } = await setUp(null);
  session.check(doc(1, REPORT_LINES));
  assert.equal(published.length, 1);
  assert.equal(published[0].version, 1);
  assert.ok(session.analysisAt(1));
  assert.equal(session.wordsPending(), null);
  session.check(doc(2, NOTE_LINES));
  assert.deepEqual(published[1], { uri: URI, version: 2, diagnostics: [] });
  assert.equal(session.analysisAt(2), null);
  assert.equal(session.pulled().resultId, '2');
});

test('a phase 2 overtaken by a newer check publishes nothing; the newer one publishes', async () => {
  const host = new HeldHost();
  const { session, published } = await setUp(host);
  session.check(doc(1, REPORT_LINES));
  const first = session.wordsPending();
  assert.ok(first);
  session.check(doc(2, REPORT_LINES));
  assert.deepEqual(published.map((p) => p.version), [1, 2]);
  await settle();
  assert.equal(host.held.length, 2);
  // The newer second phase ends first; the older one, ending later, must not overwrite it.
  host.held[1]();
  await session.wordsPending();
  host.held[0]();
  await first;
  assert.deepEqual(published.map((p) => p.version), [1, 2, 2]);
  assert.equal(session.pulled().resultId, '3');
});

test('a closed session publishes nothing more', async () => {
  const host = new HeldHost();
  const { session, published } = await setUp(host);
  session.check(doc(1, REPORT_LINES));
  const pending = session.wordsPending();
  await settle();
  session.close();
  host.held.forEach((release) => release());
  await pending;
  assert.deepEqual(published.map((p) => p.version), [1]);
});
