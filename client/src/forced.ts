/**
 * The documents the user asked to check as reports although their title does
 * not mark them as one. The server keeps the list only while it runs, so the
 * extension persists it per workspace and hands it back in
 * initializationOptions.forcedReports at every (re)start.
 */
import vscode = require('vscode');

const KEY = 'zongjie.forcedReports';

export class ForcedReports {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  list(): string[] {
    const value = this.state.get<unknown>(KEY);
    return Array.isArray(value) ? value.filter((u): u is string => typeof u === 'string') : [];
  }

  has(uri: vscode.Uri): boolean {
    return this.list().includes(uri.toString());
  }

  /** Stores the server's answer, which is the whole list after its change. */
  async replace(uris: readonly string[]): Promise<void> {
    await this.state.update(KEY, [...new Set(uris)]);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
