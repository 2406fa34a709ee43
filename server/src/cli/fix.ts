/**
 * `zongjie fix [--dry-run] PATH...`: applies the safe fixes (the engine's
 * "fix all": template residue, carried corrections, renumbering) to drafts.
 *
 * It never loses text:
 * - a file is written only when every pass of fixes applied cleanly; a file
 *   that cannot be read, decoded or analysed is left untouched;
 * - it is written back in its own encoding, BOM and line ends (the edits only
 *   replace the text they name), through a temporary file renamed over it, and
 *   not at all when it changed on disk in the meantime;
 * - only encodings Node can write are written: UTF-8 (with or without BOM) and
 *   UTF-16 with a BOM. GB18030/GBK drafts are refused with a message (Node has
 *   no GB18030 encoder), and so is any file whose bytes would not come back
 *   exactly as they were read.
 *
 * Exit code, as for check: 0 when no error-severity finding remains, 1 when
 * some do (placeholders and missing parts need the author), 2 for a file that
 * could not be read, was refused or could not be written (the others are
 * still fixed). With --dry-run the code tells what a real run would leave.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analysis, AnalyzeOptions, analyzeText, isMarkdownPath } from '../features/analyze';
import { planFixAll } from '../features/fixes';
import { EditConflictError, applyEdits } from '../engine/edits';
import { Profile } from '../engine/profile';
import { Segmenter } from '../engine/segmenter';
import { SourceText } from '../engine/source';
import { Finding } from '../engine/types';
import { ALL_RULES, findRule } from '../rules';
import { loadSegmenterSync } from '../segmenter/host';
import { BinaryFileError, DecodedText, collectFiles, decodeDraft, describeFsError } from './files';
import { findingLine } from './format';

export interface FixIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

export interface FixOptions {
  profile: Profile;
  dryRun: boolean;
  verbose: boolean;
}

/** Passes of "fix all": a fix deferred because it overlapped another is applied in the next one. */
const MAX_PASSES = 5;

const BOM_UTF8 = Buffer.from([0xef, 0xbb, 0xbf]);

/** The bytes of `text` in `encoding`, or null for an encoding Node cannot write. */
export function encodeDraft(text: string, encoding: DecodedText['encoding']): Buffer | null {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([BOM_UTF8, Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------
// A line diff (Myers), printed in the unified format

type Op = { type: ' ' | '-' | '+'; text: string };

function myers(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v[k] for k in -d..d before round d, enough to walk back.
  const trace: Int32Array[] = [];
  let found = -1;
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break outer;
      }
    }
  }
  const ops: Op[] = [];
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
      ops.push({ type: ' ', text: a[x - 1] });
      x--;
      y--;
    }
    if (d === 0) break;
    if (x === prevX) {
      ops.push({ type: '+', text: b[y - 1] });
      y--;
    } else {
      ops.push({ type: '-', text: a[x - 1] });
      x--;
    }
  }
  return ops.reverse();
}

export function diffLines(a: string[], b: string[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const same = (s: string): Op => ({ type: ' ', text: s });
  return [...a.slice(0, pre).map(same), ...myers(a.slice(pre, a.length - suf), b.slice(pre, b.length - suf)), ...a.slice(a.length - suf).map(same)];
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

// ---------------------------------------------------------------------------

function ruleTitle(code: string): string {
  return findRule(code)?.docs.title ?? code;
}

function breakdown(fixed: Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of fixed) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  return [...counts].map(([code, n]) => `${ruleTitle(code)} ${n} 处`).join('、');
}

/** Writes `bytes` over `target` through a temporary file in the same folder, keeping the file's mode. */
function writeAtomic(target: string, bytes: Buffer): void {
  const real = fs.realpathSync(target);
  const mode = fs.statSync(real).mode & 0o7777;
  const tmp = path.join(path.dirname(real), `.${path.basename(real)}.zongjie-${process.pid}-${Date.now()}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'wx', mode);
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, real);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // The temporary file was never made or is already renamed.
    }
    throw e;
  }
}

interface FileResult {
  path: string;
  analysis: Analysis;
  fixed: Finding[];
}

class Refusal extends Error {}

/** Fixes one file's text; throws Refusal (Chinese message) when it must be left untouched. */
function fixText(text: string, options: AnalyzeOptions): { text: string; analysis: Analysis; fixed: Finding[] } {
  let current = text;
  const fixed: Finding[] = [];
  let analysis: Analysis;
  try {
    analysis = analyzeText(current, options);
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const plan = planFixAll(analysis);
      if (plan.edits.length === 0) break;
      current = applyEdits(current, plan.edits);
      fixed.push(...plan.fixed);
      analysis = analyzeText(current, options);
    }
  } catch (e) {
    if (e instanceof EditConflictError) throw new Refusal(`修改无法干净地应用（${e.message}），文件未作修改`);
    throw new Refusal(`无法解析，文件未作修改（${e instanceof Error ? e.message : String(e)}）`);
  }
  return { text: current, analysis, fixed };
}

export function runFix(paths: string[], options: FixOptions, io: FixIO): number {
  const { files, problems } = collectFiles(paths);
  let failed = problems.length;
  for (const p of problems) io.err(`zongjie：${p.path}：${p.reason}`);
  if (files.length === 0 && problems.length === 0) io.err('zongjie：给出的路径下没有 .txt 或 .md 文件。');

  // The segmenter rules carry corrections too (a doubled character, a formulation).
  let segmenter: Segmenter | undefined;
  if (files.length > 0 && ALL_RULES.some((r) => r.requiresSegmenter)) {
    const loaded = loadSegmenterSync();
    if ('segmenter' in loaded) segmenter = loaded.segmenter;
    else io.err(`zongjie：分词组件不可用（${loaded.failure}），需要分词的规则的修复已跳过，其余修复照常进行。`);
  }

  const results: FileResult[] = [];
  let changedFiles = 0;
  for (const file of files) {
    let bytes: Buffer;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
      bytes = fs.readFileSync(file);
    } catch (e) {
      io.err(`zongjie：${file}：${describeFsError(e)}`);
      failed++;
      continue;
    }
    try {
      let decoded: DecodedText;
      try {
        decoded = decodeDraft(bytes);
      } catch (e) {
        if (e instanceof BinaryFileError) throw new Refusal(e.message);
        throw e;
      }
      if (options.verbose) io.err(`zongjie：${file}：编码 ${decoded.encoding}`);
      const encoded = encodeDraft(decoded.text, decoded.encoding);
      if (!encoded) throw new Refusal('文件编码为 GB18030/GBK，zongjie 只能写回 UTF-8 或带 BOM 的 UTF-16 文件，未作修改；请先把文件另存为 UTF-8 再运行 zongjie fix');
      if (!encoded.equals(bytes)) throw new Refusal(`文件中有不能按 ${decoded.encoding} 原样写回的字节，为免损坏内容，未作修改`);

      const result = fixText(decoded.text, { profile: options.profile, markdown: isMarkdownPath(file), segmenter });
      for (const f of result.analysis.failures) io.err(`zongjie：${file}：规则 ${f.rule} 运行出错，已跳过该规则（${f.message}）`);
      results.push({ path: file, analysis: result.analysis, fixed: result.fixed });
      if (result.text === decoded.text) continue;
      changedFiles++;
      if (options.dryRun) {
        io.out(unifiedDiff(decoded.text, result.text, file));
        io.out(`${file}：可修复 ${result.fixed.length} 个问题（${breakdown(result.fixed)}）。`);
        continue;
      }
      const now = fs.statSync(file);
      if (now.mtimeMs !== stat.mtimeMs || now.size !== stat.size) throw new Refusal('文件在处理期间被其他程序修改，未写入');
      try {
        writeAtomic(file, encodeDraft(result.text, decoded.encoding)!);
      } catch (e) {
        throw new Refusal(`无法写入（${describeFsError(e)}），文件未作修改`);
      }
      io.out(`${file}：已修复 ${result.fixed.length} 个问题（${breakdown(result.fixed)}）。`);
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      io.err(`zongjie：${file}：${e.message}。`);
      failed++;
      const last = results[results.length - 1];
      if (last?.path === file) results.pop();
    }
  }

  // What is left for the author, in check's format (positions in the fixed text).
  for (const r of results) for (const f of r.analysis.findings) io.out(findingLine(r.path, f));
  const count = (s: string) => results.reduce((n, r) => n + r.analysis.findings.filter((f) => f.severity === s).length, 0);
  const fixedCount = results.reduce((n, r) => n + r.fixed.length, 0);
  const errors = count('error');
  const warnings = count('warning');
  const parts = [
    options.dryRun
      ? `预览（未写入任何文件）：共处理 ${results.length} 个文件，可修改 ${changedFiles} 个文件、修复 ${fixedCount} 个问题`
      : `共处理 ${results.length} 个文件，修改了 ${changedFiles} 个文件、修复 ${fixedCount} 个问题`,
  ];
  parts.push(errors + warnings ? `余下 ${errors} 个错误、${warnings} 个警告需要人工处理` : '没有余下需要处理的错误和警告');
  if (failed) parts.push(`${failed} 个文件无法处理，未作修改`);
  io.out(parts.join('，') + '。');

  if (failed > 0) return 2;
  return errors > 0 ? 1 : 0;
}
