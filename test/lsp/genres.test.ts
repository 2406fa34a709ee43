/**
 * Genres in the language server: the workspace's own profiles
 * (.zongjie/profiles/*.json) add a genre, a broken one gets one Chinese
 * message naming the file and the field while the built-in genres stand in,
 * an edited one takes effect when the client reports the change, and a genre
 * chosen for a file applies to it.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { MessageType } from 'vscode-languageserver-protocol/node';
import { getProfile } from '../../server/src/engine/profile';
import { TestClient } from './harness';

const TEST_TIMEOUT = { timeout: 30000 };

/** A genre of our own: 安全生产检查报告, whose required part is 隐患整改情况. */
function safetyProfile(headingPattern = '隐患整改') {
  const base = getProfile('work-summary').data;
  return {
    id: 'safety-inspection',
    name: '安全生产检查报告',
    description: '安全生产大检查情况报告。',
    detect: { priority: 60, titlePatterns: ['安全生产'] },
    title: base.title,
    parts: [
      { slot: 'checks', name: '检查开展情况', purpose: '写明检查的范围和方式', required: true, order: 1, headingPatterns: ['检查(开展)?情况'] },
      { slot: 'fixes', name: '隐患整改情况', purpose: '写明发现隐患的整改情况', required: true, order: 2, headingPatterns: [headingPattern] },
    ],
    topicVerbs: base.topicVerbs,
    problemWords: base.problemWords,
  };
}

const SAFETY_REPORT = ['2025年安全生产大检查情况报告', '一、检查开展情况', '检查企业42家。', '二、隐患整改情况', '发现隐患17处，已整改15处。'].join('\n');

describe('the workspace\'s own genres', TEST_TIMEOUT, () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zongjie-genres-'));
  const dir = path.join(root, '.zongjie', 'profiles');
  const profileFile = path.join(dir, 'safety.json');
  let client: TestClient;

  before(async () => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(profileFile, JSON.stringify(safetyProfile()));
    fs.writeFileSync(path.join(dir, 'broken.json'), JSON.stringify({ ...safetyProfile(), id: 'broken-genre', parts: [{ slot: 'a', name: '甲', headingPatterns: ['(未闭合'] }] }));
    client = await TestClient.spawn({ workspaceFolders: [pathToFileURL(root).href] });
  });
  after(async () => {
    await client.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('a profile file adds a genre: its reports are detected and checked by its parts', async () => {
    const uri = pathToFileURL(path.join(root, 'anquan.txt')).href;
    await client.open(uri, SAFETY_REPORT);
    const p = await client.waitForVersion(uri, 1);
    assert.deepEqual(p.diagnostics.filter((d) => d.code === 'missing-section'), []);
    const symbols = await client.symbols(uri);
    assert.equal(symbols[0].detail, '安全生产检查报告');
    const genres = (await client.command('zongjie.listGenres')) as { id: string; name: string }[];
    assert.ok(genres.some((g) => g.id === 'safety-inspection' && g.name === '安全生产检查报告'));
    assert.ok(genres.some((g) => g.id === 'work-plan'));
  });

  test('a broken profile gets one message naming the file and the field, not 「没有名为…」', async () => {
    const m = await client.waitForMessage((x) => /broken\.json/.test(x.message));
    assert.equal(m.type, MessageType.Warning);
    assert.match(m.message, /字段 parts\[0\]\.headingPatterns\[0\] 的?正则表达式「\(未闭合」写法有误/);
    assert.match(m.message, /按内置文体检查/);
    assert.doesNotMatch(m.message, /没有名为/);
  });

  test('an edited profile takes effect when the client reports the change, without a restart', async () => {
    const uri = pathToFileURL(path.join(root, 'anquan2.txt')).href;
    await client.open(uri, SAFETY_REPORT);
    await client.waitForVersion(uri, 1);
    const from = client.published.length;
    // The part's heading now reads differently: the report lacks it.
    fs.writeFileSync(profileFile, JSON.stringify(safetyProfile('整改销号')));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(profileFile).href, type: 2 }] });
    const p = await client.waitForDiagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'missing-section'), from);
    assert.match(String(p.diagnostics.find((d) => d.code === 'missing-section')!.message), /缺少「隐患整改情况」部分/);
  });

  test('a genre chosen for a file applies to it, and choosing detection again undoes it', async () => {
    const uri = pathToFileURL(path.join(root, 'plan.txt')).href;
    await client.open(uri, ['2026年意识形态工作要点', '一、重点任务', '全年开展理论宣讲20场。'].join('\n'));
    await client.waitForVersion(uri, 1);
    assert.equal((await client.symbols(uri))[0].detail, '工作计划（工作要点）');
    const map = await client.command('zongjie.setFileGenre', { uri, genre: 'ideology-summary' });
    assert.deepEqual(map, { [uri]: 'ideology-summary' });
    assert.equal((await client.symbols(uri))[0].detail, '意识形态工作总结');
    assert.deepEqual(await client.command('zongjie.setFileGenre', { uri, genre: null }), {});
    assert.equal((await client.symbols(uri))[0].detail, '工作计划（工作要点）');
    await assert.rejects(client.command('zongjie.setFileGenre', { uri, genre: 'no-such-genre' }), /没有名为「no-such-genre」的文体/);
  });
});
