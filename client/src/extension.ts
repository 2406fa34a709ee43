/**
 * Zongjie for VS Code: starts the language server, and adds the commands and
 * the status bar item that make the server's findings easy to work through.
 */
import path = require('node:path');
import vscode = require('vscode');
import { ExecuteCommandRequest, LanguageClient, State } from './languageclient';
import { CLIENT_COMMANDS, GenreInfo, SERVER_COMMANDS } from '../../server/src/protocol';
import { DOCUMENT_SELECTOR, createClient } from './client';
import { FileGenres } from './file-genres';
import { ForcedReports } from './forced';
import { nextItem } from './navigation';
import { ReportStatusBar, STATUS_BAR_COMMAND, isPlaceholder, zongjieDiagnostics } from './status';
import { WordViews, runningClient } from './word-view';

/** Set while the active file is one the user forced, to offer the matching command only. */
const CONTEXT_FORCED = 'zongjie.activeFileIsForcedReport';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Zongjie', { log: true });
  const forced = new ForcedReports(context.workspaceState);
  const genres = new FileGenres(context.workspaceState);
  client = createClient(context, () => forced.list(), output, () => genres.all());
  const status = new ReportStatusBar(client, forced, DOCUMENT_SELECTOR);
  let started: Promise<void> = Promise.resolve();
  const wordViews = new WordViews(runningClient(() => client, () => started));

  const updateContext = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    void vscode.commands.executeCommand('setContext', CONTEXT_FORCED, uri ? forced.has(uri) : false);
  };

  context.subscriptions.push(
    output,
    forced,
    status,
    wordViews,
    vscode.commands.registerCommand(CLIENT_COMMANDS.checkWordDocument, (uri?: vscode.Uri) => wordViews.open(uri)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.checkFileAsReport, (uri?: vscode.Uri) => setForced(forced, uri, true)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.stopCheckingFileAsReport, (uri?: vscode.Uri) => setForced(forced, uri, false)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.nextPlaceholder, () => jump('placeholder')),
    vscode.commands.registerCommand(STATUS_BAR_COMMAND, () => jump('status')),
    vscode.commands.registerCommand(CLIENT_COMMANDS.chooseGenre, async (uri?: vscode.Uri) => {
      await chooseGenre(genres, uri);
      status.refresh();
    }),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    forced.onDidChange(updateContext),
  );
  updateContext();

  try {
    started = client.start();
    await started;
  } catch (e) {
    started = Promise.resolve();
    const reason = e instanceof Error ? e.message : String(e);
    output.error(`语言服务器启动失败：${reason}`);
    void vscode.window.showErrorMessage(`Zongjie：语言服务器启动失败（${reason}），报告检查暂不可用。详情见“输出”面板中的 Zongjie。`);
  }
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c && c.state !== State.Stopped) await c.stop();
}

function targetUri(uri: unknown): vscode.Uri | undefined {
  return uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
}

/** The file a command acts on and the running client, or undefined after telling the user why not. */
function commandTarget(arg: unknown): { uri: vscode.Uri; c: LanguageClient } | undefined {
  const uri = targetUri(arg);
  if (!uri) {
    void vscode.window.showInformationMessage('Zongjie：请先打开要检查的文件。');
    return undefined;
  }
  const c = client;
  if (!c || c.state !== State.Running) {
    void vscode.window.showErrorMessage('Zongjie：语言服务器没有运行，请稍后再试。');
    return undefined;
  }
  return { uri, c };
}

/** Asks the server to check (or stop checking) a file as a report, and remembers its answer. */
async function setForced(forced: ForcedReports, arg: unknown, on: boolean): Promise<void> {
  const target = commandTarget(arg);
  if (!target) return;
  const { uri, c } = target;
  const name = path.basename(uri.path) || uri.toString();
  try {
    const list: unknown = await c.sendRequest(ExecuteCommandRequest.type, {
      command: on ? SERVER_COMMANDS.checkAsReport : SERVER_COMMANDS.stopCheckingAsReport,
      arguments: [c.code2ProtocolConverter.asUri(uri)],
    });
    if (Array.isArray(list)) {
      await forced.replace(list.filter((u): u is string => typeof u === 'string'));
    } else {
      // The server answers with this file's state only (a list of every file would grow with each command): keep ours in step.
      const current = new Set(forced.list());
      if (on) current.add(uri.toString());
      else current.delete(uri.toString());
      await forced.replace([...current]);
    }
    void vscode.window.showInformationMessage(
      on ? `Zongjie：已将「${name}」作为报告检查。` : `Zongjie：不再将「${name}」作为报告检查；如果它的标题像报告标题，仍会照常检查。`,
    );
  } catch (e) {
    void vscode.window.showErrorMessage(`Zongjie：操作未完成（${e instanceof Error ? e.message : String(e)}）。`);
  }
}

/** The value of the quick pick's first item: each report's genre is detected again. */
const AUTO_GENRE = 'auto';

/**
 * 「Zongjie：选择文体」: picks the genre every report of the file is checked
 * as (or detection again); the server applies it and the choice is remembered
 * for the workspace.
 */
async function chooseGenre(store: FileGenres, arg: unknown): Promise<void> {
  const target = commandTarget(arg);
  if (!target) return;
  const { uri, c } = target;
  try {
    const list: unknown = await c.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.listGenres, arguments: [] });
    const known = Array.isArray(list) ? (list as GenreInfo[]) : [];
    const current = store.get(uri) ?? AUTO_GENRE;
    const items: (vscode.QuickPickItem & { id: string })[] = [
      { id: AUTO_GENRE, label: '自动识别', description: current === AUTO_GENRE ? '当前' : '', detail: '按每篇报告的标题和开头识别文体（默认）' },
      ...known.map((g) => ({ id: g.id, label: g.name, description: g.id === current ? `${g.id} · 当前` : g.id, detail: g.description })),
    ];
    const picked = await vscode.window.showQuickPick(items, { title: 'Zongjie：选择文体', placeHolder: '这个文件中的报告按哪种文体检查？', matchOnDescription: true, matchOnDetail: true });
    if (!picked) return;
    const map: unknown = await c.sendRequest(ExecuteCommandRequest.type, {
      command: SERVER_COMMANDS.setFileGenre,
      arguments: [{ uri: c.code2ProtocolConverter.asUri(uri), genre: picked.id === AUTO_GENRE ? null : picked.id }],
    });
    if (map && typeof map === 'object' && !Array.isArray(map)) await store.replace(map as Record<string, string>);
    const name = path.basename(uri.path) || uri.toString();
    void vscode.window.showInformationMessage(
      picked.id === AUTO_GENRE ? `Zongjie：「${name}」中的报告将按标题自动识别文体。` : `Zongjie：「${name}」中的报告将按「${picked.label}」检查。`,
    );
  } catch (e) {
    void vscode.window.showErrorMessage(`Zongjie：操作未完成（${e instanceof Error ? e.message : String(e)}）。`);
  }
}

/**
 * Moves the cursor to the next placeholder after it (wrapping), selecting it so
 * that typing replaces it. From the status bar: the next placeholder, or the
 * next finding of any kind once no placeholder is left.
 */
function jump(what: 'placeholder' | 'status'): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const all = zongjieDiagnostics(editor.document.uri);
  const placeholders = all.filter(isPlaceholder);
  const items = placeholders.length > 0 || what === 'placeholder' ? placeholders : all;
  const target = nextItem(items, editor.selection);
  if (!target) {
    void vscode.window.showInformationMessage(
      what === 'placeholder' ? 'Zongjie：这个文件里没有待填写的占位符。' : 'Zongjie：这篇报告没有发现问题。',
    );
    return;
  }
  editor.selection = new vscode.Selection(target.range.start, target.range.end);
  editor.revealRange(target.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
