/**
 * Word documents in VS Code: 「Zongjie：检查 Word 文档」 opens a .docx as a
 * read-only text view (a virtual document of scheme WORD_VIEW_SCHEME, one
 * paragraph per line). The language server reads the file and gives the text
 * (SERVER_COMMANDS.wordText), then checks the view like a draft, with the
 * Word-only findings; diagnostics, hover, the Outline and breadcrumbs follow.
 * When the file changes on disk (saved again from Word or WPS beside VS Code)
 * the view is read again.
 */
import fs = require('node:fs');
import path = require('node:path');
import vscode = require('vscode');
import { ExecuteCommandRequest, LanguageClient, State } from './languageclient';
import { SERVER_COMMANDS, WORD_VIEW_SCHEME } from '../../server/src/protocol';

/** Changes on disk come in bursts (a save writes a temporary file, then renames it): wait this long for quiet. */
const SETTLE_MS = 150;
/** A file caught half-written is read again after this long, keeping the last text meanwhile. */
const RETRY_MS = 500;

/** The view of a Word file: the same path under the view's scheme (the tab and breadcrumbs show the file's name). */
export function wordViewUri(file: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: WORD_VIEW_SCHEME, path: file.path });
}

/** The Word file a view shows. */
export function wordFileUri(view: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: 'file', path: view.path });
}

interface ViewState {
  watcher?: fs.FSWatcher;
  timer?: NodeJS.Timeout;
  /** The last text read, shown again while a file being saved cannot be read. */
  text?: string;
  retried?: boolean;
}

export class WordViews implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly views = new Map<string, ViewState>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly running: () => Promise<LanguageClient | undefined>) {
    this.disposables = [
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(WORD_VIEW_SCHEME, this),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.scheme === WORD_VIEW_SCHEME) this.forget(d.uri.toString());
      }),
    ];
  }

  /** The command: opens the explorer's .docx (or the one picked) as a checked view. */
  async open(arg?: unknown): Promise<void> {
    let file = arg instanceof vscode.Uri ? arg : undefined;
    if (!file) {
      const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Word 文档': ['docx'] }, openLabel: '检查' });
      file = picked?.[0];
      if (!file) return;
    }
    if (file.scheme !== 'file') {
      void vscode.window.showErrorMessage('Zongjie：只能检查本机上的 Word 文档。');
      return;
    }
    if (!/\.docx$/i.test(file.path)) {
      void vscode.window.showErrorMessage(`Zongjie：「${path.posix.basename(file.path)}」不是 Word 文档（.docx）。旧版 .doc 和 WPS 的 .wps 文件请先在 Word 或 WPS 中另存为 .docx。`);
      return;
    }
    const view = wordViewUri(file);
    // Already open: read the file again, it may have changed while no one watched.
    if (this.views.has(view.toString())) this.changed.fire(view);
    const doc = await vscode.workspace.openTextDocument(view);
    await vscode.window.showTextDocument(doc, { preview: false });
  }

  async provideTextDocumentContent(view: vscode.Uri): Promise<string> {
    const key = view.toString();
    let state = this.views.get(key);
    if (!state) this.views.set(key, (state = {}));
    const file = wordFileUri(view);
    this.watch(view, file, state);
    const name = path.posix.basename(file.path);
    try {
      const client = await this.running();
      if (!client) throw new Error('语言服务器没有运行');
      const c2p = client.code2ProtocolConverter;
      const answer = (await client.sendRequest(ExecuteCommandRequest.type, {
        command: SERVER_COMMANDS.wordText,
        arguments: [c2p.asUri(file), c2p.asUri(view)],
      })) as { text?: unknown } | null;
      if (typeof answer?.text !== 'string') throw new Error('语言服务器没有给出文档内容');
      state.text = answer.text;
      state.retried = false;
      return answer.text;
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      if (state.text !== undefined && !state.retried) {
        // Most likely caught mid-save: keep what was shown and read once more shortly.
        state.retried = true;
        this.schedule(view, state, RETRY_MS);
        return state.text;
      }
      void vscode.window.showErrorMessage(`Zongjie：无法读取「${name}」：${why}`);
      return `（Zongjie 无法读取这个 Word 文档：${why}）`;
    }
  }

  /** Watches the file's folder (a save by Word or WPS replaces the file, which a watch on the file itself would lose). */
  private watch(view: vscode.Uri, file: vscode.Uri, state: ViewState): void {
    if (state.watcher) return;
    const filePath = file.fsPath;
    const base = path.basename(filePath);
    try {
      state.watcher = fs.watch(path.dirname(filePath), { persistent: false }, (_event, changed) => {
        if (changed === null || changed.toString() === base) this.schedule(view, state, SETTLE_MS);
      });
      state.watcher.on('error', () => {
        // The folder went away: the next read says so.
        this.schedule(view, state, SETTLE_MS);
      });
    } catch {
      // A folder that cannot be watched: the view is read again when the command runs again.
    }
  }

  private schedule(view: vscode.Uri, state: ViewState, delay: number): void {
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      if (this.views.get(view.toString()) === state) this.changed.fire(view);
    }, delay);
  }

  private forget(key: string): void {
    const state = this.views.get(key);
    if (!state) return;
    state.watcher?.close();
    if (state.timer) clearTimeout(state.timer);
    this.views.delete(key);
  }

  dispose(): void {
    for (const key of [...this.views.keys()]) this.forget(key);
    this.disposables.forEach((d) => d.dispose());
  }
}

/** A client that is running, waiting for a start in progress. */
export function runningClient(client: () => LanguageClient | undefined, started: () => Promise<void>): () => Promise<LanguageClient | undefined> {
  return async () => {
    await started();
    const c = client();
    return c && c.state === State.Running ? c : undefined;
  };
}
