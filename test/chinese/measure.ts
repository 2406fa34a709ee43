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
 * - How far the trimmed dictionary cuts like the full one (both with the
 *   product's domain words): the share of lines
 *   cut identically and of word boundaries that differ, over the fixture draft
 *   and the text files of `--corpus DIR` when given (real drafts are not kept
 *   in this repository).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../server/src/features/analyze';
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
  // 'full': nodejieba's whole general dictionary with the product's domain words, the reference for agreement.
  const defaults = which === 'product' ? null : defaultDictionaryPaths();
  if (which !== 'product' && !defaults) throw new Error('nodejieba default dictionaries not found');
  const paths = defaults === null ? productPaths() : which === 'full' ? { ...defaults, userDict: productPaths().userDict } : defaults;
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
  const corpus = corpusLines(process.argv.includes('--corpus') ? process.argv[process.argv.indexOf('--corpus') + 1] : null);
  process.stdout.write(JSON.stringify({ loadMs: r.loadMs, rssBefore: before, rssAfter: after, cut40kMs: median(times), cuts: corpus.map((l) => r.cut(l)) }));
}

/** The lines with Chinese text of the fixture draft and of the .txt/.md files in `dir`. */
function corpusLines(dir: string | null): string[] {
  const texts = [DRAFT];
  if (dir) for (const f of fs.readdirSync(dir).sort()) if (/\.(txt|md)$/i.test(f)) texts.push(fs.readFileSync(path.join(dir, f), 'utf8'));
  return texts.flatMap((t) => t.split(/\r\n|\r|\n/)).filter((l) => /\p{Script=Han}/u.test(l));
}

/** Offsets where a word ends, for comparing two cuts of one line. */
function wordEnds(words: string[]): Set<number> {
  const ends = new Set<number>();
  let at = 0;
  for (const w of words) ends.add((at += w.length));
  return ends;
}

/** Lines cut identically, and word boundaries found by only one of the two cuts, against all of `reference`'s. */
function agreement(reference: string[][], trimmed: string[][]): { lines: number; identical: number; differing: number; boundaries: number } {
  let identical = 0;
  let differing = 0;
  let boundaries = 0;
  reference.forEach((ref, i) => {
    const a = wordEnds(ref);
    const b = wordEnds(trimmed[i]);
    if (ref.join('\u0000') === trimmed[i].join('\u0000')) identical++;
    for (const x of a) if (!b.has(x)) differing++;
    for (const x of b) if (!a.has(x)) differing++;
    boundaries += a.size;
  });
  return { lines: reference.length, identical, differing, boundaries };
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

  const corpusArgs = process.argv.includes('--corpus') ? ['--corpus', process.argv[process.argv.indexOf('--corpus') + 1]] : [];
  console.log('Dictionary load (fresh process each, median of 3)');
  let productCuts: string[][] = [];
  for (const which of ['product', 'default']) {
    const runs = [0, 1, 2].map(() => {
      const r = spawnSync(process.execPath, ['--expose-gc', __filename, '--one', which, ...corpusArgs], { encoding: 'utf8', maxBuffer: 1 << 28 });
      if (r.status !== 0) throw new Error(r.stderr);
      return JSON.parse(r.stdout) as { loadMs: number; rssBefore: number; rssAfter: number; cut40kMs: number; cuts: string[][] };
    });
    if (which === 'product') productCuts = runs[0].cuts;
    const label = which === 'product' ? 'trimmed (dist/dict)' : 'nodejieba default ';
    console.log(
      `  ${label}  load ${ms(median(runs.map((r) => r.loadMs)))}   RSS ${mb(median(runs.map((r) => r.rssBefore)))} → ${mb(median(runs.map((r) => r.rssAfter)))}` +
        ` (+${mb(median(runs.map((r) => r.rssAfter - r.rssBefore)))})   cut() of a 40 KB draft ${ms(median(runs.map((r) => r.cut40kMs)))}`,
    );
  }

  const full = spawnSync(process.execPath, ['--expose-gc', __filename, '--one', 'full', ...corpusArgs], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (full.status !== 0) throw new Error(full.stderr);
  const a = agreement((JSON.parse(full.stdout) as { cuts: string[][] }).cuts, productCuts);
  const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
  console.log(
    `  trimmed against the full dictionary (both with the domain words), ${a.lines} lines${corpusArgs.length ? ` (fixture draft and ${corpusArgs[1]})` : ' (fixture draft; add --corpus DIR for real drafts)'}: ` +
      `${pct(a.identical, a.lines)} cut identically, ${pct(a.differing, a.boundaries)} of word boundaries differ`,
  );

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
