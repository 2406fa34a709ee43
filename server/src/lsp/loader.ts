/**
 * zongjie-lsp's entry (dist/server.js): loads the server bundle
 * (dist/server-main.js, built from main.ts) with a V8 code cache.
 *
 * Every start of the server compiled the whole bundle again, and then each
 * function the first check runs; with the cache V8 reads the compiled code
 * instead. The cache is written once per bundle, by a server that had none,
 * when its first findings are out (code-cache-point.ts), so it holds the
 * functions a start and a first check compile and no others; a server that
 * never gets there writes it when it exits after real work (or after
 * CACHE_WRITE_DELAY_MS); a `--version` leaves none behind. It lives
 * in a folder of the user's own under the system's temporary folder (like
 * Node's own compile cache), named by a hash of the bundle and Node's version,
 * beside the caches of at most three other builds (pruneCaches); V8 rejects a
 * cache that does not fit, and any failure to read or write it only means a
 * start without one.
 *
 * Nothing here may write to stdout: under --stdio it is the protocol channel.
 */
import { createHash } from 'node:crypto';
import fs = require('node:fs');
import os = require('node:os');
import path = require('node:path');
import vm = require('node:vm');
import { compilePatternsOnce } from '../engine/pattern-compilation';
import { CODE_CACHE_POINT } from './code-cache-point';

/** A long session writes its cache without waiting for the exit (a server the editor kills never exits cleanly). */
const CACHE_WRITE_DELAY_MS = 60_000;
/**
 * CPU time a server has spent when it exits for its cache to be worth writing:
 * start-up alone is about 100 ms. (ZONGJIE_CODE_CACHE_MIN_CPU_MS sets it for the tests.)
 */
const CACHE_WRITE_MIN_CPU_MS = Number(process.env.ZONGJIE_CODE_CACHE_MIN_CPU_MS ?? 250);
/**
 * Caches of other bundles kept when a new one is written: each version of
 * zongjie (and each build) has its own, about 1 MB, and one user may run a few
 * (the extension's and a global install); older ones would stay forever.
 */
const OTHER_CACHES_KEPT = 3;
/** A temporary file this old was left by a server that died while writing its cache. */
const STALE_TEMP_MS = 60 * 60 * 1000;
/** What the loader writes: the caches and their temporary files, nothing else in the folder is touched. */
const CACHE_FILE = /^[0-9a-f]{24}\.bin$/;
const TEMP_FILE = /^[0-9a-f]{24}\.bin\.\d+\.tmp$/;

const BUNDLE = path.join(__dirname, 'server-main.js');

/**
 * Node's Module class, taken from this module: require('node:module') would
 * also load the public module API (ES module loader, source maps), which
 * nothing here uses, at every start.
 */
const Module = module.constructor as typeof import('node:module');

interface ModuleInternals {
  _nodeModulePaths(from: string): string[];
  _resolveFilename(request: string, parent: NodeJS.Module): string;
}

/** The user's own cache folder, or null when there is none that only the user can write. */
function cacheDir(): string | null {
  try {
    const uid = typeof process.getuid === 'function' ? process.getuid() : null;
    const dir = path.join(os.tmpdir(), `zongjie-v8-cache${uid === null ? '' : `-${uid}`}`);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(dir);
    // Code read from the cache runs as this user: a folder someone else made (or a link to one) is not used.
    if (!st.isDirectory() || (uid !== null && (st.uid !== uid || (st.mode & 0o022) !== 0))) return null;
    return dir;
  } catch {
    return null;
  }
}

/**
 * Removes the caches of other bundles beyond the OTHER_CACHES_KEPT most
 * recently written, and temporary files left by servers that died writing one.
 * A cache removed here only means one start without it for that version.
 */
function pruneCaches(dir: string, current: string): void {
  try {
    const now = Date.now();
    const others: { file: string; mtimeMs: number }[] = [];
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (file === current) continue;
      const isCache = CACHE_FILE.test(name);
      if (!isCache && !TEMP_FILE.test(name)) continue;
      let st: fs.Stats;
      try {
        st = fs.lstatSync(file);
      } catch {
        continue;
      }
      if (!st.isFile()) continue;
      if (isCache) others.push({ file, mtimeMs: st.mtimeMs });
      else if (now - st.mtimeMs > STALE_TEMP_MS) fs.rmSync(file, { force: true });
    }
    others.sort((a, b) => b.mtimeMs - a.mtimeMs);
    for (const { file } of others.slice(OTHER_CACHES_KEPT)) fs.rmSync(file, { force: true });
  } catch {
    // Old caches stay until the next write.
  }
}

/**
 * The server bundle compiled, with the cache when there is a good one, and its
 * cache to be written when there is none. A function of its own so that the
 * cache's bytes are garbage before the bundle runs: held by the caller's frame
 * while the server starts, they outlived the young generation and stayed in
 * memory until a full collection.
 */
function compile(): vm.Script {
  // Hashed as read: hashing the decoded text would encode a second copy of it.
  const bytes = fs.readFileSync(BUNDLE);
  const dir = cacheDir();
  const file = dir && path.join(dir, `${createHash('sha1').update(bytes).update(process.version).update(process.arch).digest('hex').slice(0, 24)}.bin`);
  const source = bytes.toString('utf8');
  let cached: Buffer | undefined;
  try {
    if (file) cached = fs.readFileSync(file);
  } catch {
    // None yet.
  }
  // The bundle is written as a module's function (scripts/build.mjs): a
  // wrapped copy of a text this size would double the memory its source takes.
  const script = new vm.Script(source, { filename: BUNDLE, cachedData: cached });
  if (file && (cached === undefined || script.cachedDataRejected)) {
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      try {
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(tmp, file);
      } catch {
        // A start without a cache next time.
        return;
      }
      pruneCaches(dir, file);
    };
    process.once(CODE_CACHE_POINT, write);
    process.once('exit', () => {
      const cpu = process.cpuUsage();
      if ((cpu.user + cpu.system) / 1000 >= CACHE_WRITE_MIN_CPU_MS) write();
    });
    setTimeout(write, CACHE_WRITE_DELAY_MS).unref();
  }
  return script;
}

function load(): void {
  const script = compile();
  const M = Module as unknown as ModuleInternals & typeof Module;
  const run = script.runInThisContext() as ((exports: unknown, require: NodeJS.Require, module: NodeJS.Module, filename: string, dirname: string) => void) | undefined;
  if (typeof run !== 'function') throw new Error(`${BUNDLE} 不是 zongjie 的语言服务器程序包（应由 npm run build 生成），请重新安装 zongjie。`);
  const main = new Module(BUNDLE, module);
  main.filename = BUNDLE;
  main.paths = M._nodeModulePaths(__dirname);
  const req = ((id: string) => main.require(id)) as NodeJS.Require;
  req.resolve = ((id: string) => M._resolveFilename(id, main)) as NodeJS.RequireResolve;
  req.main = require.main;
  req.cache = require.cache;
  run.call(main.exports, main.exports, req, main, BUNDLE, __dirname);
}

compilePatternsOnce();
load();
