/**
 * The team configuration (`.zongjie.json`, config/team-config.ts) of each open
 * document, read from the document's folder up. Files are read again when
 * they change (by modification time); the client's file watcher makes every
 * open document checked again at once with the new file; each distinct
 * problem in a file is shown to the user once.
 *
 * A folder's answer is kept for FRESH_MS: looking it up stats .zongjie.json in
 * every folder up to the root, which took tens of microseconds of every
 * keystroke. A watcher's event drops what is kept; an editor without a watcher
 * sees a changed file at the first check after FRESH_MS.
 */
import path = require('node:path');
import { fileURLToPath } from 'node:url';
import { ConfigCache, EMPTY_CONFIG, TeamConfig, problemLine } from '../config/team-config';
import { getProfile } from '../engine/profile';

const FRESH_MS = 1000;

export class TeamConfigStore {
  private readonly cache: ConfigCache;
  private readonly told = new Set<string>();
  private readonly byDirectory = new Map<string, { at: number; config: TeamConfig }>();

  constructor(
    ruleIds: readonly string[],
    private readonly warn: (message: string) => void,
    /** Milliseconds, for the freshness of a folder's answer (tests pass their own clock). */
    private readonly now: () => number = () => performance.now(),
  ) {
    this.cache = new ConfigCache({ ruleIds, loadProfile: getProfile, patternProblem: () => null });
  }

  /** The configuration for the document at `uri` (none for documents that are not files). */
  forUri(uri: string): TeamConfig {
    if (!uri.startsWith('file:')) return EMPTY_CONFIG;
    let file: string;
    try {
      file = fileURLToPath(uri);
    } catch {
      return EMPTY_CONFIG;
    }
    const dir = path.dirname(file);
    const now = this.now();
    const kept = this.byDirectory.get(dir);
    if (kept && now - kept.at < FRESH_MS) return kept.config;
    const config = this.cache.forDirectory(dir);
    this.byDirectory.set(dir, { at: now, config });
    for (const p of config.problems) {
      const line = problemLine(p);
      if (this.told.has(line)) continue;
      this.told.add(line);
      this.warn(`团队配置有误：${line}`);
    }
    return config;
  }

  /** A .zongjie.json was created, changed or deleted: read the folders again at the next check. */
  invalidate(): void {
    this.byDirectory.clear();
  }
}
