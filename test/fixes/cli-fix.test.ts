import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { DiffStats, diffLines } from '../../server/src/cli/diff';
import { describeFsError } from '../../server/src/cli/files';
import { WriteFs, unifiedDiff, writeInPlace } from '../../server/src/cli/fix';
import { ROOT, run, scratchFolder } from '../cli/scratch';

const scratch = scratchFolder('zongjie-fix-');
const tmp = scratch.dir;
const write = scratch.write;

const MESSY = [
  '仅供学习参考，请勿照搬照抄',
  '2024年意识形态工作总结',
  '今年以来，区科协党组认真落实意识形态工作责任制，现将有关情况总结如下。',
  '一、主要工作开展情况',
  '组织集中学习12次，开展专题研讨4次。',
  '三、存在的问题',
  '学习形式比较单一。',
  '四、下一步工作打算',
  '创新学习方式，加强阵地管理。',
];
const FIXED = [...MESSY.slice(1, 5), '二、存在的问题', MESSY[6], '三、下一步工作打算', MESSY[8]];
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('zongjie fix --dry-run', () => {
  test('prints a unified diff and a summary, writes nothing', () => {
    const p = write('dry/a.txt', MESSY.join('\n'));
    const before = fs.readFileSync(p);
    const r = run('fix', '--dry-run', p);
    assert.equal(r.code, 0);
    assert.deepEqual(fs.readFileSync(p), before);
    const diff = r.out.split('\n');
    assert.deepEqual(diff.slice(0, 3), [`--- ${p}`, `+++ ${p}`, '@@ -1,9 +1,8 @@']);
    assert.ok(diff.includes('-仅供学习参考，请勿照搬照抄'));
    assert.ok(diff.includes('-三、存在的问题') && diff.includes('+二、存在的问题'));
    assert.ok(diff.includes('-四、下一步工作打算') && diff.includes('+三、下一步工作打算'));
    // One numbering finding (三、 after 一、); its run's renumbering moves two numbers.
    assert.match(r.out, /可修复 2 个问题（模板网站残留 1 处、编号错乱 1 处）/);
    assert.match(r.out, /预览（未写入任何文件）/);
    assert.deepEqual(fs.readdirSync(path.dirname(p)), ['a.txt']);
  });

  test('the exit code tells what a real run would leave: 1 when errors remain', () => {
    const p = write('dry/b.txt', MESSY.join('\n').replace('12次', 'X次'));
    const r = run('fix', '--dry-run', p);
    assert.equal(r.code, 1);
    assert.match(r.out, /error  placeholder/);
  });
});

describe('zongjie fix', () => {
  test('writes the fixed text back', () => {
    const p = write('real/a.txt', MESSY.join('\n') + '\n');
    const r = run('fix', p);
    assert.equal(r.code, 0, r.err);
    assert.equal(fs.readFileSync(p, 'utf8'), FIXED.join('\n') + '\n');
    assert.match(r.out, /已修复 2 个问题/);
    assert.match(r.out, /修改了 1 个文件、修复 2 个问题，没有余下需要处理的错误和警告/);
    // Nothing left behind: no temporary file beside it.
    assert.deepEqual(fs.readdirSync(path.dirname(p)), ['a.txt']);
    // A second run has nothing to do and leaves the file as it is.
    const again = run('fix', p);
    assert.equal(again.code, 0);
    assert.match(again.out, /修改了 0 个文件/);
  });

  test('CRLF stays CRLF and the BOM stays', () => {
    const p = write('real/bom-crlf.txt', Buffer.concat([BOM, Buffer.from(MESSY.join('\r\n'), 'utf8')]));
    assert.equal(run('fix', p).code, 0);
    const bytes = fs.readFileSync(p);
    assert.deepEqual(bytes.subarray(0, 3), BOM);
    assert.equal(bytes.subarray(3).toString('utf8'), FIXED.join('\r\n'));
  });

  test('UTF-16 with a BOM is written back as UTF-16', () => {
    const p = write('real/utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MESSY.join('\n'), 'utf16le')]));
    assert.equal(run('fix', p).code, 0);
    const bytes = fs.readFileSync(p);
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
    assert.equal(bytes.subarray(2).toString('utf16le'), FIXED.join('\n'));
  });

  test('keeps the file’s permissions', () => {
    const p = write('real/mode.txt', MESSY.join('\n'));
    fs.chmodSync(p, 0o640);
    assert.equal(run('fix', p).code, 0);
    assert.equal(fs.statSync(p).mode & 0o777, 0o640);
  });

  test('Markdown drafts are read as Markdown', () => {
    const p = write('real/a.md', ['# 2024年意识形态工作总结', '现将有关情况总结如下。', '## 一、主要工作开展情况', '开展学习。', '## 三、存在的问题', '学习不深。', '## 四、下一步工作打算', '深化学习。'].join('\n'));
    assert.equal(run('fix', p).code, 0);
    assert.deepEqual(fs.readFileSync(p, 'utf8').split('\n').filter((l) => l.startsWith('## ')), ['## 一、主要工作开展情况', '## 二、存在的问题', '## 三、下一步工作打算']);
  });

  test('exit code 1 when errors remain after fixing; the fixes are still written', () => {
    const p = write('real/placeholder.txt', MESSY.join('\n').replace('12次', 'X次'));
    const r = run('fix', p);
    assert.equal(r.code, 1);
    assert.match(fs.readFileSync(p, 'utf8'), /^2024年/);
    assert.match(r.out, /余下 1 个错误、0 个警告需要人工处理/);
  });
});

const IS_ROOT = process.getuid?.() === 0;

describe('zongjie fix writes the file in place', () => {
  test('a hard-linked file stays linked: same inode, both names see the fix', () => {
    const p = write('inplace/linked.txt', MESSY.join('\n'));
    const other = path.join(tmp, 'inplace/other-name.txt');
    fs.linkSync(p, other);
    const ino = fs.statSync(p).ino;
    assert.equal(run('fix', p).code, 0);
    assert.equal(fs.statSync(p).ino, ino);
    assert.equal(fs.statSync(p).nlink, 2);
    assert.equal(fs.readFileSync(other, 'utf8'), FIXED.join('\n'));
  });

  test('the inode and mode stay, and no backup is left beside it', () => {
    const p = write('inplace/mode/a.txt', MESSY.join('\n') + '\n');
    fs.chmodSync(p, 0o604);
    const ino = fs.statSync(p).ino;
    assert.equal(run('fix', p).code, 0);
    const st = fs.statSync(p);
    assert.equal(st.ino, ino);
    assert.equal(st.mode & 0o7777, 0o604);
    assert.equal(fs.readFileSync(p, 'utf8'), FIXED.join('\n') + '\n');
    assert.deepEqual(fs.readdirSync(path.dirname(p)), ['a.txt']);
  });

  test('the owner stays when root fixes another user’s file', { skip: !IS_ROOT && 'needs root to give the file away' }, () => {
    const p = write('inplace/owner.txt', MESSY.join('\n'));
    fs.chownSync(p, 4242, 4343);
    assert.equal(run('fix', p).code, 0);
    const st = fs.statSync(p);
    assert.deepEqual([st.uid, st.gid], [4242, 4343]);
    assert.equal(fs.readFileSync(p, 'utf8'), FIXED.join('\n'));
  });

  test('a read-only file is refused and left byte for byte; the other file is still fixed', () => {
    const ro = write('readonly/ro.txt', MESSY.join('\n'));
    const good = write('readonly/good.txt', MESSY.join('\n'));
    fs.chmodSync(ro, 0o444);
    const before = fs.readFileSync(ro);
    const r = run('fix', ro, good);
    assert.equal(r.code, 2);
    assert.match(r.err, /ro\.txt：文件是只读的，未修改。/);
    assert.deepEqual(fs.readFileSync(ro), before);
    assert.equal(fs.statSync(ro).mode & 0o777, 0o444);
    assert.equal(fs.readFileSync(good, 'utf8'), FIXED.join('\n'));
    assert.match(r.out, /修改了 1 个文件、修复 2 个问题.*1 个文件无法处理，未作修改/);

    // A preview shows the diff and says a real run would not write it.
    const dry = run('fix', '--dry-run', ro);
    assert.equal(dry.code, 2);
    assert.ok(dry.out.includes('+二、存在的问题'));
    assert.match(dry.err, /ro\.txt：文件是只读的，实际运行时不会修改。/);
    assert.deepEqual(fs.readFileSync(ro), before);
  });

  test('a writable file in a read-only folder is fixed in place', () => {
    const p = write('rodir/a.txt', MESSY.join('\n'));
    const dir = path.dirname(p);
    const ino = fs.statSync(p).ino;
    fs.chmodSync(dir, 0o555);
    try {
      const r = run('fix', p);
      assert.equal(r.code, 0, r.err);
      assert.equal(fs.readFileSync(p, 'utf8'), FIXED.join('\n'));
      assert.equal(fs.statSync(p).ino, ino);
      assert.deepEqual(fs.readdirSync(dir), ['a.txt']);
    } finally {
      fs.chmodSync(dir, 0o755);
    }
    assert.deepEqual(leftoverBackups(), []);
  });
});

/** Backups this process left in the temporary folder (the CLI runs in-process). */
function leftoverBackups(): string[] {
  return fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(`zongjie-backup-${process.pid}-`));
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

/**
 * The real fs, with failures injected: for the file opened 'r+' (the target),
 * `partialWrite` writes 5 bytes of the first write and fails every later one,
 * `failSync` fails the first fsync; `noBackupIn` refuses to create files in
 * the given folders.
 */
function faultyFs(faults: { partialWrite?: boolean; failSync?: boolean; noBackupIn?: string[] }): WriteFs {
  let target = -1;
  let writes = 0;
  return {
    openSync: ((p: string, flags: string, mode?: number) => {
      if (flags === 'wx' && faults.noBackupIn?.includes(path.dirname(p))) throw errno('EACCES');
      const fd = fs.openSync(p, flags, mode);
      if (flags === 'r+') target = fd;
      return fd;
    }) as typeof fs.openSync,
    writeSync: ((fd: number, buf: Buffer, off: number, len: number, pos: number) => {
      if (fd === target && faults.partialWrite) {
        if (writes++ > 0) throw errno('ENOSPC');
        return fs.writeSync(fd, buf, off, Math.min(len, 5), pos);
      }
      return fs.writeSync(fd, buf, off, len, pos);
    }) as typeof fs.writeSync,
    fsyncSync: (fd) => {
      if (fd === target && faults.failSync) {
        faults.failSync = false;
        throw errno('EIO');
      }
      fs.fsyncSync(fd);
    },
    closeSync: fs.closeSync,
    readSync: fs.readSync,
    fstatSync: fs.fstatSync,
    ftruncateSync: fs.ftruncateSync,
    unlinkSync: fs.unlinkSync,
  };
}

describe('writeInPlace loses nothing', () => {
  const NEW = Buffer.from(FIXED.join('\n'));
  const OLD = Buffer.from(MESSY.join('\n'));
  const setup = (name: string) => {
    const p = write(`wip/${name}/a.txt`, OLD);
    return { p, dir: path.dirname(p), stat: fs.statSync(p) };
  };

  test('writes when the file is as it was read', () => {
    const { p, dir, stat } = setup('plain');
    assert.deepEqual(writeInPlace(p, NEW, OLD, stat), []);
    assert.deepEqual(fs.readFileSync(p), NEW);
    assert.deepEqual(fs.readdirSync(dir), ['a.txt']);
  });

  test('a file changed since it was read is not written, even with the same size and time', () => {
    const { p, stat } = setup('changed');
    const other = Buffer.from(OLD.toString('utf8').replace('12次', '13次'));
    fs.writeFileSync(p, other);
    fs.utimesSync(p, stat.atime, stat.mtime);
    assert.throws(() => writeInPlace(p, NEW, OLD, stat), /文件在处理期间被其他程序修改，未写入/);
    assert.deepEqual(fs.readFileSync(p), other);
  });

  test('a failed sync is undone from the original bytes and said so', () => {
    const { p, dir, stat } = setup('sync');
    assert.throws(() => writeInPlace(p, NEW, OLD, stat, faultyFs({ failSync: true })), /无法写入（EIO），写入中断；已恢复原内容，文件未作修改/);
    assert.deepEqual(fs.readFileSync(p), OLD);
    assert.deepEqual(fs.readdirSync(dir), ['a.txt']);
  });

  test('when even the undo fails, the backup stays and the message names it', () => {
    const { p, dir, stat } = setup('partial');
    let message = '';
    assert.throws(
      () => writeInPlace(p, NEW, OLD, stat, faultyFs({ partialWrite: true })),
      (e: Error) => ((message = e.message), /磁盘空间不足，写入中断，原内容也未能写回；原内容完整保存在 .*请用它恢复文件/.test(e.message)),
    );
    const backups = fs.readdirSync(dir).filter((n) => n !== 'a.txt');
    assert.equal(backups.length, 1);
    const backup = path.join(dir, backups[0]);
    assert.ok(message.includes(backup));
    assert.deepEqual(fs.readFileSync(backup), OLD);
    assert.notDeepEqual(fs.readFileSync(p), OLD);
  });

  test('the backup goes to the temporary folder when the file’s folder takes none', () => {
    const { p, dir, stat } = setup('tmpbackup');
    // The sync fails, so the write is undone: proof that the backup path was taken and cleaned up.
    assert.throws(() => writeInPlace(p, NEW, OLD, stat, faultyFs({ failSync: true, noBackupIn: [dir] })), /已恢复原内容/);
    assert.deepEqual(fs.readFileSync(p), OLD);
    assert.deepEqual(writeInPlace(p, NEW, OLD, fs.statSync(p), faultyFs({ noBackupIn: [dir] })), []);
    assert.deepEqual(fs.readFileSync(p), NEW);
    assert.deepEqual(fs.readdirSync(dir), ['a.txt']);
    assert.deepEqual(leftoverBackups(), []);
  });

  test('no backup anywhere: refused, the file untouched', () => {
    const { p, dir, stat } = setup('nobackup');
    assert.throws(() => writeInPlace(p, NEW, OLD, stat, faultyFs({ noBackupIn: [dir, os.tmpdir()] })), /无法保存原内容的备份（没有写入权限），为免丢失内容，未作修改/);
    assert.deepEqual(fs.readFileSync(p), OLD);
  });
});

describe('describeFsError', () => {
  test('messages say whether reading or writing failed', () => {
    const denied = Object.assign(new Error('denied'), { code: 'EACCES' });
    assert.equal(describeFsError(denied), '没有读取权限');
    assert.equal(describeFsError(denied, 'write'), '没有写入权限');
    assert.equal(describeFsError(Object.assign(new Error('odd'), { code: 'EIO' }), 'write'), '无法写入（EIO）');
  });
});

describe('zongjie fix refuses what it cannot write back losslessly', () => {
  // GB18030 bytes of "仅供学习参考\n2024年工作总结\n", written out by hand.
  const gbk = Buffer.concat([
    Buffer.from([0xbd, 0xf6, 0xb9, 0xa9, 0xd1, 0xa7, 0xcf, 0xb0, 0xb2, 0xce, 0xbf, 0xbc]),
    Buffer.from('\n2024', 'latin1'),
    Buffer.from([0xc4, 0xea, 0xb9, 0xa4, 0xd7, 0xf7, 0xd7, 0xdc, 0xbd, 0xe1]),
    Buffer.from('\n', 'latin1'),
  ]);

  test('GB18030: left untouched, with a message that says why and what to do, exit code 2', () => {
    const p = write('refuse/gbk.txt', gbk);
    for (const argv of [['fix', p], ['fix', '--dry-run', p]]) {
      const r = run(...argv);
      assert.equal(r.code, 2);
      assert.match(r.err, /gbk\.txt：文件编码为 GB18030\/GBK.*未作修改.*另存为 UTF-8/);
      assert.deepEqual(fs.readFileSync(p), gbk);
    }
  });

  test('a binary file and a missing file: untouched, the other files still fixed', () => {
    const bin = write('refuse/x.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    const good = write('refuse/good.txt', MESSY.join('\n'));
    const r = run('fix', bin, path.join(tmp, 'refuse/none.txt'), good);
    assert.equal(r.code, 2);
    assert.match(r.err, /x\.txt：这不是文本文件/);
    assert.match(r.err, /none\.txt：文件或文件夹不存在/);
    assert.deepEqual(fs.readFileSync(bin), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    assert.equal(fs.readFileSync(good, 'utf8'), FIXED.join('\n'));
    assert.match(r.out, /2 个文件无法处理，未作修改/);
  });

  test('UTF-8 with a BOM and broken bytes would not come back as it was: untouched', () => {
    const broken = Buffer.concat([BOM, Buffer.from(MESSY.join('\n'), 'utf8'), Buffer.from([0xff, 0x0a])]);
    const p = write('refuse/broken.txt', broken);
    const r = run('fix', p);
    assert.equal(r.code, 2);
    assert.match(r.err, /不能按 utf-8-bom 原样写回/);
    assert.deepEqual(fs.readFileSync(p), broken);
  });

  test('usage errors', () => {
    for (const argv of [['fix'], ['fix', '--format', 'json', 'a.txt'], ['check', '--dry-run', 'a.txt'], ['fix', '--bogus', 'a.txt']]) {
      const r = run(...argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.err, /zongjie：/);
    }
    assert.match(run('--help').out, /zongjie fix \[--dry-run\]/);
  });
});

describe('the built CLI', () => {
  test('dist/cli.js fix --dry-run prints the diff and writes nothing', () => {
    const p = write('built/a.txt', MESSY.join('\n'));
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'fix', '--dry-run', p], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.includes('+二、存在的问题\n'));
    assert.equal(fs.readFileSync(p, 'utf8'), MESSY.join('\n'));
  });
});

describe('unifiedDiff', () => {
  test('hunks with three lines of context, separate when far apart', () => {
    const a = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'].join('\n');
    const b = ['1', 'two', '3', '4', '5', '6', '7', '8', '9', '10', '11'].join('\n');
    assert.equal(
      unifiedDiff(a, b, 'f'),
      ['--- f', '+++ f', '@@ -1,5 +1,5 @@', ' 1', '-2', '+two', ' 3', ' 4', ' 5', '@@ -9,4 +9,3 @@', ' 9', ' 10', ' 11', '-12'].join('\n'),
    );
  });
  test('an insertion at the start and equal texts', () => {
    assert.equal(unifiedDiff('a\nb', 'x\na\nb', 'f'), ['--- f', '+++ f', '@@ -1,2 +1,3 @@', '+x', ' a', ' b'].join('\n'));
    assert.equal(unifiedDiff('a\r\nb', 'a\r\nb', 'f'), '');
  });
});

/** Applies a unified diff to `before`'s lines, checking every header, context and removed line. */
function applyUnified(before: string[], patch: string): string[] {
  const lines = patch.split('\n');
  assert.deepEqual(lines.slice(0, 2), ['--- f', '+++ f']);
  const out: string[] = [];
  let at = 0; // next line of `before` not yet copied
  let k = 2;
  while (k < lines.length) {
    const h = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$/.exec(lines[k++]);
    assert.ok(h, `hunk header expected, got ${lines[k - 1]}`);
    const [oldStart, oldCount, newStart, newCount] = h.slice(1).map(Number);
    const from = oldCount ? oldStart - 1 : oldStart;
    assert.ok(from >= at, 'hunks overlap or go backwards');
    out.push(...before.slice(at, from));
    assert.equal(newCount ? newStart - 1 : newStart, out.length, 'new start');
    at = from;
    let olds = 0;
    let news = 0;
    while (k < lines.length && !lines[k].startsWith('@@ ')) {
      const [mark, text] = [lines[k][0], lines[k].slice(1)];
      k++;
      if (mark !== '+') {
        assert.equal(before[at], text, `line ${at + 1} of the old text`);
        at++;
        olds++;
      }
      if (mark !== '-') {
        out.push(text);
        news++;
      }
    }
    assert.deepEqual([olds, news], [oldCount, newCount], 'hunk counts');
  }
  out.push(...before.slice(at));
  return out;
}

function lcsLength(a: string[], b: string[]): number {
  let row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const next = [0];
    for (let j = 0; j < b.length; j++) next.push(x === b[j] ? row[j] + 1 : Math.max(row[j + 1], next[j]));
    row = next;
  }
  return row[b.length];
}

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A text and an edited copy: lines from `words` distinct lines, edited at `rate`. */
function editedPair(rnd: () => number, length: number, words: number, rate: number): [string[], string[]] {
  const line = () => `第${Math.floor(rnd() * words)}条,开展工作`;
  const a = Array.from({ length }, line);
  const b: string[] = [];
  for (const x of a) {
    const r = rnd();
    if (r < rate / 3) continue;
    if (r < (2 * rate) / 3) b.push(line(), x);
    else if (r < rate) b.push(x.replace(',', '，'));
    else b.push(x);
  }
  return [a, b];
}

describe('the line diff', () => {
  test('small random texts: the diff applies and is the shortest', () => {
    const rnd = random(7);
    for (let round = 0; round < 400; round++) {
      const [a, b] = editedPair(rnd, Math.floor(rnd() * 40), 1 + Math.floor(rnd() * 6), rnd());
      const ops = diffLines(a, b);
      const edits = ops.filter((o) => o.type !== ' ').length;
      assert.equal(edits, a.length + b.length - 2 * lcsLength(a, b), `round ${round}`);
      // As texts, an empty list of lines is one empty line.
      const [before, after] = [a.join('\n'), b.join('\n')];
      const patch = unifiedDiff(before, after, 'f', round % 4);
      if (before === after) assert.equal(patch, '');
      else assert.deepEqual(applyUnified(before.split('\n'), patch), after.split('\n'), `round ${round}`);
    }
  });

  test('large random texts, with and without lines unique on both sides: the diff applies', () => {
    const rnd = random(11);
    for (const words of [3, 40, 1000, 1e9]) {
      for (const rate of [0.02, 0.3, 0.9]) {
        const [a, b] = editedPair(rnd, 1500 + Math.floor(rnd() * 2500), words, rate);
        const ops = diffLines(a, b);
        assert.deepEqual(ops.filter((o) => o.type !== '+').map((o) => o.text), a);
        assert.deepEqual(ops.filter((o) => o.type !== '-').map((o) => o.text), b);
        assert.deepEqual(applyUnified(a, unifiedDiff(a.join('\n'), b.join('\n'), 'f')), b, `${words} words, rate ${rate}`);
      }
    }
  });

  test('30,000 changed lines are diffed in work linear in their number', () => {
    // What "fix all" does to a long draft: every line changes, some lines repeat (blank ones), one line goes.
    const draft = (n: number): [string[], string[]] => {
      const a: string[] = [];
      const b: string[] = [];
      for (let i = 0; i < n / 2; i++) {
        a.push(`第${i}项工作已经完成,效果良好。`, '');
        b.push(`第${i}项工作已经完成，效果良好。`, '');
      }
      a.splice(n / 2, 0, '仅供学习参考');
      return [a, b];
    };
    const work = (a: string[], b: string[]) => {
      const stats: DiffStats = { steps: 0 };
      const ops = diffLines(a, b, stats);
      assert.equal(ops.filter((o) => o.type !== ' ').length, a.length - b.length + 2 * (b.length / 2));
      return stats.steps;
    };
    const [a, b] = draft(30000);
    const steps = work(a, b);
    // Quadratic work would be some 10⁹ steps here; the bound leaves room for constant factors only.
    assert.ok(steps < 100 * (a.length + b.length), `${steps} steps`);
    assert.ok(work(...draft(60000)) < 2.5 * steps, 'twice the lines, at most about twice the work');
    assert.deepEqual(applyUnified(a, unifiedDiff(a.join('\n'), b.join('\n'), 'f')), b);
  });
});
