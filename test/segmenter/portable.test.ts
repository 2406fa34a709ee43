/**
 * The portable segmenter against nodejieba: the same words for every line the
 * project's texts hold (test sources, examples, docs, data, and the seeds and
 * corpus in ../shared when present) and for odd input, hence the same
 * findings on every Chinese fixture; and the fallback chosen when nodejieba
 * really fails to load (a module whose native binary is not a binary, a copy
 * of the product without node_modules), never by replacing the engine in-process.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { analyzeText, isMarkdownPath } from '../../server/src/features/analyze';
import { Segmenter } from '../../server/src/engine/segmenter';
import { NODEJIEBA_MODULE_ENV, dictionaryPathsIn, findDictionaryDir, loadNodejieba } from '../../server/src/segmenter/dictionary';
import { SEGMENTER_ENV, loadSegmentation } from '../../server/src/segmenter/engines';
import { SegmenterHost } from '../../server/src/segmenter/host';
import { buildPortableDictionary, loadPortable, portableCut } from '../../server/src/segmenter/portable';
import { DRAFT } from '../chinese/fixtures';
import { randomDocument, singleHugeLine } from '../robustness/generator';

const ROOT = path.resolve(__dirname, '../../..');
const SHARED = path.resolve(ROOT, '..', 'shared');
const dictDir = findDictionaryDir();
assert.ok(dictDir, 'dist/dict must exist (npm run build)');
const PATHS = dictionaryPathsIn(dictDir);

const native = loadNodejieba(PATHS);
assert.ok('cut' in native, `nodejieba must load on this machine for the comparison: ${'failure' in native ? native.failure : ''}`);
const nativeCut = native.cut;
const portable = loadPortable(PATHS);

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'zongjie-portable-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Text files below `dir` with one of the extensions (skipping node_modules and dot folders). */
function filesBelow(dir: string, ext: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesBelow(p, ext));
    else if (ext.test(e.name)) out.push(p);
  }
  return out.sort();
}

/** The drafts: our fixture, the examples, and the third-party seeds and corpus when they are beside the repository (read, never copied). */
const DRAFTS: { name: string; text: string }[] = [
  { name: 'fixtures DRAFT', text: DRAFT },
  ...[...filesBelow(path.join(ROOT, 'examples'), /\.(txt|md)$/), ...filesBelow(path.join(SHARED, 'seeds'), /^\d.*\.txt$/), ...filesBelow(path.join(SHARED, 'corpus', 'web'), /\.(txt|md)$/)].map((f) => ({
    name: path.relative(path.dirname(ROOT), f),
    text: fs.readFileSync(f, 'utf8'),
  })),
];

/** Every string literal with a Chinese character in the test sources: the rules' valid and invalid texts. */
function chineseLiterals(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const f of filesBelow(path.join(ROOT, 'test'), /\.ts$/)) {
    const src = fs.readFileSync(f, 'utf8');
    const literals: string[] = [];
    for (const m of src.matchAll(/'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)) {
      const raw = m[1] ?? m[2];
      if (!/\p{Script=Han}/u.test(raw)) continue;
      literals.push(raw.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\(['"`\\])/g, '$1'));
    }
    if (literals.length === 0) continue;
    const name = path.relative(ROOT, f);
    literals.forEach((text, i) => out.push({ name: `${name}#${i}`, text }));
    // Consecutive literals are often the lines of one draft.
    out.push({ name: `${name} (joined)`, text: literals.join('\n') });
  }
  return out;
}

describe('the portable segmenter cuts as nodejieba does', () => {
  test('every line of the project texts, the seeds and the corpus', () => {
    const files = [
      ...filesBelow(path.join(ROOT, 'test'), /\.ts$/),
      ...filesBelow(path.join(ROOT, 'server', 'src'), /\.(ts|json|txt)$/),
      ...filesBelow(path.join(ROOT, 'examples'), /./),
      ...filesBelow(path.join(ROOT, 'docs'), /\.md$/),
      path.join(ROOT, 'README.md'),
      ...filesBelow(path.join(SHARED, 'seeds'), /\.(txt|md)$/),
      ...filesBelow(path.join(SHARED, 'corpus', 'web'), /\.(txt|md)$/),
    ];
    const lines = new Set<string>();
    for (const f of files) for (const l of fs.readFileSync(f, 'utf8').split(/\r?\n/)) if (l.trim()) lines.add(l);
    assert.ok(lines.size > 3000, `${lines.size} lines`);
    let differ = 0;
    const examples: string[] = [];
    for (const l of lines) {
      const a = nativeCut(l);
      const b = portable.cut(l);
      if (a.join('\u0001') !== b.join('\u0001')) {
        differ++;
        if (examples.length < 5) examples.push(`${a.join('/')}\n${b.join('/')}`);
      }
    }
    assert.equal(differ, 0, examples.join('\n\n'));
  });

  test('odd input: separators, ASCII, full-width forms, emoji, lone surrogates, long lines, random drafts', () => {
    const odd = [
      ' 前后有空格 ',
      '，，。。 \t',
      '2024年APP用户达1,000.5万人，同比增长12.3%。',
      '１２次ＡＰＰ，全角数字和字母',
      '表情😀和𠮷字，以及\u200b零宽字符',
      '孤立的代理项\ud800在中间',
      '末尾孤立\udc00',
      '党的二十大大精神层层压实实实在在',
      '习近平新时代中国特色社会主义思想',
      '一',
      '',
      singleHugeLine(5000),
      ...Array.from({ length: 30 }, (_, i) => randomDocument(1000 + i)).flatMap((d) => d.split(/\r\n|\r|\n/)),
    ];
    for (const l of odd) assert.deepEqual(portable.cut(l), nativeCut(l), JSON.stringify(l));
  });

  test('the dictionary rules of cppjieba: last entry wins, user weights, one- and two-field user lines, unknown characters', () => {
    // A tiny dictionary where the route depends on each rule.
    const main = ['甲 10 n', '乙 10 n', '甲乙 1 n', '丙 5 n', '乙丙 50 n', '甲乙 30 n'].join('\n') + '\n';
    const dict = buildPortableDictionary(main, ['丁戊 1000 n', '戊己', '己庚 x'].join('\n') + '\n');
    // 甲乙 weighs 30 (its last entry), more than 甲+乙丙? log(30/116) vs log(10/116)+log(50/116): the pair wins.
    assert.deepEqual(portableCut(dict, '甲乙丙'), ['甲', '乙丙']);
    assert.deepEqual(portableCut(dict, '丁戊己庚辛'), ['丁戊', '己庚', '辛']);
    assert.deepEqual(portableCut(dict, '戊己'), ['戊己']);
    // Checked against nodejieba with the same files.
    const dir = fs.mkdtempSync(path.join(scratch, 'tiny-'));
    const p = { ...PATHS, dict: path.join(dir, 'd.utf8'), userDict: path.join(dir, 'u.utf8') };
    fs.writeFileSync(p.dict, main);
    fs.writeFileSync(p.userDict, ['丁戊 1000 n', '戊己', '己庚 x'].join('\n') + '\n');
    const r = spawnSync(process.execPath, ['-e', `const j=require('nodejieba');j.load(${JSON.stringify(p)});console.log(JSON.stringify(['甲乙丙','丁戊己庚辛','戊己'].map(t=>j.cut(t,false))))`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), [
      ['甲', '乙丙'],
      ['丁戊', '己庚', '辛'],
      ['戊己'],
    ]);
  });
});

describe('the same findings with either segmenter', () => {
  const both = (text: string, markdown: boolean) => {
    const withSegmenter = (s: Segmenter) => analyzeText(text, { segmenter: s, markdown }).findings;
    return [withSegmenter({ cut: nativeCut }), withSegmenter({ cut: portable.cut })];
  };

  test('on the drafts: the fixture, the examples, the seeds and the corpus', () => {
    assert.ok(DRAFTS.length >= 2);
    let findings = 0;
    for (const d of DRAFTS) {
      const [a, b] = both(d.text, isMarkdownPath(d.name));
      assert.deepEqual(b, a, d.name);
      findings += a.length;
    }
    assert.ok(findings > 10, 'the drafts give findings to compare');
  });

  test('on every Chinese text of the test suite (each literal, and each file\'s literals as one draft)', () => {
    const texts = chineseLiterals();
    assert.ok(texts.length > 500, `${texts.length} texts`);
    let wordFindings = 0;
    for (const t of texts) {
      for (const markdown of [false, true]) {
        const [a, b] = both(t.text, markdown);
        assert.deepEqual(b, a, t.name);
        wordFindings += a.filter((f) => f.code === 'duplicated-char' || f.code === 'formulation').length;
      }
    }
    // The word rules really ran on these texts.
    assert.ok(wordFindings > 20, `${wordFindings} word findings`);
  });
});

/** A stand-in for nodejieba whose JavaScript loads but whose native binary is not a binary. */
function brokenNodejieba(): string {
  const dir = path.join(scratch, 'broken-nodejieba');
  const real = path.dirname(require.resolve('nodejieba/package.json'));
  fs.mkdirSync(path.join(dir, 'build', 'Release'), { recursive: true });
  for (const f of ['package.json', 'index.js']) fs.copyFileSync(path.join(real, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, 'build', 'Release', 'nodejieba.node'), 'not a shared library\n');
  return dir;
}

describe('the fallback is chosen when nodejieba does not load', () => {
  test('in this thread: a native binary that is not one → the portable segmenter, with the reason', () => {
    const before = process.env[NODEJIEBA_MODULE_ENV];
    process.env[NODEJIEBA_MODULE_ENV] = brokenNodejieba();
    try {
      const loaded = loadSegmentation();
      assert.ok('cut' in loaded, 'failure' in loaded ? loaded.failure : '');
      assert.equal(loaded.engine, 'portable');
      assert.match(loaded.note, /^分词：内置分词程序（nodejieba 加载失败：.*；分词结果与 nodejieba 相同）$/);
      assert.deepEqual(loaded.cut('深入学习贯彻党的二十大精神'), nativeCut('深入学习贯彻党的二十大精神'));
    } finally {
      if (before === undefined) delete process.env[NODEJIEBA_MODULE_ENV];
      else process.env[NODEJIEBA_MODULE_ENV] = before;
    }
    const normal = loadSegmentation();
    assert.ok('engine' in normal && normal.engine === 'nodejieba');
  });

  test('in the worker (language server): the host reports the portable segmenter and cuts with it', async () => {
    const before = process.env[NODEJIEBA_MODULE_ENV];
    process.env[NODEJIEBA_MODULE_ENV] = path.join(scratch, 'no-such-module');
    const host = SegmenterHost.start();
    if (before === undefined) delete process.env[NODEJIEBA_MODULE_ENV];
    else process.env[NODEJIEBA_MODULE_ENV] = before;
    try {
      assert.equal(await host.ready, true, host.failure ?? '');
      assert.equal(host.choice?.engine, 'portable');
      assert.match(host.choice!.note, /无法加载 nodejieba/);
      const s = await host.prepare(['层层压实意识形态工作责任']);
      assert.deepEqual(s.cut('层层压实意识形态工作责任'), nativeCut('层层压实意识形态工作责任'));
    } finally {
      await host.dispose();
    }
  });

  test('ZONGJIE_SEGMENTER=portable chooses it without trying nodejieba', () => {
    const before = process.env[SEGMENTER_ENV];
    process.env[SEGMENTER_ENV] = 'portable';
    try {
      const loaded = loadSegmentation();
      assert.ok('engine' in loaded);
      assert.equal(loaded.engine, 'portable');
      assert.match(loaded.note, /ZONGJIE_SEGMENTER=portable/);
    } finally {
      if (before === undefined) delete process.env[SEGMENTER_ENV];
      else process.env[SEGMENTER_ENV] = before;
    }
  });

  test('an installed copy whose nodejieba has no native binary (install scripts skipped, no compiler) checks with the fallback and prints the same', () => {
    const dist = path.join(ROOT, 'dist');
    const copy = path.join(scratch, 'installed');
    fs.mkdirSync(path.join(copy, 'dist'), { recursive: true });
    for (const f of ['cli.js', 'segmenter-worker.js']) fs.copyFileSync(path.join(dist, f), path.join(copy, 'dist', f));
    fs.cpSync(path.join(dist, 'dict'), path.join(copy, 'dist', 'dict'), { recursive: true });
    // nodejieba's JavaScript as npm leaves it when its build fails or is skipped: no build/Release.
    const real = path.dirname(require.resolve('nodejieba/package.json'));
    const installed = path.join(copy, 'node_modules', 'nodejieba');
    fs.mkdirSync(installed, { recursive: true });
    for (const f of ['package.json', 'index.js']) fs.copyFileSync(path.join(real, f), path.join(installed, f));
    const draft = path.join(scratch, '草稿.txt');
    fs.writeFileSync(draft, DRAFT);
    const cli = (js: string) => spawnSync(process.execPath, [js, 'check', '--verbose', draft], { encoding: 'utf8', cwd: scratch });
    const withNative = cli(path.join(dist, 'cli.js'));
    const without = cli(path.join(copy, 'dist', 'cli.js'));
    assert.match(withNative.stderr, /分词：nodejieba/);
    assert.match(without.stderr, /分词：内置分词程序（nodejieba 加载失败：nodejieba native binding was not found/);
    assert.equal(without.status, withNative.status);
    assert.equal(without.stdout, withNative.stdout);
    assert.match(without.stdout, /duplicated-char/);
  });
});
