/**
 * A team's shared configuration: `.zongjie.json` (JSON with comments) in the
 * workspace root or any folder above a draft. Every such file from the draft's
 * folder up to the root applies, the nearest first: a nearer file's settings
 * override a farther one's (severities rule by rule), and the dictionaries and
 * placeholder patterns of all of them add up (for the same wrong word or word
 * to avoid, the nearest entry wins).
 *
 * Keys (the same as the editor's settings, without `zongjie.`):
 *   enable, profile (the genre of the drafts below), severity, placeholderPatterns,
 * and the team dictionary:
 *   dictionary.replace: [{ wrong, right, reason, source, match: [...], noMatch: [...] }]
 *   dictionary.avoid:   [{ word, reason, source, match: [...], noMatch: [...] }]
 * `match` are sentences the entry must flag, `noMatch` sentences it must leave
 * alone; `zongjie config --check` tests them (checkDictionaryExamples).
 *
 * A broken entry yields one Chinese problem naming the file, the line and the
 * key; the rest of the file still applies. Used by the CLI and the language
 * server alike; reading is by path, so front ends decide when to read again
 * (ConfigCache re-reads a file when its modification time changes).
 */
import { tryCompileUserPattern } from '../engine/safe-regex';
import fs = require('node:fs');
import path = require('node:path');
import { Profile } from '../engine/profile';
import { AvoidEntry, DictionaryExamples, ReplaceEntry, TeamDictionary, entryHits } from '../engine/team-dictionary';
import { SEVERITIES, Severity } from '../engine/types';
import { JsonValue, JsoncError, childPath, parseJsonc } from './jsonc';

export const CONFIG_FILE = '.zongjie.json';

export type { AvoidEntry, ReplaceEntry, TeamDictionary };

export type SeverityChoice = Severity | 'off';

export interface ConfigProblem {
  file: string;
  /** 1-based. */
  line: number;
  /** The key path, e.g. "dictionary.replace[2].right". */
  key: string;
  /** Chinese: what is wrong and what happens instead. */
  message: string;
}

/** The configuration that applies to drafts in one folder. */
export interface TeamConfig {
  /** The config files that apply, nearest first (empty: none). */
  files: string[];
  enable?: boolean;
  profile?: Profile;
  severities: Record<string, SeverityChoice>;
  placeholderPatterns: RegExp[];
  dictionary: TeamDictionary;
  problems: ConfigProblem[];
}

export interface ConfigEnvironment {
  /** Ids of the rules the engine runs. */
  ruleIds: readonly string[];
  /** A profile by id or JSON path; throws with a Chinese message. */
  loadProfile(idOrPath: string): Profile;
  /** An extra screen for user patterns, or null to accept (they already run in linear time, engine/safe-regex.ts). */
  patternProblem(source: string): string | null;
}

export const EMPTY_CONFIG: TeamConfig = Object.freeze({
  files: [],
  severities: {},
  placeholderPatterns: [],
  dictionary: { replace: [], avoid: [] },
  problems: [],
}) as TeamConfig;

const SEVERITY_WORDS: readonly SeverityChoice[] = [...SEVERITIES, 'off'];
const TOP_KEYS = ['$schema', 'enable', 'profile', 'severity', 'placeholderPatterns', 'dictionary'];

/** One file's contribution, before merging. */
interface FileConfig {
  enable?: boolean;
  profile?: Profile;
  severities: Record<string, SeverityChoice>;
  placeholderPatterns: RegExp[];
  dictionary: TeamDictionary;
  problems: ConfigProblem[];
}

function isObject(v: unknown): v is { [k: string]: JsonValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  const s = typeof v === 'string' ? `「${v}」` : JSON.stringify(v) ?? String(v);
  return s.length > 40 ? s.slice(0, 40) + '…' : s;
}

/** Reads and checks one config file; a file that cannot be read or parsed is one problem. */
export function readConfigFile(file: string, env: ConfigEnvironment): FileConfig {
  const out: FileConfig = { severities: {}, placeholderPatterns: [], dictionary: { replace: [], avoid: [] }, problems: [] };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    out.problems.push({ file, line: 1, key: '', message: `无法读取（${(e as NodeJS.ErrnoException).code ?? String(e)}），整个文件未生效。` });
    return out;
  }
  let doc;
  try {
    doc = parseJsonc(text);
  } catch (e) {
    if (e instanceof JsoncError) {
      out.problems.push({ file, line: e.line, key: '', message: `不是有效的 JSON：${e.message}；整个文件未生效。` });
      return out;
    }
    throw e;
  }
  // A missing key is told at the line of the object that lacks it.
  const lineOf = (key: string): number => {
    for (let k = key; ; ) {
      const line = doc.lines.get(k);
      if (line !== undefined) return line;
      if (k === '') return 1;
      const parent = k.replace(/(?:\.[^.[\]]*|\[\d+\])$/, '');
      k = parent === k ? '' : parent;
    }
  };
  const problem = (key: string, message: string) => out.problems.push({ file, line: lineOf(key), key, message });
  const root = doc.value;
  if (!isObject(root)) {
    problem('', `应为一个对象（{ … }），而不是 ${show(root)}；整个文件未生效。`);
    return out;
  }
  for (const k of Object.keys(root)) if (!TOP_KEYS.includes(k)) problem(k, `未知的键「${k}」，已忽略（可用的键：${TOP_KEYS.slice(1).join('、')}）。`);

  if ('enable' in root) {
    if (typeof root.enable === 'boolean') out.enable = root.enable;
    else problem('enable', `enable 应为 true 或 false，而不是 ${show(root.enable)}；已忽略。`);
  }
  if ('profile' in root) {
    const p = root.profile;
    if (typeof p !== 'string' || p.trim() === '') problem('profile', `profile 应为配置档案的名称或 JSON 文件路径，而不是 ${show(p)}；已忽略。`);
    else {
      // A path is relative to the config file's folder; a name is a built-in profile.
      const idOrPath = /[\\/]|\.json$/i.test(p) ? path.resolve(path.dirname(file), p) : p;
      try {
        out.profile = env.loadProfile(idOrPath);
      } catch (e) {
        problem('profile', `${e instanceof Error ? e.message : String(e)}；已忽略。`);
      }
    }
  }
  if ('severity' in root) {
    const s = root.severity;
    if (!isObject(s)) problem('severity', `severity 应为「规则: 级别」的对象，而不是 ${show(s)}；已忽略。`);
    else
      for (const [rule, level] of Object.entries(s)) {
        const key = childPath('severity', rule);
        if (!env.ruleIds.includes(rule)) problem(key, `没有名为「${rule}」的规则，已忽略（规则：${env.ruleIds.join('、')}）。`);
        else if (typeof level !== 'string' || !SEVERITY_WORDS.includes(level as SeverityChoice)) {
          problem(key, `规则 ${rule} 的级别应为 ${SEVERITY_WORDS.join('、')} 之一，而不是 ${show(level)}；已忽略。`);
        } else out.severities[rule] = level as SeverityChoice;
      }
  }
  if ('placeholderPatterns' in root) {
    const list = root.placeholderPatterns;
    if (!Array.isArray(list)) problem('placeholderPatterns', `placeholderPatterns 应为正则表达式字符串的列表，而不是 ${show(list)}；已忽略。`);
    else
      list.forEach((source, i) => {
        const key = childPath('placeholderPatterns', i);
        if (typeof source !== 'string' || source === '') return problem(key, `占位符写法应为非空的正则表达式字符串，而不是 ${show(source)}；已忽略这一项。`);
        // A team's patterns run on the linear-time engine (engine/safe-regex.ts), like the user's settings.
        const compiled = tryCompileUserPattern(source, 'g');
        if ('reason' in compiled) return problem(key, `占位符写法 ${show(source)} ${compiled.reason}；已忽略这一项。`);
        const unsafe = env.patternProblem(source);
        if (unsafe) return problem(key, `占位符写法 ${show(source)} 可能导致检查长时间卡住（${unsafe}）；已忽略这一项。`);
        out.placeholderPatterns.push(compiled.re);
      });
  }
  if ('dictionary' in root) readDictionary(root.dictionary, file, lineOf, problem, out.dictionary);
  return out;
}

function readDictionary(
  d: JsonValue,
  file: string,
  lineOf: (key: string) => number,
  problem: (key: string, message: string) => void,
  out: TeamDictionary,
): void {
  if (!isObject(d)) return problem('dictionary', `dictionary 应为包含 replace 和 avoid 的对象，而不是 ${show(d)}；已忽略。`);
  for (const k of Object.keys(d)) if (k !== 'replace' && k !== 'avoid') problem(childPath('dictionary', k), `dictionary 中未知的键「${k}」，已忽略（可用：replace、avoid）。`);
  const text = (v: JsonValue | undefined): v is string => typeof v === 'string' && v.trim() !== '';
  const examples = (e: { [k: string]: JsonValue }, key: string): DictionaryExamples | null => {
    const ex: DictionaryExamples = { match: [], noMatch: [] };
    for (const field of ['match', 'noMatch'] as const) {
      if (!(field in e)) continue;
      const list = e[field];
      if (!Array.isArray(list) || !list.every((x) => typeof x === 'string')) {
        problem(childPath(key, field), `${field} 应为例句（字符串）的列表，而不是 ${show(list)}；这一条已忽略。`);
        return null;
      }
      ex[field] = list as string[];
    }
    return ex;
  };
  const optional = (e: { [k: string]: JsonValue }, key: string, field: string): string | undefined | null => {
    if (!(field in e)) return undefined;
    if (typeof e[field] === 'string') return e[field] as string;
    problem(childPath(key, field), `${field} 应为文字，而不是 ${show(e[field])}；这一条已忽略。`);
    return null;
  };
  const list = (name: 'replace' | 'avoid'): { e: { [k: string]: JsonValue }; key: string }[] => {
    if (!(name in d)) return [];
    const l = d[name];
    if (!Array.isArray(l)) {
      problem(childPath('dictionary', name), `dictionary.${name} 应为词条的列表，而不是 ${show(l)}；已忽略。`);
      return [];
    }
    const out2: { e: { [k: string]: JsonValue }; key: string }[] = [];
    l.forEach((e, i) => {
      const key = childPath(childPath('dictionary', name), i);
      if (isObject(e)) out2.push({ e, key });
      else problem(key, `词条应为对象，而不是 ${show(e)}；已忽略这一条。`);
    });
    return out2;
  };
  for (const { e, key } of list('replace')) {
    const known = ['wrong', 'right', 'reason', 'source', 'match', 'noMatch'];
    for (const k of Object.keys(e)) if (!known.includes(k)) problem(childPath(key, k), `词条中未知的键「${k}」，已忽略（可用：${known.join('、')}）。`);
    if (!text(e.wrong)) {
      problem(childPath(key, 'wrong'), `词条缺少 wrong（要找出的错误说法），这一条已忽略。`);
      continue;
    }
    if (typeof e.right !== 'string') {
      problem(childPath(key, 'right'), `词条「${e.wrong}」缺少 right（正确的说法），这一条已忽略。`);
      continue;
    }
    if (e.right === e.wrong) {
      problem(childPath(key, 'right'), `词条「${e.wrong}」的 right 与 wrong 相同，这一条已忽略。`);
      continue;
    }
    const reason = optional(e, key, 'reason');
    const source = optional(e, key, 'source');
    const ex = examples(e, key);
    if (reason === null || source === null || !ex) continue;
    out.replace.push({ wrong: e.wrong, right: e.right, reason, source, ...ex, file, line: lineOf(key) });
  }
  for (const { e, key } of list('avoid')) {
    const known = ['word', 'reason', 'source', 'match', 'noMatch'];
    for (const k of Object.keys(e)) if (!known.includes(k)) problem(childPath(key, k), `词条中未知的键「${k}」，已忽略（可用：${known.join('、')}）。`);
    if (!text(e.word)) {
      problem(childPath(key, 'word'), `词条缺少 word（要避免的说法），这一条已忽略。`);
      continue;
    }
    const reason = optional(e, key, 'reason');
    const source = optional(e, key, 'source');
    const ex = examples(e, key);
    if (reason === null || source === null || !ex) continue;
    out.avoid.push({ word: e.word, reason, source, ...ex, file, line: lineOf(key) });
  }
}

/** The config files that apply to drafts in `dir`: `.zongjie.json` in it and in every folder above, nearest first. */
export function configFilesFor(dir: string): string[] {
  const out: string[] = [];
  let d = path.resolve(dir);
  for (;;) {
    const f = path.join(d, CONFIG_FILE);
    try {
      // Asked on every keystroke, for each folder up to the root: a missing file answers undefined (a thrown error cost five times as much).
      if (fs.statSync(f, { throwIfNoEntry: false })?.isFile()) out.push(f);
    } catch {
      // None here.
    }
    const parent = path.dirname(d);
    if (parent === d) return out;
    d = parent;
  }
}

/** Merges file configs given nearest first. */
export function mergeConfigs(files: string[], parts: FileConfig[]): TeamConfig {
  const merged: TeamConfig = { files, severities: {}, placeholderPatterns: [], dictionary: { replace: [], avoid: [] }, problems: [] };
  const wrongs = new Set<string>();
  const words = new Set<string>();
  // Farthest first for the settings (nearer ones override), nearest first for the lists.
  for (const p of [...parts].reverse()) {
    if (p.enable !== undefined) merged.enable = p.enable;
    if (p.profile) merged.profile = p.profile;
    Object.assign(merged.severities, p.severities);
  }
  for (const p of parts) {
    merged.placeholderPatterns.push(...p.placeholderPatterns);
    for (const r of p.dictionary.replace) if (!wrongs.has(r.wrong) && (wrongs.add(r.wrong), true)) merged.dictionary.replace.push(r);
    for (const a of p.dictionary.avoid) if (!words.has(a.word) && (words.add(a.word), true)) merged.dictionary.avoid.push(a);
    merged.problems.push(...p.problems);
  }
  return merged;
}

/**
 * Reads config files, each again only when its size or modification time has
 * changed: the language server asks on every check, so an edit to a team's
 * file applies at the next keystroke without a restart.
 */
export class ConfigCache {
  private readonly files = new Map<string, { stamp: string; config: FileConfig }>();

  constructor(private readonly env: ConfigEnvironment) {}

  /** The configuration for drafts in `dir`. */
  forDirectory(dir: string): TeamConfig {
    const files = configFilesFor(dir);
    if (files.length === 0) return EMPTY_CONFIG;
    return mergeConfigs(
      files,
      files.map((f) => this.file(f)),
    );
  }

  private file(f: string): FileConfig {
    let stamp = '';
    try {
      const s = fs.statSync(f);
      stamp = `${s.size}:${s.mtimeMs}`;
    } catch {
      // Gone since it was listed: read() reports it.
    }
    const hit = this.files.get(f);
    if (hit && hit.stamp === stamp && stamp !== '') return hit.config;
    const config = readConfigFile(f, this.env);
    this.files.set(f, { stamp, config });
    return config;
  }
}

/** A problem as one line: `file:line: key：message`. */
export function problemLine(p: ConfigProblem): string {
  return `${p.file}:${p.line}：${p.key ? `${p.key}：` : ''}${p.message}`;
}

/**
 * A conservative screen for placeholder patterns where the editor's own
 * (lsp/pattern-safety.ts) is not at hand: too long, back-references, or a
 * quantified group, the shapes behind catastrophic backtracking.
 */
export function basicPatternProblem(source: string): string | null {
  if (source.length > 200) return '超过 200 个字符';
  if (/\\[1-9]|\\k</.test(source)) return '含有反向引用';
  if (/\)(?:[*+]|\{\d+,\d*\})/.test(source)) return '含有重复的分组';
  return null;
}

/** Where a dictionary entry's examples disagree with what it flags. */
export interface ExampleFailure {
  entry: ReplaceEntry | AvoidEntry;
  example: string;
  /** `match`: should have been flagged and was not; `noMatch`: was flagged and should not have been. */
  kind: 'match' | 'noMatch';
}

/**
 * The dictionary's self-test (`zongjie config --check`): every `match` example
 * is flagged by its own entry, no `noMatch` example is. It uses the matcher
 * the team-wording rule uses, so it tests what the checks do.
 */
export function checkDictionaryExamples(dict: TeamDictionary): ExampleFailure[] {
  const out: ExampleFailure[] = [];
  for (const entry of [...dict.replace, ...dict.avoid]) {
    for (const example of entry.match) if (entryHits(entry, example).length === 0) out.push({ entry, example, kind: 'match' });
    for (const example of entry.noMatch) if (entryHits(entry, example).length > 0) out.push({ entry, example, kind: 'noMatch' });
  }
  return out;
}
