/**
 * Word segmentation for the front ends.
 *
 * SegmenterHost (language server): a worker_thread loads nodejieba and cuts the
 * texts; the main thread never blocks. Use it like this:
 *
 *   const host = SegmenterHost.start();
 *   // publish the cheap rules at once (analyzeText without a segmenter), then:
 *   if (await host.ready) {
 *     const segmenter = await host.prepare(textsToSegment(text));
 *     analyzeText(text, { segmenter, ... });
 *   } else {
 *     log(host.failure); // once
 *   }
 *
 * The engine (parse.ts and the rules) calls `cut()` only with whole lines of the
 * document (SourceText.lines), so `textsToSegment(text)` - the document's lines -
 * is exactly what to prepare. A prepared segmenter answers `cut(t)` from the
 * worker's results for every `t` passed to prepare; for any other text it falls
 * back to `characterSplit` (one word per character, ASCII letter/digit runs kept
 * together), which makes segmenter rules conservative rather than wrong.
 *
 * loadSegmenterSync (CLI): loads in the calling thread and blocks for the load.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Segmenter } from '../engine/segmenter';
import { SourceText, isBlankLine } from '../engine/source';
import { DictionaryPaths, characterSplit } from './dictionary';
import { SegmenterChoice, loadSegmentation } from './engines';
import { FromWorker, ToWorker, WorkerInit } from './protocol';

export { characterSplit } from './dictionary';

/** Lines the cache keeps; a 40 KB draft has about 400, so this holds many drafts. */
const CACHE_LIMIT = 20000;

/** How long a stopping worker may take to finish the cut in hand before it is terminated. */
const STOP_GRACE_MS = 2000;

export interface SegmenterHostOptions {
  /** The worker script; by default found beside this file (see defaultWorkerPath). */
  workerPath?: string;
  /** Explicit dictionary files; by default the product's dist/dict. */
  dictionaryPaths?: DictionaryPaths;
}

/**
 * The worker script: `segmenter-worker.js` beside the running bundle (dist/), or
 * `worker.js` beside this file (tsc output in out/server/src/segmenter/).
 */
export function defaultWorkerPath(from: string = __dirname): string | null {
  for (const candidate of [
    path.join(from, 'segmenter-worker.js'),
    path.join(from, 'worker.js'),
    path.join(from, '..', 'out', 'server', 'src', 'segmenter', 'worker.js'),
  ]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** The texts the engine will ask a segmenter to cut for `text`: its non-blank lines, once each. */
export function textsToSegment(text: string): string[] {
  return [...new Set(new SourceText(text).lines.filter((l) => !isBlankLine(l)))];
}

/** A synchronous Segmenter over words already cut (see the file comment for the fallback). */
class PreparedSegmenter implements Segmenter {
  constructor(private readonly words: ReadonlyMap<string, string[]>) {}
  cut(text: string): string[] {
    return this.words.get(text) ?? characterSplit(text);
  }
  knows(text: string): boolean {
    return this.words.has(text);
  }
}

interface Pending {
  resolve: (words: string[][]) => void;
  reject: (e: Error) => void;
}

export class SegmenterHost {
  /** True once the dictionaries are loaded; false if they could not be (never rejects). */
  readonly ready: Promise<boolean>;
  /** Why segmentation is unavailable, in Chinese; null while loading or when ready. */
  failure: string | null = null;
  /** Milliseconds the worker spent loading the dictionaries (null until ready). */
  loadMs: number | null = null;
  /** Which segmenter the worker loaded, and why (null until ready). */
  choice: SegmenterChoice | null = null;
  /** Texts the worker has been asked to cut so far (cache hits do not count). */
  cutCount = 0;

  private worker: Worker | null = null;
  private readonly cache = new Map<string, string[]>();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private disposed = false;
  private settle: (ok: boolean) => void = () => {};

  private constructor(options: SegmenterHostOptions) {
    this.ready = new Promise<boolean>((resolve) => {
      let settled = false;
      this.settle = (ok) => {
        if (settled) return;
        settled = true;
        resolve(ok);
      };
    });
    const workerPath = options.workerPath ?? defaultWorkerPath();
    if (!workerPath || !fs.existsSync(workerPath)) {
      this.fail(`找不到分词进程脚本${workerPath ? ` ${workerPath}` : '（segmenter-worker.js）'}，请重新运行 npm run build`);
      return;
    }
    const init: WorkerInit = { paths: options.dictionaryPaths };
    let worker: Worker;
    try {
      worker = new Worker(workerPath, { workerData: init });
    } catch (e) {
      this.fail(`无法启动分词线程：${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    this.worker = worker;
    worker.on('message', (m: FromWorker) => this.onMessage(m));
    worker.on('error', (e) => this.fail(`分词线程出错：${e instanceof Error ? e.message : String(e)}`));
    worker.on('exit', (code) => {
      this.worker = null;
      if (!this.disposed) this.fail(`分词线程意外退出（退出码 ${code}）`);
    });
  }

  /** Starts the worker; loading begins at once. */
  static start(options: SegmenterHostOptions = {}): SegmenterHost {
    return new SegmenterHost(options);
  }

  /**
   * Cuts `texts` in the worker (texts already cut come from the cache) and
   * resolves to a Segmenter that answers cut() for them synchronously.
   * Rejects when segmentation is unavailable: check `ready` first.
   */
  async prepare(texts: string[]): Promise<Segmenter> {
    if (!(await this.ready)) throw new Error(this.failure ?? '分词不可用');
    const words = new Map<string, string[]>();
    const missing = new Set<string>();
    for (const t of texts) {
      if (words.has(t)) continue;
      const hit = this.cache.get(t);
      if (hit) {
        // Re-insert: the cache evicts the least recently used lines first.
        this.cache.delete(t);
        this.cache.set(t, hit);
        words.set(t, hit);
      } else {
        missing.add(t);
      }
    }
    if (missing.size > 0) {
      this.cutCount += missing.size;
      const list = [...missing];
      const cut = await this.request(list);
      list.forEach((t, i) => {
        words.set(t, cut[i]);
        this.cache.set(t, cut[i]);
      });
      while (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    }
    return new PreparedSegmenter(words);
  }

  /**
   * A segmenter, at once and without the worker, for the lines cut so far: it
   * knows() those and answers one word per character for any other line. The
   * language server's first pass on a keystroke uses it, so word findings on
   * unchanged lines stay in place while the edited line is being cut.
   * Null until the dictionaries are loaded.
   */
  known(): Segmenter | null {
    return this.worker && this.failure === null && this.loadMs !== null ? new PreparedSegmenter(this.cache) : null;
  }

  /** Stops the worker; pending and later prepare() calls reject. */
  dispose(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    this.disposed = true;
    if (this.failure === null) this.failure = '分词已关闭';
    this.settle(false);
    this.rejectAll(new Error('分词已关闭'));
    const w = this.worker;
    this.worker = null;
    if (!w) return Promise.resolve();
    // Ask the worker to finish the cut in hand and stop: terminating it inside
    // nodejieba's native code aborts the process. Terminate only if it hangs.
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => void w.terminate().then(() => resolve(), () => resolve()), STOP_GRACE_MS);
      timer.unref();
      w.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      try {
        w.postMessage({ type: 'stop' } satisfies ToWorker);
      } catch {
        void w.terminate();
      }
    });
  }

  private request(texts: string[]): Promise<string[][]> {
    const w = this.worker;
    if (!w) return Promise.reject(new Error(this.failure ?? '分词不可用'));
    const id = this.nextId++;
    return new Promise<string[][]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const m: ToWorker = { type: 'cut', id, texts };
      w.postMessage(m);
    });
  }

  private onMessage(m: FromWorker): void {
    if (m.type === 'ready') {
      this.loadMs = m.loadMs;
      this.choice = { engine: m.engine, note: m.note };
      this.settle(true);
    } else if (m.type === 'failed') {
      this.fail(m.reason);
    } else if (m.type === 'cut') {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      p?.resolve(m.words);
    }
  }

  private fail(reason: string): void {
    if (this.disposed) return;
    if (this.failure === null) this.failure = reason;
    this.settle(false);
    this.rejectAll(new Error(reason));
    const w = this.worker;
    this.worker = null;
    if (w) void w.terminate();
  }

  private rejectAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}

/**
 * Loads word segmentation in the calling thread (the CLI blocks on it):
 * nodejieba, or the portable segmenter where it does not load. Never throws.
 * The segmenter cuts any text directly.
 */
export function loadSegmenterSync(
  options: { dictionaryPaths?: DictionaryPaths } = {},
): ({ segmenter: Segmenter; loadMs: number } & SegmenterChoice) | { failure: string } {
  const loaded = loadSegmentation(options.dictionaryPaths);
  if ('failure' in loaded) return { failure: loaded.failure };
  return { segmenter: { cut: loaded.cut }, loadMs: loaded.loadMs, engine: loaded.engine, note: loaded.note };
}
