/**
 * The user's own genres: every `.zongjie/profiles/*.json` of the workspace
 * folders adds a genre, or replaces the built-in genre of the same id. They
 * are read when first needed and again after the client reports a change to
 * one of them (workspace/didChangeWatchedFiles), so an edit takes effect
 * without a restart. A profile that cannot be used yields one Chinese problem
 * naming the file and the field; the built-in genres are used meanwhile.
 */
import { fileURLToPath } from 'node:url';
import { Genres, builtInGenres, genresWith } from '../engine/genre';
import { ProfileSource, readProfileFolder } from '../engine/profile';

/** Where the user's profiles live, inside a workspace folder. */
export const USER_PROFILE_DIR = '.zongjie/profiles';

export interface UserGenres {
  genres: Genres;
  /** Chinese, one per profile that cannot be used. */
  problems: string[];
}

export class UserProfiles {
  private folders: string[] = [];
  private cached: UserGenres | null = null;

  /** The workspace folders (file URIs or paths); others are ignored. */
  setFolders(uris: readonly string[]): void {
    this.folders = [];
    for (const uri of uris) {
      try {
        this.folders.push(uri.startsWith('file:') ? fileURLToPath(uri) : uri);
      } catch {
        // Not a local folder (a virtual workspace): it holds no profile files we can read.
      }
    }
    this.cached = null;
  }

  /** A profile file changed: read them all again when next needed. */
  invalidate(): void {
    this.cached = null;
  }

  /** True when `uri` is one of the user's profile files. */
  static isProfileFile(uri: string): boolean {
    return /[\\/]\.zongjie[\\/]profiles[\\/][^\\/]+\.json$/i.test(decodeURIComponent(uri));
  }

  get(): UserGenres {
    if (this.cached) return this.cached;
    const sources: ProfileSource[] = [];
    const problems: string[] = [];
    for (const folder of this.folders) {
      const found = readProfileFolder(folder.replace(/[\\/]+$/, '') + '/' + USER_PROFILE_DIR);
      sources.push(...found.sources);
      problems.push(...found.problems);
    }
    if (sources.length === 0) return (this.cached = { genres: builtInGenres(), problems });
    const compiled = genresWith(sources);
    return (this.cached = { genres: compiled.genres, problems: [...problems, ...compiled.problems] });
  }
}
