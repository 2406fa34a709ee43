/**
 * Finding, checking and loading the dictionaries of nodejieba.
 *
 * The product ships its own dictionaries in dist/dict/ (written at build time by
 * scripts/build-dict.mjs): the most frequent words of jieba's general dictionary
 * plus a domain dictionary of the genre's own terms (server/src/data/domain-dict.txt).
 * They load in a fraction of the time and memory of nodejieba's default set.
 *
 * cppjieba answers a missing file or a malformed dictionary line with abort(),
 * which kills the whole process (a worker_thread included). So every file is
 * checked here before nodejieba sees it, and a failure becomes a Chinese reason.
 */
import fs = require('node:fs');
import path = require('node:path');

export interface DictionaryPaths {
  dict: string;
  hmmDict: string;
  userDict: string;
  idfDict: string;
  stopWordDict: string;
}

/** File names inside a dictionary folder written by scripts/build-dict.mjs. */
export const DICT_FILES: DictionaryPaths = {
  dict: 'jieba.dict.utf8',
  hmmDict: 'hmm_model.utf8',
  userDict: 'user.dict.utf8',
  idfDict: 'idf.utf8',
  stopWordDict: 'stop_words.utf8',
};

export function dictionaryPathsIn(dir: string): DictionaryPaths {
  return {
    dict: path.join(dir, DICT_FILES.dict),
    hmmDict: path.join(dir, DICT_FILES.hmmDict),
    userDict: path.join(dir, DICT_FILES.userDict),
    idfDict: path.join(dir, DICT_FILES.idfDict),
    stopWordDict: path.join(dir, DICT_FILES.stopWordDict),
  };
}

/**
 * The product's dictionary folder: `dict/` beside the running file (dist/dict for
 * the bundles in dist/), else `dist/dict` in an ancestor folder (tsc output in
 * out/ runs against the dictionaries the build wrote to dist/dict).
 */
export function findDictionaryDir(from: string = __dirname): string | null {
  const beside = path.join(from, 'dict');
  if (fs.existsSync(path.join(beside, DICT_FILES.dict))) return beside;
  let dir = from;
  for (;;) {
    const candidate = path.join(dir, 'dist', 'dict');
    if (fs.existsSync(path.join(candidate, DICT_FILES.dict))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** nodejieba's own full dictionaries (used for measurement and comparison only). */
export function defaultDictionaryPaths(): DictionaryPaths | null {
  try {
    const root = path.dirname(require.resolve('nodejieba/package.json'));
    return dictionaryPathsIn(path.join(root, 'submodules', 'cppjieba', 'dict'));
  } catch {
    return null;
  }
}

function readFileOrReason(file: string, what: string, encoding: BufferEncoding = 'utf8'): { text: string } | { reason: string } {
  try {
    return { text: fs.readFileSync(file, encoding) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { reason: `找不到${what}文件 ${file}` };
    return { reason: `无法读取${what}文件 ${file}（${code ?? String(e)}）` };
  }
}

/** The 1-based number of the line holding offset `at`. */
function lineNumberAt(text: string, at: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Lines as cppjieba's getline sees them (a final line break ends the last line). */
function fileLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Checks the files for everything that would make cppjieba abort: a missing or
 * unreadable file, an empty word dictionary, a word-dictionary line that is not
 * exactly `word frequency tag`, an HMM model without its nine data lines.
 * Returns null when loading is safe, else a Chinese reason.
 */
export function checkDictionaryFiles(p: DictionaryPaths): string | null {
  // Read as Latin-1: the check looks only at spaces and line breaks, which no
  // byte of a multi-byte UTF-8 character can be, and decoding 40 000 lines as
  // UTF-8 only to look at their spaces took longer than the check.
  const dict = readFileOrReason(p.dict, '分词词典', 'latin1');
  if ('reason' in dict) return dict.reason;
  if (dict.text === '') return `分词词典 ${p.dict} 是空的`;
  // A final line break ends the last line (as cppjieba's getline reads it), it does not start another.
  const body = dict.text.endsWith('\n') ? dict.text.slice(0, -1) : dict.text;
  // cppjieba splits on single spaces and wants exactly three fields: find the first line that has not.
  // (Line starts by look-behind, not ^ with the m flag: that also starts a line after a CR, which cppjieba keeps in the tag.)
  const bad = /(?<![^\n])(?![^ \n]+ [^ \n]+ [^ \n]+(?:\n|$))/.exec(body);
  if (bad) return `分词词典 ${p.dict} 第 ${lineNumberAt(body, bad.index)} 行格式不对（应为「词 词频 词性」）`;
  const hmm = readFileOrReason(p.hmmDict, 'HMM 模型');
  if ('reason' in hmm) return hmm.reason;
  const dataLines = fileLines(hmm.text).filter((l) => l.trim() !== '' && !l.startsWith('#'));
  if (dataLines.length < 9) return `HMM 模型 ${p.hmmDict} 不完整`;
  for (const [file, what] of [
    [p.userDict, '用户词典'],
    [p.idfDict, 'IDF 词典'],
    [p.stopWordDict, '停用词表'],
  ] as const) {
    const r = readFileOrReason(file, what);
    if ('reason' in r) return r.reason;
  }
  return null;
}

export type CutFunction = (text: string) => string[];

export type JiebaLoad = { cut: CutFunction; loadMs: number } | { failure: string };

/** The product's dictionary files, or why they cannot be used (checked as nodejieba needs them). */
export function resolveDictionaryPaths(paths?: DictionaryPaths): { paths: DictionaryPaths } | { failure: string } {
  let p = paths;
  if (!p) {
    const dir = findDictionaryDir();
    if (!dir) return { failure: '找不到分词词典目录 dict/（应由构建脚本生成在 dist/dict/，请重新运行 npm run build）' };
    p = dictionaryPathsIn(dir);
  }
  const problem = checkDictionaryFiles(p);
  return problem ? { failure: problem } : { paths: p };
}

/**
 * The environment variable naming another module to load in place of
 * nodejieba: for diagnosis, and for the tests that make the native load fail
 * for real (a module whose binary is not there, or is not a binary).
 */
export const NODEJIEBA_MODULE_ENV = 'ZONGJIE_NODEJIEBA';

/**
 * Loads nodejieba with explicit dictionary paths in the current thread (blocks
 * for the load). `paths` defaults to the product's dictionaries. Never throws.
 */
export function loadJieba(paths?: DictionaryPaths): JiebaLoad {
  const resolved = resolveDictionaryPaths(paths);
  if ('failure' in resolved) return resolved;
  return loadNodejieba(resolved.paths);
}

/** Loads nodejieba from dictionary files already checked (checkDictionaryFiles). Never throws. */
export function loadNodejieba(p: DictionaryPaths): JiebaLoad {
  let jieba: typeof import('nodejieba');
  try {
    // Loaded lazily: requiring it is what can fail (native binary missing or built for another runtime).
    const other = process.env[NODEJIEBA_MODULE_ENV];
    jieba = other ? require(other) : require('nodejieba');
  } catch (e) {
    return { failure: `无法加载 nodejieba：${firstLine(e)}` };
  }
  const started = performance.now();
  try {
    // nodejieba loads its native binary here, on first use.
    jieba.load({ dict: p.dict, hmmDict: p.hmmDict, userDict: p.userDict, idfDict: p.idfDict, stopWordDict: p.stopWordDict });
  } catch (e) {
    return { failure: `nodejieba 加载失败：${firstLine(e)}` };
  }
  const loadMs = performance.now() - started;
  return { cut: (text) => safeCut(jieba, text), loadMs };
}

/** An error's first sentence: enough to tell why, short enough for a tooltip (nodejieba's advice to npm users is not for them). */
function firstLine(e: unknown): string {
  const line = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  const stop = line.indexOf('. ');
  return stop > 0 ? line.slice(0, stop + 1) : line;
}

/**
 * One cut, guaranteed to return words that concatenate to `text` (the engine maps
 * words back to positions). Without HMM: unknown words fall apart into single
 * characters instead of being guessed, which keeps doubled-character checks
 * predictable; the domain dictionary supplies the genre's words.
 */
function safeCut(jieba: typeof import('nodejieba'), text: string): string[] {
  if (text === '') return [];
  let words: string[];
  try {
    words = jieba.cut(text, false);
  } catch {
    return characterSplit(text);
  }
  // Lone surrogates (a broken paste) fail cppjieba's UTF-8 decoding and lose text.
  if (!Array.isArray(words) || words.join('') !== text) return characterSplit(text);
  return words;
}

/**
 * The fallback segmentation: one word per character (code point), except that
 * runs of ASCII letters and digits stay together. Used for texts a prepared
 * segmenter was not given, and when nodejieba's output does not cover the text.
 */
export function characterSplit(text: string): string[] {
  const out: string[] = [];
  const re = /[A-Za-z0-9]+|[\s\S]/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push(m[0]);
  return out;
}
