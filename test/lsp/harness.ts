/**
 * A protocol-level LSP client for the tests: drives the built server
 * (`node dist/server.js --stdio`) as a child process, or the server module
 * in-process over memory streams (to hand it a fake segmenter host or rules).
 *
 * It records every publishDiagnostics, showMessage and log message, answers
 * the server's requests (workspace/configuration from `settings`,
 * registrations, refreshes), and waits for notifications with a timeout so
 * that a test never hangs.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import {
  ClientCapabilities,
  DocumentSymbol,
  FoldingRange,
  IPCMessageReader,
  IPCMessageWriter,
  InitializeResult,
  LogMessageParams,
  ProtocolConnection,
  PublishDiagnosticsParams,
  ShowMessageParams,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentContentChangeEvent,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import * as server from 'vscode-languageserver/node';
import { ServerOptions, startServer } from '../../server/src/lsp/server';

export const SERVER_PATH = path.resolve(__dirname, '../../../dist/server.js');

/** How long any single wait may take before the test fails. */
export const WAIT_MS = 8000;

export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: false },
    publishDiagnostics: { versionSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: { lineFoldingOnly: true },
  },
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
};

export interface ClientOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  /** What workspace/configuration answers for section "zongjie". */
  settings?: unknown;
  /** Extra command-line arguments for the child process. */
  args?: string[];
  /** How the child process talks: stdio (default) or Node IPC, as the VS Code extension starts it. */
  transport?: 'stdio' | 'ipc';
  /** Workspace folders (file URIs) announced at initialize. */
  workspaceFolders?: string[];
  /** Extra environment variables for the child process. */
  env?: Record<string, string>;
  /** Node options for the child process (before the script), after those of ZONGJIE_SERVER_NODE_ARGS. */
  nodeArgs?: string[];
  /** With the IPC transport: what the child writes to stdout (Node's --trace-gc, say), as it comes. */
  stdout?: (text: string) => void;
}

interface Waiter<T> {
  test: (x: T) => boolean;
  resolve: (x: T) => void;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what()}`)), ms);
    }),
  ]);
}

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly registrations: string[] = [];
  refreshRequests = 0;
  settings: unknown;
  initializeResult: InitializeResult | null = null;
  private diagnosticWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private messageWaiters: Waiter<ShowMessageParams>[] = [];
  private disposed = false;

  private constructor(
    readonly conn: ProtocolConnection,
    private readonly cleanup: () => Promise<void>,
    readonly child: ChildProcess | null,
    options: ClientOptions,
  ) {
    this.settings = options.settings;
    conn.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'zongjie' ? this.settings ?? null : null)),
    );
    conn.onRequest('client/registerCapability', (params: { registrations: { method: string }[] }) => {
      for (const r of params.registrations) this.registrations.push(r.method);
      return null;
    });
    conn.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshRequests++;
      return null;
    });
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      this.diagnosticWaiters = this.diagnosticWaiters.filter((w) => (w.test(p) ? (w.resolve(p), false) : true));
    });
    conn.onNotification('window/showMessage', (p: ShowMessageParams) => {
      this.messages.push(p);
      this.messageWaiters = this.messageWaiters.filter((w) => (w.test(p) ? (w.resolve(p), false) : true));
    });
    conn.onNotification('window/logMessage', (p: LogMessageParams) => {
      this.logs.push(p);
    });
    conn.listen();
  }

  /** Spawns the built server and initializes it. */
  static async spawn(options: ClientOptions = {}): Promise<TestClient> {
    const ipc = options.transport === 'ipc';
    // ZONGJIE_SERVER_NODE_ARGS: Node options for the server (a profile of a soak run: --cpu-prof).
    const nodeArgs = [...(process.env.ZONGJIE_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean), ...(options.nodeArgs ?? [])];
    const child = spawn(process.execPath, [...nodeArgs, SERVER_PATH, ipc ? '--node-ipc' : '--stdio', ...(options.args ?? ['--no-segmenter'])], {
      stdio: ipc ? ['ignore', options.stdout ? 'pipe' : 'ignore', 'pipe', 'ipc'] : ['pipe', 'pipe', 'pipe'],
      env: options.env ? { ...process.env, ...options.env } : process.env,
    });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    if (ipc && options.stdout) child.stdout!.on('data', (d) => options.stdout!(String(d)));
    const conn = ipc
      ? createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
      : createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const cleanup = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        // With Node options (a profile), the server is asked to exit: Node writes --cpu-prof's file only on a normal exit.
        if (nodeArgs.length) {
          // (The connection is disposed by now: the exit notification is written raw.)
          const exit = JSON.stringify({ jsonrpc: '2.0', method: 'exit' });
          child.stdin?.write(`Content-Length: ${exit.length}\r\n\r\n${exit}`);
          await withTimeout(exited, WAIT_MS, () => 'the server process to exit').catch(() => undefined);
        }
        if (child.exitCode === null && child.signalCode === null) child.kill();
        await withTimeout(exited, WAIT_MS, () => 'the server process to exit');
      }
      if (stderr.trim()) process.stderr.write(`[server stderr] ${stderr}\n`);
    };
    const client = new TestClient(conn, cleanup, child, options);
    await client.initialize(options);
    return client;
  }

  /** Runs the server module in this process over memory streams and initializes it. */
  static async inProcess(serverOptions: ServerOptions, options: ClientOptions = {}): Promise<TestClient> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    // Reader/writer objects (not raw streams): with raw streams the library would exit the process when they end.
    const serverConnection = server.createConnection(new server.StreamMessageReader(toServer), new server.StreamMessageWriter(toClient));
    startServer(serverConnection, serverOptions);
    serverConnection.listen();
    const conn = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    const cleanup = async () => {
      serverConnection.dispose();
      toServer.end();
      toClient.end();
    };
    const client = new TestClient(conn, cleanup, null, options);
    await client.initialize(options);
    return client;
  }

  private async initialize(options: ClientOptions): Promise<void> {
    this.initializeResult = await withTimeout(
      this.conn.sendRequest('initialize', {
        processId: null,
        rootUri: options.workspaceFolders?.[0] ?? null,
        workspaceFolders: options.workspaceFolders?.map((uri, i) => ({ uri, name: `folder${i}` })) ?? null,
        capabilities: options.capabilities ?? DEFAULT_CAPABILITIES,
        initializationOptions: options.initializationOptions,
      }) as Promise<InitializeResult>,
      WAIT_MS,
      () => 'the initialize response',
    );
    await this.conn.sendNotification('initialized', {});
  }

  // ---- documents ----

  async open(uri: string, text: string, languageId = 'plaintext', version = 1): Promise<void> {
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  async close(uri: string): Promise<void> {
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Any notification to the server (e.g. workspace/didChangeWatchedFiles). */
  async notify(method: string, params: unknown): Promise<void> {
    await this.conn.sendNotification(method, params);
  }

  async changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.conn.sendNotification('workspace/didChangeConfiguration', { settings: { zongjie: settings } });
  }

  // ---- requests ----

  symbols(uri: string): Promise<DocumentSymbol[]> {
    return withTimeout(this.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as Promise<DocumentSymbol[]>, WAIT_MS, () => 'documentSymbol');
  }

  folding(uri: string): Promise<FoldingRange[]> {
    return withTimeout(this.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri } }) as Promise<FoldingRange[]>, WAIT_MS, () => 'foldingRange');
  }

  command(command: string, ...args: unknown[]): Promise<unknown> {
    return withTimeout(this.conn.sendRequest('workspace/executeCommand', { command, arguments: args }), WAIT_MS, () => `command ${command}`);
  }

  // ---- waiting ----

  /** The first publishDiagnostics for `uri` (already received or future) that passes `test`. */
  waitForDiagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, from = 0, timeoutMs = WAIT_MS): Promise<PublishDiagnosticsParams> {
    const seen = this.published.slice(from).find((p) => p.uri === uri && test(p));
    if (seen) return Promise.resolve(seen);
    const p = new Promise<PublishDiagnosticsParams>((resolve) => this.diagnosticWaiters.push({ test: (x) => x.uri === uri && test(x), resolve }));
    return withTimeout(p, timeoutMs, () => `diagnostics for ${uri}; received: ${JSON.stringify(this.published.filter((x) => x.uri === uri).map((x) => [x.version, x.diagnostics.map((d) => d.code)]))}`);
  }

  /** The first publishDiagnostics for `uri` at `version`. */
  waitForVersion(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.waitForDiagnostics(uri, (p) => p.version === version);
  }

  waitForMessage(test: (m: ShowMessageParams) => boolean = () => true): Promise<ShowMessageParams> {
    const seen = this.messages.find(test);
    if (seen) return Promise.resolve(seen);
    const p = new Promise<ShowMessageParams>((resolve) => this.messageWaiters.push({ test, resolve }));
    return withTimeout(p, WAIT_MS, () => `a showMessage; received: ${JSON.stringify(this.messages)}`);
  }

  /** Lets the server finish what it has queued: a request's answer comes after earlier notifications are handled. */
  async settle(): Promise<void> {
    await withTimeout(this.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri: 'untitled:settle' } }), WAIT_MS, () => 'settle');
    await new Promise((r) => setTimeout(r, 20));
  }

  /** Shuts the server down and ends the process or streams. Safe to call twice. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    try {
      await withTimeout(this.conn.sendRequest('shutdown'), 2000, () => 'shutdown');
      if (this.child) await this.conn.sendNotification('exit');
    } catch {
      // A server that does not answer shutdown is killed below all the same.
    }
    this.conn.dispose();
    await this.cleanup();
  }
}

/** The text a diagnostic's (single-line) range covers in `text`. */
export function covered(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (range.start.line !== range.end.line) return `${range.start.line}-${range.end.line}`;
  return lines[range.start.line].slice(range.start.character, range.end.character);
}

export function fileUri(name: string): string {
  return 'file:///work/drafts/' + encodeURIComponent(name);
}
