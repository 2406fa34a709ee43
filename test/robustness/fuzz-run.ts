/**
 * The long fuzz run, on demand:
 *   node out/test/robustness/fuzz-run.js [--count N] [--seed S] [--lines L]
 * Prints progress and the seed of any failure, so it can be replayed with
 * ZONGJIE_FUZZ_SEED=S ZONGJIE_FUZZ_COUNT=1 in the test.
 */
import { analyzeText } from '../../server/src/features/analyze';
import { randomDocument } from './generator';
import { checkInvariants } from './invariants';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const count = arg('--count', 100_000);
const seed = arg('--seed', Date.now() % 1_000_000);
const lines = arg('--lines', 60);
let failures = 0;
let slowest = { ms: 0, seed: 0 };
const t0 = Date.now();
for (let i = 0; i < count; i++) {
  const s = seed + i;
  const text = randomDocument(s, lines);
  const t = Date.now();
  try {
    checkInvariants(text, analyzeText(text, { markdown: (s & 1) === 1 }));
  } catch (e) {
    failures++;
    console.log(`FAIL seed ${s}: ${(e as Error).message.split('\n')[0]}`);
  }
  const ms = Date.now() - t;
  if (ms > slowest.ms) slowest = { ms, seed: s };
  if ((i + 1) % 10_000 === 0) console.log(`${i + 1} documents, ${failures} failures, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
console.log(`done: ${count} documents from seed ${seed}, ${failures} failures, slowest ${slowest.ms} ms (seed ${slowest.seed}), ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exitCode = failures ? 1 : 0;
