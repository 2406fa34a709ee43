/**
 * The server's settings (section `zongjie`), checked before use.
 *
 * Settings come from the user's settings.json or an LSP client's config, so any
 * value may have any type. Each setting is checked on its own: a broken one
 * falls back to its default (for the map and list settings: the broken entry
 * alone is dropped) and yields a problem in Chinese that says which setting and
 * that the default is used. The server shows each distinct problem once.
 *
 * Pure: the profile loader is passed in, so tests need no files.
 */
import { SeveritySetting } from '../features/analyze';
import { AUTO, Genres } from '../engine/genre';
import { ProfileError } from '../engine/profile';
import { SEVERITIES } from '../engine/types';
import { SETTINGS_SECTION } from '../protocol';
import { refusalSummary, tryCompileUserPattern } from '../engine/safe-regex';


/** The settings as the server uses them. */
export interface EffectiveSettings {
  /** False: no diagnostics at all (outline and folding stay). */
  enable: boolean;
  /** The genres reports are read under: detection (auto) or one genre for all. */
  profile: Genres;
  /** Severity per rule id, or 'off'; rules not named keep their default. */
  severities: Record<string, SeveritySetting>;
  /** The user's extra placeholder patterns, compiled, in the order given. */
  placeholderPatterns: RegExp[];
}

export interface SettingProblem {
  /** The full setting name, e.g. "zongjie.severity". */
  setting: string;
  /** Chinese, complete: what is wrong and what is used instead. */
  message: string;
}

export interface SettingsEnvironment {
  /** Ids of the rules the engine runs. */
  ruleIds: readonly string[];
  /** Ids of the built-in profiles, for messages. */
  profileIds: readonly string[];
  /** Returns the genres for `auto`, a genre's id or a .json path; throws ProfileError with a Chinese message. */
  loadProfile(idOrPath: string): Genres;
  /** Problems with the user's own profile files (.zongjie/profiles), in Chinese. */
  profileProblems?(): readonly string[];
}

export interface ValidatedSettings {
  settings: EffectiveSettings;
  problems: SettingProblem[];
}

const SEVERITY_WORDS: readonly SeveritySetting[] = [...SEVERITIES, 'off'];

function describe(value: unknown): string {
  if (typeof value === 'string') return `「${value}」`;
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json.length > 40 ? json.slice(0, 40) + '…' : json;
  } catch {
    // Circular values cannot come from JSON settings; fall through to the type name.
  }
  return typeof value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks raw settings (the object under `zongjie`, or null/undefined when the
 * client has none) and returns what to use plus the problems found.
 */
export function validateSettings(raw: unknown, env: SettingsEnvironment): ValidatedSettings {
  const problems: SettingProblem[] = [];
  const problem = (setting: string, message: string) => problems.push({ setting, message });
  const defaultProfile = env.loadProfile(AUTO);
  const settings: EffectiveSettings = { enable: true, profile: defaultProfile, severities: {}, placeholderPatterns: [] };

  // The user's profile files: each one that cannot be used is named; the built-in genres stand in.
  for (const p of env.profileProblems?.() ?? []) {
    problem('zongjie.profile', `${p.replace(/[。.]$/, '')}。在改正之前，Zongjie 按内置文体检查。`);
  }

  if (raw === null || raw === undefined) return { settings, problems };
  if (!isPlainObject(raw)) {
    problem(SETTINGS_SECTION, `设置 zongjie 应为一组设置项（对象），而不是 ${describe(raw)}；已全部使用默认值。`);
    return { settings, problems };
  }

  // zongjie.enable
  const enable = raw.enable;
  if (enable !== undefined && enable !== null) {
    if (typeof enable === 'boolean') settings.enable = enable;
    else problem('zongjie.enable', `设置 zongjie.enable 应为 true 或 false，而不是 ${describe(enable)}；已使用默认值 true。`);
  }

  // zongjie.profile
  const profile = raw.profile;
  if (profile !== undefined && profile !== null && profile !== '') {
    if (typeof profile !== 'string') {
      problem('zongjie.profile', `设置 zongjie.profile 应为配置档案的名称，而不是 ${describe(profile)}；已使用默认值「${AUTO}」（自动识别文体）。`);
    } else {
      try {
        settings.profile = env.loadProfile(profile);
        for (const w of new Set(settings.profile.profiles.flatMap((g) => g.warnings ?? []))) problem('zongjie.profile', w);
      } catch (e) {
        const reason =
          e instanceof ProfileError
            ? e.message.replace(/[。.]$/, '')
            : `没有名为「${profile}」的配置档案；可用的有：${env.profileIds.join('、')}`;
        problem('zongjie.profile', `设置 zongjie.profile 无效：${reason}。已使用默认值「${AUTO}」（自动识别文体）。`);
      }
    }
  }

  // zongjie.severity
  const severity = raw.severity;
  if (severity !== undefined && severity !== null) {
    if (!isPlainObject(severity)) {
      problem('zongjie.severity', `设置 zongjie.severity 应为“规则 → 级别”的对象，而不是 ${describe(severity)}；已使用各规则的默认级别。`);
    } else {
      for (const [rule, level] of Object.entries(severity)) {
        if (!env.ruleIds.includes(rule)) {
          problem(
            'zongjie.severity',
            `设置 zongjie.severity 中的规则「${rule}」不存在（可用的规则有：${env.ruleIds.join('、')}）；已忽略该项。`,
          );
        } else if (typeof level !== 'string' || !SEVERITY_WORDS.includes(level as SeveritySetting)) {
          problem(
            'zongjie.severity',
            `设置 zongjie.severity 中规则「${rule}」的级别 ${describe(level)} 无效，应为 error、warning、information、hint 或 off；已使用该规则的默认级别。`,
          );
        } else {
          settings.severities[rule] = level as SeveritySetting;
        }
      }
    }
  }

  // zongjie.placeholderPatterns
  const patterns = raw.placeholderPatterns;
  if (patterns !== undefined && patterns !== null) {
    if (!Array.isArray(patterns)) {
      problem(
        'zongjie.placeholderPatterns',
        `设置 zongjie.placeholderPatterns 应为正则表达式字符串的列表，而不是 ${describe(patterns)}；已使用默认值（不加额外的占位符）。`,
      );
    } else {
      // Entries that cannot be used make one message (the first few named), however many there are.
      const refused: { where: string; source: string; reason: string }[] = [];
      patterns.forEach((source, i) => {
        const where = `第 ${i + 1} 项`;
        if (typeof source !== 'string' || source === '') {
          refused.push({ where, source: '', reason: `应为非空的正则表达式字符串，而不是 ${describe(source)}` });
          return;
        }
        // User patterns run in linear time (engine/safe-regex.ts): no pattern can hang the server.
        const compiled = tryCompileUserPattern(source, 'g');
        if ('reason' in compiled) refused.push({ where, source, reason: compiled.reason });
        else settings.placeholderPatterns.push(compiled.re);
      });
      if (refused.length) {
        problem('zongjie.placeholderPatterns', refusalSummary(`设置 zongjie.placeholderPatterns 中有 ${refused.length} 项无法使用：`, refused));
      }
    }
  }

  return { settings, problems };
}
