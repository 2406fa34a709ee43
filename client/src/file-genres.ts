/**
 * The genre the user chose per file (「Zongjie：选择文体」). The server keeps
 * the choices only while it runs, so the extension persists them per
 * workspace and hands them back in initializationOptions.fileGenres at every
 * (re)start.
 */
import vscode = require('vscode');

const KEY = 'zongjie.fileGenres';

export class FileGenres {
  constructor(private readonly state: vscode.Memento) {}

  all(): Record<string, string> {
    const value = this.state.get<unknown>(KEY);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }

  get(uri: vscode.Uri): string | undefined {
    return this.all()[uri.toString()];
  }

  /** Stores the server's answer, which is the whole map after its change. */
  async replace(map: Record<string, string>): Promise<void> {
    await this.state.update(KEY, map);
  }
}
