/**
 * Word drafts end to end through the CLI: each draft as a .docx gives exactly
 * the findings of the same draft typed as a .txt (numbers, positions and
 * messages), plus the Word-only findings at the right paragraphs. Bad files
 * each get one message while the other files are still checked.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as zlib from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { scratchFolder, run } from '../cli/scratch';
import { buildDocx, compoundFile, p, r } from './build';
import { Draft, draftDocx, draftText, h1, h1Restart, h2, table, text } from './drafts';

const scratch = scratchFolder('zongjie-docx-');

const WORD_ONLY = new Set(['tracked-change', 'word-comment', 'marked-placeholder', 'margin-residue', 'hidden-text', 'document-properties']);

interface Diagnostic {
  code: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  region?: string;
}

function checkJson(file: string): { reports: unknown[]; diagnostics: Diagnostic[] } {
  const res = run('check', '--format', 'json', file);
  assert.ok(res.code === 0 || res.code === 1, res.err);
  return JSON.parse(res.out).files[0];
}

/** A report with auto-numbered headings, a table, a watermarked header, revisions, a comment and highlighted placeholders. */
const SUMMARY: Draft = {
  paras: [
    text('2025年县文旅局意识形态工作总结'),
    text('今年以来，局党组认真落实意识形态工作责任制，现将有关情况总结如下。'),
    h1('主要工作开展情况'),
    h2('加强组织领导'),
    text('局党组召开专题会议', { del: '3' }, { ins: '4' }, '次，研究部署意识形态工作。'),
    h2('抓好理论学习'),
    text('全年组织集中学习', { highlight: 'X' }, '次，开展专题研讨4次。'),
    table([['项目'], ['次数']], [['专题学习'], [{ highlight: 'XX' }, '次']]),
    h1('存在的问题'),
    text('一是', { comment: '请补充具体表现', on: '学习形式比较单一' }, '，二是阵地管理有待加强。'),
    h1('下一步工作打算'),
    text('创新学习方式，加强阵地管理。'),
  ],
  header: { text: '仅供学习参考', watermark: '样稿' },
};

/** A report whose numbering restarts by mistake, with hidden text and properties from a template site. */
const RESTARTED: Draft = {
  paras: [
    text('2025年市档案馆意识形态工作总结'),
    text('今年以来，馆党支部认真落实意识形态工作责任制，现将有关情况总结如下。'),
    h1('主要工作开展情况'),
    text('组织集中学习12次，开展专题研讨4次。', { hidden: '（此处填写学习次数）' }),
    h1Restart('存在的问题'),
    text('学习形式比较单一。'),
    h1('下一步工作打算'),
    text('创新学习方式，加强阵地管理。'),
  ],
  core: { 'dc:creator': 'XX范文网', 'cp:lastModifiedBy': '王五' },
  app: { Company: '市档案馆' },
};

function sameAsText(name: string, draft: Draft): { word: Diagnostic[] } {
  const docx = scratch.write(`${name}.docx`, draftDocx(draft));
  const txt = scratch.write(`${name}.txt`, draftText(draft));
  const fromWord = checkJson(docx);
  const fromText = checkJson(txt);
  // The outline and every finding of the text are the Word file's, paragraph for line.
  assert.deepEqual(fromWord.reports, fromText.reports);
  const shared = fromWord.diagnostics.filter((d) => !WORD_ONLY.has(d.code));
  assert.deepEqual(
    shared.map(({ region, ...d }) => (assert.equal(region, 'body'), d)),
    fromText.diagnostics,
  );
  assert.ok(fromText.diagnostics.length > 0, 'the draft has findings of its text too');
  return { word: fromWord.diagnostics.filter((d) => WORD_ONLY.has(d.code)) };
}

const brief = (d: Diagnostic) => `${d.code}@${d.region}:${d.range.start.line}:${d.range.start.character}`;

describe('Word drafts give the findings of the same text, and the Word-only ones', () => {
  test('auto-numbered headings, a table, revisions, a comment, highlight, a watermarked header', () => {
    const { word } = sameAsText('summary', SUMMARY);
    // In paragraph order: the body's, then the header's notice and watermark (paragraphs after the body).
    assert.deepEqual(word.map(brief), [
      'tracked-change@body:4:9',
      'tracked-change@body:4:9',
      'marked-placeholder@body:6:8',
      'marked-placeholder@body:10:0',
      'word-comment@body:12:2',
      'margin-residue@header:15:0',
      'margin-residue@header:16:0',
    ]);
    assert.match(word[0].message, /删除「3」/);
    assert.match(word[1].message, /「4」是张三插入的修订/);
    assert.match(word[4].message, /请补充具体表现/);
  });

  test('a numbering restart is reported as for typed numbers; hidden text and a template author are Word-only', () => {
    const { word } = sameAsText('restarted', RESTARTED);
    assert.deepEqual(word.map(brief), ['document-properties@document:0:0', 'hidden-text@body:3:19']);
  });

  test("a Word draft's reports get their genre detected from the title, as the same text typed", () => {
    const party: Draft = {
      paras: [
        text('2025年青山镇党委党建工作总结'),
        text('今年以来，镇党委认真落实管党治党责任，现将有关情况总结如下。'),
        h1('党建工作主要做法及成效'),
        text('全年召开党委会', { highlight: 'X' }, '次。'),
        h1('存在的问题'),
        text('学习形式比较单一。'),
        h1('下一步工作打算'),
        text('创新学习方式。'),
      ],
    };
    sameAsText('party', party);
    const reports = checkJson(scratch.write('party-genre.docx', draftDocx(party))).reports as { genre: string }[];
    assert.deepEqual(reports.map((r) => r.genre), ['party-building-summary']);
    assert.match(run('outline', scratch.write('party-outline.docx', draftDocx(party))).out, /文体：党建工作总结/);
  });

  test('the text output places findings by paragraph', () => {
    const file = scratch.write('text/报告.docx', draftDocx(SUMMARY));
    const res = run('check', file);
    assert.equal(res.code, 1);
    const lines = res.out.split('\n');
    assert.ok(lines.includes(`${file}:第7段:9  error  marked-placeholder  「X」用黄色高亮标出，是模板中待填写的内容：请填写实际内容并清除标记。`), res.out);
    assert.ok(lines.some((l) => l.startsWith(`${file}:第16段（页眉）:1  error  margin-residue  页眉中的「仅供学习参考」`)), res.out);
    assert.ok(lines.some((l) => l.startsWith(`${file}:第13段:3  warning  word-comment`)), res.out);
    const props = run('check', scratch.write('text/属性.docx', draftDocx(RESTARTED)));
    assert.ok(props.out.split('\n').some((l) => l.includes(':文档属性  warning  document-properties')), props.out);
  });

  test('outline of a Word file counts paragraphs', () => {
    const file = scratch.write('outline/报告.docx', draftDocx(SUMMARY));
    const res = run('outline', file);
    assert.equal(res.code, 0);
    assert.match(res.out, /一、主要工作开展情况  〔主要工作及成效〕  第 3 段/);
    assert.match(res.out, /（二）抓好理论学习  第 6 段/);
  });
});

describe('Word files in the CLI', () => {
  test('a folder with a Word file, a text draft and bad files: one message each, the rest checked', () => {
    const dir = 'mixed';
    scratch.write(`${dir}/a报告.docx`, draftDocx(SUMMARY));
    scratch.write(`${dir}/b草稿.txt`, draftText(RESTARTED));
    scratch.write(`${dir}/c加密.docx`, compoundFile(['EncryptionInfo', 'EncryptedPackage']));
    scratch.write(`${dir}/d损坏.docx`, draftDocx(SUMMARY).subarray(0, 2000));
    scratch.write(`${dir}/e网页.docx`, '<html><head><meta charset="utf-8"></head><body><p>2025年工作总结</p></body></html>');
    scratch.write(`${dir}/f富文本.docx`, '{\\rtf1\\ansi 2025}');
    // A zip bomb: a document part that inflates far beyond the cap.
    scratch.write(`${dir}/g炸弹.docx`, buildDocx({ body: '', override: { 'word/document.xml': { rawDeflated: zlib.deflateRawSync(Buffer.alloc(80 * 1024 * 1024, 0x20)), declaredSize: 80 * 1024 * 1024 } } }));
    // A legacy .doc: the reader's message on how to save it as .docx.
    scratch.write(`${dir}/h旧版.doc`, compoundFile(['WordDocument', '1Table']));
    // A WPS 文字 file of the old format (the same compound file): named as what the user has.
    scratch.write(`${dir}/i旧版.wps`, compoundFile(['WordDocument', '1Table']));
    // Word's owner file while a document is open: not a document, skipped.
    scratch.write(`${dir}/~$a报告.docx`, Buffer.from([0x05, 0x00, 0x41]));
    const res = run('check', scratch.dir + '/' + dir);
    assert.equal(res.code, 2);
    const errs = res.err.split('\n');
    const about = (name: string) => errs.filter((l) => l.includes(name));
    assert.equal(about('c加密').length, 1);
    assert.match(about('c加密')[0], /加密|密码/);
    assert.match(about('d损坏')[0], /损坏/);
    assert.match(about('e网页')[0], /网页（HTML）/);
    assert.match(about('f富文本')[0], /RTF/);
    assert.match(about('g炸弹')[0], /超过 64 MB 的上限/);
    assert.match(about('h旧版')[0], /旧版 Word（\.doc）文件.*另存为/);
    assert.match(about('i旧版')[0], /WPS 文字的旧版格式（\.wps）文件.*另存为/);
    assert.equal(errs.length, 7, res.err);
    assert.ok(!/\n\s+at /.test(res.err), 'no stack trace');
    assert.match(res.out, /a报告\.docx:第7段:9/);
    assert.match(res.out, /b草稿\.txt:5:1/);
    assert.match(res.out, /共检查 2 个文件、2 篇报告.*7 个文件无法读取/);
  });

  test('a 50 MB document with images is read without inflating them', () => {
    const image = randomBytes(50 * 1024 * 1024);
    const file = scratch.write('big/图片.docx', buildDocx({ body: p(r('2025年县文旅局意识形态工作总结')) + p(r('全年组织集中学习12次。')), extra: [{ name: 'word/media/image1.png', data: image, method: 0 }] }));
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const res = run('check', file);
    assert.ok(res.code === 0 || res.code === 1, res.err);
    assert.match(res.out, /共检查 1 个文件、1 篇报告/);
    assert.ok(Date.now() - started < 5000);
    // The file's bytes are read once; nothing near its size again.
    assert.ok(process.memoryUsage().rss - before < 120 * 1024 * 1024);
  });

  test('fix refuses a Word file and writes nothing; Word files in a folder are left alone', () => {
    const bytes = draftDocx(SUMMARY);
    const file = scratch.write('fix/报告.docx', bytes);
    const res = run('fix', file);
    assert.equal(res.code, 2);
    assert.match(res.err, /这是 Word 文档，zongjie fix 不修改 Word 文件，未写入任何内容/);
    assert.ok(require('node:fs').readFileSync(file).equals(bytes));
    const folder = run('fix', scratch.dir + '/fix');
    assert.equal(folder.err, 'zongjie：给出的路径下没有 .txt 或 .md 文件（Word 文档不会被修改，可用 zongjie check 检查）。');
    assert.match(folder.out, /共处理 0 个文件/);
  });
});
