/**
 * A minimal LSP client over stdio for the benchmark: spawns the built server,
 * answers the requests a server may send, and waits for diagnostics of a
 * given document version.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  Diagnostic,
  ProtocolConnection,
  PublishDiagnosticsParams,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';

export const SERVER = process.env.ZONGJIE_SERVER ?? path.resolve(__dirname, '../../dist/server.js');
/** Extra server arguments, to compare variants (e.g. ZONGJIE_SERVER_ARGS=--no-segmenter). */
const SERVER_ARGS = (process.env.ZONGJIE_SERVER_ARGS ?? '').split(' ').filter(Boolean);

/** Publications kept per document (a waitFor may find one that arrived before it was called). */
const HISTORY_KEPT = 8;

export interface Published {
  version: number | undefined;
  diagnostics: Diagnostic[];
  at: number;
}

export class LspSession {
  readonly child: ChildProcess;
  readonly conn: ProtocolConnection;
  readonly spawnedAt = performance.now();
  private waiters: { uri: string; test: (p: Published) => boolean; resolve: (p: Published) => void }[] = [];
  readonly history = new Map<string, Published[]>();

  /** `env`: extra environment variables for the server (e.g. ZONGJIE_SEGMENTER=portable). */
  constructor(settings: Record<string, unknown> = {}, env: Record<string, string> = {}) {
    this.child = spawn(process.execPath, [SERVER, '--stdio', ...SERVER_ARGS], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    // A write racing the server's exit must not crash the benchmark.
    this.child.stdin!.on('error', () => undefined);
    this.conn = createProtocolConnection(this.child.stdout!, this.child.stdin!);
    this.conn.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
    for (const method of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'window/showMessageRequest']) {
      this.conn.onRequest(method, () => null);
    }
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const published: Published = { version: p.version, diagnostics: p.diagnostics, at: performance.now() };
      const list = this.history.get(p.uri) ?? [];
      list.push(published);
      // Only the latest few are ever looked up; keeping every publication would
      // grow the benchmark's own heap and put its garbage collection in the figures.
      if (list.length > HISTORY_KEPT) list.splice(0, list.length - HISTORY_KEPT);
      this.history.set(p.uri, list);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && w.test(published)) {
          w.resolve(published);
          return false;
        }
        return true;
      });
    });
    for (const method of ['window/showMessage', 'window/logMessage', '$/progress', 'telemetry/event']) {
      this.conn.onNotification(method, () => undefined);
    }
    this.conn.listen();
  }

  async initialize(): Promise<number> {
    await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { dynamicRegistration: false } },
        workspace: { configuration: true },
      },
    });
    const answered = performance.now();
    await this.conn.sendNotification('initialized', {});
    return answered;
  }

  /** Resolves with the first publication for `uri` that passes `test` (including one already received). */
  waitFor(uri: string, test: (p: Published) => boolean, timeoutMs = 60_000): Promise<Published> {
    const seen = this.history.get(uri)?.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ uri, test, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  open(uri: string, text: string, version = 1): void {
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version, text } });
  }

  change(uri: string, version: number, range: unknown, text: string): void {
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  /** Resident memory of the server process in MB (Linux /proc). */
  rssMb(): number {
    const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return kb / 1024;
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      // the server may already be gone
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    this.conn.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}
