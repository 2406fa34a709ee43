import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { ROOT, run, scratchFolder } from './scratch';

const scratch = scratchFolder('zongjie-cli-');
const tmp = scratch.dir;
const write = scratch.write;

const GOOD = [
  '2024年意识形态工作总结',
  '今年以来，局党组认真落实意识形态工作责任制，现将有关情况总结如下。',
  '一、主要工作开展情况',
  '组织集中学习12次，开展专题研讨4次。',
  '二、存在的问题',
  '学习形式比较单一。',
  '三、下一步工作打算',
  '创新学习方式，加强阵地管理。',
].join('\n');
const WITH_PLACEHOLDER = GOOD.replace('12次', 'X次');

describe('zongjie check', () => {
  test('text output: path:line:col  severity  code  message, 1-based, and a summary', () => {
    const p = write('text/a.txt', WITH_PLACEHOLDER);
    const r = run('check', p);
    assert.equal(r.code, 1);
    const lines = r.out.split('\n');
    assert.equal(lines[0], `${p}:4:7  error  placeholder  「X」是模板中待填写的占位符，请填入实际数字后再提交。`);
    assert.equal(lines[1], '共检查 1 个文件、1 篇报告，发现 1 个错误、0 个警告。');
  });

  test('exit code 0 and a clean summary when nothing is wrong', () => {
    const r = run('check', write('clean/a.txt', GOOD));
    assert.equal(r.code, 0);
    assert.equal(r.out, '共检查 1 个文件、1 篇报告，未发现问题。');
  });

  test('warnings alone do not fail the check', () => {
    const r = run('check', write('warn/a.txt', GOOD.replace('三、下一步', '四、下一步')));
    assert.equal(r.code, 0);
    assert.match(r.out, /warning  numbering/);
  });

  test('JSON output has exactly the documented shape', () => {
    const p = write('json/a.txt', WITH_PLACEHOLDER);
    const r = run('check', '--format', 'json', p);
    assert.equal(r.code, 1);
    const json = JSON.parse(r.out);
    assert.deepEqual(json, {
      files: [
        {
          path: p,
          reports: [
            {
              title: { line: 0, text: '2024年意识形态工作总结' },
              genre: 'ideology-summary',
              genreName: '意识形态工作总结',
              sections: [
                { slot: 'achievements', heading: '主要工作开展情况', line: 2, level: 1, headed: true, children: [] },
                { slot: 'problems', heading: '存在的问题', line: 4, level: 1, headed: true, children: [] },
                { slot: 'next-steps', heading: '下一步工作打算', line: 6, level: 1, headed: true, children: [] },
              ],
            },
          ],
          diagnostics: [
            {
              code: 'placeholder',
              severity: 'error',
              message: '「X」是模板中待填写的占位符，请填入实际数字后再提交。',
              range: { start: { line: 3, character: 6 }, end: { line: 3, character: 7 } },
            },
          ],
        },
      ],
    });
  });

  test('folders: every .txt and .md below, sorted; other files ignored', () => {
    write('tree/b.md', '# ' + GOOD);
    write('tree/sub/a.txt', GOOD);
    write('tree/notes.docx', 'binary');
    const r = run('check', '--format=json', path.join(tmp, 'tree'));
    const paths = JSON.parse(r.out).files.map((f: { path: string }) => path.relative(tmp, f.path));
    assert.deepEqual(paths, ['tree/b.md', 'tree/sub/a.txt']);
  });

  test('an unreadable path is reported, the others are still checked, exit code 2', () => {
    const good = write('mixed/a.txt', WITH_PLACEHOLDER);
    const r = run('check', path.join(tmp, 'no-such-file.txt'), good);
    assert.equal(r.code, 2);
    assert.match(r.err, /no-such-file\.txt：文件或文件夹不存在/);
    assert.match(r.out, /placeholder/);
  });

  test('a binary file is skipped with a clear message', () => {
    const bin = write('bin/x.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]));
    const r = run('check', bin);
    assert.equal(r.code, 2);
    assert.match(r.err, /不是文本文件/);
  });

  test('UTF-8 BOM, UTF-16 with BOM and GB18030 drafts read the same', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(WITH_PLACEHOLDER, 'utf16le')]);
    // GB18030 bytes of a short draft, written out by hand: "2024年工作总结\n召开会议X次。"
    const gbk = Buffer.concat([
      Buffer.from('2024', 'latin1'),
      Buffer.from([0xc4, 0xea, 0xb9, 0xa4, 0xd7, 0xf7, 0xd7, 0xdc, 0xbd, 0xe1]),
      Buffer.from('\n', 'latin1'),
      Buffer.from([0xd5, 0xd9, 0xbf, 0xaa, 0xbb, 0xe1, 0xd2, 0xe9]),
      Buffer.from('X', 'latin1'),
      Buffer.from([0xb4, 0xce, 0xa1, 0xa3]),
    ]);
    const files = [
      write('enc/bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(WITH_PLACEHOLDER)])),
      write('enc/utf16.txt', utf16),
      write('enc/gbk.txt', gbk),
    ];
    const r = run('check', '--verbose', '--format', 'json', ...files);
    const json = JSON.parse(r.out);
    const first = (i: number) => json.files[i].diagnostics.find((d: { code: string }) => d.code === 'placeholder');
    assert.deepEqual(first(0).range.start, { line: 3, character: 6 });
    assert.deepEqual(first(1).range.start, { line: 3, character: 6 });
    assert.deepEqual(first(2).range.start, { line: 1, character: 4 });
    assert.equal(json.files[2].reports[0].title.text, '2024年工作总结');
    assert.match(r.err, /bom\.txt：编码 utf-8-bom/);
    assert.match(r.err, /utf16\.txt：编码 utf-16le/);
    assert.match(r.err, /gbk\.txt：编码 gb18030/);
  });

  test('usage errors: exit code 2 and a Chinese message', () => {
    for (const argv of [['frobnicate'], ['check'], ['check', '--format', 'xml', 'a.txt'], ['check', '--profile', 'no-such', 'a.txt'], ['check', '--bogus', 'a.txt']]) {
      const r = run(...argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.err, /zongjie：/);
    }
  });

  test('a profile file of the user can be passed by path; a broken one is refused clearly', () => {
    const profile = JSON.parse(fs.readFileSync(path.join(ROOT, 'server/src/profiles/ideology-summary.json'), 'utf8'));
    profile.id = 'no-plans';
    profile.parts = profile.parts.map((p: { slot: string; required: boolean }) => (p.slot === 'next-steps' ? { ...p, required: false } : p));
    const p = write('profiles/no-plans.json', JSON.stringify(profile));
    const draftPath = write('profiles/a.txt', GOOD.split('\n').slice(0, 6).join('\n'));
    assert.equal(run('check', draftPath).code, 1);
    assert.equal(run('check', '--profile', p, draftPath).code, 0);
    const broken = write('profiles/broken.json', '{"id": "x", "parts": [');
    const r = run('check', '--profile', broken, draftPath);
    assert.equal(r.code, 2);
    assert.match(r.err, /不是有效的 JSON/);
  });
});

describe('zongjie outline', () => {
  test('prints each report with its parts named in Chinese', () => {
    const p = write('outline/a.txt', GOOD);
    const r = run('outline', p);
    assert.equal(r.code, 0);
    assert.equal(
      r.out,
      [
        p,
        '  2024年意识形态工作总结  第 1 行',
        '    文体：意识形态工作总结',
        '    导语  第 2 行',
        '    一、主要工作开展情况  〔主要工作及成效〕  第 3 行',
        '    二、存在的问题  〔存在的问题〕  第 5 行',
        '    三、下一步工作打算  〔下一步工作打算〕  第 7 行',
      ].join('\n'),
    );
  });
});

describe('the built CLI', () => {
  test('runs from dist/, prints no stack trace for a missing file', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'check', path.join(tmp, 'missing.txt')], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /missing\.txt：文件或文件夹不存在/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  test("a team's pattern runs on re2js from dist/re2js.js, which the bundles do not hold", () => {
    write('re2/.zongjie.json', '{ "placeholderPatterns": ["ZZ\\\\d+"] }');
    const draft = write('re2/草稿.txt', GOOD.replace('12次', 'ZZ12次'));
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'check', '--format', 'json', draft], { encoding: 'utf8' });
    assert.equal(r.stderr, '');
    const found = (JSON.parse(r.stdout) as { files: { diagnostics: { code: string; message: string }[] }[] }).files[0].diagnostics;
    assert.ok(found.some((d) => d.code === 'placeholder' && d.message.includes('「ZZ12」')), JSON.stringify(found));
    assert.ok(fs.existsSync(path.join(ROOT, 'dist/re2js.js')));
    for (const bundle of ['dist/cli.js', 'dist/server-main.js']) assert.doesNotMatch(fs.readFileSync(path.join(ROOT, bundle), 'utf8'), /RE2JSCompileException/, bundle);
  });
});

describe('the built CLI when its reader goes away (zongjie check … | head)', () => {
  test('stops quietly: exit code 0, nothing on stderr', async () => {
    for (let i = 0; i < 200; i++) write(`pipe/${String(i).padStart(3, '0')}.txt`, WITH_PLACEHOLDER.replace('局党组', `第${i}党支部`));
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'check', '--format', 'json', path.join(tmp, 'pipe')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    // Like head: read the first piece, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    assert.equal(stderr, '');
    assert.equal(code, 0);
  });
});

describe('the built command on a folder', () => {
  test('prints what the in-process run prints, with the same exit code', () => {
    const dir = path.join(tmp, 'many');
    for (let i = 0; i < 12; i++) {
      const text = i % 5 === 0 ? WITH_PLACEHOLDER : GOOD.replace('12次', `${12 + i}次`);
      write(`many/${String(i).padStart(2, '0')}.txt`, i % 7 === 0 ? text.replace('创新学习方式', '党的二十大大精神,创新学习方式') : text);
    }
    write('many/zz-binary.txt', Buffer.from([0, 1, 2, 3]));
    for (const argv of [['check', dir], ['check', '--format', 'json', dir], ['outline', dir]]) {
      const here = run(...argv);
      const built = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...argv], { encoding: 'utf8', maxBuffer: 1 << 28 });
      assert.equal(built.stdout, here.out + '\n', argv.join(' '));
      assert.equal(built.stderr, here.err + '\n', argv.join(' '));
      assert.equal(built.status, here.code, argv.join(' '));
    }
  });
});
