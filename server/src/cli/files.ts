/**
 * Finding and reading the drafts the CLI is given. Drafts arrive as UTF-8
 * (with or without BOM), UTF-16 with a BOM, or GB18030/GBK from Chinese
 * Windows; a binary file or an unreadable path is reported, never fatal.
 */
import fs = require('node:fs');
import path = require('node:path');

export const DRAFT_EXTENSIONS = /\.(txt|md|markdown)$/i;
/** Word files: .docx is checked; legacy .doc and WPS .wps get a message saying how to save them as .docx. */
export const WORD_EXTENSION = /\.(docx|doc|wps)$/i;

export interface CollectedFiles {
  files: string[];
  /** Paths that could not be read, with a Chinese reason. */
  problems: { path: string; reason: string }[];
}

/**
 * Expands folders into the .txt and .md files below them (sorted, less what
 * `ignore` says), and the Word files unless `word` is false; keeps files as given.
 */
export function collectFiles(inputs: string[], ignore?: (p: string, isDirectory: boolean) => boolean, word = true): CollectedFiles {
  const files: string[] = [];
  const problems: CollectedFiles['problems'] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ path: dir, reason: describeFsError(e) });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      // ~$ files are the owner files Word and WPS keep beside a document while it is open.
      if (e.name.startsWith('.') || e.name.startsWith('~$') || e.name === 'node_modules') continue;
      const p = path.join(dir, e.name);
      // .zongjieignore (ignore.ts): only what a folder walk finds; files named by the user are checked.
      if (ignore?.(p, e.isDirectory())) continue;
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && (DRAFT_EXTENSIONS.test(e.name) || (word && WORD_EXTENSION.test(e.name)))) files.push(p);
    }
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (e) {
      problems.push({ path: input, reason: describeFsError(e) });
      continue;
    }
    if (stat.isDirectory()) walk(input);
    else files.push(input);
  }
  return { files, problems };
}

/** What went wrong with a file operation, in Chinese; `action` tells whether it was reading or writing. */
export function describeFsError(e: unknown, action: 'read' | 'write' = 'read'): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const verb = action === 'read' ? '读取' : '写入';
  switch (code) {
    case 'ENOENT':
      return '文件或文件夹不存在';
    case 'EACCES':
    case 'EPERM':
      return `没有${verb}权限`;
    case 'EISDIR':
      return '这是一个文件夹';
    case 'EROFS':
      return '文件所在的磁盘是只读的';
    case 'ENOSPC':
      return '磁盘空间不足';
    case 'EDQUOT':
      return '超出磁盘配额';
    default:
      return `无法${verb}（${code ?? (e instanceof Error ? e.message : String(e))}）`;
  }
}

/**
 * The largest draft the CLI reads. A work report is tens of kilobytes; the
 * analysis needs about 60 times a file's size in memory, so a 200 MB file
 * would take minutes and abort with the heap exhausted. Larger files are
 * skipped with a message, and the other files are checked.
 */
export const MAX_DRAFT_BYTES = 8 * 1024 * 1024;

/** Why a path was not read, in Chinese (a special file, a file too large). */
export class UnreadableDraftError extends Error {}

/**
 * The bytes of a draft: a regular file no larger than MAX_DRAFT_BYTES. A FIFO
 * would block the CLI forever and /dev/zero would fill its memory, so only
 * regular files are read; fs errors are thrown as they are (describeFsError).
 */
export function readDraftBytes(file: string, fsx: Pick<typeof fs, 'statSync' | 'readFileSync'> = fs): { bytes: Buffer; stat: fs.Stats } {
  const stat = fsx.statSync(file);
  if (stat.isDirectory()) throw new UnreadableDraftError('这是一个文件夹');
  if (!stat.isFile()) throw new UnreadableDraftError('不是普通文件（如管道、设备），已跳过');
  if (stat.size > MAX_DRAFT_BYTES) {
    throw new UnreadableDraftError(`文件过大（约 ${(stat.size / 1024 / 1024).toFixed(0)} MB，超过 ${MAX_DRAFT_BYTES / 1024 / 1024} MB），不像一篇工作报告，已跳过`);
  }
  return { bytes: fsx.readFileSync(file), stat };
}

/** describeFsError, and the reasons of readDraftBytes. */
export function describeReadError(e: unknown): string {
  return e instanceof UnreadableDraftError ? e.message : describeFsError(e);
}

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

export class BinaryFileError extends Error {}

/** Decodes a draft's bytes; throws BinaryFileError for what is not text. */
export function decodeDraft(bytes: Buffer): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  if (bytes.includes(0)) throw new BinaryFileError('这不是文本文件（含有二进制内容），已跳过');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: drafts from Chinese Windows are GBK, which GB18030 contains.
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
