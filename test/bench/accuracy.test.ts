/**
 * The accuracy report (bench/accuracy.ts) on a tiny labelled corpus of our own
 * drafts, checked by the engine; and the judgements of score.py on findings made
 * up here, where the engine's findings would not reach them.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { CheckedFile, Diagnostic, FileLabels, Figures, fixed2, main, renderReport, score } from '../../bench/accuracy';

const ROOT = path.resolve(__dirname, '../../..');

const DRAFTS: Record<string, string> = {
  // Truncated: it stops inside the achievements part.
  '01-zongjie.txt': [
    '2024年度意识形态工作总结',
    '今年以来，XX局党组坚持把意识形态工作摆在重要位置，现将有关情况报告如下。',
    '一、主要工作开展情况',
    '（一）抓好理论学习。全年组织中心组学习X次，专题研讨4次。',
    '（二）加强阵地管理。对单位网站,公众号开展排查，',
    '',
  ].join('\n'),
  // Truncated; 三、 after 一、 is the one numbering anomaly.
  '02-xuanchuan.txt': [
    '2025年宣传思想工作总结',
    '一、强化理论武装',
    '深入学习贯彻党的的二十大精神，组织专题培训班2期。',
    '三、加强舆论引导',
    '围绕中心工作做好新闻发布，全年发稿120篇。',
    '二、存在的问题',
    '',
  ].join('\n'),
  // Complete (so a missing part counts), with CRLF line ends.
  '03-yanpan.txt': [
    '第一季度意识形态领域分析研判报告',
    '一、主要工作',
    '本季度召开专题会议2次,研判舆情3次。',
    '二、存在的问题',
    '个别干部学习不够深入。',
    '',
  ].join('\r\n'),
};

function labels(over: Partial<FileLabels> & Pick<FileLabels, 'genre' | 'truncated'>): FileLabels {
  return { title_line: 1, placeholders: [], residue_lines: [], parts_present: ['main'], parts_form: { main: 'headed:2' }, numbering_errors: [], wording_errors: [], ...over };
}

const LABELS: Record<string, FileLabels> = {
  '01-zongjie.txt': labels({ genre: 'ideology/summary', truncated: true, placeholders: [[2, 'XX'], [4, 'X']], parts_form: { main: 'headed:3' } }),
  '02-xuanchuan.txt': labels({
    genre: 'neighbour/summary',
    truncated: true,
    parts_present: ['main', 'problems'],
    parts_form: { main: 'headed:2', problems: 'headed:6' },
    numbering_errors: [[4, '三、', '二、 is skipped']],
    wording_errors: [[3, '的的', 'duplicated-char']],
  }),
  '03-yanpan.txt': labels({ genre: 'ideology/analysis', truncated: false, parts_present: ['main', 'problems'], parts_form: { main: 'headed:2', problems: 'headed:4' } }),
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zongjie-accuracy-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
for (const [name, text] of Object.entries(DRAFTS)) fs.writeFileSync(path.join(dir, name), text);
fs.writeFileSync(path.join(dir, 'labels.json'), JSON.stringify(LABELS, null, 1));

function run(...argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, ROOT);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const row = (f: Figures, group: 'ideology' | 'neighbour', rule: string) => f.groups[group].rules.find((r) => r.rule === rule);

describe('npm run accuracy on a corpus of our own drafts', () => {
  const r = run(dir, '--json', '--verbose');
  const f = JSON.parse(r.out) as Figures;

  test('a placeholder on a labelled placeholder, a numbering finding on a labelled anomaly and a labelled 的的 are true positives', () => {
    assert.equal(r.code, 0);
    const placeholder = row(f, 'ideology', 'placeholder');
    assert.deepEqual([placeholder?.tp, placeholder?.fp, placeholder?.fn], [2, 0, 0]);
    assert.equal(row(f, 'neighbour', 'duplicated-char')?.tp, 1);
    assert.equal(row(f, 'neighbour', 'numbering')?.tp, 1);
    assert.ok(f.notes?.includes('02-xuanchuan.txt:3 duplicated-char TP «的的» 「的的」中的「的」重复了，应为「的」。'));
  });

  test('the second numbering finding (二、 after 三、, the same anomaly again) is a false positive', () => {
    assert.equal(row(f, 'neighbour', 'numbering')?.fp, 1);
    assert.equal(row(f, 'neighbour', 'numbering')?.precision, 0.5);
    assert.ok(f.notes?.some((n) => n.startsWith('02-xuanchuan.txt:6 numbering FP «二、»')));
  });

  test('a missing part of a truncated draft is neutral; of a complete draft it counts', () => {
    const ideology = row(f, 'ideology', 'missing-section');
    assert.equal(ideology?.neutral, 2); // 01: problems and plans lie beyond the cut
    // 03 is complete and read as a 研判报告 (its genre, detected from its title): it has neither the situation part nor the measures.
    assert.equal(ideology?.tp, 2);
    assert.equal(ideology?.fp, 0);
    assert.equal(row(f, 'neighbour', 'missing-section')?.neutral, 1);
    // 02's empty 二、存在的问题 is its last non-blank line.
    assert.equal(row(f, 'neighbour', 'empty-section')?.neutral, 1);
    assert.equal(f.falseMissingSection, 0);
  });

  test('half-width commas are excluded from punctuation scoring, not counted as findings', () => {
    assert.deepEqual(
      { ...row(f, 'ideology', 'punctuation') },
      { rule: 'punctuation', tp: 0, x: 0, fp: 0, fn: 0, precision: null, recall: null, neutral: 0, artifacts: 2, dup: 0, fnFlaggedByAnotherRule: 0 },
    );
    assert.equal(f.halfWidthArtifactsExcluded, 2);
  });

  test('the outline line, and the text report ends with the summary line', () => {
    assert.deepEqual(f.groups.ideology.outline, { files: 2, titleRight: 2, parts: 3, partsFound: 3, spuriousParts: 0, extraReports: 0 });
    const text = run(dir);
    assert.equal(text.code, 0);
    assert.match(text.out, /^outline: title right 2\/2; labelled parts found 3\/3; spurious parts 0; extra \(false\) reports 0$/m);
    assert.equal(
      text.out.split('\n').at(-1),
      'SUMMARY corpus: ideology P=1.00 R=1.00 (TP 4, X 0, FP 0, FN 0); neighbours P=0.67 R=1.00 (TP 2, X 0, FP 1, FN 0); ' +
        'false missing-section 0; half-width punctuation artifacts excluded 2',
    );
  });

  test('the same report as score.py, when the reference scorer and a built CLI are at hand', (t) => {
    const scorer = path.resolve(ROOT, '../shared/corpus/score.py');
    const cli = path.join(ROOT, 'dist/cli.js');
    if (!fs.existsSync(scorer) || !fs.existsSync(cli) || spawnSync('python3', ['--version']).status !== 0) {
      t.skip('needs ../shared/corpus/score.py, python3 and dist/cli.js');
      return;
    }
    const py = spawnSync('python3', [scorer, cli, '--web', dir, '--verbose'], { encoding: 'utf8' });
    assert.equal(py.status, 0, py.stderr);
    assert.equal(run(dir, '--verbose').out, py.stdout.trimEnd());
  });

  test('a missing folder or labels.json is said, with exit code 2', () => {
    const none = run(path.join(dir, 'nowhere'));
    assert.equal(none.code, 2);
    assert.match(none.err, /no corpus folder at .*nowhere/);
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'zongjie-accuracy-bare-'));
    try {
      const r2 = run(bare);
      assert.equal(r2.code, 2);
      assert.match(r2.err, /has no labels\.json/);
    } finally {
      fs.rmSync(bare, { recursive: true, force: true });
    }
  });
});

describe('judgements on made-up findings', () => {
  const text = ['标题', '召开会议X次，的的确确。', ''].join('\n');
  const d = (code: string, line: number, a: number, b: number, message = '', severity = 'warning'): Diagnostic => ({
    code, severity, message, range: { start: { line, character: a }, end: { line, character: b } },
  });
  const figures = (diagnostics: Diagnostic[], over: Partial<FileLabels> = {}) => {
    const lab = labels({ genre: 'ideology/summary', truncated: false, placeholders: [[2, 'X']], wording_errors: [[2, '的的', 'formulation']], ...over });
    const res: CheckedFile = { path: 'a.txt', reports: [], diagnostics };
    return score({ labels: { 'a.txt': lab }, texts: { 'a.txt': text }, results: { 'a.txt': res } }, 'made up', 'hand', true);
  };

  test('a finding of another rule on a labelled spot is X; a second finding on a found label is a duplicate', () => {
    const f = figures([d('duplicated-char', 1, 7, 9), d('placeholder', 1, 4, 5, '', 'error'), d('placeholder', 1, 4, 5)]);
    assert.equal(row(f, 'ideology', 'duplicated-char')?.x, 1);
    assert.equal(row(f, 'ideology', 'formulation')?.fn, 1);
    assert.equal(row(f, 'ideology', 'formulation')?.fnFlaggedByAnotherRule, 1);
    assert.equal(row(f, 'ideology', 'placeholder')?.tp, 1);
    assert.equal(row(f, 'ideology', 'placeholder')?.dup, 1);
    assert.ok(f.notes?.includes('a.txt:2 duplicated-char X «的的» right spot, labelled as formulation'));
  });

  test('a missing part that is present, and a second report of the same missing part, are false positives; error ones are counted', () => {
    const msg = '本篇报告缺少「存在的问题」部分。';
    const f = figures([d('missing-section', 0, 0, 2, msg, 'error'), d('missing-section', 0, 0, 2, msg, 'error')], { parts_present: ['main', 'problems'], parts_form: { problems: 'run-in:2' } });
    assert.equal(row(f, 'ideology', 'missing-section')?.fp, 2);
    assert.equal(f.groups.ideology.errorSeverityFP, 2);
    assert.deepEqual(f.notes?.slice(0, 2), [
      'a.txt:1 missing-section FP «标题» part "problems" is present (run-in:2)',
      'a.txt:1 missing-section FP «标题» second missing-section for the same part (false report split)',
    ]);
    assert.match(renderReport(f), /^missing-section +0 +0 +2 +0 +0\.00 +- +$/m);
  });

  test('ratios are printed to two decimals with ties to even, as Python does', () => {
    assert.equal(fixed2(1, 8), '0.12');
    assert.equal(fixed2(3, 8), '0.38');
    assert.equal(fixed2(2, 3), '0.67');
    assert.equal(fixed2(7, 7), '1.00');
    assert.equal(fixed2(0, 1), '0.00');
  });
});
