/**
 * The language client: starts the bundled server (dist/server.js) in a Node
 * process over IPC and wires what VS Code needs on top of the defaults.
 *
 * Diagnostics: the server always pushes them, and also answers pulls when the
 * client supports pull (vscode-languageclient 11 does). VS Code would then show
 * every finding twice, once per channel. The pull channel is the one kept: it
 * follows the document version the editor shows and re-pulls when the server
 * asks (settings change, word segmentation becoming ready). So while the server
 * offers pull diagnostics, pushed ones are dropped in the middleware; a server
 * without pull support keeps the push channel.
 */
import vscode = require('vscode');
import { CloseAction, ErrorAction, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from './languageclient';
import { SETTINGS_SECTION, USER_PROFILE_GLOB, WORD_VIEW_SCHEME, ZongjieInitializationOptions } from '../../server/src/protocol';
import { RestartPolicy } from './restart-policy';

/** Documents the server may treat as reports; it decides which are reports by their title. */
export const DOCUMENT_SELECTOR = [
  { language: 'plaintext', scheme: 'file' },
  { language: 'plaintext', scheme: 'untitled' },
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
  // The read-only text views of Word documents (word-view.ts).
  { scheme: WORD_VIEW_SCHEME },
];

export function createClient(
  context: vscode.ExtensionContext,
  forcedReports: () => string[],
  output: vscode.LogOutputChannel,
  fileGenres: () => Record<string, string> = () => ({}),
): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };

  let client: LanguageClient | undefined = undefined;
  const restarts = new RestartPolicy();
  const pullActive = () => client?.initializeResult?.capabilities.diagnosticProvider !== undefined;

  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    // A function, so that a restart after a crash passes the list as it is then.
    initializationOptions: (): ZongjieInitializationOptions => ({ forcedReports: forcedReports(), fileGenres: fileGenres() }),
    // The team's .zongjie.json files and the user's own genres (.zongjie/profiles/*.json): a change is checked at once.
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/.zongjie.json'), vscode.workspace.createFileSystemWatcher(USER_PROFILE_GLOB)],
    },
    // Pull on every change (the default is only on open) so the Problems list follows typing.
    diagnosticPullOptions: { onChange: true, onSave: true },
    outputChannel: output,
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => {
        if (pullActive()) return;
        next(uri, diagnostics);
      },
    },
    // A crashed server is restarted by the close event alone (see restart-policy.ts):
    // write errors to a dead server must not shut the client down first.
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue, handled: true }),
      closed: () => {
        const decision = restarts.onClosed(Date.now());
        if (decision.restart) {
          output.warn('语言服务器已退出，正在重新启动。');
          return { action: CloseAction.Restart, handled: true };
        }
        return { action: CloseAction.DoNotRestart, message: decision.message };
      },
    },
  };

  client = new LanguageClient('zongjie', 'Zongjie', serverOptions, clientOptions);
  return client;
}
