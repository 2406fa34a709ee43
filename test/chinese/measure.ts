/**
 * Measures word segmentation (not a test): `node out/test/chinese/measure.js`
 * after `npm run build`.
 *
 * - Dictionary load time and resident memory added, for the product's trimmed
 *   dictionaries (dist/dict) and for nodejieba's full default set. Each load
 *   runs in a fresh process (memory is not given back), three times; medians.
 * - cut() time for a 40 KB draft (the test fixture repeated), in the thread that
 *   loaded the dictionaries, and the whole engine on it with and without words.
 * - SegmenterHost: time to ready, memory of the process before and after the
 *   worker loaded, prepare() for the 40 KB draft cold and with every line cached.
 */
import { spawnSync } from 'node:child_process';
import { analyzeText } from '../../server/src/engine/analyze';
import { DictionaryPaths, defaultDictionaryPaths, dictionaryPathsIn, findDictionaryDir, loadJieba } from '../../server/src/segmenter/dictionary';
import { SegmenterHost, textsToSegment } from '../../server/src/segmenter/host';
import { DRAFT } from './fixtures';

const MB = 1024 * 1024;
const mb = (n: number) => `${(n / MB).toFixed(1)} MB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function productPaths(): DictionaryPaths {
  const dir = findDictionaryDir();
  if (!dir) throw new Error('dist/dict not found: run npm run build first');
  return dictionaryPathsIn(dir);
}

/** Child mode: load one dictionary set, print the figures as JSON. */
function measureOneLoad(which: string): void {
  const paths = which === 'default' ? defaultDictionaryPaths() : productPaths();
  if (!paths) throw new Error('nodejieba default dictionaries not found');
  // Require the addon first so that its own code is not counted as dictionary memory.
  require('nodejieba');
  global.gc?.();
  const before = process.memoryUsage().rss;
  const r = loadJieba(paths);
  if ('failure' in r) throw new Error(r.failure);
  const after = process.memoryUsage().rss;
  const draft = draftOfBytes(40 * 1024);
  const lines = draft.split('\n');
  for (const l of lines) r.cut(l); // warm-up
  const times: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    for (const l of lines) r.cut(l);
    times.push(performance.now() - t);
  }
  process.stdout.write(JSON.stringify({ loadMs: r.loadMs, rssBefore: before, rssAfter: after, cut40kMs: median(times) }));
}

/** The fixture repeated to at least `bytes` bytes of UTF-8. */
function draftOfBytes(bytes: number): string {
  const body = DRAFT.split('\n').slice(1).join('\n');
  let text = DRAFT;
  // Each repetition's lines differ (as a long report's do), so no cache can skip them.
  for (let k = 2; Buffer.byteLength(text) < bytes; k++) text += '\n' + body.split('\n').map((l) => `${l}（${k}）`).join('\n');
  return text;
}

async function main(): Promise<void> {
  const one = process.argv.indexOf('--one');
  if (one >= 0) return measureOneLoad(process.argv[one + 1]);

  console.log('Dictionary load (fresh process each, median of 3)');
  for (const which of ['product', 'default']) {
    const runs = [0, 1, 2].map(() => {
      const r = spawnSync(process.execPath, ['--expose-gc', __filename, '--one', which], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      return JSON.parse(r.stdout) as { loadMs: number; rssBefore: number; rssAfter: number; cut40kMs: number };
    });
    const label = which === 'product' ? 'trimmed (dist/dict)' : 'nodejieba default ';
    console.log(
      `  ${label}  load ${ms(median(runs.map((r) => r.loadMs)))}   RSS ${mb(median(runs.map((r) => r.rssBefore)))} → ${mb(median(runs.map((r) => r.rssAfter)))}` +
        ` (+${mb(median(runs.map((r) => r.rssAfter - r.rssBefore)))})   cut() of a 40 KB draft ${ms(median(runs.map((r) => r.cut40kMs)))}`,
    );
  }

  const draft = draftOfBytes(40 * 1024);
  console.log(`\n40 KB draft: ${Buffer.byteLength(draft)} bytes, ${draft.length} characters, ${draft.split('\n').length} lines`);

  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const host = SegmenterHost.start();
  const ok = await host.ready;
  if (!ok) throw new Error(host.failure ?? 'host failed');
  const readyMs = performance.now() - t0;
  const rssAfter = process.memoryUsage().rss;
  console.log(`SegmenterHost: ready after ${ms(readyMs)} (worker's own load ${ms(host.loadMs ?? 0)}); process RSS ${mb(rssBefore)} → ${mb(rssAfter)} (+${mb(rssAfter - rssBefore)})`);
  const texts = textsToSegment(draft);
  let t = performance.now();
  const segmenter = await host.prepare(texts);
  console.log(`  prepare(): ${texts.length} distinct lines cut in the worker in ${ms(performance.now() - t)}`);
  t = performance.now();
  await host.prepare(texts);
  console.log(`  prepare() again, every line cached: ${ms(performance.now() - t)}`);

  const times = (f: () => void) => {
    f();
    const xs: number[] = [];
    for (let k = 0; k < 5; k++) {
      const s = performance.now();
      f();
      xs.push(performance.now() - s);
    }
    return median(xs);
  };
  console.log(`  analyzeText on the 40 KB draft: ${ms(times(() => analyzeText(draft)))} without words, ${ms(times(() => analyzeText(draft, { segmenter })))} with words`);
  host.dispose();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
