/**
 * A line diff for `zongjie fix --dry-run`, printed in the unified format.
 *
 * "Fix all" can change every line of a long draft (a half-width comma on each
 * line), so the diff must stay linear in memory and close to linear in time
 * however many lines changed:
 * - lines become integer ids, so every comparison is one integer compare;
 * - the common prefix and suffix of each range are trimmed;
 * - a small range (after trimming) gets Myers' diff, whose trace is then small;
 * - a large range is split at the lines that occur exactly once on each side
 *   (patience diff: the longest increasing run of such pairs), and the gaps
 *   are diffed the same way;
 * - a large range with no such line gets Myers' diff with a bounded number of
 *   edits, and when it needs more, lines are paired one by one, resynchronising
 *   on equal lines found within a small window. That diff is valid, only not
 *   always the shortest.
 */
import { SourceText } from '../engine/source';

export type Op = { type: ' ' | '-' | '+'; text: string };

/** Deterministic count of the inner-loop steps of one diff (for tests of its growth). */
export interface DiffStats {
  steps: number;
}

const EQUAL = 0;
const DELETE = 1;
const INSERT = 2;

/** Ranges with at most this many lines (both sides) get plain Myers; its trace then holds at most ~1M ints. */
const SMALL_RANGE = 1024;
/** Edits tried by the bounded Myers on a large range without unique lines. */
const MAX_EDITS_LARGE = 128;
/** Lines looked ahead on each side when pairing lines one by one. */
const RESYNC_WINDOW = 16;

type Task = { equal: number } | { aLo: number; aHi: number; bLo: number; bHi: number };

class LineDiffer {
  steps = 0;
  /** The edit script, one code per output line. */
  readonly codes: Uint8Array;
  length = 0;
  /** Per id: whether the line occurs on both sides (only such lines can ever be paired as equal). */
  private readonly inBoth: Uint8Array;
  /** Per id, scratch for one range at a time (cleared after use): occurrences and last position. */
  private readonly countA: Int32Array;
  private readonly countB: Int32Array;
  private readonly posB: Int32Array;
  /** Patience splitting stops after this much work; later large ranges take the bounded fallback. */
  private patienceBudget: number;

  constructor(
    private readonly a: Int32Array,
    private readonly b: Int32Array,
    ids: number,
  ) {
    this.codes = new Uint8Array(a.length + b.length);
    const inA = new Uint8Array(ids);
    for (const id of a) inA[id] = 1;
    this.inBoth = new Uint8Array(ids);
    for (const id of b) this.inBoth[id] = inA[id];
    this.countA = new Int32Array(ids);
    this.countB = new Int32Array(ids);
    this.posB = new Int32Array(ids);
    this.patienceBudget = 32 * (a.length + b.length) + 4096;
  }

  private emit(code: number, times = 1): void {
    this.codes.fill(code, this.length, this.length + times);
    this.length += times;
  }

  run(): void {
    const stack: Task[] = [{ aLo: 0, aHi: this.a.length, bLo: 0, bHi: this.b.length }];
    while (stack.length) {
      const t = stack.pop()!;
      if ('equal' in t) this.emit(EQUAL, t.equal);
      else this.range(t.aLo, t.aHi, t.bLo, t.bHi, stack);
    }
  }

  /** Diffs one range; what must come later is pushed on `stack` (last pushed runs first). */
  private range(aLo: number, aHi: number, bLo: number, bHi: number, stack: Task[]): void {
    const { a, b } = this;
    let pre = 0;
    while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) {
      aLo++;
      bLo++;
      pre++;
    }
    let suf = 0;
    while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) {
      aHi--;
      bHi--;
      suf++;
    }
    this.steps += pre + suf + 1;
    this.emit(EQUAL, pre);
    if (suf) stack.push({ equal: suf });
    const n = aHi - aLo;
    const m = bHi - bLo;
    if (n === 0 || m === 0) {
      this.emit(DELETE, n);
      this.emit(INSERT, m);
      return;
    }
    if (n + m <= SMALL_RANGE) {
      this.myers(aLo, aHi, bLo, bHi, n + m);
      return;
    }
    if (this.patienceBudget > 0) {
      const anchors = this.uniqueAnchors(aLo, aHi, bLo, bHi);
      if (anchors.length) {
        // Gaps and anchors, pushed last first.
        let nextA = aHi;
        let nextB = bHi;
        for (let k = anchors.length - 1; k >= 0; k -= 2) {
          const i = anchors[k - 1];
          const j = anchors[k];
          stack.push({ aLo: i + 1, aHi: nextA, bLo: j + 1, bHi: nextB }, { equal: 1 });
          nextA = i;
          nextB = j;
        }
        stack.push({ aLo, aHi: nextA, bLo, bHi: nextB });
        return;
      }
    }
    if (!this.myers(aLo, aHi, bLo, bHi, MAX_EDITS_LARGE)) this.pairLines(aLo, aHi, bLo, bHi);
  }

  /**
   * The pairs (i, j) of lines that occur once in a[aLo..aHi) and once in
   * b[bLo..bHi), longest run increasing on both sides, flattened [i0, j0, i1, j1, ...].
   */
  private uniqueAnchors(aLo: number, aHi: number, bLo: number, bHi: number): number[] {
    const { a, b, countA, countB, posB } = this;
    const work = aHi - aLo + (bHi - bLo);
    this.patienceBudget -= work;
    this.steps += 2 * work;
    for (let i = aLo; i < aHi; i++) countA[a[i]]++;
    for (let j = bLo; j < bHi; j++) {
      countB[b[j]]++;
      posB[b[j]] = j;
    }
    const candI: number[] = [];
    const candJ: number[] = [];
    for (let i = aLo; i < aHi; i++) {
      const id = a[i];
      if (countA[id] === 1 && countB[id] === 1) {
        candI.push(i);
        candJ.push(posB[id]);
      }
    }
    for (let i = aLo; i < aHi; i++) countA[a[i]] = 0;
    for (let j = bLo; j < bHi; j++) countB[b[j]] = 0;
    if (candI.length === 0) return [];

    // Longest increasing subsequence of candJ (patience sorting), with back links.
    const tails: number[] = [];
    const back = new Int32Array(candI.length);
    for (let c = 0; c < candJ.length; c++) {
      let lo = 0;
      let hi = tails.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (candJ[tails[mid]] < candJ[c]) lo = mid + 1;
        else hi = mid;
      }
      this.steps += 1 + Math.ceil(Math.log2(tails.length + 1));
      back[c] = lo > 0 ? tails[lo - 1] : -1;
      tails[lo] = c;
    }
    const anchors: number[] = new Array(2 * tails.length);
    for (let c = tails[tails.length - 1], k = tails.length - 1; c >= 0; c = back[c], k--) {
      anchors[2 * k] = candI[c];
      anchors[2 * k + 1] = candJ[c];
    }
    return anchors;
  }

  /**
   * Myers' O(ND) diff of the range, emitted when it needs at most `maxD`
   * edits; false (nothing emitted) otherwise. The trace holds O(maxD²) ints.
   */
  private myers(aLo: number, aHi: number, bLo: number, bHi: number, maxD: number): boolean {
    const { a, b } = this;
    const n = aHi - aLo;
    const m = bHi - bLo;
    const lim = Math.min(maxD, n + m);
    const off = lim + 1;
    const v = new Int32Array(2 * lim + 3);
    // trace[d] holds v[k] for k in -d-1..d+1 before round d, enough to walk back.
    const trace: Int32Array[] = [];
    let found = -1;
    outer: for (let d = 0; d <= lim; d++) {
      trace.push(v.slice(off - d - 1, off + d + 2));
      for (let k = -d; k <= d; k += 2) {
        let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
        let y = x - k;
        const x0 = x;
        while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
          x++;
          y++;
        }
        this.steps += 1 + x - x0;
        v[off + k] = x;
        if (x >= n && y >= m) {
          found = d;
          break outer;
        }
      }
    }
    if (found < 0) return false;
    const reversed: number[] = [];
    let x = n;
    let y = m;
    for (let d = found; d >= 0; d--) {
      const saved = trace[d];
      const at = (k: number) => saved[k + d + 1];
      const k = x - y;
      const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
      const prevX = d === 0 ? 0 : at(prevK);
      const prevY = d === 0 ? 0 : prevX - prevK;
      while (x > prevX && y > prevY) {
        reversed.push(EQUAL);
        x--;
        y--;
      }
      if (d === 0) break;
      if (x === prevX) {
        reversed.push(INSERT);
        y--;
      } else {
        reversed.push(DELETE);
        x--;
      }
    }
    for (let r = reversed.length - 1; r >= 0; r--) this.emit(reversed[r]);
    return true;
  }

  /**
   * Pairs the range's lines one by one (a changed line against its new
   * version), resynchronising on the nearest equal pair of lines within
   * RESYNC_WINDOW lines on each side. Linear; valid though not always shortest.
   */
  private pairLines(aLo: number, aHi: number, bLo: number, bHi: number): void {
    const { a, b, inBoth } = this;
    const candA: number[] = [];
    const candB: number[] = [];
    let i = aLo;
    let j = bLo;
    while (i < aHi && j < bHi) {
      this.steps++;
      if (a[i] === b[j]) {
        this.emit(EQUAL);
        i++;
        j++;
        continue;
      }
      // Only lines that occur on the other side at all can resynchronise.
      candA.length = 0;
      candB.length = 0;
      for (let d = 0; d < RESYNC_WINDOW && i + d < aHi; d++) if (inBoth[a[i + d]]) candA.push(d);
      for (let d = 0; d < RESYNC_WINDOW && j + d < bHi; d++) if (inBoth[b[j + d]]) candB.push(d);
      this.steps += 2 * RESYNC_WINDOW;
      let bestI = -1;
      let bestJ = -1;
      for (const di of candA) {
        for (const dj of candB) {
          this.steps++;
          if (bestI >= 0 && (di + dj > bestI + bestJ || (di + dj === bestI + bestJ && Math.abs(di - dj) >= Math.abs(bestI - bestJ)))) continue;
          if (a[i + di] === b[j + dj]) {
            bestI = di;
            bestJ = dj;
          }
        }
      }
      if (bestI < 0) {
        // Nothing to resynchronise on nearby: this line became that one.
        this.emit(DELETE);
        this.emit(INSERT);
        i++;
        j++;
      } else {
        this.emit(DELETE, bestI);
        this.emit(INSERT, bestJ);
        i += bestI;
        j += bestJ;
      }
    }
    this.emit(DELETE, aHi - i);
    this.emit(INSERT, bHi - j);
  }
}

/** The edit script turning `a` into `b`, line by line. */
export function diffLines(a: readonly string[], b: readonly string[], stats?: DiffStats): Op[] {
  const ids = new Map<string, number>();
  const idOf = (s: string) => {
    let id = ids.get(s);
    if (id === undefined) ids.set(s, (id = ids.size));
    return id;
  };
  const differ = new LineDiffer(Int32Array.from(a, idOf), Int32Array.from(b, idOf), ids.size);
  differ.run();
  if (stats) stats.steps = differ.steps;
  const ops: Op[] = new Array(differ.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < differ.length; k++) {
    const code = differ.codes[k];
    if (code === EQUAL) {
      ops[k] = { type: ' ', text: a[i++] };
      j++;
    } else if (code === DELETE) ops[k] = { type: '-', text: a[i++] };
    else ops[k] = { type: '+', text: b[j++] };
  }
  return ops;
}

/** A unified diff of two texts, line by line, with `context` lines around each change; '' when equal. */
export function unifiedDiff(before: string, after: string, name: string, context = 3): string {
  const ops = diffLines(new SourceText(before).lines, new SourceText(after).lines);
  const changed = ops.map((o, i) => (o.type !== ' ' ? i : -1)).filter((i) => i >= 0);
  if (changed.length === 0) return '';
  // Old and new line numbers (0-based) before each op.
  const oldAt: number[] = [];
  const newAt: number[] = [];
  let o = 0;
  let n = 0;
  for (const op of ops) {
    oldAt.push(o);
    newAt.push(n);
    if (op.type !== '+') o++;
    if (op.type !== '-') n++;
  }
  const out = [`--- ${name}`, `+++ ${name}`];
  let i = 0;
  while (i < changed.length) {
    const from = Math.max(0, changed[i] - context);
    let j = i;
    while (j + 1 < changed.length && changed[j + 1] - changed[j] <= 2 * context + 1) j++;
    const to = Math.min(ops.length, changed[j] + context + 1);
    const slice = ops.slice(from, to);
    const oldCount = slice.filter((x) => x.type !== '+').length;
    const newCount = slice.filter((x) => x.type !== '-').length;
    const oldStart = oldCount ? oldAt[from] + 1 : oldAt[from];
    const newStart = newCount ? newAt[from] + 1 : newAt[from];
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const x of slice) out.push(x.type + x.text);
    i = j + 1;
  }
  return out.join('\n');
}
