import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { IgnoreList } from '../../server/src/cli/ignore';
import { analyzeText } from '../../server/src/features/analyze';
import { run, scratchFolder } from '../cli/scratch';

const scratch = scratchFolder('zongjie-ignore-');

const MD = [
  '# 2024年意识形态工作总结',
  '今年以来,局党组认真落实意识形态工作责任制，现将有关情况总结如下。',
  '## 一、主要工作开展情况',
  '<!-- zongjie-disable-next-line punctuation -->',
  '组织集中学习12次,开展专题研讨4次。',
  '组织集中学习X次,开展专题研讨4次。',
  '<!-- zongjie-disable placeholder -->',
  '召开会议X次,其中专题会议X次。',
  '<!-- zongjie-enable placeholder -->',
  '## 二、存在的问题',
  '<!-- zongjie-disable -->',
  '学习形式比较单一,X。',
  '<!-- zongjie-enable -->',
  '## 三、下一步工作打算',
  '创新学习方式,加强阵地管理。',
].join('\n');

const where = (text: string, markdown: boolean) =>
  analyzeText(text, { markdown })
    .findings.filter((f) => f.code === 'punctuation' || f.code === 'placeholder')
    .map((f) => `${f.range.start.line + 1}:${f.code}`);

describe('<!-- zongjie-disable… --> in Markdown drafts', () => {
  test('next line, a block for some rules, a block for all rules', () => {
    assert.deepEqual(where(MD, true), ['2:punctuation', '6:placeholder', '6:punctuation', '8:punctuation', '15:punctuation']);
  });

  test('without the comments every finding is there; plain-text drafts ignore such text', () => {
    const bare = MD.split('\n').filter((l) => !l.startsWith('<!--')).join('\n');
    assert.equal(where(bare, true).length, 10);
    assert.equal(where(MD, false).filter((w) => w.startsWith('5:')).length, 1);
  });

  test('a block never closed runs to the end; several rules in one comment', () => {
    const text = ['# 2024年意识形态工作总结', '<!-- zongjie-disable punctuation placeholder -->', '召开会议X次,其中专题会议X次。', '学习X次,研讨4次。'].join('\n');
    assert.deepEqual(where(text, true), []);
  });
});

describe('.zongjieignore', () => {
  const list = IgnoreList.parse('/base', ['# 模板', 'templates/', '*.bak.md', '/archive/**/old-*.txt', '!keep.bak.md', 'drafts/?.txt'].join('\n'));
  const cases: [string, boolean, boolean][] = [
    ['templates', true, true],
    ['sub/templates', true, true],
    ['templates', false, false],
    ['templates/a.txt', false, true],
    ['x/y.bak.md', false, true],
    ['x/keep.bak.md', false, false],
    ['archive/2020/old-1.txt', false, true],
    ['archive/old-1.txt', false, true],
    ['sub/archive/old-1.txt', false, false],
    ['drafts/a.txt', false, true],
    ['drafts/ab.txt', false, false],
    ['草稿.txt', false, false],
  ];
  for (const [p, dir, want] of cases) {
    test(`${p}${dir ? '/' : ''} → ${want ? 'ignored' : 'checked'}`, () => {
      assert.equal(list.ignores(path.join('/base', p), dir), want);
    });
  }

  test('the CLI leaves ignored files out of folder walks, but checks files named on the command line', () => {
    const draft = '2024年意识形态工作总结\n一、主要工作开展情况\n学习X次。\n二、存在的问题\n无。\n三、下一步工作打算\n无。';
    scratch.write('w/.zongjieignore', 'templates/\n*.bak.txt\n');
    scratch.write('w/a.txt', draft);
    scratch.write('w/b.bak.txt', draft);
    scratch.write('w/templates/t.txt', draft);
    const before = process.cwd();
    process.chdir(path.join(scratch.dir, 'w'));
    try {
      const r = run('check', '.');
      assert.deepEqual([...new Set(r.out.split('\n').filter((l) => l.includes(':')).map((l) => l.split(':')[0]))], ['a.txt']);
      const named = run('check', 'b.bak.txt');
      assert.match(named.out, /^b\.bak\.txt:3:/m);
    } finally {
      process.chdir(before);
    }
  });
});
