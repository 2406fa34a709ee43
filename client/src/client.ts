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
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

/** Documents the server may treat as reports; it decides which are reports by their title. */
export const DOCUMENT_SELECTOR = [
  { language: 'plaintext', scheme: 'file' },
  { language: 'plaintext', scheme: 'untitled' },
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
];

export const SETTINGS_SECTION = 'zongjie';

export function createClient(context: vscode.ExtensionContext, forcedReports: () => string[], output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };

  let client: LanguageClient | undefined = undefined;
  const pullActive = () => client?.initializeResult?.capabilities.diagnosticProvider !== undefined;

  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    // A function, so that a restart after a crash passes the list as it is then.
    initializationOptions: () => ({ forcedReports: forcedReports() }),
    synchronize: { configurationSection: SETTINGS_SECTION },
    // Pull on every change (the default is only on open) so the Problems list follows typing.
    diagnosticPullOptions: { onChange: true, onSave: true },
    outputChannel: output,
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => {
        if (pullActive()) return;
        next(uri, diagnostics);
      },
    },
    // No errorHandler and no maxRestartCount here: the client's default restarts a
    // crashed server (up to 4 times in 3 minutes) and that is what we want.
  };

  client = new LanguageClient('zongjie', 'Zongjie', serverOptions, clientOptions);
  return client;
}
