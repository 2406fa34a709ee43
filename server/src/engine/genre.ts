/**
 * Which genre (profile) each report of a file is. A file is read under a set
 * of genres: with `auto` (the default) each report gets the genre its title
 * says — or, without a telling title, its opening lines — and the fallback
 * genre (the profile whose data says `fallback`) when neither says one; a
 * collection (汇编) may so mix genres. With one genre named, every report gets
 * it. Everything detection knows comes from the profiles' `detect` data.
 */
import { Profile, ProfileSource, builtInProfileIds, compileProfile, getProfile } from './profile';

/** The setting value that asks for detection. */
export const AUTO = 'auto';

export interface Genres {
  /** `auto`, or the id of the one genre every report gets. */
  id: string;
  /** Unique to this set's compilation (the line memo's key). */
  cacheKey: string;
  /** Every genre the set knows, the most specific first (detection order). */
  profiles: readonly Profile[];
  fallback: Profile;
  /** The genre every report gets, or null for detection. */
  fixed: Profile | null;
  /** Title lines of any genre of the set (for finding reports). */
  titleRegex: RegExp;
  collectionRegex: RegExp;
  byId(id: string): Profile | undefined;
  /** The genre of a report with this title (null: none) and these first lines after it. */
  detect(title: string | null, opening: string): Profile;
  /** The genre a title alone says, or null. */
  detectTitle(title: string): Profile | null;
}

let sets = 0;

/** The union of the profiles' patterns, each tried as it is. */
function union(regexes: RegExp[]): RegExp {
  const sources = [...new Set(regexes.map((r) => r.source))];
  if (sources.length === 1) return regexes[0];
  try {
    return new RegExp(sources.map((s) => `(?:${s})`).join('|'));
  } catch {
    // Two profiles' named groups may clash in one pattern: test each in turn instead.
    const each = regexes.slice();
    const r = /$^/;
    r.test = (text: string) => each.some((x) => x.test(text));
    return r;
  }
}

/**
 * Whether any of `regexes` matches, as one native pattern where they are all
 * plain built-in patterns (no flags, no numbered back-reference): a report's
 * genre is asked of each profile in turn, for every report of a collection.
 * A user's pattern (a LinearRegExp) is never folded into a native one.
 */
function anyOf(regexes: readonly RegExp[]): (text: string) => boolean {
  if (regexes.length === 0) return () => false;
  if (regexes.length === 1) {
    const only = regexes[0];
    return (text) => only.test(text);
  }
  if (regexes.every((r) => Object.getPrototypeOf(r) === RegExp.prototype && r.flags === '' && !/\\[1-9]/.test(r.source))) {
    try {
      const joined = new RegExp(regexes.map((r) => `(?:${r.source})`).join('|'));
      return (text) => joined.test(text);
    } catch {
      // Named groups that clash: each in turn.
    }
  }
  return (text) => regexes.some((r) => r.test(text));
}

/** How far into a report's first line a title run into the text may end. */
const HEAD_TITLE_MAX = 40;

/** The first line when it is short and bare, else its shortest start (at most HEAD_TITLE_MAX characters) that reads as a title, or null. */
function titleAtHead(opening: string, titleRegex: RegExp): string | null {
  const end = opening.indexOf('\n');
  const line = end < 0 ? opening : opening.slice(0, end);
  // A short first line with no sentence in it is a title the title patterns did not take ("……执行情况").
  if (line.length <= HEAD_TITLE_MAX && !/[。，,；;！？!?：:]/.test(line)) return line;
  for (let i = 4; i <= Math.min(HEAD_TITLE_MAX, line.length); i++) {
    const head = line.slice(0, i);
    if (titleRegex.test(head)) return head;
  }
  return null;
}

/** A set of genres: detection among `profiles` (or always `fixed`), falling back to the fallback profile. */
export function genreSet(profiles: readonly Profile[], fixed: Profile | null = null): Genres {
  const ordered = [...profiles].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const fallback = fixed ?? ordered.find((p) => p.data.fallback) ?? ordered[ordered.length - 1];
  const byId = new Map(ordered.map((p) => [p.id, p]));
  const profileTests = ordered.map((p) => ({ profile: p, title: anyOf(p.detectTitle), exclude: anyOf(p.excludeTitle), opening: anyOf(p.detectOpening) }));
  const detectTitle = (title: string): Profile | null => {
    for (const t of profileTests) {
      if (t.title(title) && !t.exclude(title)) return t.profile;
    }
    return null;
  };
  const inSet = fixed ? [fixed] : ordered;
  const titleRegex = union(inSet.map((p) => p.titleRegex));
  return {
    id: fixed ? fixed.id : AUTO,
    cacheKey: `genres#${++sets}:` + inSet.map((p) => p.cacheKey).join(','),
    profiles: ordered,
    fallback,
    fixed,
    titleRegex,
    collectionRegex: union(inSet.map((p) => p.collectionRegex)),
    byId: (id) => byId.get(id),
    detectTitle,
    detect(title, opening) {
      if (fixed) return fixed;
      const byTitle = title === null ? null : detectTitle(title);
      if (byTitle) return byTitle;
      // A title run into the first sentence ("……党建工作总结 一年来，……"): its head, when it names a genre.
      const head = titleAtHead(opening, titleRegex);
      const byHead = head === null ? null : detectTitle(head);
      if (byHead && byHead !== fallback) return byHead;
      if (opening) {
        for (const t of profileTests) if (t.opening(opening)) return t.profile;
      }
      return fallback;
    },
  };
}

const SINGLE = new WeakMap<Profile, Genres>();

/** A set where every report gets `profile` (one set per profile, so the line memo's key stays the same). */
export function singleGenre(profile: Profile): Genres {
  let g = SINGLE.get(profile);
  if (!g) SINGLE.set(profile, (g = genreSet([profile], profile)));
  return g;
}

let builtIn: Genres | null = null;

/** Detection among the built-in genres. */
export function builtInGenres(): Genres {
  return (builtIn ??= genreSet(builtInProfileIds().map((id) => getProfile(id))));
}

/**
 * Detection among the built-in genres and the user's own profiles: a user
 * profile with the id of a built-in one replaces it. Profiles that fail to
 * compile are left out (their problems are the caller's to show), so the
 * built-in genre of that id stays in use meanwhile.
 */
export function genresWith(user: readonly ProfileSource[]): { genres: Genres; problems: string[] } {
  const problems: string[] = [];
  const byId = new Map(builtInProfileIds().map((id) => [id, getProfile(id)]));
  for (const { origin, data } of user) {
    try {
      const p = compileProfile(data, origin);
      byId.set(p.id, p);
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
    }
  }
  if (problems.length === 0 && user.length === 0) return { genres: builtInGenres(), problems };
  return { genres: genreSet([...byId.values()]), problems };
}

/**
 * The genres for a setting value: `auto` (or nothing) for detection, a genre's
 * id or a profile file's path for that one genre. Throws ProfileError (Chinese).
 */
export function getGenres(idOrPath: string = AUTO, among: Genres = builtInGenres()): Genres {
  if (idOrPath === AUTO) return among;
  const known = among.byId(idOrPath);
  if (known) return singleGenre(known);
  return singleGenre(getProfile(idOrPath));
}
