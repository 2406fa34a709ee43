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
import fs = require('node:fs');
import path = require('node:path');
import { Worker } from 'node:worker_threads';
import { BudgetCache } from '../engine/budget-cache';
import { LONG_LINE, detach, linePieces } from '../engine/line-cache';
import { Segmenter } from '../engine/segmenter';
import { SourceText, isBlankLine } from '../engine/source';
import { DictionaryPaths, characterSplit } from './dictionary';
import { SegmenterChoice, loadSegmentation } from './engines';
import { FromWorker, ToWorker, WorkerInit } from './protocol';

export { characterSplit } from './dictionary';

/**
 * The bytes the cache of cut lines may hold (an estimate: the line, and per
 * word a string and its slot). A 40 KB draft costs about 1.5 MB, so this holds
 * the draft being typed and the recent versions of its lines, and fills within
 * the first thousand keystrokes: after that, typing does not grow the server
 * (with more drafts open, lines of the others are cut again in the worker,
 * off the main thread). Long lines are cut in pieces, each an entry of its own,
 * so typing into a 690,000-character line adds the words of one piece, not of
 * the line.
 */
export const WORDS_CACHE_BYTES = 3 * 1024 * 1024;

/**
 * The budget grows to this many times what the document last prepared costs
 * (WORDS_CACHE_BYTES at least): a document whose words outgrow the budget —
 * the 170 pieces of a 1 MB line cost about 9 MB — would otherwise have most of
 * its pieces evicted and cut again in the worker on every keystroke. The
 * document's size is bounded (LARGE_DOCUMENT_BYTES), and so is the budget.
 */
const WORKING_SET_SLACK = 1.5;

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

/** The pieces a long line is cut in (engine/line-cache.ts), or the line itself. */
function piecesOf(line: string): string[] {
  if (line.length <= LONG_LINE) return [line];
  return linePieces(line).pieces;
}

/**
 * The texts the worker cuts for `text`: its non-blank lines, once each, and a
 * long line piece by piece, so that typing into a 300,000-character line has
 * the worker cut the piece typed into, not the whole line on every keystroke.
 */
export function textsToSegment(text: string): string[] {
  const out = new Set<string>();
  for (const l of new SourceText(text).lines) {
    if (isBlankLine(l)) continue;
    for (const p of piecesOf(l)) out.add(p);
  }
  return [...out];
}

/**
 * A synchronous Segmenter over words already cut (see the file comment for the
 * fallback). A long line's words are its pieces' words, in order (pieces end
 * at punctuation, where words end too).
 */
/** The last long line assembled from its pieces' words, shared by the host's segmenters. */
interface LongLineSlot {
  long: { line: string; words: string[]; known: boolean; by: Segmenter } | null;
}

class PreparedSegmenter implements Segmenter {
  constructor(
    private readonly words: { get(text: string): string[] | undefined; has(text: string): boolean },
    private readonly slot: LongLineSlot = { long: null },
  ) {}
  cut(text: string): string[] {
    if (text.length > LONG_LINE) return this.assembled(text).words;
    return this.words.get(text) ?? characterSplit(text);
  }
  knows(text: string): boolean {
    if (text.length > LONG_LINE) return piecesOf(text).every((p) => this.words.has(p));
    return this.words.has(text);
  }
  private assembled(line: string): { words: string[]; known: boolean } {
    const last = this.slot.long;
    // A line not wholly known yet is assembled again by a later segmenter, which may know more pieces.
    if (last?.line === line && (last.known || last.by === this)) return last;
    const words: string[] = [];
    let known = true;
    for (const p of piecesOf(line)) {
      const w = this.words.get(p);
      if (!w) known = false;
      for (const x of w ?? characterSplit(p)) words.push(x);
    }
    this.slot.long = { line, words, known, by: this };
    return this.slot.long;
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
  private readonly cache = new BudgetCache<string[]>(WORDS_CACHE_BYTES, (line, words) => 2 * line.length + 48 * words.length + 64);
  private readonly pending = new Map<number, Pending>();
  /** The words of each text the worker is cutting now, by text. */
  private readonly inFlight = new Map<string, Promise<string[]>>();
  private readonly longLine: LongLineSlot = { long: null };
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
      // The cache evicts the least recently used lines first.
      const hit = this.cache.get(t);
      if (hit) {
        words.set(t, hit);
      } else {
        missing.add(t);
      }
    }
    if (missing.size > 0) {
      // Texts the worker is cutting already for an earlier prepare (a keystroke
      // while the pieces of a long line just opened are being cut) are waited
      // for, not sent again: the worker would cut the whole line twice.
      const waits: Promise<void>[] = [];
      const list: string[] = [];
      for (const t of missing) {
        const cutting = this.inFlight.get(t);
        if (cutting) waits.push(cutting.then((w) => void words.set(t, w)));
        else list.push(t);
      }
      // (Each promise gets a handler at once: one that rejects while nobody waits must not end the process.)
      const waited = Promise.all(waits);
      waited.catch(() => undefined);
      if (list.length > 0) {
        this.cutCount += list.length;
        const batch = this.request(list);
        list.forEach((t, i) => {
          const one = batch.then((cut) => cut[i]);
          one.catch(() => undefined);
          this.inFlight.set(t, one);
        });
        let cut: string[][];
        try {
          cut = await batch;
        } finally {
          for (const t of list) this.inFlight.delete(t);
        }
        list.forEach((t, i) => words.set(t, cut[i]));
      }
      await waited;
      // Room for this document's words first, then they are kept.
      let cost = 0;
      for (const [t, w] of words) cost += this.cache.cost(t, w);
      this.cache.resize(Math.max(WORDS_CACHE_BYTES, Math.ceil(cost * WORKING_SET_SLACK)));
      // A line or piece may be a view into the whole text: kept as it is, it would keep that version alive.
      for (const t of list) this.cache.set(detach(t), words.get(t)!);
    }
    return new PreparedSegmenter(words, this.longLine);
  }

  /**
   * A segmenter, at once and without the worker, for the lines cut so far: it
   * knows() those and answers one word per character for any other line. The
   * language server's first pass on a keystroke uses it, so word findings on
   * unchanged lines stay in place while the edited line is being cut.
   * Null until the dictionaries are loaded.
   */
  known(): Segmenter | null {
    return this.worker && this.failure === null && this.loadMs !== null ? new PreparedSegmenter(this.cache, this.longLine) : null;
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
