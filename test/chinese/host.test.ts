/**
 * SegmenterHost (worker thread) and loadSegmenterSync with the product's
 * dictionaries, and their failure paths: a missing or malformed dictionary
 * must give a Chinese reason, never a crash (cppjieba aborts the process on
 * both, so the files are checked before nodejieba sees them).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DictionaryPaths, characterSplit, checkDictionaryFiles, dictionaryPathsIn, findDictionaryDir } from '../../server/src/segmenter/dictionary';
import { SegmenterHost, defaultWorkerPath, loadSegmenterSync, textsToSegment } from '../../server/src/segmenter/host';

const LINE_A = '深入学习贯彻党的二十大大精神，层层压实意识形态工作责任。';
const LINE_B = '严格落实“三会一课”制度和“一岗双责”要求。';

const scratch = mkdtempSync(join(tmpdir(), 'zongjie-dict-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** The product's dictionaries with one file replaced. */
function pathsWith(file: keyof DictionaryPaths, content: string | null): DictionaryPaths {
  const dir = findDictionaryDir();
  assert.ok(dir, 'dist/dict must exist (npm run build)');
  const good = dictionaryPathsIn(dir);
  const target = join(scratch, `${file}-${Math.random().toString(36).slice(2)}`);
  if (content !== null) writeFileSync(target, content);
  return { ...good, [file]: target };
}

describe('SegmenterHost', () => {
  test('loads in a worker without blocking the main thread, then cuts prepared texts', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const host = SegmenterHost.start();
    try {
      assert.equal(await host.ready, true, host.failure ?? '');
      clearInterval(timer);
      assert.equal(host.failure, null);
      assert.ok(typeof host.loadMs === 'number' && host.loadMs > 0);
      assert.ok(ticks > 0, 'timers ran while the dictionaries loaded');

      const seg = await host.prepare([LINE_A, LINE_B, LINE_A]);
      assert.deepEqual(seg.cut(LINE_A).slice(0, 8), ['深入', '学习', '贯彻', '党', '的', '二十大', '大', '精神']);
      assert.equal(seg.cut(LINE_A).join(''), LINE_A);
      assert.ok(seg.cut(LINE_B).includes('三会一课'));
      assert.ok(seg.cut(LINE_B).includes('一岗双责'));
      assert.equal(host.cutCount, 2, 'a text given twice is cut once');

      // A text that was not prepared falls back to characters.
      assert.deepEqual(seg.cut('未准备ab12'), ['未', '准', '备', 'ab12']);

      // Unchanged lines come from the cache: only the new one goes to the worker.
      const seg2 = await host.prepare([LINE_A, '新增一行文字。']);
      assert.equal(host.cutCount, 3);
      assert.deepEqual(seg2.cut(LINE_A), seg.cut(LINE_A));
    } finally {
      clearInterval(timer);
      host.dispose();
    }
  });

  test('a text the worker is cutting for an earlier prepare is waited for, not cut twice', async () => {
    const host = SegmenterHost.start();
    try {
      assert.equal(await host.ready, true, host.failure ?? '');
      const lines = Array.from({ length: 50 }, (_, i) => `第${i}段：${LINE_A}`);
      // The second prepare starts while the first is in the worker (a keystroke during the open's cut).
      const [a, b] = await Promise.all([host.prepare(lines), host.prepare([...lines, LINE_B])]);
      assert.equal(host.cutCount, 51, 'each text went to the worker once');
      assert.deepEqual(b.cut(lines[7]), a.cut(lines[7]));
      assert.ok(b.cut(LINE_B).includes('三会一课'));
    } finally {
      host.dispose();
    }
  });

  test("the cache grows to hold the words of the document prepared: a long line's pieces are not cut again on each keystroke", async () => {
    const host = SegmenterHost.start();
    try {
      assert.equal(await host.ready, true, host.failure ?? '');
      // About 5 MB of words: more than WORDS_CACHE_BYTES, less than a 1 MB line's.
      let line = '';
      for (let i = 0; line.length < 120_000; i++) line += `第${i}项${LINE_A}`;
      await host.prepare(textsToSegment(line));
      const first = host.cutCount;
      assert.ok(first > 30, String(first));
      await host.prepare(textsToSegment(line + '又写一句'));
      assert.ok(host.cutCount - first <= 2, `cut ${host.cutCount - first} pieces again`);
    } finally {
      host.dispose();
    }
  });

  test('dispose: ready settles and prepare rejects', async () => {
    const host = SegmenterHost.start();
    host.dispose();
    assert.equal(await host.ready, false);
    await assert.rejects(host.prepare(['一行']));
  });

  test('a missing dictionary: ready false, a Chinese reason, the process lives on', async () => {
    const host = SegmenterHost.start({ dictionaryPaths: pathsWith('dict', null) });
    assert.equal(await host.ready, false);
    assert.match(host.failure ?? '', /找不到分词词典文件/);
    await assert.rejects(host.prepare(['一行']), /找不到分词词典文件/);
    host.dispose();
  });

  test('a malformed dictionary line (cppjieba would abort): ready false', async () => {
    const host = SegmenterHost.start({ dictionaryPaths: pathsWith('dict', '习近平 100 nr\n坏行只有两栏 3\n') });
    assert.equal(await host.ready, false);
    assert.match(host.failure ?? '', /第 2 行格式不对/);
    host.dispose();
  });

  test('the dictionary check names the first line cppjieba would abort on, and passes well-formed files', () => {
    const cases: [string, RegExp | null][] = [
      ['习近平 100 nr\n意识形态 50 n\n', null],
      ['习近平 100 nr\n意识形态 50 n', null], // no final line break
      ['习近平 100 nr\r\n意识形态 50 n\r\n', null], // CRLF: cppjieba keeps the CR in the tag
      ['', /是空的/],
      ['\n', /第 1 行格式不对/],
      ['习近平 100 nr\n\n意识形态 50 n\n', /第 2 行格式不对/], // a blank line
      ['习近平 100 nr\n意识形态 50 n\n坏行  两个空格 n\n', /第 3 行格式不对/],
      ['习近平 100 nr\n意识形态 50 n x\n', /第 2 行格式不对/], // four fields
      ['习近平 100 nr\n意识形态 50 n\n 前导空格 1 n', /第 3 行格式不对/],
    ];
    for (const [content, expected] of cases) {
      const problem = checkDictionaryFiles(pathsWith('dict', content));
      if (expected === null) assert.equal(problem, null, JSON.stringify(content));
      else assert.match(problem ?? '', expected, JSON.stringify(content));
    }
  });

  test('an incomplete HMM model: ready false', async () => {
    const host = SegmenterHost.start({ dictionaryPaths: pathsWith('hmmDict', '#只有注释\n') });
    assert.equal(await host.ready, false);
    assert.match(host.failure ?? '', /HMM 模型/);
    host.dispose();
  });

  test('a missing worker script: ready false with the reason', async () => {
    const host = SegmenterHost.start({ workerPath: join(scratch, 'no-such-worker.js') });
    assert.equal(await host.ready, false);
    assert.match(host.failure ?? '', /找不到分词进程脚本/);
  });

  test('the default worker path resolves from the tsc output', () => {
    assert.match(defaultWorkerPath() ?? '', /worker\.js$/);
  });
});

describe('loadSegmenterSync and helpers', () => {
  test('loads and cuts any text', () => {
    const r = loadSegmenterSync();
    assert.ok('segmenter' in r);
    assert.deepEqual(r.segmenter.cut('资料的的收集'), ['资料', '的', '的', '收集']);
    assert.deepEqual(r.segmenter.cut(''), []);
  });
  test('a bad path gives a failure, not an exception', () => {
    const r = loadSegmenterSync({ dictionaryPaths: pathsWith('userDict', null) });
    assert.ok('failure' in r);
    assert.match(r.failure, /找不到用户词典文件/);
  });
  test('textsToSegment: the non-blank lines, once each, whatever the line ends', () => {
    assert.deepEqual(textsToSegment('甲\r\n\r\n乙\r甲\n  \n丙'), ['甲', '乙', '丙']);
  });
  test('characterSplit keeps ASCII letter and digit runs together', () => {
    assert.deepEqual(characterSplit('共20次APP学习😀'), ['共', '20', '次', 'APP', '学', '习', '😀']);
  });
});
