/**
 * Profiles describe the standard outline of a genre as data: its parts (slots),
 * which are required and in what order, the words that mark each part in a
 * heading or in running text. The engine never names a part in code; it reads
 * them from here. `ideology-summary` is built in; a user may pass a JSON file
 * of the same shape.
 */
import * as fs from 'node:fs';
import ideologySummary from '../profiles/ideology-summary.json';
import { NEVER, UserPatternError, compileUserPattern, refusalSummary } from './safe-regex';

export interface ProfilePartData {
  slot: string;
  name: string;
  /** What the part must say, for messages. */
  purpose: string;
  required: boolean;
  order: number | null;
  standardHeading: string;
  headingVariants: string[];
  headingPatterns: string[];
  runningTextPatterns: string[];
}

export interface ProfileData {
  id: string;
  name: string;
  description: string;
  title: { pattern: string; collectionPattern: string; genrePattern: string };
  parts: ProfilePartData[];
  topicVerbs: string[];
  problemWords: string[];
}

export interface ProfilePart extends ProfilePartData {
  headingRegexes: RegExp[];
  runningTextRegexes: RegExp[];
}

/** A profile with its patterns compiled once. */
export interface Profile {
  data: ProfileData;
  id: string;
  name: string;
  parts: ProfilePart[];
  titleRegex: RegExp;
  collectionRegex: RegExp;
  genreRegex: RegExp;
  topicVerbs: string[];
  problemWords: string[];
  part(slot: string): ProfilePart | undefined;
  /** The parts that have a place in the order, in that order (the first is the work done, in a summary). */
  ordered: ProfilePart[];
  /**
   * Chinese, one message at most: the profile's patterns that could not run and
   * were turned off (a user profile's patterns run on the linear-time engine).
   */
  warnings: string[];
}

export class ProfileError extends Error {}

const BUILT_IN: Record<string, ProfileData> = {
  [ideologySummary.id]: ideologySummary as ProfileData,
};

export const DEFAULT_PROFILE_ID = ideologySummary.id;

export function builtInProfileIds(): string[] {
  return Object.keys(BUILT_IN);
}

const compiled = new Map<string, Profile>();

/** Compiles and validates profile data; throws ProfileError with a Chinese message. */
export function compileProfile(data: ProfileData, origin = data?.id ?? '?', builtIn = false): Profile {
  const fail = (what: string): never => {
    throw new ProfileError(`配置档案「${origin}」无效：${what}`);
  };
  if (!data || typeof data !== 'object') fail('内容不是 JSON 对象');
  if (typeof data.id !== 'string' || !data.id) fail('缺少 id');
  if (!Array.isArray(data.parts) || data.parts.length === 0) fail('缺少 parts（组成部分）列表');
  const refused: { where: string; source: string; reason: string }[] = [];
  const regex = (source: unknown, where: string, flags = ''): RegExp => {
    if (typeof source !== 'string') return fail(`${where} 不是字符串`);
    try {
      new RegExp(source, flags);
    } catch (e) {
      return fail(`${where} 的正则表达式「${source}」写法有误`);
    }
    // Our own profiles are reviewed; a user's patterns run in linear time, and
    // one that cannot is turned off rather than failing the whole profile.
    if (builtIn) return new RegExp(source, flags);
    try {
      return compileUserPattern(source, flags);
    } catch (e) {
      if (!(e instanceof UserPatternError)) throw e;
      refused.push({ where: `${where} `, source, reason: e.reason });
      return NEVER;
    }
  };
  const parts: ProfilePart[] = data.parts.map((p, i) => {
    if (!p || typeof p.slot !== 'string' || typeof p.name !== 'string') fail(`第 ${i + 1} 个部分缺少 slot 或 name`);
    return {
      ...p,
      purpose: typeof p.purpose === 'string' ? p.purpose : p.name,
      required: Boolean(p.required),
      order: typeof p.order === 'number' ? p.order : null,
      headingVariants: Array.isArray(p.headingVariants) ? p.headingVariants : [],
      standardHeading: typeof p.standardHeading === 'string' ? p.standardHeading : p.name,
      headingPatterns: p.headingPatterns ?? [],
      runningTextPatterns: p.runningTextPatterns ?? [],
      headingRegexes: (p.headingPatterns ?? []).map((s, j) => regex(s, `${p.slot}.headingPatterns[${j}]`)),
      runningTextRegexes: (p.runningTextPatterns ?? []).map((s, j) => regex(s, `${p.slot}.runningTextPatterns[${j}]`)),
    };
  });
  const bySlot = new Map(parts.map((p) => [p.slot, p]));
  return {
    data,
    id: data.id,
    name: data.name ?? data.id,
    parts,
    titleRegex: regex(data.title?.pattern, 'title.pattern'),
    collectionRegex: regex(data.title?.collectionPattern ?? '(汇编|合集)$', 'title.collectionPattern'),
    genreRegex: regex(data.title?.genrePattern ?? '.', 'title.genrePattern'),
    topicVerbs: Array.isArray(data.topicVerbs) ? data.topicVerbs : [],
    problemWords: Array.isArray(data.problemWords) ? data.problemWords : [],
    part: (slot) => bySlot.get(slot),
    ordered: parts.filter((p) => p.order !== null).sort((a, b) => a.order! - b.order!),
    warnings: refused.length ? [refusalSummary(`配置档案「${origin}」中有 ${refused.length} 个正则表达式无法使用：`, refused)] : [],
  };
}

/**
 * Returns a built-in profile by id, or loads a profile JSON file when `idOrPath`
 * names one. Throws ProfileError (Chinese message) for an unknown id or a bad file.
 */
export function getProfile(idOrPath: string = DEFAULT_PROFILE_ID): Profile {
  const cached = compiled.get(idOrPath);
  if (cached) return cached;
  let data: ProfileData;
  if (BUILT_IN[idOrPath]) {
    data = BUILT_IN[idOrPath];
  } else if (/\.json$/i.test(idOrPath)) {
    let text: string;
    try {
      text = fs.readFileSync(idOrPath, 'utf8');
    } catch {
      throw new ProfileError(`无法读取配置档案文件「${idOrPath}」`);
    }
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      throw new ProfileError(`配置档案文件「${idOrPath}」不是有效的 JSON`);
    }
  } else {
    throw new ProfileError(`没有名为「${idOrPath}」的配置档案；可用的有：${builtInProfileIds().join('、')}`);
  }
  const profile = compileProfile(data, idOrPath, BUILT_IN[idOrPath] === data);
  compiled.set(idOrPath, profile);
  return profile;
}
