/**
 * `zongjie fix [--dry-run] PATH...`: applies the safe fixes (the engine's
 * "fix all": template residue, carried corrections, renumbering) to drafts.
 *
 * It never loses text:
 * - a file is written only when every pass of fixes applied cleanly; a file
 *   that cannot be read, decoded or analysed is left untouched;
 * - it is written back in its own encoding, BOM and line ends (the edits only
 *   replace the text they name), and not at all when it changed on disk in
 *   the meantime;
 * - it is written in place, so it keeps its inode, mode, owner and hard links;
 *   its original bytes are kept in a backup file until the new ones are
 *   synced, and a failed write is undone. A read-only file is refused;
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
import fs = require('node:fs');
import os = require('node:os');
import path = require('node:path');
import { Analysis, AnalyzeOptions, analyzeText, isMarkdownPath } from '../features/analyze';
import { planFixAll } from '../features/fixes';
import { EditConflictError, applyEdits } from '../engine/edits';
import { Genres } from '../engine/genre';
import { Segmenter } from '../engine/segmenter';
import { Finding } from '../engine/types';
import { ALL_RULES, findRule } from '../rules';
import { loadSegmenterSync } from '../segmenter/host';
import { BinaryFileError, DecodedText, WORD_EXTENSION, collectFiles, decodeDraft, describeFsError, describeReadError, readDraftBytes } from './files';
import { unifiedDiff } from './diff';
import { findingLine } from './format';

export { unifiedDiff };

export interface FixIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

export interface FixOptions {
  profile: Genres;
  dryRun: boolean;
  verbose: boolean;
  /** What the team's .zongjie.json sets for a file (its genre, severities, patterns, dictionary). */
  analyzeOptionsFor?: (file: string) => Partial<AnalyzeOptions>;
  /** .zongjieignore: files a folder walk leaves out. */
  ignore?: (p: string, isDirectory: boolean) => boolean;
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

function ruleTitle(code: string): string {
  return findRule(code)?.docs.title ?? code;
}

function breakdown(fixed: Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of fixed) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  return [...counts].map(([code, n]) => `${ruleTitle(code)} ${n} 处`).join('、');
}

class Refusal extends Error {}

/** The file operations writeInPlace uses (a seam for tests of failing writes). */
export type WriteFs = Pick<typeof fs, 'openSync' | 'closeSync' | 'readSync' | 'writeSync' | 'fstatSync' | 'ftruncateSync' | 'fsyncSync' | 'unlinkSync'>;

/**
 * Why `file` must not be written, in Chinese, or null. Root passes every
 * permission check, so a file without any write bit is read-only whoever runs.
 */
export function readOnlyReason(file: string, mode: number): string | null {
  if ((mode & 0o222) === 0) return '文件是只读的';
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EROFS') return '文件所在的磁盘是只读的';
    if (code === 'EACCES' || code === 'EPERM') return '没有写入这个文件的权限';
    // Anything else is left to the write, which says what failed.
    return null;
  }
}

function writeAll(fsx: WriteFs, fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length; ) done += fsx.writeSync(fd, bytes, done, bytes.length - done, done);
}

/** The whole content behind `fd`, read up to `limit` bytes. */
function readAll(fsx: WriteFs, fd: number, limit: number): Buffer {
  const buf = Buffer.alloc(limit);
  let done = 0;
  for (let n; done < limit && (n = fsx.readSync(fd, buf, done, limit - done, done)) > 0; ) done += n;
  return buf.subarray(0, done);
}

/** Makes a folder's new entry durable where the platform allows it. */
function syncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not possible on every platform; the backup's own data is synced already.
  }
}

/**
 * Saves `original` as a backup beside `real` (hidden, so a later run skips
 * it), or in the temporary folder when the file's folder is not writable.
 * Returns its path; a Refusal when no backup could be made.
 */
function makeBackup(fsx: WriteFs, real: string, original: Buffer): string {
  const stamp = `${process.pid}-${Date.now()}`;
  const places = [
    path.join(path.dirname(real), `.${path.basename(real)}.zongjie-backup-${stamp}`),
    path.join(os.tmpdir(), `zongjie-backup-${stamp}-${path.basename(real)}`),
  ];
  let firstError: unknown;
  for (const backup of places) {
    let fd: number;
    try {
      fd = fsx.openSync(backup, 'wx', 0o600);
    } catch (e) {
      firstError ??= e;
      continue;
    }
    let saved = false;
    try {
      writeAll(fsx, fd, original);
      fsx.fsyncSync(fd);
      saved = true;
    } catch (e) {
      firstError ??= e;
    } finally {
      try {
        fsx.closeSync(fd);
      } catch {
        // Its content is synced or it is about to be removed: nothing hangs on the close.
      }
    }
    if (!saved) {
      removeQuietly(fsx, backup);
      continue;
    }
    syncFolder(path.dirname(backup));
    return backup;
  }
  throw new Refusal(`无法保存原内容的备份（${describeFsError(firstError, 'write')}），为免丢失内容，未作修改`);
}

function removeQuietly(fsx: WriteFs, file: string): boolean {
  try {
    fsx.unlinkSync(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes `bytes` over `file` in place: the same inode, so its mode, owner
 * and hard links stay. Refuses (Refusal) when the file is no longer what was
 * read (`original`, `read`). The original bytes are first saved in a backup
 * file, removed once the new content is synced; a failed write is undone from
 * memory, and when even that fails the backup stays and the message names it.
 * Returns notes for the user.
 */
export function writeInPlace(file: string, bytes: Buffer, original: Buffer, read: fs.Stats, fsx: WriteFs = fs): string[] {
  let fd: number;
  let real: string;
  try {
    real = fs.realpathSync(file);
    fd = fsx.openSync(real, 'r+');
  } catch (e) {
    throw new Refusal(`${describeFsError(e, 'write')}，文件未作修改`);
  }
  try {
    let same: boolean;
    try {
      const now = fsx.fstatSync(fd);
      same =
        now.ino === read.ino && now.dev === read.dev && now.mtimeMs === read.mtimeMs && now.size === original.length && readAll(fsx, fd, original.length + 1).equals(original);
    } catch (e) {
      throw new Refusal(`写入前核对文件时出错（${describeFsError(e)}），文件未作修改`);
    }
    if (!same) throw new Refusal('文件在处理期间被其他程序修改，未写入');
    const backup = makeBackup(fsx, real, original);
    try {
      writeAll(fsx, fd, bytes);
      fsx.ftruncateSync(fd, bytes.length);
      fsx.fsyncSync(fd);
    } catch (e) {
      const why = describeFsError(e, 'write');
      try {
        writeAll(fsx, fd, original);
        fsx.ftruncateSync(fd, original.length);
        fsx.fsyncSync(fd);
      } catch {
        throw new Refusal(`${why}，写入中断，原内容也未能写回；原内容完整保存在 ${backup}，请用它恢复文件`);
      }
      removeQuietly(fsx, backup);
      throw new Refusal(`${why}，写入中断；已恢复原内容，文件未作修改`);
    }
    return removeQuietly(fsx, backup) ? [] : [`已修复，但未能删除备份文件 ${backup}（其中是修复前的内容），可以手动删除`];
  } finally {
    try {
      fsx.closeSync(fd);
    } catch {
      // The content is synced (or restored) before this point; a failed close loses nothing.
    }
  }
}

interface FileResult {
  path: string;
  analysis: Analysis;
  fixed: Finding[];
}

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
  // Word files in a folder are left alone; one named on the command line is refused below.
  const { files, problems } = collectFiles(paths, options.ignore, false);
  let failed = problems.length;
  for (const p of problems) io.err(`zongjie：${p.path}：${p.reason}`);
  if (files.length === 0 && problems.length === 0) io.err('zongjie：给出的路径下没有 .txt 或 .md 文件（Word 文档不会被修改，可用 zongjie check 检查）。');

  // The segmenter rules carry corrections too (a doubled character, a formulation).
  let segmenter: Segmenter | undefined;
  if (files.length > 0 && ALL_RULES.some((r) => r.requiresSegmenter)) {
    const loaded = loadSegmenterSync();
    if ('segmenter' in loaded) {
      segmenter = loaded.segmenter;
      if (options.verbose) io.err(`zongjie：${loaded.note}`);
    } else io.err(`zongjie：分词组件不可用（${loaded.failure}），需要分词的规则的修复已跳过，其余修复照常进行。`);
  }

  const results: FileResult[] = [];
  let changedFiles = 0;
  for (const file of files) {
    if (WORD_EXTENSION.test(file)) {
      io.err(`zongjie：${file}：这是 Word 文档，zongjie fix 不修改 Word 文件，未写入任何内容。请用 zongjie check 查看问题，在 Word 或 WPS 中修改。`);
      failed++;
      continue;
    }
    let bytes: Buffer;
    let stat: fs.Stats;
    try {
      ({ bytes, stat } = readDraftBytes(file));
    } catch (e) {
      io.err(`zongjie：${file}：${describeReadError(e)}`);
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

      const result = fixText(decoded.text, { profile: options.profile, markdown: isMarkdownPath(file), segmenter, ...options.analyzeOptionsFor?.(file) });
      for (const f of result.analysis.failures) io.err(`zongjie：${file}：规则 ${f.rule} 运行出错，已跳过该规则（${f.message}）`);
      results.push({ path: file, analysis: result.analysis, fixed: result.fixed });
      if (result.text === decoded.text) continue;
      const readOnly = readOnlyReason(file, stat.mode);
      if (options.dryRun) {
        io.out(unifiedDiff(decoded.text, result.text, file));
        io.out(`${file}：可修复 ${result.fixed.length} 个问题（${breakdown(result.fixed)}）。`);
        if (readOnly) throw new Refusal(`${readOnly}，实际运行时不会修改`);
        changedFiles++;
        continue;
      }
      if (readOnly) throw new Refusal(`${readOnly}，未修改`);
      const notes = writeInPlace(file, encodeDraft(result.text, decoded.encoding)!, bytes, stat);
      changedFiles++;
      io.out(`${file}：已修复 ${result.fixed.length} 个问题（${breakdown(result.fixed)}）。`);
      for (const note of notes) io.err(`zongjie：${file}：${note}。`);
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
