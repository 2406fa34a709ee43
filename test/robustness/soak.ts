/**
 * The soak and abuse scenarios (issue 17), shared by the short seeded run in
 * the test suite (soak.test.ts) and the long run on demand (soak-run.ts,
 * `npm run soak`). Each scenario drives the built server or CLI as a hostile
 * user would, bounded in count and time, and returns its figures; the caller
 * decides what to assert and what to print.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { draftOfSize } from '../../bench/drafts';
import { SERVER_PATH, TestClient, fileUri } from '../lsp/harness';
import { rng } from './generator';
import ideologySummary from '../../server/src/profiles/ideology-summary.json';

export const CLI_PATH = path.resolve(__dirname, '../../../dist/cli.js');

/** Resident memory of a process, now and at its peak, in MB (Linux /proc). */
export function memoryOf(pid: number): { rss: number; peak: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'zongjie-soak-'));
}

/** A draft of about 41 KB: the real seed when asked for and present, else our generated collection. */
export function draft41k(useSeed = false): { text: string; name: string } {
  const seed = path.resolve(__dirname, '../../../../shared/seeds/002_cf7fe78fc63931b0.txt');
  if (useSeed && fs.existsSync(seed)) return { text: fs.readFileSync(seed, 'utf8'), name: 'seed 002' };
  return { text: draftOfSize(41 * 1024), name: 'generated 41 KB' };
}

/** The built-in profile with a user's title pattern in front: a profile file as a user would write one. */
export function hostileProfile(dir: string, titlePattern = '^(a+)+$'): string {
  const data = JSON.parse(JSON.stringify(ideologySummary));
  data.id = 'hostile';
  data.title.pattern = `${titlePattern}|${data.title.pattern}`;
  const file = path.join(dir, 'hostile.json');
  fs.writeFileSync(file, JSON.stringify(data));
  return file;
}

export const HOSTILE_SETTINGS_PATTERNS = ['.*.*.*X', '(.*){5}X', '(a|a?)+b', '.*.*.*=$', '(?=不支持)前瞻'];

export interface PatternFigures {
  draft: string;
  firstDiagnosticsMs: number;
  diagnostics: number;
  messages: string[];
  cliMs: number;
  cliBaselineMs: number;
}

/**
 * Polynomial and nested patterns from settings, and a nested one in a user
 * profile's title pattern: the time to the first diagnostics, the messages
 * shown, and the CLI with and without the profile.
 */
export async function hostilePatterns(useSeed = false): Promise<PatternFigures> {
  const dir = tempDir();
  const profile = hostileProfile(dir);
  const { text, name } = draft41k(useSeed);
  // A line the nested title pattern backtracks on in JavaScript's engine.
  const body = 'a'.repeat(35) + '!\n' + text;
  const client = await TestClient.spawn({ settings: { profile, placeholderPatterns: HOSTILE_SETTINGS_PATTERNS } });
  try {
    const uri = fileUri('hostile-patterns.txt');
    const t = performance.now();
    await client.open(uri, body);
    const p = await client.waitForDiagnostics(uri, (x) => x.version === 1, 0, 60_000);
    const firstDiagnosticsMs = performance.now() - t;
    await client.settle();
    const file = path.join(dir, 'draft.txt');
    fs.writeFileSync(file, body);
    const run = (args: string[]) => {
      const s = performance.now();
      spawnSync(process.execPath, [CLI_PATH, 'check', ...args, file], { encoding: 'utf8', timeout: 120_000 });
      return performance.now() - s;
    };
    const cliBaselineMs = run([]);
    const cliMs = run(['--profile', profile]);
    return { draft: name, firstDiagnosticsMs, diagnostics: p.diagnostics.length, messages: client.messages.map((m) => m.message), cliMs, cliBaselineMs };
  } finally {
    await client.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface TypingFigures {
  edits: number;
  /** From didOpen to the first diagnostics, and to the last before typing started (with `settle`). */
  openMs: number;
  settledMs: number;
  p50: number;
  p95: number;
  max: number;
  peakMB: number;
  /**
   * RSS after each `every` edits, as the floor of the last fifth of them
   * (the lowest of samples every 50 edits). A single sample lands anywhere in
   * the collector's cycle (the same server read 15% apart from one run to the
   * next); the floor is what stays.
   */
  curve: number[];
  /** With `fresh`: the diagnostics the edits ended with, and those of the final text opened anew. */
  fresh?: { typed: Diagnostic[]; opened: Diagnostic[] };
}

/** Waits until no diagnostics came for a second (at most a minute after `since`); when the last came. */
async function quiet(client: TestClient, since: number): Promise<number> {
  let last = since;
  for (let seen = client.published.length, at = performance.now(); performance.now() - at < 1000 && performance.now() - since < 60_000; ) {
    await sleep(50);
    if (client.published.length !== seen) {
      seen = client.published.length;
      at = last = performance.now();
    }
  }
  return last;
}

/**
 * Types `edits` characters into `text` at `at(text)` (one change per
 * keystroke), waiting for each version's diagnostics, with `pauseMs` between
 * keystrokes; measures each keystroke's time to diagnostics and the server's memory.
 */
export async function typing(
  text: string,
  options: {
    edits: number;
    pauseMs: number;
    at: (doc: TextDocument, i: number) => number;
    insert?: (i: number) => string;
    /** Characters the keystroke deletes after `at` (a character typed, then taken back). */
    remove?: (i: number) => number;
    segmenter?: boolean;
    every?: number;
    languageId?: string;
    /**
     * Start typing once the open is checked in full (no diagnostics for a
     * second): the edits then measure typing, not typing into the first full
     * check of a 1 MB line, which takes what it takes (openMs, settledMs).
     */
    settle?: boolean;
    /** After the edits, open the final text anew and return both sets of diagnostics. */
    fresh?: boolean;
  },
): Promise<TypingFigures> {
  const client = await TestClient.spawn({ args: options.segmenter ? [] : ['--no-segmenter'] });
  const pid = client.child!.pid!;
  try {
    const uri = fileUri(options.languageId === 'markdown' ? 'typing.md' : 'typing.txt');
    let doc = TextDocument.create(uri, options.languageId ?? 'plaintext', 1, text);
    const opened = performance.now();
    await client.open(uri, text, options.languageId ?? 'plaintext');
    await client.waitForDiagnostics(uri, (x) => x.version === 1, 0, 120_000);
    const openMs = performance.now() - opened;
    const settledMs = options.settle ? (await quiet(client, opened)) - opened : openMs;
    const times: number[] = [];
    const curve: number[] = [];
    const every = options.every ?? 1000;
    let floor = Infinity;
    for (let i = 0; i < options.edits; i++) {
      const offset = options.at(doc, i);
      const pos = doc.positionAt(offset);
      const end = doc.positionAt(offset + (options.remove?.(i) ?? 0));
      const change = { range: { start: pos, end }, text: options.insert?.(i) ?? '，' };
      const version = doc.version + 1;
      doc = TextDocument.update(doc, [change], version);
      const from = client.published.length;
      const t = performance.now();
      await client.change(uri, version, [change]);
      await client.waitForDiagnostics(uri, (x) => x.version === version, from, 60_000);
      times.push(performance.now() - t);
      // The client keeps what it receives; the server's memory is what is measured.
      if (client.published.length > 100) client.published.splice(0, client.published.length - 10);
      const inWindow = (i % every) + 1;
      if (inWindow * 5 >= every * 4 && (inWindow % 50 === 0 || inWindow === every)) floor = Math.min(floor, memoryOf(pid).rss);
      if ((i + 1) % every === 0) {
        curve.push(floor);
        floor = Infinity;
      }
      if (options.pauseMs) await sleep(options.pauseMs);
    }
    let fresh: TypingFigures['fresh'];
    if (options.fresh) {
      // The same text opened anew, in the same server: its diagnostics must be those the edits ended with.
      await quiet(client, performance.now());
      const typed = client.published.filter((p) => p.uri === uri).pop()!.diagnostics;
      const other = fileUri(options.languageId === 'markdown' ? 'fresh.md' : 'fresh.txt');
      const from = client.published.length;
      await client.open(other, doc.getText(), options.languageId ?? 'plaintext');
      await client.waitForDiagnostics(other, (x) => x.version === 1, from, 120_000);
      await quiet(client, performance.now());
      fresh = { typed, opened: client.published.filter((p) => p.uri === other).pop()!.diagnostics };
    }
    return { edits: options.edits, openMs, settledMs, fresh, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times), peakMB: memoryOf(pid).peak, curve };
  } finally {
    await client.dispose();
  }
}

/** One line of `size` characters of sentences joined by half-width commas, as pasted from a web page, under a title. */
export function commaLine(size: number): string {
  const r = rng(size);
  const words = ['我单位认真落实意识形态工作责任制', '召开专题会议研究部署', '加强网络阵地管理', '开展理论学习', '压实主体责任', '强化舆情研判'];
  let s = '';
  while (s.length < size) s += words[Math.floor(r() * words.length)] + ',';
  return '2024年意识形态工作总结\n' + s.slice(0, size);
}

export const atEnd = (doc: TextDocument) => doc.getText().length;

/** Spawns the server and writes `bytes` raw to its stdin; resolves with how it ended (or 'alive' after `waitMs`). */
export function corruptStream(bytes: Buffer, waitMs: number, stallMs?: number): Promise<{ exit: number | null; signal: string | null; ms: number; stderr: string } | 'alive'> {
  return new Promise((resolve) => {
    const env = stallMs ? { ...process.env, ZONGJIE_LSP_STALL_MS: String(stallMs) } : process.env;
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio', '--no-segmenter'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.resume();
    child.stdin.on('error', () => undefined);
    const t = performance.now();
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve('alive');
    }, waitMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ exit: code, signal, ms: performance.now() - t, stderr });
    });
    child.stdin.write(bytes);
    // The stream stays open: a client whose process is alive but writes garbage.
  });
}

/** An LSP message with its header; `length` overrides the Content-Length. */
export function frame(body: unknown, length?: number): Buffer {
  const json = Buffer.from(JSON.stringify(body), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${length ?? json.length}\r\n\r\n`, 'ascii'), json]);
}

/** The corrupt streams of the suite: a name, the bytes, and whether the failure shows only after the stall time. */
export function corruptStreams(): { name: string; bytes: Buffer; stalls: boolean }[] {
  const init = frame(INITIALIZE);
  const note = { jsonrpc: '2.0', method: 'initialized', params: {} };
  return [
    { name: 'header without a body', bytes: Buffer.concat([init, Buffer.from('Content-Length: 500\r\n\r\n')]), stalls: true },
    { name: 'Content-Length too large', bytes: Buffer.concat([init, frame(note, 9999)]), stalls: true },
    { name: 'Content-Length too small', bytes: Buffer.concat([init, frame(note, 10), frame(note)]), stalls: false },
    { name: 'no Content-Length', bytes: Buffer.concat([init, Buffer.from('Content-Type: x\r\n\r\n{}')]), stalls: false },
    { name: 'not the protocol at all', bytes: Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'), stalls: false },
  ];
}

/** Runs the CLI; its exit code, output and time. */
export function cli(args: string[], timeoutMs = 60_000): { code: number | null; out: string; err: string; ms: number } {
  const t = performance.now();
  const r = spawnSync(process.execPath, [CLI_PATH, ...args], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout ?? '', err: r.stderr ?? '', ms: performance.now() - t };
}

/** Runs the CLI with its peak resident memory measured (peak-rss.ts); the stderr without that line. */
export function cliPeak(args: string[], timeoutMs = 60_000): { code: number | null; out: string; err: string; ms: number; peakMB: number } {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['-r', path.join(__dirname, 'peak-rss.js'), CLI_PATH, ...args], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 });
  const m = /\n?zongjie-peak-rss-kb=(\d+)\n/.exec(r.stderr ?? '');
  return { code: r.status, out: r.stdout ?? '', err: (r.stderr ?? '').replace(m?.[0] ?? '', ''), ms: performance.now() - t, peakMB: m ? Number(m[1]) / 1024 : NaN };
}

/** A report of `n` lines that fix-all changes (a half-width comma each). */
export function fixedLines(n: number): string {
  return ['2024年意识形态工作总结', ...Array.from({ length: n }, (_, i) => `第${i}项工作,认真落实。`)].join('\n');
}

/** A FIFO nobody writes to (reading it blocks forever). */
export function fifo(dir: string, name: string): string {
  const p = path.join(dir, name);
  spawnSync('mkfifo', [p]);
  return p;
}

export const INITIALIZE = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } };

export interface BurstFigures {
  kind: string;
  count: number;
  ms: number;
  maxReplyBytes: number;
  errors: number;
}

/**
 * Bursts of every request kind on an open 41 KB draft, sent all at once (as a
 * client that queues them while the server is busy), then 20,000... of the
 * command that used to answer with its whole list. Returns per kind the time
 * to the last answer and the largest answer; and the server's peak memory.
 */
export async function bursts(count: number, commands: number): Promise<{ kinds: BurstFigures[]; peakMB: number }> {
  const client = await TestClient.spawn({ args: ['--no-segmenter'] });
  const pid = client.child!.pid!;
  try {
    const uri = fileUri('burst.txt');
    const { text } = draft41k(false);
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, (x) => x.version === 1, 0, 60_000);
    const td = { textDocument: { uri } };
    const pos = { line: 3, character: 10 };
    const range = { start: { line: 3, character: 0 }, end: { line: 3, character: 20 } };
    const kinds: [string, number, (i: number) => [string, unknown]][] = [
      ['hover', count, () => ['textDocument/hover', { ...td, position: pos }]],
      ['completion', count, () => ['textDocument/completion', { ...td, position: pos }]],
      ['codeAction', count, () => ['textDocument/codeAction', { ...td, range, context: { diagnostics: [] } }]],
      ['documentSymbol', count, () => ['textDocument/documentSymbol', td]],
      ['foldingRange', count, () => ['textDocument/foldingRange', td]],
      ['checkAsReport', commands, (i) => ['workspace/executeCommand', { command: 'zongjie.checkAsReport', arguments: [fileUri(`note-${i}.txt`)] }]],
    ];
    const out: BurstFigures[] = [];
    for (const [kind, n, make] of kinds) {
      const t = performance.now();
      let maxReplyBytes = 0;
      let errors = 0;
      const batch = 2000;
      for (let from = 0; from < n; from += batch) {
        await Promise.all(
          Array.from({ length: Math.min(batch, n - from) }, (_, j) => {
            const [method, params] = make(from + j);
            return client.conn.sendRequest(method, params).then(
              (r) => {
                const bytes = Buffer.byteLength(JSON.stringify(r ?? null));
                if (bytes > maxReplyBytes) maxReplyBytes = bytes;
              },
              () => errors++,
            );
          }),
        );
      }
      out.push({ kind, count: n, ms: performance.now() - t, maxReplyBytes, errors });
    }
    return { kinds: out, peakMB: memoryOf(pid).peak };
  } finally {
    await client.dispose();
  }
}
