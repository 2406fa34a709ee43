/**
 * Measures the built server's latency over the protocol (prints, asserts nothing):
 *  - didOpen of a ~40 KB draft → its first publishDiagnostics;
 *  - one-character didChange → the first publishDiagnostics for that version,
 *    p50/p95 over 100 edits, each sent after the previous one was answered;
 *  - with word segmentation: also the time to the second (full) publication.
 *
 *   npm run build && node out/test/lsp/measure.js [--no-segmenter]
 */
import { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { REPORT_LINES, lf } from './fixtures';
import { TestClient, fileUri } from './harness';

const TARGET_BYTES = 40 * 1024;
const EDITS = 100;
const BURST = 20;
/** How long to wait for word segmentation to load before measuring without it. */
const SEGMENTER_WAIT_MS = 15000;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function summary(label: string, values: number[]): string {
  const s = [...values].sort((a, b) => a - b);
  return `${label}: p50 ${percentile(s, 50).toFixed(1)} ms, p95 ${percentile(s, 95).toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms (n=${s.length})`;
}

/** A ~40 KB collection made of copies of the fixture report, each with its own year. */
function draft(): string {
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < TARGET_BYTES; i++) {
    const copy = lf([REPORT_LINES[0].replace('2024', String(2000 + (i % 25))), ...REPORT_LINES.slice(1)]) + '\n\n';
    parts.push(copy);
    bytes += Buffer.byteLength(copy);
  }
  return parts.join('');
}

/**
 * Milliseconds until a publication for `uri` passing `test` arrives after
 * `from`, or null on timeout. Event-driven: a polling loop here would compete
 * with the server for the CPU on a 2-core machine.
 */
function nextPublication(client: TestClient, uri: string, test: (p: PublishDiagnosticsParams) => boolean, timeoutMs: number, from = client.published.length): Promise<number | null> {
  const started = performance.now();
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs).unref());
  const hit = client.waitForDiagnostics(uri, test, from, timeoutMs).then(
    () => performance.now() - started,
    () => null,
  );
  return Promise.race([hit, timeout]);
}

async function main(): Promise<void> {
  const noSegmenter = process.argv.includes('--no-segmenter');
  const text = draft();
  const lines = text.split('\n');
  const client = await TestClient.spawn({ args: noSegmenter ? ['--no-segmenter'] : [] });
  try {
    const uri = fileUri('测量.txt');
    console.log(`草稿：${Buffer.byteLength(text)} 字节，${lines.length} 行；分词：${noSegmenter ? '关闭' : '开启'}`);

    const firstWait = nextPublication(client, uri, (p) => p.version === 1, 10000);
    const t0 = performance.now();
    await client.open(uri, text);
    const first = await firstWait;
    console.log(`didOpen → 首次诊断：${first === null ? '超时' : first.toFixed(1) + ' ms'}（诊断 ${client.published.find((p) => p.uri === uri)?.diagnostics.length ?? 0} 条）`);

    let segmented = false;
    if (!noSegmenter) {
      const full = await nextPublication(client, uri, (p) => p.version === 1 && client.published.filter((q) => q.uri === uri && q.version === 1).length >= 2, SEGMENTER_WAIT_MS);
      segmented = full !== null;
      console.log(segmented ? `didOpen → 含分词的完整诊断：${(performance.now() - t0).toFixed(1)} ms（包括词典加载）` : '分词在限定时间内未就绪，以下只测第一阶段。');
    }

    // One character per edit, appended at the end of line 3 (inside the first report's first part).
    const line = 3;
    let column = lines[line].length;
    const firstPhase: number[] = [];
    const fullPhase: number[] = [];
    for (let v = 2; v < 2 + EDITS; v++) {
      const from = client.published.length;
      const started = performance.now();
      await client.change(uri, v, [{ range: { start: { line, character: column }, end: { line, character: column } }, text: '治' }]);
      column++;
      const t1 = await nextPublication(client, uri, (p) => p.version === v, 5000);
      if (t1 === null) throw new Error(`版本 ${v} 的诊断超时`);
      firstPhase.push(performance.now() - started);
      if (segmented) {
        const t2 = await nextPublication(client, uri, () => client.published.slice(from).filter((q) => q.uri === uri && q.version === v).length >= 2, 5000);
        if (t2 !== null) fullPhase.push(performance.now() - started);
      }
    }
    console.log(summary('每次按键 → 该版本的首次诊断', firstPhase));
    if (segmented) console.log(summary('每次按键 → 该版本含分词的完整诊断', fullPhase));

    // A burst: BURST keystrokes sent without waiting, as a fast typist or a paste of single characters.
    const firstVersion = 2 + EDITS;
    const lastVersion = firstVersion + BURST - 1;
    const from = client.published.length;
    let sentLast = 0;
    for (let v = firstVersion; v <= lastVersion; v++) {
      await client.change(uri, v, [{ range: { start: { line, character: column }, end: { line, character: column } }, text: '理' }]);
      column++;
      sentLast = performance.now();
    }
    const done = await nextPublication(client, uri, (p) => p.version === lastVersion, 10000, from);
    if (done === null) throw new Error('连续输入的最后一个版本没有诊断');
    const burstVersions = new Set(client.published.slice(from).filter((p) => p.uri === uri).map((p) => p.version));
    console.log(`连续 ${BURST} 次输入（不等待）：诊断覆盖了 ${burstVersions.size} 个版本；最后一次输入 → 其诊断 ${(performance.now() - sentLast).toFixed(1)} ms`);
  } finally {
    await client.dispose();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : String(e));
  process.exitCode = 1;
});
