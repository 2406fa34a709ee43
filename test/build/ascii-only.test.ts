/**
 * scripts/ascii-only.mjs: the bundles are ASCII-only (one byte per character of
 * their source in the memory of the process that runs them), mean what they
 * meant before, and their source maps still point at the same code.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');

type AsciiOnly = (file: string) => number;
const load = async (): Promise<AsciiOnly> => ((await import(pathToFileURL(path.join(ROOT, 'scripts/ascii-only.mjs')).href)) as { asciiOnly: AsciiOnly }).asciiOnly;

/** Generated columns of a source map's mappings, per line (base64 VLQ, first field of each segment). */
function generatedColumns(mappings: string): number[][] {
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  return mappings.split(';').map((line) => {
    let column = 0;
    return line === ''
      ? []
      : line.split(',').map((segment) => {
          let value = 0;
          let shift = 0;
          for (const ch of segment) {
            const digit = B64.indexOf(ch);
            value += (digit & 31) << shift;
            shift += 5;
            if ((digit & 32) === 0) break;
          }
          column += value & 1 ? -(value >> 1) : value >> 1;
          return column;
        });
  });
}

describe('ASCII-only bundles', () => {
  test('every bundle the build writes is ASCII-only, and the server bundle is the function its loader compiles', () => {
    for (const f of ['dist/server.js', 'dist/server-main.js', 'dist/cli.js', 'dist/extension.js', 'dist/segmenter-worker.js']) {
      const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
      assert.ok(!/[^\x00-\x7f]/.test(text), `${f} has a non-ASCII character`);
    }
    assert.match(fs.readFileSync(path.join(ROOT, 'dist/server-main.js'), 'utf8'), /^\(function \(exports, require, module, __filename, __dirname\) \{/);
  });

  test('escapes mean the same characters in strings and patterns, an escaped character included, and the map follows the code', async () => {
    const asciiOnly = await load();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zongjie-ascii-'));
    try {
      const file = path.join(dir, 'b.js');
      // Line 0: a pattern with 、 escaped by a backslash (\、), one with a doubled backslash before 。, a u-flag one; line 1: a string.
      const lines = ['const p=/[。，\\、]+$/,q=/\\\\。/,r=/^意+$/u,x=1;', 'const s="意识形态",y=2;module.exports={p,q,r,s,x,y};'];
      fs.writeFileSync(file, lines.join('\n'));
      // Segments at column 0 and at x (column 37) of line 0, and at y (column 15) of line 1, in base64 VLQ: 37 is qC, 15 is e.
      const colX = lines[0].indexOf('x=1');
      const colY = lines[1].indexOf('y=2');
      assert.deepEqual([colX, colY], [37, 15]);
      const map = { version: 3, sources: ['b.ts'], names: [], mappings: 'AAAA,qCAAA;eAAA' };
      fs.writeFileSync(`${file}.map`, JSON.stringify(map));
      assert.equal(asciiOnly(file), 9);
      const text = fs.readFileSync(file, 'utf8');
      assert.ok(!/[^\x00-\x7f]/.test(text));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const after = require(file) as { p: RegExp; q: RegExp; r: RegExp; s: string };
      assert.equal(after.p.source, '[\\u3002\\uff0c\\u3001]+$', 'the backslash before 、 went with the character');
      assert.equal(after.p.test('好，、。'), true);
      assert.equal(after.q.test('\\。'), true, 'a doubled backslash stays a backslash');
      assert.equal(after.r.test('意意'), true);
      assert.equal(after.s, '意识形态');

      const columns = generatedColumns((JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')) as { mappings: string }).mappings);
      const out = text.split('\n');
      assert.deepEqual(columns, [[0, out[0].indexOf('x=1')], [out[1].indexOf('y=2')]]);
      assert.ok(out[0].indexOf('x=1') > colX, 'the columns moved');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a bundle whose non-ASCII text sits beside String.raw is refused rather than changed', async () => {
    const asciiOnly = await load();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zongjie-ascii-'));
    try {
      const file = path.join(dir, 'raw.js');
      fs.writeFileSync(file, 'module.exports=String.raw`意`;');
      assert.throws(() => asciiOnly(file), /String\.raw/);
      assert.equal(fs.readFileSync(file, 'utf8'), 'module.exports=String.raw`意`;');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
