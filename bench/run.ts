/**
 * `npm run bench`: the speed and memory a user feels, measured through the
 * real protocol over stdio against the built server (dist/server.js), and the
 * CLI's throughput. Prints a table and writes bench/results.json.
 *
 *   node out/bench/run.js            full run (10 KB … 1 MB; at each size 200 edits typed into a fresh
 *                                    server, then the same 200 again: the first figures include V8's
 *                                    JIT warming up, the second are steady typing; the CLI's
 *                                    throughput is the median of three runs)
 *   node out/bench/run.js --quick    CI smoke run (small sizes, few edits); asserts nothing about time
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ALL_RULES } from '../server/src/rules';
import { draftOfSize, singleDraft } from './drafts';
import { wordDraftOf } from './word-drafts';
import { LspSession } from './lsp-session';

const QUICK = process.argv.includes('--quick');
const KB = 1024;
const SIZES = QUICK ? [10 * KB, 40 * KB] : [10 * KB, 40 * KB, 200 * KB, 1024 * KB];
const EDITS = QUICK ? 20 : 200;
const CLI_DRAFTS = QUICK ? 50 : 500;
/** Word files checked by the CLI: fewer than drafts, each carries several times its text in markup. */
const CLI_WORD_FILES = QUICK ? 20 : 200;
const SEGMENTER_CODES = new Set(ALL_RULES.filter((r) => r.requiresSegmenter).map((r) => r.id));
const ROOT = path.resolve(__dirname, '../..');

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const ms = (x: number) => Math.round(x * 100) / 100;

interface SizeResult {
  bytes: number;
  startToInitializeMs: number;
  openToFirstDiagnosticsMs: number;
  /** The first edits typed into a freshly started server (its code not yet compiled by V8's JIT). */
  keystroke: Latencies;
  /** The same edits typed again right after, in the same session: typing once the server has warmed up. */
  keystrokeSteady: Latencies;
}

interface Latencies {
  p50: number;
  p95: number;
  max: number;
  edits: number;
}

function latencies(xs: number[]): Latencies {
  return { p50: ms(percentile(xs, 50)), p95: ms(percentile(xs, 95)), max: ms(Math.max(...xs)), edits: xs.length };
}

/** Positions spread through the document, each in the middle of a non-empty line. */
function editPositions(text: string, count: number): { line: number; character: number }[] {
  const lines = text.split('\n');
  const out: { line: number; character: number }[] = [];
  for (let k = 0; k < count; k++) {
    let line = Math.floor((k * lines.length) / count);
    while (line < lines.length - 1 && lines[line].length === 0) line++;
    out.push({ line, character: Math.floor(lines[line].length / 2) });
  }
  return out;
}

async function measureSize(bytes: number): Promise<SizeResult> {
  const text = draftOfSize(bytes);
  const s = new LspSession();
  try {
    const initialized = await s.initialize();
    const uri = `file:///bench/draft-${bytes}.txt`;
    const opened = performance.now();
    s.open(uri, text, 1);
    const first = await s.waitFor(uri, (p) => p.version === 1 || p.version === undefined);
    let version = 1;
    // Pairs of edits: type one character, then delete it, at positions spread through the draft.
    const typeEdits = async (): Promise<number[]> => {
      const out: number[] = [];
      for (const pos of editPositions(text, EDITS / 2)) {
        for (const insert of [true, false]) {
          version++;
          const sent = performance.now();
          const range = insert ? { start: pos, end: pos } : { start: pos, end: { line: pos.line, character: pos.character + 1 } };
          s.change(uri, version, range, insert ? '的' : '');
          const v = version;
          const p = await s.waitFor(uri, (x) => x.version === v);
          out.push(p.at - sent);
        }
      }
      return out;
    };
    const cold = await typeEdits();
    const steady = await typeEdits();
    return {
      bytes: Buffer.byteLength(text),
      startToInitializeMs: ms(initialized - s.spawnedAt),
      openToFirstDiagnosticsMs: ms(first.at - opened),
      keystroke: latencies(cold),
      keystrokeSteady: latencies(steady),
    };
  } finally {
    await s.close();
  }
}

interface SegmenterResult {
  /** Which segmenter the server used and why (zongjie.segmenterStatus). */
  note: string | null;
  startToSegmenterDiagnosticsMs: number | null;
  rssMb: { atInitialize: number; withSegmenter: number | null; after1MbDraft: number | null };
}

/** The server's start-up to word findings and its memory, with nodejieba or (env ZONGJIE_SEGMENTER=portable) the portable segmenter. */
async function measureSegmenter(env: Record<string, string> = {}): Promise<SegmenterResult> {
  const s = new LspSession({}, env);
  try {
    await s.initialize();
    const atInitialize = s.rssMb();
    const uri = 'file:///bench/segmenter.txt';
    s.open(uri, draftOfSize(40 * KB), 1);
    await s.waitFor(uri, () => true);
    if (SEGMENTER_CODES.size === 0) return { note: null, startToSegmenterDiagnosticsMs: null, rssMb: { atInitialize: ms(atInitialize), withSegmenter: null, after1MbDraft: null } };
    const full = await s.waitFor(uri, (p) => p.diagnostics.some((d) => SEGMENTER_CODES.has(String(d.code))), 30_000).catch(() => null);
    const withSegmenter = s.rssMb();
    const status = (await s.conn.sendRequest('workspace/executeCommand', { command: 'zongjie.segmenterStatus', arguments: [] }).catch(() => null)) as { note?: string } | null;
    let after1Mb: number | null = null;
    if (!QUICK) {
      const big = 'file:///bench/big.txt';
      s.open(big, draftOfSize(1024 * KB), 1);
      await s.waitFor(big, (p) => p.diagnostics.some((d) => SEGMENTER_CODES.has(String(d.code))), 60_000).catch(() => s.waitFor(big, () => true));
      after1Mb = s.rssMb();
    }
    return {
      note: status?.note ?? null,
      startToSegmenterDiagnosticsMs: full ? ms(full.at - s.spawnedAt) : null,
      rssMb: { atInitialize: ms(atInitialize), withSegmenter: ms(withSegmenter), after1MbDraft: after1Mb === null ? null : ms(after1Mb) },
    };
  } finally {
    await s.close();
  }
}

/** CLI runs per measurement: timings on shared machines swing by a third from one run to the next; the median of three is reported. */
const CLI_RUNS = QUICK ? 1 : 3;

/** The VSIX as `npm run package` makes it: one file for every platform; its size is what a user downloads. */
async function measureVsix(): Promise<{ kilobytes: number; files: number } | null> {
  const out = path.join(os.tmpdir(), `zongjie-bench-${process.pid}.vsix`);
  try {
    // A native ES module, loaded as such (tsc would turn import() into require()).
    const load = new Function('u', 'return import(u)') as (u: string) => Promise<{ packageVsix: (o: string) => Promise<{ bytes: number; entries: unknown[] }> }>;
    const { packageVsix } = await load(require('node:url').pathToFileURL(path.join(ROOT, 'client', 'scripts', 'package-vsix.mjs')).href);
    const r = await packageVsix(out);
    return { kilobytes: Math.round(r.bytes / 1024), files: r.entries.length };
  } catch (e) {
    console.log(`VSIX: not measured (${e instanceof Error ? e.message : String(e)})`);
    return null;
  } finally {
    fs.rmSync(out, { force: true });
  }
}

function measureCli(): { drafts: number; megabytes: number; seconds: number; mbPerSecond: number; runsSeconds: number[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zongjie-bench-'));
  try {
    let bytes = 0;
    for (let i = 0; i < CLI_DRAFTS; i++) {
      const text = singleDraft(i + 1);
      bytes += Buffer.byteLength(text);
      fs.writeFileSync(path.join(dir, `draft-${String(i).padStart(3, '0')}.txt`), text);
    }
    const runs: number[] = [];
    for (let k = 0; k < CLI_RUNS; k++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'check', '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 1 << 30 });
      runs.push((performance.now() - t0) / 1000);
      if (r.status !== 0 && r.status !== 1) throw new Error(`CLI failed (${r.status}): ${r.stderr}`);
    }
    const seconds = percentile(runs, 50);
    const mb = bytes / (1024 * 1024);
    return { drafts: CLI_DRAFTS, megabytes: ms(mb), seconds: ms(seconds), mbPerSecond: ms(mb / seconds), runsSeconds: runs.map(ms) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The CLI on a folder of Word files (the same drafts as measureCli, as .docx):
 * MB/s of the files themselves, beside the MB/s of the text they hold.
 */
function measureWordCli(): { files: number; megabytes: number; textMegabytes: number; seconds: number; mbPerSecond: number; textMbPerSecond: number; runsSeconds: number[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zongjie-bench-word-'));
  try {
    let bytes = 0;
    let textBytes = 0;
    for (let i = 0; i < CLI_WORD_FILES; i++) {
      const text = singleDraft(i + 1);
      const docx = wordDraftOf(text);
      bytes += docx.length;
      textBytes += Buffer.byteLength(text);
      fs.writeFileSync(path.join(dir, `draft-${String(i).padStart(3, '0')}.docx`), docx);
    }
    const runs: number[] = [];
    for (let k = 0; k < CLI_RUNS; k++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'check', '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 1 << 30 });
      runs.push((performance.now() - t0) / 1000);
      if (r.status !== 0 && r.status !== 1) throw new Error(`CLI failed on Word files (${r.status}): ${r.stderr}`);
      const checked = (JSON.parse(r.stdout) as { files: unknown[] }).files.length;
      if (checked !== CLI_WORD_FILES) throw new Error(`CLI checked ${checked} of ${CLI_WORD_FILES} Word files: ${r.stderr}`);
    }
    const seconds = percentile(runs, 50);
    const mb = bytes / (1024 * 1024);
    const textMb = textBytes / (1024 * 1024);
    return { files: CLI_WORD_FILES, megabytes: ms(mb), textMegabytes: ms(textMb), seconds: ms(seconds), mbPerSecond: ms(mb / seconds), textMbPerSecond: ms(textMb / seconds), runsSeconds: runs.map(ms) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface ActivationResult {
  loadCodeMs: number;
  callActivateMs: number;
  finishActivateMs: number;
  totalMs: number;
  openToFirstDiagnosticsMs: number;
  vscode: string;
  date: string;
}

/**
 * The extension's activation time in a real VS Code, as VS Code records it
 * (Developer: Startup Performance): loading the bundle, calling activate(), and
 * waiting for it to resolve (the language client running); and the time from
 * opening a report to its first diagnostics. Only a VS Code can measure it, so
 * the end-to-end test (npm run test:e2e, code-server) writes it into
 * bench/results.json; the benchmark keeps the last figures and prints them with
 * their date.
 */
function recordedActivation(): Record<string, ActivationResult> | null {
  let activation: Record<string, ActivationResult> | null = null;
  try {
    activation = JSON.parse(fs.readFileSync(path.join(ROOT, 'bench/results.json'), 'utf8')).activation ?? null;
  } catch {
    // no earlier results
  }
  if (!activation || Object.keys(activation).length === 0) {
    console.log('activation: not measured yet (npm run test:e2e measures it in code-server and records it here)');
    return null;
  }
  for (const [segmenter, a] of Object.entries(activation)) {
    console.log(
      `activation (${segmenter}; ${a.vscode}, e2e of ${a.date}): ${a.totalMs} ms to a running language client ` +
        `(load ${a.loadCodeMs} + activate() ${a.callActivateMs} + client start ${a.finishActivateMs}); open → first diagnostics ${a.openToFirstDiagnosticsMs} ms`,
    );
  }
  return activation;
}

function growth(results: SizeResult[]) {
  const steps = [];
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1];
    const b = results[i];
    steps.push({
      from: a.bytes,
      to: b.bytes,
      sizeRatio: ms(b.bytes / a.bytes),
      openRatio: ms(b.openToFirstDiagnosticsMs / a.openToFirstDiagnosticsMs),
      keystrokeP50Ratio: ms(b.keystroke.p50 / a.keystroke.p50),
    });
  }
  return steps;
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'dist/server.js'))) throw new Error('dist/server.js is missing: run npm run build first');
  const sizes: SizeResult[] = [];
  for (const b of SIZES) {
    const r = await measureSize(b);
    sizes.push(r);
    console.log(
      `${String(Math.round(r.bytes / KB)).padStart(5)} KB  initialize ${r.startToInitializeMs} ms  open→diagnostics ${r.openToFirstDiagnosticsMs} ms  ` +
        `keystroke p50 ${r.keystroke.p50} / p95 ${r.keystroke.p95} / max ${r.keystroke.max} ms (first ${r.keystroke.edits} edits), ` +
        `steady p50 ${r.keystrokeSteady.p50} / p95 ${r.keystrokeSteady.p95} / max ${r.keystrokeSteady.max} ms (next ${r.keystrokeSteady.edits})`,
    );
  }
  const segmenter = await measureSegmenter();
  // The portable segmenter, where nodejieba does not load (every platform but the packaging machine's).
  const segmenterPortable = await measureSegmenter({ ZONGJIE_SEGMENTER: 'portable' });
  for (const [name, r] of [['nodejieba', segmenter], ['portable', segmenterPortable]] as const) {
    console.log(
      `segmenter (${name}): start→word diagnostics ${r.startToSegmenterDiagnosticsMs ?? 'n/a'} ms; RSS at initialize ${r.rssMb.atInitialize} MB, with segmenter ${r.rssMb.withSegmenter ?? 'n/a'} MB, after 1 MB draft ${r.rssMb.after1MbDraft ?? 'n/a'} MB; ${r.note ?? ''}`,
    );
  }
  const vsix = await measureVsix();
  if (vsix) console.log(`VSIX: ${vsix.kilobytes} KB, ${vsix.files} files, one for every platform`);
  const cli = measureCli();
  console.log(`CLI: ${cli.drafts} drafts, ${cli.megabytes} MB in ${cli.seconds} s = ${cli.mbPerSecond} MB/s` + (cli.runsSeconds.length > 1 ? ` (median of ${cli.runsSeconds.join(' / ')} s)` : ''));
  const cliWord = measureWordCli();
  console.log(
    `CLI (Word): ${cliWord.files} .docx, ${cliWord.megabytes} MB (${cliWord.textMegabytes} MB of text) in ${cliWord.seconds} s = ${cliWord.mbPerSecond} MB/s of Word files, ${cliWord.textMbPerSecond} MB/s of their text` +
      (cliWord.runsSeconds.length > 1 ? ` (median of ${cliWord.runsSeconds.join(' / ')} s)` : ''),
  );
  const steps = growth(sizes);
  for (const g of steps) {
    console.log(`growth ${Math.round(g.from / KB)}→${Math.round(g.to / KB)} KB (×${g.sizeRatio}): open ×${g.openRatio}, keystroke p50 ×${g.keystrokeP50Ratio}`);
  }
  const activation = recordedActivation();
  const results = { quick: QUICK, node: process.version, cpus: os.cpus().length, date: new Date().toISOString(), sizes, segmenter, segmenterPortable, vsix, cli, cliWord, growth: steps, activation };
  fs.mkdirSync(path.join(ROOT, 'bench'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log('written: bench/results.json');
}

main().catch((e) => {
  console.error(`benchmark failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
