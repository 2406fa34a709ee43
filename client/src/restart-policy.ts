/**
 * When the language server dies, whether the client starts a new one.
 *
 * vscode-languageclient's default handler shuts the client down for good once
 * a connection error has been counted a fourth time, and a dead server can
 * produce those errors faster than its close event arrives (each message the
 * editor sends to it while typing fails). The writer then loses checking until
 * VS Code is reloaded. Here errors never decide: the close event that follows
 * them does, and it restarts the server unless it has crashed too often in a
 * short time (then it stays stopped, and says so in Chinese).
 *
 * Pure (no vscode import) so that it can be tested in plain Node.
 */
export interface RestartDecision {
  restart: boolean;
  /** Shown to the writer when the server is not restarted. */
  message?: string;
}

export class RestartPolicy {
  private crashes: number[] = [];

  /**
   * @param maxCrashes crashes tolerated within `windowMs`; one more stops restarting.
   */
  constructor(
    private readonly maxCrashes = 4,
    private readonly windowMs = 3 * 60_000,
  ) {}

  /** Called when the connection closed without the client asking for it. */
  onClosed(now: number): RestartDecision {
    this.crashes.push(now);
    this.crashes = this.crashes.filter((t) => now - t <= this.windowMs);
    if (this.crashes.length <= this.maxCrashes) return { restart: true };
    const minutes = Math.round(this.windowMs / 60_000);
    return {
      restart: false,
      message: `Zongjie：语言服务器在 ${minutes} 分钟内异常退出了 ${this.crashes.length} 次，已停止自动重启。详情见“输出”面板中的 Zongjie；重新加载窗口可再次启动。`,
    };
  }
}
