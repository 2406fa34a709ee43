/**
 * The life of word segmentation in the server: when it starts, when it is
 * ready, how its failure is told (once), and how it stops. The checks only
 * ask readyHost(): a host whose dictionaries are loaded, or null.
 */
import { SegmenterStatus } from '../protocol';
import { errorText } from './checks';
import { SegmenterHostLike } from './segmentation';

/** The longest word segmentation waits for the first diagnostics before it starts loading anyway. */
export const SEGMENTER_START_DELAY_MS = 200;

export interface SegmenterLifecycleOptions {
  /** Starts word segmentation; absent, or returning null: the server runs without it. */
  start?: () => SegmenterHostLike | null;
  /**
   * Start only once the first diagnostics are out (or after
   * SEGMENTER_START_DELAY_MS): loading nodejieba keeps a core busy for half
   * a second, which on a 2-core machine would slow the first check down.
   */
  afterFirstCheck: boolean;
  /** The dictionaries are loaded: every open document needs its second phase. */
  onReady: () => void;
  /** Shown to the user (once per server). */
  warn: (message: string) => void;
  /** Written to the server's log (the client's output channel): which segmenter is in use and why. */
  log?: (message: string) => void;
}

export class SegmenterLifecycle {
  private host: SegmenterHostLike | null = null;
  private ready = false;
  private warned = false;
  private current: SegmenterStatus;
  /** Set from initialization until word segmentation starts (see begin()). */
  private startTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: SegmenterLifecycleOptions) {
    this.current = options.start ? { state: 'loading', note: '中文分词组件正在加载…' } : { state: 'off', note: '中文分词已关闭（--no-segmenter），用词和标点检查不运行。' };
  }

  /** Which segmenter is in use and why, or why there is none (the zongjie.segmenterStatus command). */
  status(): SegmenterStatus {
    return this.current;
  }

  /** At initialization: starts segmentation now, or arms the deferred start. */
  begin(): void {
    if (this.options.afterFirstCheck) {
      this.startTimer = setTimeout(() => this.startOnce(), SEGMENTER_START_DELAY_MS);
    } else {
      this.start();
    }
  }

  /** Called after every publish: the first diagnostics being out releases a deferred start. */
  published(): void {
    if (this.startTimer !== null) setImmediate(() => this.startOnce());
  }

  /** The host, once its dictionaries are loaded; null before, after a failure, and after dispose. */
  readyHost(): SegmenterHostLike | null {
    return this.ready ? this.host : null;
  }

  /** A check with `host` failed to segment; ignored when `host` has been replaced or stopped since. */
  failed(host: SegmenterHostLike, reason: string): void {
    if (this.host === host) this.fail(reason);
  }

  /** Stops segmentation; resolves when the worker has stopped. */
  async dispose(): Promise<void> {
    if (this.startTimer !== null) {
      clearTimeout(this.startTimer);
      this.startTimer = null;
    }
    const host = this.host;
    this.host = null;
    this.ready = false;
    await host?.dispose();
  }

  private startOnce(): void {
    if (this.startTimer === null) return;
    clearTimeout(this.startTimer);
    this.startTimer = null;
    this.start();
  }

  private start(): void {
    let host: SegmenterHostLike | null = null;
    try {
      host = this.options.start?.() ?? null;
    } catch (e) {
      this.fail(errorText(e));
      return;
    }
    if (!host) return;
    this.host = host;
    host.ready.then(
      (ok) => {
        if (this.host !== host) return;
        if (ok) {
          this.ready = true;
          const note = host.choice?.note ?? '中文分词组件已加载。';
          this.current = { state: 'ready', note };
          this.options.log?.(`zongjie：${note}`);
          this.options.onReady();
        } else {
          this.fail(host.failure);
        }
      },
      (e) => {
        if (this.host === host) this.fail(host.failure ?? errorText(e));
      },
    );
  }

  private fail(reason: string | null): void {
    this.ready = false;
    this.current = { state: 'failed', note: `中文分词组件未能加载（${reason ?? '原因不明'}），用词和标点检查暂不可用。` };
    if (this.warned) return;
    this.warned = true;
    this.options.warn(`中文分词组件未能加载（${reason ?? '原因不明'}），用词和标点检查暂不可用；其他检查照常进行。`);
  }
}
