/**
 * The status bar item for the active report: 「$(edit) 占位符 3 · 问题 5」,
 * counted from the diagnostics VS Code holds for the document. It is shown only
 * for documents the server checks as reports. The server alone decides that
 * (by the title, or because the user forced it), and it answers
 * textDocument/documentSymbol with an empty list for everything else, so the
 * item asks the server for the document's symbols directly — not through
 * VS Code, where other extensions (Markdown) add symbols of their own.
 */
import vscode = require('vscode');
import { DocumentSymbolRequest, ExecuteCommandRequest, LanguageClient, State } from './languageclient';
import { DIAGNOSTIC_SOURCE, PLACEHOLDER_CODE, SERVER_COMMANDS, SETTINGS_SECTION, SegmenterStatus } from '../../server/src/protocol';
import { ForcedReports } from './forced';
import { codeOf, statusBarContent } from './navigation';

/** How long typing must pause before the item asks the server again whether the document is a report. */
const RECHECK_DELAY_MS = 300;
/**
 * Until VS Code reports the first diagnostics of an opened report, its counts
 * would read 0 and the item would claim a clean report: it says 「正在检查」
 * instead, for at most this long (a server that never answers must not leave
 * the item spinning).
 */
const FIRST_RESULT_WAIT_MS = 5000;

export const STATUS_BAR_COMMAND = 'zongjie.jumpFromStatusBar';

export function zongjieDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

export function isPlaceholder(d: vscode.Diagnostic): boolean {
  return codeOf(d.code) === PLACEHOLDER_CODE;
}

interface ReportState {
  version: number;
  isReport: boolean;
  /** The genre of each report (the report symbols' detail). */
  genres: string[];
}

export class ReportStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly known = new Map<string, ReportState>();
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private asking: string | undefined;
  /** Documents whose diagnostics VS Code has reported since they were opened. */
  private readonly settled = new Set<string>();
  private readonly waiting = new Map<string, NodeJS.Timeout>();
  /** Which segmenter the server uses and why (the tooltip's last line); asked again until it is settled. */
  private segmenter: SegmenterStatus | null = null;

  constructor(
    private readonly client: LanguageClient,
    private readonly forced: ForcedReports,
    private readonly selector: vscode.DocumentSelector,
  ) {
    this.item = vscode.window.createStatusBarItem('zongjie.report', vscode.StatusBarAlignment.Left, 10);
    this.item.name = 'Zongjie 报告检查';
    this.item.command = STATUS_BAR_COMMAND;
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        for (const u of e.uris) this.settle(u.toString());
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.update();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document && e.contentChanges.length > 0) this.scheduleCheck(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        const key = d.uri.toString();
        this.known.delete(key);
        this.settle(key);
        this.settled.delete(key);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SETTINGS_SECTION)) {
          this.known.clear();
          this.update();
        }
      }),
      forced.onDidChange(() => {
        this.known.clear();
        this.update();
      }),
      client.onDidChangeState((e) => {
        if (e.newState === State.Running) {
          this.known.clear();
          this.segmenter = null;
        }
        this.update();
      }),
    );
    this.update();
  }

  /** Asks the server again about every document (their genres changed). */
  refresh(): void {
    this.known.clear();
    this.update();
  }

  /** Refreshes the item for the active editor. */
  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || vscode.languages.match(this.selector, doc) === 0 || !vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>('enable', true)) {
      this.item.hide();
      return;
    }
    const diagnostics = zongjieDiagnostics(doc.uri);
    const known = this.known.get(doc.uri.toString());
    if (!known || known.version !== doc.version) this.scheduleCheck(doc, known ? RECHECK_DELAY_MS : 0);
    // Until the server has answered, a document with findings or forced by the user is a report.
    const isReport = (known?.isReport ?? false) || diagnostics.length > 0 || this.forced.has(doc.uri);
    if (!isReport) {
      this.item.hide();
      return;
    }
    const key = doc.uri.toString();
    if (diagnostics.length === 0 && !this.settled.has(key)) {
      if (!this.waiting.has(key)) {
        this.waiting.set(
          key,
          setTimeout(() => {
            this.settle(key);
            this.update();
          }, FIRST_RESULT_WAIT_MS),
        );
      }
      this.item.text = '$(sync~spin) 正在检查';
      this.item.tooltip = 'Zongjie：正在检查这篇报告…';
      this.item.show();
      return;
    }
    const placeholders = diagnostics.filter(isPlaceholder).length;
    const { text, tooltip } = statusBarContent({ placeholders, others: diagnostics.length - placeholders, genres: known?.genres });
    this.item.text = text;
    this.item.tooltip = this.segmenter ? `${tooltip}\n${this.segmenter.note}` : tooltip;
    this.item.show();
  }

  private settle(key: string): void {
    this.settled.add(key);
    const t = this.waiting.get(key);
    if (t) clearTimeout(t);
    this.waiting.delete(key);
  }

  private scheduleCheck(doc: vscode.TextDocument, delay = RECHECK_DELAY_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.ask(doc);
    }, delay);
  }

  /** Asks the server whether `doc` (at its current version) is checked as a report. */
  private async ask(doc: vscode.TextDocument): Promise<void> {
    if (this.client.state !== State.Running || doc.isClosed) return;
    const key = `${doc.uri.toString()}@${doc.version}`;
    if (this.asking === key) return;
    this.asking = key;
    const version = doc.version;
    try {
      const symbols = await this.client.sendRequest(DocumentSymbolRequest.type, {
        textDocument: { uri: this.client.code2ProtocolConverter.asUri(doc.uri) },
      });
      const list = Array.isArray(symbols) ? symbols : [];
      const genres = list.map((s) => ('detail' in s && typeof s.detail === 'string' ? s.detail : '')).filter(Boolean);
      this.known.set(doc.uri.toString(), { version, isReport: list.length > 0, genres });
      if (this.segmenter?.state !== 'ready' && this.segmenter?.state !== 'failed' && this.segmenter?.state !== 'off') await this.askSegmenter();
    } catch {
      // A server that is restarting answers nothing; the next change or restart asks again.
      return;
    } finally {
      if (this.asking === key) this.asking = undefined;
    }
    if (vscode.window.activeTextEditor?.document === doc) this.update();
  }

  /** Asks the server which segmenter it uses (a server without the command leaves the tooltip as it is). */
  private async askSegmenter(): Promise<void> {
    try {
      const status: unknown = await this.client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.segmenterStatus, arguments: [] });
      if (status && typeof status === 'object' && typeof (status as SegmenterStatus).note === 'string') this.segmenter = status as SegmenterStatus;
    } catch {
      // An older or restarting server: nothing to add.
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const t of this.waiting.values()) clearTimeout(t);
    this.disposables.forEach((d) => d.dispose());
  }
}
