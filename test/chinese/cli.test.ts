/**
 * The CLI with word segmentation: loaded once for all files, and when it cannot
 * load, one clear line on stderr while every other check still runs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runCli } from '../../server/src/cli/main';

const dir = mkdtempSync(join(tmpdir(), 'zongjie-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const DRAFT = ['2024年意识形态工作总结', '2024年以来，局党组深入学习贯彻党的二十大大精神,现将有关情况总结如下。', '一、主要工作开展情况', '全年召开会议4次。', '二、存在的问题', '学习不够深入。', '三、下一步工作打算', '加强学习。'].join('\n');
const a = join(dir, 'a.txt');
const b = join(dir, 'b.txt');
writeFileSync(a, DRAFT);
writeFileSync(b, DRAFT);

describe('zongjie check with segmentation', () => {
  test('the word checks run on every file', () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = runCli(['check', a, b], { out: (s) => out.push(s), err: (s) => err.push(s) });
    assert.equal(code, 0);
    assert.deepEqual(err, []);
    const lines = out.join('\n').split('\n');
    assert.equal(lines.filter((l) => l.includes('duplicated-char')).length, 2);
    assert.equal(lines.filter((l) => l.includes('punctuation')).length, 2);
  });

  test('without dictionaries: one line on stderr, the other checks still run', () => {
    const bundle = join(__dirname, '../../../dist/cli.js');
    assert.ok(existsSync(bundle), 'dist/cli.js (npm run build)');
    // The bundle alone, away from dist/dict and node_modules.
    const lonely = join(dir, 'cli.js');
    copyFileSync(bundle, lonely);
    const r = spawnSync(process.execPath, [lonely, 'check', a, b], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const errLines = r.stderr.split('\n').filter(Boolean);
    assert.equal(errLines.length, 1, r.stderr);
    assert.match(errLines[0], /^zongjie：分词组件不可用（.+），已跳过需要分词的检查（duplicated-char、formulation），其余检查照常进行。$/);
    assert.equal((r.stdout.match(/punctuation/g) ?? []).length, 2);
    assert.doesNotMatch(r.stdout, /duplicated-char/);
  });
});
