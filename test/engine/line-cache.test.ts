import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { AnalyzeOptions, LINE_FACT_OPTIONS, LineFactOptions, analyzeText, lineCacheKey } from '../../server/src/features/analyze';
import { compileProfile, getProfile } from '../../server/src/engine/profile';
import { LineCache } from '../../server/src/engine/line-cache';
import { ParsedDocument } from '../../server/src/engine/parse';
import { reportOutline } from '../../server/src/features/outline';
import { Segmenter } from '../../server/src/engine/segmenter';
import { randomDocument, rng } from '../robustness/generator';

/** Everything the parse says about the reports, with tree links written as line numbers. */
function reportsDump(reports: ParsedDocument['reports']) {
  return reports.map((r) => ({
    ...r,
    roots: r.roots.map((h) => h.line),
    headings: r.headings.map((h) => ({ ...h, parent: h.parent?.line ?? null, children: h.children.map((c) => c.line) })),
    parts: r.parts.map((p) => ({ ...p, node: p.node?.line ?? null })),
  }));
}

function snapshot(text: string, options: AnalyzeOptions) {
  const a = analyzeText(text, options);
  return { findings: a.findings, outline: a.doc.reports.map(reportOutline), reports: reportsDump(a.doc.reports), lines: a.doc.lines, residue: a.doc.residue };
}

/** A report of a collection, in the genre's shape with its usual faults. */
function collectionReport(n: number, year: number): string[] {
  return [
    `篇${n}：${year}年意识形态工作总结`,
    `${year}年，党委认真落实意识形态工作责任制，现将年工作情况总结如下。`,
    '一、主要工作开展情况',
    '（一）加强组织领导。一是召开会议X次。三是开展研判。',
    '（三）强化理论武装。深入学习党的十九大精神和党的二十大大精神,撰写心得xx篇。',
    '二、存在的问题',
    '一是学习不够深入。二是阵地管理有短板。',
    '三、下一步工作打算',
    '下一步，我们将继续压实责任。',
    '',
  ];
}

/** A segmenter that knows only some lines, as the server's first pass after an edit. */
function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function partlyKnowing(known: Set<string>): Segmenter {
  return {
    cut: (t) => (known.has(t) ? t.match(/[\u4e00-\u9fff]{1,2}|[^\u4e00-\u9fff]/g) ?? [] : Array.from(t)),
    knows: (t) => known.has(t),
  };
}

describe('the per-line memo', () => {
  test('an analysis with the memo equals one without it, edit after edit', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const r = rng(seed);
      let lines = randomDocument(seed * 7919, 30).split('\n');
      const cache = new LineCache();
      const known = new Set<string>();
      const markdown = seed % 3 === 0;
      for (let step = 0; step < 15; step++) {
        // Edit a line, insert one, or delete one.
        const at = Math.floor(r() * lines.length);
        const kind = r();
        if (kind < 0.6) lines[at] = lines[at].slice(0, 3) + (r() < 0.5 ? 'X' : '的') + lines[at].slice(3);
        else if (kind < 0.8) lines.splice(at, 0, lines[Math.floor(r() * lines.length)]);
        else if (lines.length > 1) lines.splice(at, 1);
        const text = lines.join('\n');
        // Words for some lines only, changing from step to step.
        if (r() < 0.5) for (const l of lines) if (r() < 0.5) known.add(l);
        const segmenter = step % 2 ? partlyKnowing(new Set(known)) : undefined;
        const withMemo = snapshot(text, { markdown, segmenter, cache });
        const fresh = snapshot(text, { markdown, segmenter });
        assert.deepEqual(withMemo, fresh, `seed ${seed}, step ${step}`);
      }
      lines = [];
    }
  });

  test('lines whose words are not known yet are judged as without words (no false alarm while they are cut)', () => {
    const knowsNothing: Segmenter = { cut: (t) => Array.from(t), knows: () => false };
    const texts = [
      ['2024年意识形态工作总结', '坚持正确政治方向，把准舆论导向，推动大大提高学习质量，组织党员学习党的二十大大精神。'].join('\n'),
      ...Array.from({ length: 40 }, (_, i) => randomDocument(4242 + i, 25)),
    ];
    for (const text of texts) {
      const without = analyzeText(text).findings;
      const unknown = analyzeText(text, { segmenter: knowsNothing }).findings;
      assert.deepEqual(unknown, without, text.slice(0, 40));
    }
  });

  test('remembers only the lines of the latest analysis, and forgets all when the options change', () => {
    const cache = new LineCache();
    analyzeText('2024年意识形态工作总结\n召开会议X次。\n开展学习。', { cache });
    assert.equal(cache.size, 3);
    analyzeText('2024年意识形态工作总结\n召开会议12次。', { cache });
    assert.equal(cache.size, 2);
    // The same line's facts under other options are not reused: Markdown reads "# 标题" differently.
    const md = analyzeText('# 2024年意识形态工作总结\n## 一、主要工作开展情况\n开展学习。', { cache, markdown: true });
    const txt = analyzeText('# 2024年意识形态工作总结\n## 一、主要工作开展情况\n开展学习。', { cache, markdown: false });
    assert.equal(md.doc.reports[0].title?.text, '2024年意识形态工作总结');
    assert.notDeepEqual(reportOutline(md.doc.reports[0]), reportOutline(txt.doc.reports[0]));
  });

  test('get and set keep a value by line text and namespace, as at does; lines with equal texts share it', () => {
    const cache = new LineCache();
    cache.begin('options', ['甲', '乙', '甲']);
    assert.equal(cache.get(0, 'n'), undefined);
    assert.equal(cache.set(0, 'n', null), null);
    assert.equal(cache.get(2, 'n'), null, 'the same text on another line');
    assert.equal(cache.get(1, 'n'), undefined);
    assert.equal(cache.get(0, 'other'), undefined);
    assert.equal(cache.at(0, 'n', () => 'computed'), null);
    cache.begin('options', ['乙', '甲']);
    assert.equal(cache.get(1, 'n'), null, 'kept for the text, wherever it moved');
    cache.begin('other options', ['乙', '甲']);
    assert.equal(cache.get(1, 'n'), undefined);
  });

  test('edit after edit, a text kept from one version to the next keeps its facts, equal texts share them, and only present texts are remembered', () => {
    const random = rng(7);
    const pick = () => ['甲', '乙', '丙', '丁', '', '戊己'][Math.floor(random() * 6)] + (random() < 0.3 ? String(Math.floor(random() * 5)) : '');
    const cache = new LineCache();
    let lines: string[] = Array.from({ length: 20 }, pick);
    let stamps = 0;
    let before = new Map<string, unknown>();
    for (let round = 0; round < 500; round++) {
      // Copies, not the same string objects: each version's lines are new strings.
      cache.begin('options', lines.map((t) => (' ' + t).slice(1)));
      const now = new Map<string, unknown>();
      lines.forEach((text, l) => {
        const value = cache.get(l, 'stamp') ?? cache.set(l, 'stamp', `${text}#${stamps++}`);
        if (now.has(text)) assert.equal(value, now.get(text), `equal texts share facts (round ${round}, line ${l})`);
        if (before.has(text)) assert.equal(value, before.get(text), `kept text keeps its facts (round ${round}, line ${l})`);
        now.set(text, value);
      });
      assert.equal(cache.size, now.size, `round ${round}`);
      before = now;
      // One edit: replace, insert or delete a run of lines somewhere.
      const at = Math.floor(random() * (lines.length + 1));
      const removed = Math.floor(random() * 3);
      const added = Array.from({ length: Math.floor(random() * 3) }, pick);
      lines = [...lines.slice(0, at), ...added, ...lines.slice(at + removed)];
    }
  });

  test('the user\'s placeholder patterns are part of the memo\'s key', () => {
    const cache = new LineCache();
    const text = '2024年意识形态工作总结\n由〔待定〕负责。';
    assert.equal(analyzeText(text, { cache }).findings.filter((f) => f.code === 'placeholder').length, 0);
    assert.equal(analyzeText(text, { cache, extraPlaceholderPatterns: [/〔待定〕/] }).findings.filter((f) => f.code === 'placeholder').length, 1);
  });

  test('the memo\'s key holds every option that line facts depend on, and only those', () => {
    const profile = getProfile();
    const base: LineFactOptions = { profile, markdown: false, extraPlaceholderPatterns: [] };
    const key = lineCacheKey(base);
    assert.equal(lineCacheKey({ ...base, severities: { placeholder: 'off' } } as LineFactOptions), key);
    assert.notEqual(lineCacheKey({ ...base, markdown: true }), key);
    assert.notEqual(lineCacheKey({ ...base, extraPlaceholderPatterns: [/〔待定〕/] }), key);
    assert.notEqual(lineCacheKey({ ...base, extraPlaceholderPatterns: [/〔待定〕/i] }), lineCacheKey({ ...base, extraPlaceholderPatterns: [/〔待定〕/] }));
    // The same profile compiled again (an edited file of the same id) is another key.
    assert.notEqual(lineCacheKey({ ...base, profile: compileProfile(profile.data) }), key);
    // Every option named is part of the key.
    for (const name of LINE_FACT_OPTIONS) assert.ok(key.includes(name + '='), name);
  });

  test('a collection edited, lines inserted and deleted above reports, reports repeated word for word: the memo of whole reports equals a fresh analysis', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = rng(seed * 104729);
      // Reports 2 and 3 are the same text (a report pasted twice), so their memo entries must not be mixed up.
      let lines = ['2024年意识形态工作总结汇编', ''];
      for (let n = 1; n <= 6; n++) lines.push(...collectionReport(n === 3 ? 2 : n, n === 5 ? 2019 : 2024));
      const cache = new LineCache();
      const known = new Set<string>();
      for (let step = 0; step < 25; step++) {
        const at = Math.floor(r() * lines.length);
        const kind = r();
        if (kind < 0.4) lines[at] = lines[at].slice(0, 2) + pick(r, ['X', '的', '二、', '年', '']) + lines[at].slice(2);
        else if (kind < 0.6) lines.splice(at, 0, pick(r, ['', '二是加强学习。', '篇9：2024年意识形态工作总结', '（二）管好阵地。', lines[Math.floor(r() * lines.length)]]));
        else if (kind < 0.8 && lines.length > 1) lines.splice(at, 1);
        else lines[at] = lines[at].slice(1);
        const text = lines.join(r() < 0.2 ? '\r\n' : '\n');
        if (r() < 0.5) for (const l of lines) if (r() < 0.7) known.add(l);
        const segmenter = step % 3 === 0 ? undefined : partlyKnowing(new Set(known));
        const withMemo = snapshot(text, { segmenter, cache });
        const fresh = snapshot(text, { segmenter });
        assert.deepEqual(withMemo, fresh, `seed ${seed}, step ${step}`);
      }
      lines = [];
    }
  });

  test('an unchanged report is not rebuilt, and a report moved by an inserted line keeps its findings, moved', () => {
    const lines = ['2024年意识形态工作总结汇编', ''];
    for (let n = 1; n <= 4; n++) lines.push(...collectionReport(n, 2024));
    const cache = new LineCache();
    const first = analyzeText(lines.join('\n'), { cache });
    // An edit in report 4 leaves reports 1 to 3 as they were: the same objects.
    const edited = [...lines];
    edited[edited.length - 3] += '三是加强队伍建设。';
    const second = analyzeText(edited.join('\n'), { cache });
    for (let k = 0; k < 3; k++) assert.equal(second.doc.reports[k], first.doc.reports[k], `report ${k + 1}`);
    assert.notEqual(second.doc.reports[3], first.doc.reports[3]);
    // A line inserted at the top moves every report one line down, findings too.
    const moved = analyzeText(['', ...edited].join('\n'), { cache });
    const fresh = analyzeText(['', ...edited].join('\n'));
    assert.deepEqual(moved.findings, fresh.findings);
    assert.deepEqual(reportsDump(moved.doc.reports), reportsDump(fresh.doc.reports));
    assert.equal(moved.doc.reports[1].startLine, second.doc.reports[1].startLine + 1);
  });

  test('a keystroke in one line gives what reading the page afresh gives, whatever the line becomes', () => {
    // The parser reuses its reading of the page when one line of running text
    // or a heading changed (parse.ts: layoutAfterEdit); every line of these pages is turned
    // into each of the things the page's reading depends on, and back.
    const chunk = (n: number) => `${n}、` + '全年组织集中学习，开展专题研讨，推动理论武装走深走实，'.repeat(12).slice(0, 296 - String(n).length);
    const pages = [
      [
        '2024年意识形态工作总结汇编',
        '（2篇）',
        '篇1：2024年意识形态工作总结（第一单位）',
        '2024年，第一单位党委认真落实意识形态工作责任制，现将全年工作情况总结如下。',
        '一、主要工作开展情况',
        '（一）加强组织领导。一是召开会议X次，研究部署意识形态工作。二是开展研判4次。',
        '（二）强化理论武装。组织集中学习12次，撰写心得xx篇,交流研讨3次。',
        '二、存在的问题',
        '一是学习不够深入。二是阵地管理有短板。',
        '三、下一步工作打算',
        '下一步，我们将继续压实责任，加强阵地建设。',
        '2024年12月20日',
        '',
        '篇2：2024年党建工作总结（第二单位）',
        '2024年，第二单位党支部坚持党建引领，现将工作情况总结如下。',
        '一、主要做法',
        '全年召开支部委员会12次，开展主题党日活动6次。',
        '二、存在问题和下一步打算',
        '党员教育管理还需加强，下一步将健全制度……',
      ],
      [
        '首页 > 工作总结 > 意识形态',
        '2024年意识形态工作总结范文',
        '更新时间：2024-12-01 浏览次数：120',
        '下面是小编为大家整理的意识形态工作总结，供大家参考。',
        '目录',
        '一、主要工作',
        '二、存在问题',
        '……',
        '2024年意识形态工作总结',
        '2024年，局党组坚持以习近平新时代中国特色社会主义思想为指导，现将有关情况总结如下。',
        '一、主要工作',
        '全年开展专题学习8次，组织宣讲16场。',
        '二、存在问题',
        '宣传方式创新不够。',
        '三、下一步打算',
        '一是加强学习。',
        '二是健全制度。',
        '三是建强队伍。',
        '四是创新方式。',
        '五是加强考核。',
        '六是营造氛围。',
        '',
        '第1页 共5页',
      ],
      [
        '某县2024年宣传工作总结',
        '2024年，县委宣传部认真履职，现将情况总结如下。',
        '（一）加强组织领导。',
        ...['全年召开会议12次。', '开展专题学习8次。', '组织宣讲16场。', '审核信息260条。', '处置舆情3起。', '培训骨干40人。'],
        ...[1, 2, 3, 4].map(chunk),
        '5、最后一段。',
      ],
      // An outline listed above the report, its first heading again below.
      [
        '2024年意识形态工作总结',
        '一、主要工作',
        '二、存在问题',
        '',
        '2024年，局党组认真落实责任制，现将情况总结如下。',
        '（一）加强组织领导。',
        ...['全年召开会议12次。', '开展专题学习8次。', '组织宣讲16场。', '审核信息260条。', '处置舆情3起。', '培训骨干40人。'],
        '一、主要工作',
        '全年开展专题学习8次。',
        '二、存在问题',
        '宣传方式创新不够。',
      ],
      // Headings far apart: a line turned into the next heading makes an outline whose first line comes again below.
      [
        '2024年意识形态工作总结',
        '2024年，局党组认真落实责任制，现将情况总结如下。',
        '（一）加强组织领导。',
        ...['全年召开会议12次。', '开展专题学习8次。', '组织宣讲16场。', '审核信息260条。', '处置舆情3起。', '培训骨干40人。'],
        '一、主要工作',
        '全年开展专题学习8次。',
        '宣传方式创新不够。',
        '一、主要工作',
        '下一步将健全制度。',
      ],
    ];
    const becomes = (line: string): string[] => [
      line.slice(0, 4) + '的' + line.slice(4),
      line.slice(0, 2),
      line + '……',
      '',
      '目录',
      '……',
      '1、' + line,
      '一、主要工作',
      '二、存在问题',
      '篇3',
      '2025年意识形态工作总结',
      '下载本文 分享：张三',
      '下面是小编为大家整理的工作总结，供大家参考。',
      '2024年意识形态工作总结…',
      line + '下面是小编为大家整理的范文，供大家参考。',
      // The site's preview of the next report: its title and first words, cut off.
      '2024年党建工作总结（第二单位）2024年，第二单位党支部坚持党建引领...',
    ];
    let compared = 0;
    for (const [p, page] of pages.entries()) {
      for (let l = 0; l < page.length; l++) {
        for (const variant of becomes(page[l])) {
          const cache = new LineCache();
          analyzeText(page.join('\n'), { cache });
          const edited = [...page];
          edited[l] = variant;
          for (const text of [edited.join('\n'), page.join('\n')]) {
            assert.deepEqual(snapshot(text, { cache }), snapshot(text, {}), `page ${p + 1}, line ${l} becomes 「${variant}」`);
            compared++;
          }
        }
      }
    }
    assert.ok(compared > 900);
  });

  test('edit after edit, the memo keeps no earlier version of the whole text alive', async () => {
    // A record made from a line of version k, or a title or finding quoting it, would hold a
    // slice of version k's whole text: twenty edits in twenty places would keep twenty copies.
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const lines = ['2024年意识形态工作总结汇编', ''];
    // Each report's opening its own (a text other reports share keeps its record while edited).
    for (let n = 1; n <= 400; n++) lines.push(...collectionReport(n, 2024).map((l) => l.replace('党委认真', `第${n}党委认真`)));
    const copy = lines.join('\n').length * 2;
    const cache = new LineCache();
    analyzeText(lines.join('\n'), { cache });
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    for (let k = 0; k < 20; k++) {
      const edited = [...lines];
      // A report's opening, and its title (the parse quotes a title's text).
      const at = 2 + 10 * (k * 19) + (k % 2);
      edited[at] = k % 2 ? edited[at] + '组织学习。' : edited[at].replace('年意识', '年度意识');
      analyzeText(edited.join('\n'), { cache });
    }
    analyzeText(lines.join('\n'), { cache });
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    const grown = process.memoryUsage().heapUsed - before;
    assert.ok(grown < 5 * copy, `the heap grew by ${(grown / 1048576).toFixed(1)} MB, ${(grown / copy).toFixed(1)} copies of the text`);
  });

  test('once the document is read with words, its reports read without them are let go', async () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const lines = ['2024年意识形态工作总结汇编', ''];
    for (let n = 1; n <= 3; n++) lines.push(...collectionReport(n, 2024));
    const text = lines.join('\n');
    const cache = new LineCache();
    let first: ReturnType<typeof analyzeText> | null = analyzeText(text, { cache });
    const firstReport = new WeakRef(first.doc.reports[0]);
    first = null;
    // The same text with the words of every line known: every report is built again.
    const withWords = analyzeText(text, { cache, segmenter: partlyKnowing(new Set(lines)) });
    assert.notEqual(withWords.doc.reports[0], firstReport.deref());
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    assert.equal(firstReport.deref(), undefined);
  });

  test('a report reused from one version to the next keeps no older version of the text alive', async () => {
    // Rules ask for each report's period and closing block; an answer kept with the
    // report would hold the text it was read in for as long as the report is reused.
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const lines = ['2024年意识形态工作总结汇编', ''];
    for (let n = 1; n <= 3; n++) lines.push(...collectionReport(n, 2024), '2024年12月20日', '');
    const cache = new LineCache();
    let first: ReturnType<typeof analyzeText> | null = analyzeText(lines.join('\n'), { cache });
    const firstText = new WeakRef(first.doc.source);
    const firstReport = first.doc.reports[0];
    first = null;
    // Edits in the last report only: the first report is the same object throughout.
    let latest = analyzeText(lines.join('\n'), { cache });
    for (let k = 0; k < 3; k++) {
      const edited = [...lines];
      edited[edited.length - 4] += '加强队伍建设。'.repeat(k + 1);
      latest = analyzeText(edited.join('\n'), { cache });
    }
    assert.equal(latest.doc.reports[0], firstReport);
    assert.ok(latest.findings.length > 0);
    // A WeakRef's target lives at least until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    assert.equal(firstText.deref(), undefined);
  });
});
