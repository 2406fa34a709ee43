/**
 * dist/server.js (server/src/lsp/loader.ts) runs the server bundle with a V8
 * code cache in the user's temporary folder: written by a server that worked
 * and had none, read by the next start, replaced when V8 rejects it.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { REPORT_LINES, lf } from './fixtures';
import { TestClient, fileUri } from './harness';

const TEST_TIMEOUT = { timeout: 60_000 };

describe('the server loader', TEST_TIMEOUT, () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zongjie-loader-test-'));
  // os.tmpdir() reads TMPDIR (TEMP/TMP on Windows); any work at all makes the cache worth writing here.
  const env = { TMPDIR: tmp, TEMP: tmp, TMP: tmp, ZONGJIE_CODE_CACHE_MIN_CPU_MS: '0' };
  const uri = fileUri('2024年度总结.txt');

  /** One session: the draft's diagnostics, then shutdown and exit, waiting for the process to end. */
  async function session(options: Parameters<typeof TestClient.spawn>[0] = { env }): Promise<unknown> {
    const client = await TestClient.spawn(options);
    const ended = new Promise<number | null>((resolve) => client.child!.once('exit', (code) => resolve(code)));
    await client.open(uri, lf(REPORT_LINES));
    const p = await client.waitForVersion(uri, 1);
    await client.conn.sendRequest('shutdown');
    await client.conn.sendNotification('exit');
    assert.equal(await ended, 0);
    await client.dispose();
    return p.diagnostics;
  }

  const cacheFiles = () => {
    const dirs = fs.readdirSync(tmp).filter((d) => d.startsWith('zongjie-v8-cache'));
    return dirs.flatMap((d) => fs.readdirSync(path.join(tmp, d)).filter((f) => f.endsWith('.bin')).map((f) => path.join(tmp, d, f)));
  };

  test('a server that worked leaves its cache, the next start uses it, and a damaged cache is replaced', async () => {
    try {
      const first = await session();
      const files = cacheFiles();
      assert.equal(files.length, 1, 'one cache for the bundle');
      const written = fs.statSync(files[0]);
      assert.ok(written.size > 100_000, 'the compiled server is in it');
      if (process.platform !== 'win32') assert.equal(fs.statSync(path.dirname(files[0])).mode & 0o077, 0, 'only the user can read or write the folder');

      // Accepted: the same findings, and the file is not written again.
      assert.deepEqual(await session(), first);
      assert.equal(fs.statSync(files[0]).mtimeMs, written.mtimeMs);

      // Rejected: the server still works, and a good cache takes the damaged one's place.
      fs.writeFileSync(files[0], Buffer.alloc(1000, 7));
      assert.deepEqual(await session(), first);
      assert.ok(fs.statSync(files[0]).size > 100_000);
      assert.deepEqual(cacheFiles(), files, 'no temporary file is left behind');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  test('writing its cache, a server keeps the three newest caches of other builds and removes the rest', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zongjie-loader-prune-'));
    const uid = typeof process.getuid === 'function' ? process.getuid() : null;
    const caches = path.join(dir, `zongjie-v8-cache${uid === null ? '' : `-${uid}`}`);
    fs.mkdirSync(caches, { mode: 0o700 });
    const hoursAgo = (name: string, hours: number) => {
      const file = path.join(caches, name);
      fs.writeFileSync(file, 'x');
      const t = new Date(Date.now() - hours * 3600_000);
      fs.utimesSync(file, t, t);
      return name;
    };
    const older = [1, 2, 3, 4, 5].map((days) => hoursAgo(`${String(days).repeat(24)}.bin`, days * 24));
    const deadWriter = hoursAgo(`${'a'.repeat(24)}.bin.123.tmp`, 2);
    const liveWriter = hoursAgo(`${'b'.repeat(24)}.bin.456.tmp`, 0.01);
    const notOurs = hoursAgo('notes.txt', 100 * 24);
    try {
      await session({ env: { TMPDIR: dir, TEMP: dir, TMP: dir, ZONGJIE_CODE_CACHE_MIN_CPU_MS: '0' } });
      const left = fs.readdirSync(caches).sort();
      const written = left.filter((n) => /^[0-9a-f]{24}\.bin$/.test(n) && !older.includes(n));
      assert.equal(written.length, 1, 'the server wrote its own cache');
      assert.deepEqual(left, [...older.slice(0, 3), written[0], liveWriter, notOurs].sort());
      assert.ok(!left.includes(deadWriter));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a server writes its cache once its first findings are out, without waiting for its exit', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zongjie-loader-point-'));
    // No exit could write it here: the session's CPU time never reaches this.
    const client = await TestClient.spawn({ env: { TMPDIR: dir, TEMP: dir, TMP: dir, ZONGJIE_CODE_CACHE_MIN_CPU_MS: String(3600_000) } });
    try {
      await client.open(uri, lf(REPORT_LINES));
      await client.waitForVersion(uri, 1);
      const written = () => fs.readdirSync(dir).some((d) => d.startsWith('zongjie-v8-cache') && fs.readdirSync(path.join(dir, d)).some((f) => /^[0-9a-f]{24}\.bin$/.test(f)));
      const deadline = Date.now() + 30_000;
      while (!written() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.ok(written(), 'the cache is written while the server runs');
    } finally {
      await client.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a session on a plain-text draft loads neither zlib nor the public module API', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zongjie-loader-modules-'));
    try {
      const preload = path.join(dir, 'record-modules.js');
      const record = path.join(dir, 'modules.json');
      fs.writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(process.moduleLoadList)));`);
      await session({ env: { TMPDIR: dir, TEMP: dir, TMP: dir }, nodeArgs: ['--require', preload] });
      const loaded = new Set(JSON.parse(fs.readFileSync(record, 'utf8')) as string[]);
      assert.ok(loaded.has('NativeModule vm'), 'the record holds what the loader uses');
      // Word files are rare in a session: zlib is loaded by the first one.
      assert.ok(!loaded.has('NativeModule zlib'));
      // The loader takes Module from its own module object.
      assert.ok(!loaded.has('NativeModule module'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
