/**
 * The documents waiting for a check, and when the check runs. There is no
 * debounce timer: the check runs as soon as the protocol messages already
 * received are handled. vscode-jsonrpc handles one queued message per turn of
 * the event loop, so the flush waits one turn and then as long as each turn
 * brought another change (a burst of keystrokes that arrived while the server
 * was busy), checking only the latest version — but never longer than
 * COALESCE_LIMIT_MS after the first change.
 */

/** The longest a burst of queued changes may postpone a check. */
export const COALESCE_LIMIT_MS = 30;

export class CheckQueue {
  private readonly dirty = new Set<string>();
  /** Counts add() calls, to tell whether a turn of the event loop brought a change. */
  private changeCount = 0;
  private flushScheduled = false;

  /**
   * @param settled what a flush waits for first (the settings being read), asked anew at each flush
   * @param check checks one document; called once per queued URI at each flush
   */
  constructor(
    private readonly settled: () => Promise<void>,
    private readonly check: (uri: string) => void,
  ) {}

  /** Queues a check of `uri`. */
  add(uri: string): void {
    this.dirty.add(uri);
    this.changeCount++;
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const started = performance.now();
    let seen = this.changeCount;
    let turns = 0;
    const tick = () => {
      const quiet = this.changeCount === seen;
      seen = this.changeCount;
      if ((turns++ === 0 || !quiet) && performance.now() - started < COALESCE_LIMIT_MS) {
        setImmediate(tick);
        return;
      }
      void this.settled().then(() => this.flush());
    };
    setImmediate(tick);
  }

  has(uri: string): boolean {
    return this.dirty.has(uri);
  }

  /** Takes `uri` off the queue (it was checked on demand, or closed). */
  delete(uri: string): void {
    this.dirty.delete(uri);
  }

  private flush(): void {
    this.flushScheduled = false;
    const uris = [...this.dirty];
    this.dirty.clear();
    for (const uri of uris) this.check(uri);
  }
}
